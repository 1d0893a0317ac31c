import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../app/load-file.ts';
import { TONGNAN } from '../district/tongnan.ts';
import type { DbClient } from './client.ts';
import { openNodeDb } from './node-client.ts';
import { applySchema, replaceTownships } from './schema.ts';
import { loadRanking, loadTrend } from './queries.ts';
import { loadTrendBands, loadTrendChanges, loadTrendLeaders, loadTrendView } from './trend-queries.ts';

const FIXTURE = new URL('../../test/fixtures/trend-small.csv', import.meta.url);
const NAMES = ['桂林街道', '古溪镇', '宝龙镇', '玉溪镇'];
const TOWNSHIPS = TONGNAN.townships.filter((t) => NAMES.includes(t.name));
let db: DbClient;

beforeAll(async () => {
  db = await openNodeDb();
  await applySchema(db);
  await replaceTownships(db, TOWNSHIPS);
  const result = await loadFile(db, readFileSync(FIXTURE), 'trend-small.csv', TOWNSHIPS, false);
  expect(result.ok, JSON.stringify(result.preview.issues)).toBe(true);
});

afterAll(async () => {
  await db.close();
});

describe('loadTrendBands: median and inter-quartile range of the townships that reported', () => {
  // 法律咨询, sorted, quantile_cont at h = (n − 1)·p:
  // 2021 300 500≈ 500 600 → q1 300 + 0.75·200, median 500, q3 500 + 0.25·100
  // 2022 420 520 640 (古溪镇 missing) → q1 420 + 0.5·100, median 520, q3 520 + 0.5·120
  // 2023 560 560 700 720 → q1 560, median 560 + 0.5·140, q3 700 + 0.25·20
  it('counts approximate values and skips missing ones', async () => {
    expect(await loadTrendBands(db, 'legal_consultations')).toEqual([
      { year: 2021, median: 500, q1: 450, q3: 525, reported: 4, townships: 4 },
      { year: 2022, median: 520, q1: 470, q3: 580, reported: 3, townships: 4 },
      { year: 2023, median: 630, q1: 560, q3: 705, reported: 4, townships: 4 },
    ]);
  });

  it('gives a year nobody reported a gap, not a zero', async () => {
    const bands = await loadTrendBands(db, 'petitions');
    expect(bands[0]).toEqual({ year: 2021, median: null, q1: null, q3: null, reported: 0, townships: 4 });
    // 2023: 4 7 9 10
    expect(bands[2]).toMatchObject({ year: 2023, median: 8, q1: 6.25, q3: 9.25, reported: 4 });
  });

  it('covers derived rates, computed from their counts', async () => {
    const bands = await loadTrendBands(db, 'mediation_success_rate');
    // 2022: 126/130 = 96.923 %, 92/94 = 97.872 %
    expect(bands[1]?.reported).toBe(2);
    expect(bands[1]?.median).toBeCloseTo((12600 / 130 + 9200 / 94) / 2, 10);
    expect(bands[2]?.median).toBeNull();
  });
});

describe('loadTrendChanges: 同比 per township and year', () => {
  it('returns the trend grid with the change from the year before', async () => {
    const changes = await loadTrendChanges(db, 'legal_consultations');
    expect(changes).toHaveLength(4 * 3);
    expect(changes.map((c) => [c.townshipName, c.year, c.value, c.previousValue, c.change])).toEqual([
      ['桂林街道', 2021, 600, null, null],
      ['桂林街道', 2022, 640, 600, 40],
      ['桂林街道', 2023, 700, 640, 60],
      ['古溪镇', 2021, 300, null, null],
      ['古溪镇', 2022, null, 300, null],
      ['古溪镇', 2023, 560, null, null],
      ['宝龙镇', 2021, 500, null, null],
      ['宝龙镇', 2022, 520, 500, 20],
      ['宝龙镇', 2023, 560, 520, 40],
      ['玉溪镇', 2021, 500, null, null],
      ['玉溪镇', 2022, 420, 500, -80],
      ['玉溪镇', 2023, 720, 420, 300],
    ]);
  });

  it.each([
    ['桂林街道', 2022, 40 / 600],
    ['宝龙镇', 2022, 0.04],
    ['玉溪镇', 2022, -0.16],
    ['玉溪镇', 2023, 300 / 420],
  ])('relative change of %s %d = %f', async (name, year, expected) => {
    const changes = await loadTrendChanges(db, 'legal_consultations');
    const row = changes.find((c) => c.townshipName === name && c.year === year);
    expect(row?.relativeChange).toBeCloseTo(expected, 12);
  });

  it('keeps the approximation of both years (宝龙镇 2021: 500多)', async () => {
    const changes = await loadTrendChanges(db, 'legal_consultations');
    const baolong = changes.filter((c) => c.townshipName === '宝龙镇');
    expect(baolong.map((c) => [c.approximate, c.previousApproximate])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
  });

  it('takes the change of a derived rate in percentage points (宝龙镇 2022: 88/91 → 92/94)', async () => {
    const changes = await loadTrendChanges(db, 'mediation_success_rate');
    const row = changes.find((c) => c.townshipName === '宝龙镇' && c.year === 2022);
    expect(row?.change).toBeCloseTo(9200 / 94 - 8800 / 91, 10);
    expect(row?.change).toBeCloseTo(1.169, 3);
  });
});

describe('loadTrendLeaders: the townships a trend highlights by default', () => {
  it('are the ranking’s first two and last two (or everyone, when four or fewer reported)', async () => {
    for (const [indicator, year] of [
      ['legal_consultations', 2021],
      ['legal_consultations', 2022],
      ['legal_consultations', 2023],
    ] as const) {
      const codes = (await loadRanking(db, indicator, year)).rows.map((r) => r.townshipCode);
      const expected = codes.length <= 4 ? codes : [...codes.slice(0, 2), ...codes.slice(-2)];
      expect(await loadTrendLeaders(db, indicator, year)).toEqual(expected);
    }
  });

  it('is empty for a year nobody reported', async () => {
    expect(await loadTrendLeaders(db, 'legal_consultations', 1999)).toEqual([]);
  });
});

describe('loadTrendView: the points, bands and default highlight in one query', () => {
  it('gives exactly what loadTrend, loadTrendBands and loadTrendLeaders give', async () => {
    for (const indicator of [
      'legal_consultations',
      'mediation_success_rate',
      'petitions',
      'no_such_indicator',
    ]) {
      for (const year of [2021, 2022, 2023, null]) {
        const view = await loadTrendView(db, indicator, year);
        expect(view.points).toEqual(await loadTrend(db, indicator));
        expect(view.bands).toEqual(await loadTrendBands(db, indicator));
        expect(view.leaders).toEqual(year === null ? [] : await loadTrendLeaders(db, indicator, year));
      }
    }
  });
});
