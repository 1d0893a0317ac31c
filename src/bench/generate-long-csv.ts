/**
 * A deterministic long-layout file of any size for the import benchmark: the 23 townships of
 * Tongnan, one block of indicators per township and year, written as Excel's "CSV UTF-8" writes
 * it (BOM, CRLF). 1,000,000 distinct facts need far more indicators than the catalog has, so
 * most rows name custom indicators, each with its own unit.
 */
import { TONGNAN } from '../district/tongnan.ts';
import { matchHeader } from '../import/match-header.ts';
import { CATALOG, isStored } from '../indicators/catalog.ts';

const TOPICS = [
  '普法',
  '调解',
  '援助',
  '矫正',
  '禁毒',
  '反诈',
  '信访',
  '执法',
  '消防',
  '安全',
  '网格',
  '帮教',
  '环保',
  '食安',
  '校园',
  '讨薪',
  '宣讲',
  '巡查',
  '法援',
  '调处',
] as const;
const MEASURES = [
  ['次数', '次'],
  ['人数', '人'],
  ['件数', '件'],
  ['办结', '件'],
  ['人次', '人次'],
  ['场次', '场次'],
  ['资料', '份'],
  ['户数', '户'],
  ['培训', '人次'],
  ['检查', '次'],
  ['整改', '个'],
  ['回访', '人'],
  ['建档', '份'],
  ['村社', '个'],
  ['新增', '件'],
  ['结案', '件'],
  ['会议', '次'],
  ['志愿者', '名'],
  ['海报', '张'],
] as const;

interface Column {
  readonly name: string;
  readonly unit: string;
  /** `part` follows its `whole` (调解成功 after 调解纠纷); a `rate` right after them is computed from both. */
  readonly kind: 'count' | 'whole' | 'part' | 'rate';
}

function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function indicatorColumns(): Column[] {
  const columns: Column[] = CATALOG.filter(isStored).map((indicator) => ({
    name: indicator.name.zh,
    unit: indicator.unit.zh,
    kind:
      indicator.unit.zh === '%'
        ? 'rate'
        : indicator.id === 'disputes_mediated' || indicator.id === 'exam_due'
          ? 'whole'
          : indicator.id === 'disputes_resolved' || indicator.id === 'exam_taken'
            ? 'part'
            : 'count',
  }));
  for (const topic of TOPICS) {
    for (const [measure, unit] of MEASURES) {
      const name = `${topic}${measure}`;
      // A name the catalog knows (信访件数 is 信访) would repeat a catalog indicator in the block.
      if (!matchHeader(name)) columns.push({ name, unit, kind: 'count' });
    }
  }
  return columns;
}

export interface LongCsvOptions {
  readonly seed?: number;
  /**
   * Figures written with two decimals (`12345.67`), so nearly every value text is different: the
   * worst case for the bulk path, which resolves each distinct text once.
   */
  readonly decimals?: boolean;
}

/** The years a generated file may name, counted up from the first. */
export const FIRST_YEAR = 1991;
export const LAST_YEAR = 2100;

/** `rows` data rows under the header `镇街,年度,指标,数值,单位,备注`, years counting up from FIRST_YEAR. */
export function generateLongCsv(
  rows: number,
  { seed = 20240101, decimals = false }: LongCsvOptions = {},
): Uint8Array {
  const random = createRandom(seed);
  const columns = indicatorColumns();
  const parts: string[] = ['\uFEFF镇街,年度,指标,数值,单位,备注\r\n'];
  let written = 0;
  for (let year = FIRST_YEAR; written < rows; year++) {
    if (year > LAST_YEAR) throw new Error(`${rows} rows need more than the years ${FIRST_YEAR}–${LAST_YEAR}`);
    for (const township of TONGNAN.townships) {
      let whole = 0;
      let part = 0;
      for (const column of columns) {
        if (written >= rows) break;
        const size = 20 + Math.floor(random() * 400);
        let text: string;
        if (column.kind === 'whole') {
          whole = size;
          text = String(whole);
        } else if (column.kind === 'part') {
          part = Math.max(0, whole - Math.floor(random() * 4));
          text = String(part);
        } else if (column.kind === 'rate') {
          text = whole > 0 ? `${Math.floor((100 * part) / whole)}%` : '100%';
          whole = 0;
        } else if (random() < 0.01) {
          text = '—';
        } else if (random() < 0.04) {
          text = `${Math.max(10, Math.floor(size / 10) * 10)}${random() < 0.5 ? '余' : '多'}`;
        } else {
          text = decimals ? (size * 100 + random() * 100).toFixed(2) : String(size);
        }
        const note = random() < 0.02 ? '含线上活动' : '';
        parts.push(`${township.name},${year}年,${column.name},${text},${column.unit},${note}\r\n`);
        written++;
      }
    }
  }
  return new TextEncoder().encode(parts.join(''));
}
