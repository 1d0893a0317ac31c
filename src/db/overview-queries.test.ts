import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleDistrict } from '../../test/sample-district-db.ts';
import { loadFile } from '../app/load-file.ts';
import { TONGNAN } from '../district/tongnan.ts';
import type { DbClient } from './client.ts';
import { openNodeDb } from './node-client.ts';
import {
  loadCompleteness,
  loadHeatmap,
  loadKeyFigures,
  loadProfile,
  loadYearTablePage,
} from './overview-queries.ts';
import { listYears, loadRanking, loadTrend, loadYearCells, type TableSort } from './queries.ts';
import { applySchema, replaceTownships } from './schema.ts';
import { loadTrendBands, loadTrendLeaders, loadTrendView } from './trend-queries.ts';

/**
 * test/fixtures/views-small.csv: 桂林街道, 梓潼街道, 上和镇 and 宝龙镇, 2021–2023, plus 宝龙镇 alone
 * in 2020. Missing: 桂林街道 2023 法律咨询 (—), 上和镇 2022 干部培训 (blank) and 调解成功率 (no
 * row), 上和镇 2023 法律咨询 (no row). Approximate: 梓潼街道 2021 法律咨询 800多, 梓潼街道 2022
 * 干部培训 20余, 上和镇 2022 法律咨询 300余, 宝龙镇 2023 法治考试应考 90余. Every expectation below
 * is worked out by hand from that file.
 */
const FIXTURE = new URL('../../test/fixtures/views-small.csv', import.meta.url);
const NAMES = ['桂林街道', '梓潼街道', '上和镇', '宝龙镇'];
const FIXTURE_TOWNSHIPS = TONGNAN.townships.filter((t) => NAMES.includes(t.name));
const GUILIN = '500152001';
const ZITONG = '500152002';
const SHANGHE = '500152101';
const BAOLONG = '500152104';

let db: DbClient;

beforeAll(async () => {
  db = await openNodeDb();
  await applySchema(db);
  await replaceTownships(db, FIXTURE_TOWNSHIPS);
  const result = await loadFile(db, readFileSync(FIXTURE), 'views-small.csv', FIXTURE_TOWNSHIPS, false);
  expect(result.ok).toBe(true);
});

afterAll(async () => {
  await db.close();
});

describe('key figures (总览)', () => {
  it('2022 against 2021: sums, the pooled success rate, the mean pass rate, with 同比', async () => {
    const { year, townshipCount, figures } = await loadKeyFigures(db, 2022);
    expect(year).toBe(2022);
    expect(townshipCount).toBe(4);
    const [mediated, rate, trained, consultations, passRate] = figures;

    // 200 + 110 + 48 + 90 against 180 + 100 + 94 + 94.
    expect(mediated).toEqual({
      indicatorId: 'disputes_mediated',
      aggregate: 'sum',
      unit: { zh: '件', en: 'cases' },
      value: 448,
      previous: 468,
      change: -20,
      changePercent: expect.closeTo((-100 * 20) / 468, 10),
      townships: 4,
      previousTownships: 4,
      comparableTownships: 4,
      approximate: 0,
    });
    // Pooled: (190 + 99 + 50 + 88) / 448 = 95.3125 %, not the mean of the four rates;
    // 2021: (171 + 92 + 92 + 92) / 468 = 95.5128 %.
    expect(rate).toMatchObject({
      indicatorId: 'mediation_success_rate',
      aggregate: 'pooled-rate',
      townships: 4,
    });
    expect(rate?.value).toBe(95.3125);
    expect(rate?.previous).toBeCloseTo((100 * 447) / 468, 10);
    expect(rate?.change).toBeCloseTo(95.3125 - (100 * 447) / 468, 10);
    // 上和镇 left 干部培训 blank: 32 + 20余 + 11 from three townships, against 30 + 25 + 12 + 12.
    // The 同比 compares like with like: the three that reported both years, 63 against 30 + 25 + 12.
    expect(trained).toMatchObject({
      value: 63,
      previous: 79,
      change: -4,
      townships: 3,
      previousTownships: 4,
      comparableTownships: 3,
      approximate: 1,
    });
    expect(trained?.changePercent).toBeCloseTo((-100 * 4) / 67, 10);
    // 1100 + 850 + 300余 + 410 against 1000 + 800多 + 300 + 420.
    expect(consultations).toMatchObject({ value: 2660, previous: 2520, change: 140, approximate: 1 });
    expect(consultations?.changePercent).toBeCloseTo((100 * 140) / 2520, 10);
    // (98 + 99 + 97 + 80) / 4 against four times 100 %.
    expect(passRate).toMatchObject({
      indicatorId: 'exam_pass_rate_reported',
      aggregate: 'mean',
      value: 93.5,
      previous: 100,
      change: -6.5,
      changePercent: -6.5,
      townships: 4,
    });
  });

  it('has no 同比 where the year before has no data, and compares the townships in both years otherwise', async () => {
    const { figures } = await loadKeyFigures(db, 2021);
    // Only 宝龙镇 reported in 2020, and only 干部培训 10 and 法律咨询 400; in 2021 it reported 12 and
    // 420. The district's 79 and 2520 against its 10 and 400 would be no 同比.
    expect(
      figures.map((f) => [
        f.indicatorId,
        f.value,
        f.previous,
        f.change,
        f.changePercent,
        f.previousTownships,
        f.comparableTownships,
      ]),
    ).toEqual([
      ['disputes_mediated', 468, null, null, null, 0, 0],
      ['mediation_success_rate', expect.closeTo((100 * 447) / 468, 10), null, null, null, 0, 0],
      ['officials_trained', 79, 10, 2, 20, 1, 1],
      ['legal_consultations', 2520, 400, 20, 5, 1, 1],
      ['exam_pass_rate_reported', 100, null, null, null, 0, 0],
    ]);
  });

  it('a year without data has no figures (null, not zero)', async () => {
    const { figures } = await loadKeyFigures(db, 2019);
    for (const figure of figures) {
      expect(figure).toMatchObject({
        value: null,
        previous: null,
        change: null,
        changePercent: null,
        townships: 0,
      });
    }
  });
});

describe('completeness', () => {
  it('counts complete (≥ 80 % of the year’s indicators), partial and missing per year', async () => {
    const { years, cells } = await loadCompleteness(db);
    expect(years).toEqual([
      { year: 2020, expected: 2, complete: 1, partial: 0, missing: 3 },
      { year: 2021, expected: 8, complete: 4, partial: 0, missing: 0 },
      { year: 2022, expected: 8, complete: 3, partial: 1, missing: 0 },
      { year: 2023, expected: 8, complete: 4, partial: 0, missing: 0 },
    ]);
    expect(cells).toHaveLength(16);
    const cell = (code: string, year: number) =>
      cells.find((c) => c.townshipCode === code && c.year === year);
    expect(cell(SHANGHE, 2022)).toEqual({
      townshipCode: SHANGHE,
      townshipName: '上和镇',
      year: 2022,
      reported: 6,
      expected: 8,
      status: 'partial',
    });
    // 7 of 8 = 87.5 %: 桂林街道 2023 lacks only 法律咨询.
    expect(cell(GUILIN, 2023)).toMatchObject({ reported: 7, status: 'complete' });
    expect(cell(GUILIN, 2020)).toMatchObject({ reported: 0, expected: 2, status: 'missing' });
    expect(cell(BAOLONG, 2020)).toMatchObject({ reported: 2, expected: 2, status: 'complete' });
    expect(cells.slice(0, 4).map((c) => c.townshipName)).toEqual([
      '桂林街道',
      '桂林街道',
      '桂林街道',
      '桂林街道',
    ]);
  });
});

describe('heatmap', () => {
  it('法律咨询: only reported values have cells, each with its change on the year before', async () => {
    const heatmap = await loadHeatmap(db, 'legal_consultations');
    expect(heatmap.better).toBe('higher');
    expect(heatmap.years).toEqual([2020, 2021, 2022, 2023]);
    expect(heatmap.latestYear).toBe(2023);
    // Best 2023 value first (2000, 900); 桂林街道 and 上和镇 reported none in 2023: last, in district order.
    expect(heatmap.townships.map((t) => t.name)).toEqual(['宝龙镇', '梓潼街道', '桂林街道', '上和镇']);
    expect(
      heatmap.cells.map((c) => [
        c.townshipName,
        c.year,
        c.value,
        c.approximate,
        c.change,
        c.changeApproximate,
      ]),
    ).toEqual([
      ['桂林街道', 2021, 1000, false, null, false],
      ['桂林街道', 2022, 1100, false, 100, false],
      ['梓潼街道', 2021, 800, true, null, true],
      ['梓潼街道', 2022, 850, false, 50, true],
      ['梓潼街道', 2023, 900, false, 50, false],
      ['上和镇', 2021, 300, false, null, false],
      ['上和镇', 2022, 300, true, 0, true],
      ['宝龙镇', 2020, 400, false, null, false],
      ['宝龙镇', 2021, 420, false, 20, false],
      ['宝龙镇', 2022, 410, false, -10, false],
      ['宝龙镇', 2023, 2000, false, 1590, false],
    ]);
  });

  it('调解成功率 comes from the counts; a tie keeps the district order', async () => {
    const heatmap = await loadHeatmap(db, 'mediation_success_rate');
    // 2023: 78/80 = 97.5, 184/190 = 96.84, 114/120 = 95 and 57/60 = 95.
    expect(heatmap.townships.map((t) => t.name)).toEqual(['宝龙镇', '桂林街道', '梓潼街道', '上和镇']);
    const cell = (code: string, year: number) =>
      heatmap.cells.find((c) => c.townshipCode === code && c.year === year);
    expect(cell(SHANGHE, 2022)?.value).toBeCloseTo((100 * 50) / 48, 10);
    expect(cell(SHANGHE, 2023)?.change).toBeCloseTo(95 - (100 * 50) / 48, 10);
    expect(cell(ZITONG, 2022)?.change).toBeCloseTo(-2, 10);
    expect(heatmap.cells.filter((c) => c.year === 2020)).toEqual([]);
  });
});

describe('township profile (镇街画像)', () => {
  it('宝龙镇: every indicator it has, each year with its rank among the townships that reported', async () => {
    const profile = await loadProfile(db, BAOLONG);
    expect(profile.townshipName).toBe('宝龙镇');
    expect(profile.years).toEqual([2020, 2021, 2022, 2023]);
    expect(profile.indicators.map((i) => i.indicatorId)).toEqual([
      'officials_trained',
      'legal_consultations',
      'disputes_mediated',
      'disputes_resolved',
      'mediation_success_rate',
      'mediation_success_rate_reported',
      'exam_due',
      'exam_taken',
      'exam_participation_rate',
      'exam_pass_rate_reported',
    ]);
    const ranks = (id: string) =>
      profile.indicators
        .find((i) => i.indicatorId === id)
        ?.points.map((p) => [p.year, p.value, p.approximate, p.rank, p.ranked]);
    // 2021: 30, 25, 12, 12 — 宝龙镇 ties 上和镇 for third; 2022: 32, 20余, 11 from three townships.
    expect(ranks('officials_trained')).toEqual([
      [2020, 10, false, 1, 1],
      [2021, 12, false, 3, 4],
      [2022, 11, false, 3, 3],
      [2023, 17, false, 3, 4],
    ]);
    expect(ranks('legal_consultations')).toEqual([
      [2020, 400, false, 1, 1],
      [2021, 420, false, 3, 4],
      [2022, 410, false, 3, 4],
      [2023, 2000, false, 1, 2],
    ]);
    // 2022: 98, 99, 97, 80 — the lowest is last.
    expect(ranks('exam_pass_rate_reported')).toEqual([
      [2021, 100, false, 1, 4],
      [2022, 80, false, 4, 4],
      [2023, 98, false, 3, 4],
    ]);
    expect(ranks('exam_due')?.[2]).toEqual([2023, 90, true, 3, 4]);
    // 92/94 twice in 2021 (上和镇 and 宝龙镇): a shared first place.
    expect(ranks('mediation_success_rate')?.map((p) => p.slice(3))).toEqual([
      [1, 4],
      [2, 4],
      [1, 4],
    ]);
  });
});

describe('the sample district', () => {
  beforeAll(async () => {
    await db.run('DELETE FROM facts');
    await db.run('DELETE FROM imports');
    await loadSampleDistrict(db);
  });

  it('宝龙镇 2021 stated 15 of the 20 indicators the district reported: partial', async () => {
    const { years, cells } = await loadCompleteness(db);
    expect(cells.find((c) => c.townshipName === '宝龙镇' && c.year === 2021)).toMatchObject({
      reported: 15,
      expected: 20,
      status: 'partial',
    });
    expect(years.map((y) => y.complete + y.partial + y.missing)).toEqual([23, 23, 23, 23, 23, 23]);
  });

  it('the profile’s rank is the ranking chart’s rank', async () => {
    const profile = await loadProfile(db, BAOLONG);
    const rate = profile.indicators.find((i) => i.indicatorId === 'mediation_success_rate');
    const point = rate?.points.find((p) => p.year === 2021);
    expect(point?.value).toBeCloseTo((100 * 92) / 94, 10);
    const ranking = await loadRanking(db, 'mediation_success_rate', 2021);
    expect(point?.rank).toBe(ranking.rows.find((r) => r.townshipCode === BAOLONG)?.rank);
    expect(point?.ranked).toBe(ranking.rows.length);
  });

  it('key figures 2021: the consultations total says how many of its values are approximate (500多, …)', async () => {
    const [consultations] = (await loadKeyFigures(db, 2021)).figures.filter(
      (f) => f.indicatorId === 'legal_consultations',
    );
    const [expected] = await db.query<{ total: number; approximate: number }>(
      `SELECT sum(value) AS total, count(*) FILTER (WHERE approximate) AS approximate
       FROM facts WHERE year = 2021 AND indicator_id = 'legal_consultations'`,
    );
    expect(consultations?.value).toBe(expected?.total);
    expect(consultations?.approximate).toBe(expected?.approximate);
    expect(consultations?.approximate).toBeGreaterThan(0);
  });

  it('heatmap: lower-is-better indicators put the lowest latest value first', async () => {
    const heatmap = await loadHeatmap(db, 'petitions');
    expect(heatmap.latestYear).toBe(2024);
    const latest = heatmap.townships
      .map((t) => heatmap.cells.find((c) => c.townshipCode === t.code && c.year === 2024)?.value)
      .filter((v) => v !== undefined);
    expect(latest).toEqual([...latest].sort((a, b) => a - b));
  });

  it('heatmap and profile given the years the app already knows answer exactly as they ask for them', async () => {
    const years = await listYears(db);
    for (const indicator of ['mediation_success_rate', 'petitions', 'legal_consultations'])
      expect(await loadHeatmap(db, indicator, years)).toEqual(await loadHeatmap(db, indicator));
    for (const code of [GUILIN, SHANGHE, BAOLONG])
      expect(await loadProfile(db, code, years)).toEqual(await loadProfile(db, code));
  });

  it('the trend’s default highlight: the ranking’s best two and worst two', async () => {
    for (const indicator of ['mediation_success_rate', 'petitions', 'legal_consultations']) {
      const codes = (await loadRanking(db, indicator, 2023)).rows.map((r) => r.townshipCode);
      expect(codes.length).toBeGreaterThan(4);
      expect(await loadTrendLeaders(db, indicator, 2023)).toEqual([...codes.slice(0, 2), ...codes.slice(-2)]);
      const view = await loadTrendView(db, indicator, 2023);
      expect(view.leaders).toEqual([...codes.slice(0, 2), ...codes.slice(-2)]);
      expect(view.points).toEqual(await loadTrend(db, indicator));
      expect(view.bands).toEqual(await loadTrendBands(db, indicator));
    }
  });

  describe('comparison table pages: the cells of loadYearCells, a page of townships at a time', () => {
    const ALL = { offset: 0, limit: 10_000, filter: '' };
    const sorts: TableSort[] = [
      { indicatorId: null, desc: false },
      { indicatorId: null, desc: true },
      { indicatorId: 'disputes_mediated', desc: true },
      { indicatorId: 'petitions', desc: false },
      { indicatorId: 'mediation_success_rate', desc: true },
    ];

    it.each(sorts)('the whole table is exactly loadYearCells’ cells, in its order (%o)', async (sort) => {
      for (const year of [2019, 2021, 2024]) {
        const page = await loadYearTablePage(db, year, sort, ALL);
        expect(page.cells).toEqual(await loadYearCells(db, year, sort));
        expect(page.total).toBe(TONGNAN.townships.length);
        expect(page.townships).toHaveLength(TONGNAN.townships.length);
        // Townships with values come first, in the cells' order; the rest follow.
        const withValues = [...new Set(page.cells.map((c) => c.townshipCode))];
        expect(page.townships.slice(0, withValues.length).map((t) => t.code)).toEqual(withValues);
      }
    });

    it('pages split that order without overlap; every page has all of the year’s columns', async () => {
      const sort = { indicatorId: 'disputes_mediated', desc: true };
      const whole = await loadYearTablePage(db, 2021, sort, ALL);
      const pages = await Promise.all(
        [0, 10, 20].map((offset) => loadYearTablePage(db, 2021, sort, { offset, limit: 10, filter: '' })),
      );
      expect(pages.map((p) => p.townships.length)).toEqual([10, 10, 3]);
      expect(pages.flatMap((p) => p.townships)).toEqual(whole.townships);
      expect(pages.flatMap((p) => p.cells)).toEqual(whole.cells);
      for (const p of pages) expect(p.indicatorIds).toEqual(whole.indicatorIds);
      expect(new Set(whole.indicatorIds)).toEqual(new Set(whole.cells.map((c) => c.indicatorId)));
    });

    it('the filter keeps the townships whose name contains it, and counts them', async () => {
      const page = await loadYearTablePage(
        db,
        2021,
        { indicatorId: null, desc: false },
        { ...ALL, filter: '街道' },
      );
      expect(page.townships.map((t) => t.name).every((name) => name.includes('街道'))).toBe(true);
      expect(page.total).toBe(TONGNAN.townships.filter((t) => t.name.includes('街道')).length);
      expect(new Set(page.cells.map((c) => c.townshipName))).toEqual(
        new Set(page.townships.map((t) => t.name)),
      );
    });
  });
});
