/**
 * Writes a province-size long file for load and chart tests: 1,000 synthetic townships × 10 years ×
 * 20 catalog indicators = 200,000 rows, in the layout of data/sample-district.csv (UTF-8 with BOM,
 * CRLF), plus the township list (`code,name` per line) its names resolve against. Deterministic:
 * the same seed and size always give the same bytes.
 *
 *   npx tsx scripts/generate-province.ts [--out DIR] [--townships 1000] [--years 10] [--seed N]
 *
 * Default output: test-output/province/ (git-ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Township } from '../src/district/district.ts';
import { formatSampleCsv, type SampleRow } from './generate-sample.ts';
import { createRandom } from './seeded-random.ts';
import type { CountSpec } from './generate-sample.ts';

export const PROVINCE_SEED = 20240601;
export const PROVINCE_FIRST_YEAR = 2015;
export const PROVINCE_SIZE = { townships: 1000, years: 10 } as const;
export const PROVINCE_FILES = { data: 'province.csv', townships: 'province-townships.csv' } as const;

// Place-name characters; none can form 合计/小计/总计 (totals rows) or 上下 (an approximation word).
const FIRST =
  '东西南北中上新老大石金银铜青白黄红龙凤马牛花松柏桃李杨柳梅竹兰清安永长宁平太兴福德顺丰富高广双';
const SECOND =
  '山水河江溪湖桥坝坪岭湾口场寺庙塘沟滩坡池井田林洞岩庄家门关阳城堡峰泉源台岗垭渡滨洲坎头坊铺店营';
const TOWNSHIPS_PER_COUNTY = 25;

/**
 * `count` townships with distinct names (and distinct names without their suffix, so 东山 cannot
 * mean two places), coded like national division codes: 51 + prefecture + county + 001…/101…/201…
 * for 街道, 镇 and 乡.
 */
export function generateProvinceTownships(count: number, seed = PROVINCE_SEED): Township[] {
  const stems = [...FIRST].flatMap((a) => [...SECOND].map((b) => `${a}${b}`));
  if (count > stems.length) throw new Error(`At most ${stems.length} township names, not ${count}`);
  const random = createRandom(seed);
  for (let i = stems.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [stems[i], stems[j]] = [stems[j] as string, stems[i] as string];
  }
  const townships: Township[] = [];
  let nextInCounty = { street: 1, town: 101, township: 201 };
  for (let i = 0; i < count; i++) {
    const county = Math.floor(i / TOWNSHIPS_PER_COUNTY);
    if (i % TOWNSHIPS_PER_COUNTY === 0) nextInCounty = { street: 1, town: 101, township: 201 };
    const roll = random();
    const kind = roll < 0.12 ? 'street' : roll < 0.3 ? 'township' : 'town';
    const suffix = kind === 'street' ? '街道' : kind === 'township' ? '乡' : '镇';
    const prefecture = String(1 + Math.floor(county / 8)).padStart(2, '0');
    const countyCode = String(1 + (county % 8)).padStart(2, '0');
    const code = `51${prefecture}${countyCode}${String(nextInCounty[kind]++).padStart(3, '0')}`;
    townships.push({ code, name: `${stems[i]}${suffix}` });
  }
  return townships;
}

const COUNTS: readonly CountSpec[] = [
  { id: 'study_sessions', base: 12, growth: 0.03 },
  { id: 'special_study_sessions', base: 6, growth: 0.04 },
  { id: 'officials_trained', base: 14, growth: 0.05 },
  { id: 'constitution_lectures', base: 2, growth: 0.04 },
  { id: 'law_training_sessions', base: 6, growth: 0.06 },
  { id: 'legal_literate_persons', base: 40, growth: 0.08 },
  { id: 'leaflets_distributed', base: 5000, growth: 0.04, approxStep: 500 },
  { id: 'law_books_given', base: 180, growth: 0.03, approxStep: 50 },
  { id: 'slogans_posted', base: 20, growth: 0.0 },
  { id: 'publicity_events', base: 8, growth: 0.05 },
  { id: 'legal_consultations', base: 450, growth: 0.06, approxStep: 100 },
  { id: 'contracts_reviewed', base: 15, growth: 0.08 },
  { id: 'petitions', base: 30, growth: -0.06 },
];

/** The 20 indicators every township reports every year, in the order rows are written. */
export const PROVINCE_INDICATORS = [
  ...COUNTS.map((spec) => spec.id),
  'vice_principals_per_school',
  'disputes_mediated',
  'disputes_resolved',
  'mediation_success_rate_reported',
  'exam_due',
  'exam_taken',
  'exam_pass_rate_reported',
] as const;

export interface ProvinceRowOptions {
  readonly years: number;
  readonly firstYear?: number;
  readonly seed?: number;
}

/**
 * One row per township, year and indicator, no value missing. Counts agree with each other
 * (resolved ≤ mediated, taken ≤ due) and reported rates with their counts, so the file imports
 * without a single issue and timings measure the import, not the issue list.
 */
export function generateProvinceRows(
  townships: readonly Township[],
  options: ProvinceRowOptions,
): SampleRow[] {
  const firstYear = options.firstYear ?? PROVINCE_FIRST_YEAR;
  const random = createRandom((options.seed ?? PROVINCE_SEED) + 1);
  const jitter = (spread: number) => 1 + (random() * 2 - 1) * spread;
  const rows: SampleRow[] = [];

  for (const township of townships) {
    const kindScale = township.name.endsWith('街道') ? 1.8 : township.name.endsWith('乡') ? 0.7 : 1;
    const scale = kindScale * jitter(0.3);
    const skill = random();
    const schools = 1 + Math.floor(random() * 2);
    for (let yearIndex = 0; yearIndex < options.years; yearIndex++) {
      const year = firstYear + yearIndex;
      const push = (indicatorId: string, text: string, note = '') =>
        rows.push({ township: township.name, year, indicatorId, text, note });

      for (const spec of COUNTS) {
        const value = Math.max(
          0,
          Math.round(spec.base * scale * (1 + spec.growth) ** yearIndex * jitter(0.2)),
        );
        if (spec.approxStep && random() < 0.1) {
          const rounded = Math.max(spec.approxStep, Math.floor(value / spec.approxStep) * spec.approxStep);
          push(spec.id, `${rounded}${random() < 0.5 ? '余' : '多'}`);
        } else {
          push(spec.id, String(value), random() < 0.01 ? '含线上活动' : '');
        }
      }
      push('vice_principals_per_school', String(schools > 1 && yearIndex > 4 ? 2 : 1));

      const cases = Math.max(8, Math.round(70 * scale * jitter(0.25) * (1 - 0.02 * yearIndex)));
      const share = Math.min(1, 0.88 + 0.08 * skill + 0.005 * yearIndex + (random() - 0.5) * 0.03);
      const successes = Math.min(cases, Math.round(cases * share));
      push('disputes_mediated', String(cases));
      push('disputes_resolved', String(successes));
      // Reports usually truncate the rate; some round it.
      const rate = (100 * successes) / cases;
      push('mediation_success_rate_reported', `${random() < 0.7 ? Math.floor(rate) : Math.round(rate)}%`);

      const due = Math.max(5, Math.round(85 * scale * jitter(0.15)));
      const taken = random() < 0.7 ? due : due - 1 - Math.floor(random() * 3);
      push('exam_due', String(due));
      push('exam_taken', String(taken));
      const pass = random() < 0.6 ? 100 : Math.round(9500 + random() * 490) / 100;
      push('exam_pass_rate_reported', `${pass}%`);
    }
  }
  return rows;
}

/** The township list as the district setup reads it: `code,name` per line. */
export function formatTownshipList(townships: readonly Township[]): string {
  return townships.map((t) => `${t.code},${t.name}\n`).join('');
}

export interface Province {
  readonly townships: Township[];
  readonly rows: SampleRow[];
  /** The long file's text, BOM included: encode with TextEncoder for the bytes a user imports. */
  readonly csv: string;
  readonly townshipList: string;
}

export function generateProvince(
  size: { readonly townships: number; readonly years: number } = PROVINCE_SIZE,
  seed = PROVINCE_SEED,
): Province {
  const townships = generateProvinceTownships(size.townships, seed);
  const rows = generateProvinceRows(townships, { years: size.years, seed });
  return { townships, rows, csv: formatSampleCsv(rows), townshipList: formatTownshipList(townships) };
}

const DEFAULT_OUT = fileURLToPath(new URL('../test-output/province/', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: DEFAULT_OUT },
      townships: { type: 'string', default: String(PROVINCE_SIZE.townships) },
      years: { type: 'string', default: String(PROVINCE_SIZE.years) },
      seed: { type: 'string', default: String(PROVINCE_SEED) },
    },
  });
  const size = { townships: Number(values.townships), years: Number(values.years) };
  const seed = Number(values.seed);
  if (
    ![size.townships, size.years, seed].every(Number.isSafeInteger) ||
    size.townships < 1 ||
    size.years < 1
  ) {
    console.error('--townships, --years and --seed take whole numbers (townships and years at least 1).');
    process.exit(2);
  }
  const province = generateProvince(size, seed);
  mkdirSync(values.out, { recursive: true });
  const dataPath = join(values.out, PROVINCE_FILES.data);
  const listPath = join(values.out, PROVINCE_FILES.townships);
  writeFileSync(dataPath, province.csv);
  writeFileSync(listPath, province.townshipList);
  console.log(`${province.rows.length} rows → ${dataPath}`);
  console.log(`${province.townships.length} townships → ${listPath}`);
}
