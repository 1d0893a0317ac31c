import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PATH } from '../../scripts/generate-sample.ts';
import { loadSampleDistrict } from '../../test/sample-district-db.ts';
import { loadFile } from '../app/load-file.ts';
import { TONGNAN } from '../district/tongnan.ts';
import type { DbClient } from './client.ts';
import { openNodeDb } from './node-client.ts';
import { loadCompleteness } from './overview-queries.ts';
import { findIndicator } from '../indicators/catalog.ts';
import { en } from '../messages/en.ts';
import { zh } from '../messages/zh.ts';
import {
  describeWarning,
  type IndicatorLabel,
  loadQualityWarnings,
  type QualityWarning,
} from './quality-queries.ts';
import { applySchema, replaceTownships } from './schema.ts';

/** test/fixtures/views-small.csv; see overview-queries.test.ts for what it holds. */
const FIXTURE = new URL('../../test/fixtures/views-small.csv', import.meta.url);
const NAMES = ['桂林街道', '梓潼街道', '上和镇', '宝龙镇'];
const FIXTURE_TOWNSHIPS = TONGNAN.townships.filter((t) => NAMES.includes(t.name));

let db: DbClient;
let warnings: QualityWarning[];

beforeAll(async () => {
  db = await openNodeDb();
  await applySchema(db);
  await replaceTownships(db, FIXTURE_TOWNSHIPS);
  const result = await loadFile(db, readFileSync(FIXTURE), 'views-small.csv', FIXTURE_TOWNSHIPS, false);
  expect(result.ok).toBe(true);
  warnings = await loadQualityWarnings(db);
});

afterAll(async () => {
  await db.close();
});

const labelIn =
  (lang: 'zh' | 'en'): IndicatorLabel =>
  (id) => {
    const indicator = findIndicator(id);
    return indicator && { name: indicator.name[lang], unit: indicator.unit[lang] };
  };
/** The warning as the page shows it, in Chinese. */
const text = (w: QualityWarning | undefined) => (w ? describeWarning(w, zh, labelIn('zh')) : undefined);
/** The same warning in English. */
const english = (w: QualityWarning | undefined) => (w ? describeWarning(w, en, labelIn('en')) : undefined);

const brief = (w: QualityWarning) => [w.kind, w.townshipName, w.year, w.indicatorId, w.value, w.sourceLine];

describe('data quality warnings on the small fixture', () => {
  it('finds exactly the planted problems, contradictions first', () => {
    expect(warnings.map(brief)).toEqual([
      // 114/120 = 95 % written as 95.4 %: wrong at the one decimal it was written with.
      ['rate-disagrees', '梓潼街道', 2023, 'mediation_success_rate_reported', 95.4, 44],
      // 92/94 = 97.87 %: 97 or 98 would pass (宝龙镇 writes 97), 90 does not.
      ['rate-disagrees', '上和镇', 2021, 'mediation_success_rate_reported', 90, 52],
      ['successes-exceed-cases', '上和镇', 2022, 'disputes_resolved', 50, 59],
      ['taken-exceeds-due', '上和镇', 2022, 'exam_taken', 31, 63],
      // Only 宝龙镇 reported for 2020.
      ['missing-year', '桂林街道', 2020, null, null, null],
      ['missing-year', '梓潼街道', 2020, null, null, null],
      ['missing-year', '上和镇', 2020, null, null, null],
      // All three others reported these in 2022; 法律咨询 2023 was reported by only 2 of 3 others.
      ['missing-indicator', '上和镇', 2022, 'officials_trained', null, null],
      ['missing-indicator', '上和镇', 2022, 'mediation_success_rate_reported', null, null],
      ['outlier-history', '宝龙镇', 2023, 'legal_consultations', 2000, 94],
      ['outlier-district', '宝龙镇', 2022, 'exam_pass_rate_reported', 80, 89],
      ['approximate', '梓潼街道', 2021, 'legal_consultations', 800, 30],
      ['approximate', '梓潼街道', 2022, 'officials_trained', 20, 37],
      ['approximate', '上和镇', 2022, 'legal_consultations', 300, 61],
      ['approximate', '宝龙镇', 2023, 'exam_due', 90, 95],
    ]);
  });

  it('says where each value came from', () => {
    const sourced = warnings.filter((w) => w.sourceLine !== null);
    expect(sourced.every((w) => w.fileName === 'views-small.csv' && w.sourceColumn === 'D')).toBe(true);
    const missing = warnings.filter((w) => w.kind.startsWith('missing-'));
    expect(missing.every((w) => w.fileName === null && w.sourceLine === null)).toBe(true);
  });

  it('rate-disagrees: the rate computed from the counts, in a message an official reads', () => {
    const [shanghe] = warnings.filter((w) => w.kind === 'rate-disagrees' && w.townshipName === '上和镇');
    expect(shanghe?.rawText).toBe('90%');
    expect(shanghe?.reference).toBeCloseTo((100 * 92) / 94, 10);
    expect(text(shanghe)).toBe(
      '上和镇2021年填报的调解成功率（报告值）“90%”与按计数算出的结果（调解成功 92 ÷ 调解纠纷 94 = 97.87%）对不上，按小数位截断或四舍五入都不相符。请核对比率和两个计数。',
    );
  });

  it('a count above its whole, unless the whole is approximate (宝龙镇 2023: 92 sat, 90余 due)', () => {
    const exceeded = warnings.filter(
      (w) => w.kind === 'successes-exceed-cases' || w.kind === 'taken-exceeds-due',
    );
    expect(exceeded.map((w) => [w.value, w.reference])).toEqual([
      [50, 48],
      [31, 30],
    ]);
    expect(text(exceeded[0])).toBe(
      '上和镇2022年调解成功“50”比调解纠纷“48”还多，前者不可能超过后者。请核对这两个数。',
    );
  });

  it('missing: a whole year, and an indicator at least 80 % of the other reporting townships have', () => {
    const year = warnings.find((w) => w.kind === 'missing-year');
    expect(year).toMatchObject({ townshipName: '桂林街道', compared: 1, indicatorId: null });
    expect(text(year)).toBe(
      '桂林街道没有2020年的任何数据，而全区已有 1 个镇街报送了该年度数据。请催报或补录。',
    );
    const indicator = warnings.find((w) => w.kind === 'missing-indicator');
    expect(indicator).toMatchObject({ indicatorName: '干部培训', reference: 3, compared: 3 });
    expect(text(indicator)).toBe(
      '上和镇2022年缺少“干部培训”，而同年报送数据的其他 3 个镇街中有 3 个填报了这一指标。请核对是否漏填。',
    );
  });

  it('outlier-history: 2000 against 400, 420, 410 (median 410, MAD 10)', () => {
    const outlier = warnings.find((w) => w.kind === 'outlier-history');
    expect(outlier).toMatchObject({ reference: 410, compared: 3, rawText: '2000' });
    expect(outlier?.score).toBeCloseTo(1590 / (1.4826 * 10), 6);
    expect(text(outlier)).toBe(
      '宝龙镇2023年法律咨询为“2000”，与本镇街其他 3 个年度相差很大（中位数 410 人次）。请核对是否填错。',
    );
    // 宝龙镇 干部培训 17 against 10, 12, 11: z = 6 / 1.4826 = 4.05, but less than twice the median.
    expect(warnings.some((w) => w.kind.startsWith('outlier') && w.indicatorId === 'officials_trained')).toBe(
      false,
    );
  });

  it('outlier-district: a rate of 80 % against 98, 99, 97 (median 98, MAD 1)', () => {
    const outlier = warnings.find((w) => w.kind === 'outlier-district');
    expect(outlier).toMatchObject({ reference: 98, compared: 3 });
    expect(outlier?.score).toBeCloseTo(18 / 1.4826, 6);
    expect(text(outlier)).toBe(
      '宝龙镇2022年法治考试合格率为“80%”，与同年其他 3 个镇街相差很大（中位数 98%）。请核对是否填错。',
    );
  });

  it('approximate values stay marked, with the text as written', () => {
    const approximate = warnings.filter((w) => w.kind === 'approximate');
    expect(approximate.map((w) => w.rawText)).toEqual(['800多', '20余', '300余', '90余']);
    expect(text(approximate[0])).toBe(
      '梓潼街道2021年法律咨询填的是约数“800多”，按 800 计入合计和图表，并标为约数。',
    );
  });
});

describe('data quality warnings in English', () => {
  const of = (kind: QualityWarning['kind']) => warnings.find((w) => w.kind === kind);

  it('every kind reads in English, with the indicators’ English names and units', () => {
    expect(english(warnings.find((w) => w.kind === 'rate-disagrees' && w.townshipName === '上和镇'))).toBe(
      '上和镇 reported Mediation success rate (as reported) as “90%” for 2021, but its counts give Disputes mediated successfully 92 ÷ Disputes mediated 94 = 97.87%, and neither cutting nor rounding that to the decimals written matches. Check the rate and both counts.',
    );
    expect(english(of('successes-exceed-cases'))).toBe(
      '上和镇 2022: Disputes mediated successfully “50” is more than Disputes mediated “48”, which it can never exceed. Check both figures.',
    );
    expect(english(of('missing-year'))).toBe(
      '桂林街道 has no data at all for 2020, while 1 township of the district reported that year. Ask for the report or enter it.',
    );
    expect(english(of('missing-indicator'))).toBe(
      '上和镇 2022: “Officials sent to training” is missing, while 3 of the 3 other townships that reported that year gave it. Check whether it was left out.',
    );
    expect(english(of('outlier-history'))).toBe(
      '宝龙镇 2023: Legal consultations is “2000”, far from the township’s 3 other years (median 410 consultations). Check whether it was mistyped.',
    );
    expect(english(of('outlier-district'))).toBe(
      '宝龙镇 2022: Law exam pass rate (as reported) is “80%”, far from the 3 other townships that year (median 98%). Check whether it was mistyped.',
    );
    expect(english(of('approximate'))).toBe(
      '梓潼街道 2021: Legal consultations was written as the approximation “800多”; it counts as 800 in totals and charts and is marked approximate.',
    );
  });

  it('no English text carries Chinese words or punctuation beyond the township names and raw text', () => {
    for (const w of warnings) {
      const sentence = english(w) ?? '';
      const stripped = sentence.replaceAll(w.townshipName, '').replaceAll(w.rawText ?? '', '');
      expect(stripped, sentence).not.toMatch(/[\u4e00-\u9fa5\u3000-\u303f\uff00-\uffef]/);
    }
  });

  it('numbers follow the language: 1,234.5 in both, no Chinese separators', () => {
    const w = of('outlier-history');
    expect(w).toBeDefined();
    if (!w) return;
    const big = { ...w, reference: 12345.678 };
    expect(english(big)).toContain('median 12,345.68 consultations');
    expect(text(big)).toContain('中位数 12,345.68 人次');
  });
});

describe('data quality warnings on the sample district', () => {
  let sample: QualityWarning[];
  const sampleLines = readFileSync(SAMPLE_PATH, 'utf8').split('\r\n');

  beforeAll(async () => {
    await db.run('DELETE FROM facts');
    await db.run('DELETE FROM imports');
    await loadSampleDistrict(db);
    sample = await loadQualityWarnings(db);
  });

  it('宝龙镇 2021: 97 % for 92/94 (97.87 %, truncated) is no disagreement', () => {
    expect(
      sample.filter((w) => w.townshipName === '宝龙镇' && w.year === 2021 && w.kind === 'rate-disagrees'),
    ).toEqual([]);
  });

  it('宝龙镇 2021: 6000余, 200余 and 500多 are approximate, each with its line in the file', () => {
    const approximate = sample.filter(
      (w) => w.townshipName === '宝龙镇' && w.year === 2021 && w.kind === 'approximate',
    );
    expect(approximate.map((w) => [w.indicatorName, w.rawText, w.value])).toEqual([
      ['发放宣传资料', '6000余', 6000],
      ['赠送法律书籍', '200余', 200],
      ['法律咨询', '500多', 500],
    ]);
    for (const w of approximate) {
      expect(w.fileName).toBe('sample-district.csv');
      expect(w.sourceColumn).toBe('D');
      expect(sampleLines[(w.sourceLine ?? 0) - 1]).toContain(
        `宝龙镇,2021年,${w.indicatorName},${w.rawText},`,
      );
    }
  });

  it('a township-year without a report is both a warning and a missing cell in the completeness view', async () => {
    const missing = sample.filter((w) => w.kind === 'missing-year').map((w) => [w.townshipName, w.year]);
    const { cells } = await loadCompleteness(db);
    expect(missing).toEqual(cells.filter((c) => c.status === 'missing').map((c) => [c.townshipName, c.year]));
    expect(missing.length).toBeGreaterThan(0);
  });

  it('ordinary year-to-year noise and big streets raise no outlier warnings', () => {
    expect(sample.filter((w) => w.kind.startsWith('outlier'))).toEqual([]);
  });
});

describe('a rate of no cases', () => {
  it('is no missing report: 调解成功率 left out where 调解纠纷 is 0 is not flagged, where there were cases it is', async () => {
    const own = await openNodeDb();
    try {
      await applySchema(own);
      await replaceTownships(own, TONGNAN.townships);
      const csv = [
        '镇街,年度,调解纠纷,调解成功,调解成功率',
        '宝龙镇,2024,94,92,97.87%',
        '上和镇,2024,0,0,#DIV/0!',
        '古溪镇,2024,30,29,96.67%',
        '桂林街道,2024,45,44,97.78%',
        '米心镇,2024,50,49,98%',
        '梓潼街道,2024,20,19,',
      ].join('\n');
      const result = await loadFile(
        own,
        new TextEncoder().encode(csv),
        'rates.csv',
        TONGNAN.townships,
        false,
      );
      expect(result.ok).toBe(true);
      const missing = (await loadQualityWarnings(own)).filter((w) => w.kind === 'missing-indicator');
      expect(missing.map((w) => [w.townshipName, w.indicatorId])).toEqual([
        ['梓潼街道', 'mediation_success_rate_reported'],
      ]);
    } finally {
      await own.close();
    }
  });
});
