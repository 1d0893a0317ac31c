/**
 * Writes data/sample-district.csv: the 23 townships of Tongnan District, 2019–2024, in the
 * long layout users import (镇街,年度,指标,数值,单位,备注), UTF-8 with BOM as Excel's
 * "CSV UTF-8" writes it. Deterministic: the same seed always gives the same bytes.
 *
 * Every figure is synthetic except 宝龙镇 2021, which is copied from the township's real
 * report (宝龙府〔2022〕1号, dated 2022-01-13).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { townshipKind } from '../src/district/district.ts';
import { TONGNAN } from '../src/district/tongnan.ts';
import { getIndicator } from '../src/indicators/catalog.ts';
import { createRandom } from './seeded-random.ts';

export const SAMPLE_YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;
export const SAMPLE_HEADER = ['镇街', '年度', '指标', '数值', '单位', '备注'] as const;
export const REFERENCE_NOTE = '宝龙府〔2022〕1号';

/** 宝龙镇 2021 as its report states it, in the words a clerk would type into the sheet. */
export const BAOLONG_2021: readonly (readonly [indicatorId: string, text: string])[] = [
  ['study_sessions', '15'],
  ['officials_trained', '12'],
  ['constitution_lectures', '2'],
  ['vice_principals_per_school', '1'],
  ['leaflets_distributed', '6000余'],
  ['law_books_given', '200余'],
  ['slogans_posted', '18'],
  ['legal_consultations', '500多'],
  ['disputes_mediated', '94'],
  ['disputes_resolved', '92'],
  ['mediation_success_rate_reported', '97%'],
  ['exam_due', '93'],
  ['exam_taken', '93'],
  ['exam_pass_rate_reported', '100%'],
  ['mass_incidents', '0'],
];

export interface CountSpec {
  readonly id: string;
  readonly base: number;
  readonly growth: number;
  /** Written as `N余` / `N多` in some rows, rounded to this step. */
  readonly approxStep?: number;
}

const COUNTS: readonly CountSpec[] = [
  { id: 'study_sessions', base: 12, growth: 0.03 },
  { id: 'officials_trained', base: 14, growth: 0.05 },
  { id: 'constitution_lectures', base: 2, growth: 0.04 },
  { id: 'law_training_sessions', base: 6, growth: 0.06 },
  { id: 'legal_literate_persons', base: 40, growth: 0.12 },
  { id: 'leaflets_distributed', base: 5000, growth: 0.04, approxStep: 500 },
  { id: 'law_books_given', base: 180, growth: 0.03, approxStep: 50 },
  { id: 'slogans_posted', base: 20, growth: 0.0 },
  { id: 'publicity_events', base: 8, growth: 0.05 },
  { id: 'legal_consultations', base: 450, growth: 0.06, approxStep: 100 },
  { id: 'contracts_reviewed', base: 15, growth: 0.08 },
  { id: 'petitions', base: 30, growth: -0.06 },
];

export interface SampleRow {
  readonly township: string;
  readonly year: number;
  readonly indicatorId: string;
  readonly text: string;
  readonly note: string;
}

export function generateSampleRows(seed = 20210113): SampleRow[] {
  const random = createRandom(seed);
  const jitter = (spread: number) => 1 + (random() * 2 - 1) * spread;
  const rows: SampleRow[] = [];

  for (const township of TONGNAN.townships) {
    const scale = (townshipKind(township.name) === 'street' ? 1.8 : 1) * jitter(0.3);
    const skill = random(); // how well this township mediates, 0..1
    const absentYear = random() < 0.12 ? SAMPLE_YEARS[5 - Math.floor(random() * 2)] : undefined;
    const schools = 1 + Math.floor(random() * 2);

    for (const [yearIndex, year] of SAMPLE_YEARS.entries()) {
      if (township.name === '宝龙镇' && year === 2021) {
        for (const [indicatorId, text] of BAOLONG_2021) {
          rows.push({ township: township.name, year, indicatorId, text, note: REFERENCE_NOTE });
        }
        continue;
      }
      // A township-year whose report never arrived: the completeness views must show it.
      if (year === absentYear) continue;
      const push = (indicatorId: string, text: string) =>
        rows.push({ township: township.name, year, indicatorId, text, note: '' });

      for (const spec of COUNTS) {
        if (random() < 0.03) continue; // an indicator left blank this year
        const value = Math.max(
          0,
          Math.round(spec.base * scale * (1 + spec.growth) ** yearIndex * jitter(0.2)),
        );
        if (spec.approxStep && random() < 0.5) {
          const rounded = Math.max(spec.approxStep, Math.floor(value / spec.approxStep) * spec.approxStep);
          push(spec.id, `${rounded}${random() < 0.5 ? '余' : '多'}`);
        } else {
          push(spec.id, String(value));
        }
      }
      push('vice_principals_per_school', String(schools > 1 && yearIndex > 2 ? 2 : 1));

      const cases = Math.max(8, Math.round(70 * scale * jitter(0.25) * (1 - 0.03 * yearIndex)));
      const successShare = Math.min(1, 0.88 + 0.08 * skill + 0.01 * yearIndex + (random() - 0.5) * 0.03);
      const successes = Math.min(cases, Math.round(cases * successShare));
      push('disputes_mediated', String(cases));
      push('disputes_resolved', String(successes));
      // Reports usually truncate the rate; some round it.
      const rate = (100 * successes) / cases;
      push('mediation_success_rate_reported', `${random() < 0.7 ? Math.floor(rate) : Math.round(rate)}%`);

      const due = Math.round(85 * scale * jitter(0.15));
      const taken = random() < 0.7 ? due : due - 1 - Math.floor(random() * 3);
      push('exam_due', String(due));
      push('exam_taken', String(taken));
      const pass = random() < 0.6 ? 100 : Math.round(9500 + random() * 490) / 100;
      push('exam_pass_rate_reported', `${pass}%`);
      push('mass_incidents', random() < 0.93 ? '0' : '1');
    }
  }
  return rows;
}

export function formatSampleCsv(rows: readonly SampleRow[]): string {
  const data = rows.map((r) => {
    const indicator = getIndicator(r.indicatorId);
    return [r.township, `${r.year}年`, indicator.name.zh, r.text, indicator.unit.zh, r.note];
  });
  return `\uFEFF${Papa.unparse({ fields: [...SAMPLE_HEADER], data }, { newline: '\r\n' })}\r\n`;
}

export const SAMPLE_PATH = fileURLToPath(new URL('../data/sample-district.csv', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = generateSampleRows();
  writeFileSync(SAMPLE_PATH, formatSampleCsv(rows));
  console.log(`${rows.length} rows → ${SAMPLE_PATH}`);
}
