import { COUNT_UNITS } from './count-units.ts';
import { trimCell } from './normalize-text.ts';
/**
 * Reads one spreadsheet cell as a figure, following the value rules (V) in docs/import-rules.md.
 * Missing ("not reported") and zero are different results; anything that is not clearly one number
 * is `invalid` and keeps its text so the caller can show it.
 */

export type ParsedValue =
  | {
      readonly kind: 'number';
      readonly value: number;
      readonly approximate: boolean;
      readonly percent: boolean;
      readonly raw: string;
    }
  | {
      readonly kind: 'missing';
      readonly raw: string;
      /** Excel's `#DIV/0!`: a formula divided by zero, so there is no figure (V16). */
      readonly divideByZero?: true;
    }
  | { readonly kind: 'invalid'; readonly raw: string };

const MISSING_WORDS: ReadonlySet<string> = new Set([
  '无',
  '不详',
  '暂无',
  '未统计',
  '暂无数据',
  '无数据',
  '不适用',
  '空',
  '(空)',
  'n/a',
  'na',
  'null',
]);
const MISSING_MARKS = /^(?:[-‐‑‒–—―─━]+|\/+)$/;
const ZERO_WORDS: ReadonlySet<string> = new Set(['没有发生', '未发生', '无发生']);

const APPROX_PREFIXES = [
  '大约',
  '将近',
  '接近',
  '超过',
  '约',
  '近',
  '超',
  '逾',
  '估计',
  '预计',
  '预估',
  '>=',
  '≥',
  '≧',
  '>',
];
const EMPHASIS_PREFIXES = ['高达', '达到', '共计', '累计', '达', '共', '计', '每校', '每所学校', '每个学校'];
/** A ratio's unit after its figure: 每校法治副校长 `1名/校`. */
const PER_UNITS = ['名/校', '人/校', '个/校', '名/所', '人/所'];
/** `(估)` marks an estimate: `500（估）`, `500人次（估计）`. */
const APPROX_SUFFIXES = [
  '以上',
  '左右',
  '上下',
  '有余',
  '余',
  '多',
  '+',
  '(估计)',
  '(预估)',
  '(估)',
  '估计',
  '估',
];

const NUMERALS = '零〇一二两三四五六七八九十百千万亿';
const ARABIC = String.raw`\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CELL = new RegExp(
  String.raw`^(?<prefix>[^\d+\-${NUMERALS}]*)` +
    `(?:(?<sign>[-+])?(?<arabic>${ARABIC})(?<infix>[余多])?(?<mult>百万|千万|[百千万亿])?` +
    `|(?<chinese>[${NUMERALS}]+)(?<cinfix>[余多])?(?<cmult>[万亿])?)` +
    '(?<tail>.*)$',
  'u',
);
/** Words of size after a figure (`1.5万`), and the power of ten each stands for. */
export const MULTIPLIER_EXPONENT: Readonly<Record<string, number>> = {
  百: 2,
  千: 3,
  万: 4,
  百万: 6,
  千万: 7,
  亿: 8,
};

/** `#DIV/0!`, as Excel and WPS write a formula's division by zero into a CSV. */
const DIVIDE_BY_ZERO = /^#DIV\/0!?$/i;

/** Excel's other error values: a formula that failed (V13: invalid, with a message that says so). */
export const SPREADSHEET_ERROR = /^#(?:N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** Whether a cell is Excel's `#DIV/0!` (V16). */
export function dividesByZero(raw: string): boolean {
  return DIVIDE_BY_ZERO.test(normalise(raw));
}

export function parseValue(raw: string): ParsedValue {
  const text = normalise(raw);
  if (text === '' || MISSING_MARKS.test(text) || MISSING_WORDS.has(text.toLowerCase()))
    return { kind: 'missing', raw };
  if (DIVIDE_BY_ZERO.test(text)) return { kind: 'missing', raw, divideByZero: true };
  if (ZERO_WORDS.has(text)) return { kind: 'number', value: 0, approximate: false, percent: false, raw };

  const g = CELL.exec(text)?.groups;
  if (!g) return { kind: 'invalid', raw };

  const prefix = tokenise(g.prefix ?? '', PREFIX_TOKENS);
  const tail = tailTokens(g.tail);
  if (!prefix || !tail) return { kind: 'invalid', raw };
  if (tail.filter((t) => t === '%' || COUNT_UNITS.includes(t)).length > 1) return { kind: 'invalid', raw };

  let value: number | undefined;
  if (g.arabic !== undefined) {
    const magnitude = scaleDecimal(g.arabic.replace(/[, ]/g, ''), MULTIPLIER_EXPONENT[g.mult ?? ''] ?? 0);
    value = g.sign === '-' ? -magnitude : magnitude;
  } else if (g.chinese !== undefined) {
    const base = parseChineseInteger(g.chinese);
    if (base !== undefined) value = base * 10 ** (MULTIPLIER_EXPONENT[g.cmult ?? ''] ?? 0);
  }
  if (value === undefined || !Number.isFinite(value)) return { kind: 'invalid', raw };

  const approximate =
    prefix.some((t) => APPROX_PREFIXES.includes(t)) ||
    g.infix !== undefined ||
    g.cinfix !== undefined ||
    tail.some((t) => APPROX_SUFFIXES.includes(t));
  // A size word alone (`万`, `百件`, `万人次`: a unit in the figure's place) is no figure; `万余`,
  // `千余人`, `约万人` are (V10).
  if (g.chinese !== undefined && /^[百千万亿]+$/.test(g.chinese) && !approximate)
    return { kind: 'invalid', raw };
  return {
    kind: 'number',
    value: value === 0 ? 0 : value,
    approximate,
    percent: tail.includes('%'),
    raw,
  };
}

/**
 * The count unit a figure is written with (`500多人次` → 人次, `94（件）` → 件), or undefined when it
 * has none or is no figure.
 */
export function writtenUnit(raw: string): string | undefined {
  const g = CELL.exec(normalise(raw))?.groups;
  return g && tailTokens(g.tail)?.find((t) => COUNT_UNITS.includes(t));
}

/** What follows a figure, as tokens; `94（件）`: the unit in brackets. */
function tailTokens(tail: string | undefined): string[] | undefined {
  return tokenise((tail ?? '').replace(/^\(([^()]{1,4})\)$/, '$1'), TAIL_TOKENS);
}

function normalise(raw: string): string {
  const folded = raw.replace(/[\uFF01-\uFF5E\u2212\uFE63\uFE6A]/g, (ch) => {
    if (ch === '\u2212' || ch === '\uFE63') return '-';
    if (ch === '\uFE6A') return '%';
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });
  // Keep a space only between two digits, where it may be a thousands separator. trimCell reads
  // `="12"`, a figure some systems export as Excel text, as the figure inside.
  return trimCell(folded.replace(/[\s\u200B\uFEFF]+/g, ' ')).replace(/(?<=\D) | (?=\D)/g, '');
}

const longestFirst = (tokens: readonly string[]) => [...tokens].sort((a, b) => b.length - a.length);
const PREFIX_TOKENS = longestFirst([...APPROX_PREFIXES, ...EMPHASIS_PREFIXES]);
const TAIL_TOKENS = longestFirst([...APPROX_SUFFIXES, ...PER_UNITS, ...COUNT_UNITS, '%']);

/** Splits `text` into the given tokens (ordered longest first); undefined when something else is left. */
function tokenise(text: string, ordered: readonly string[]): string[] | undefined {
  const found: string[] = [];
  let rest = text;
  while (rest !== '') {
    const token = ordered.find((t) => rest.startsWith(t));
    if (token === undefined) return undefined;
    found.push(token);
    rest = rest.slice(token.length);
  }
  return found;
}

/** `digits` × 10^exponent, shifting the decimal point in the text to avoid binary rounding (1.15万). */
function scaleDecimal(digits: string, exponent: number): number {
  if (exponent === 0) return Number(digits);
  const [whole = '', fraction = ''] = digits.split('.');
  const padded = fraction.padEnd(exponent, '0');
  return Number(`${whole}${padded.slice(0, exponent)}.${padded.slice(exponent) || '0'}`);
}

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

function parseChineseInteger(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let pending: number | undefined;
  let pendingAfterUnit = 0;
  let lastUnit = 0;
  let smallCap = Number.POSITIVE_INFINITY;
  let bigCap = Number.POSITIVE_INFINITY;
  let afterZero = false;

  for (const ch of text) {
    const digit = DIGITS[ch];
    const small = SMALL_UNITS[ch];
    const big = BIG_UNITS[ch];
    if (digit !== undefined) {
      if (pending !== undefined) return undefined;
      if (digit === 0) {
        afterZero = true;
        lastUnit = 0;
        continue;
      }
      pending = digit;
      pendingAfterUnit = lastUnit;
      lastUnit = 0;
    } else if (small !== undefined) {
      if (small >= smallCap) return undefined;
      section += (pending ?? 1) * small;
      pending = undefined;
      smallCap = small;
      lastUnit = small;
      afterZero = false;
    } else if (big !== undefined) {
      if (big >= bigCap) return undefined;
      section += pending ?? 0;
      if (section === 0) {
        if (total !== 0 || afterZero) return undefined;
        section = 1;
      }
      total += section * big;
      section = 0;
      pending = undefined;
      smallCap = Number.POSITIVE_INFINITY;
      bigCap = big;
      lastUnit = big;
      afterZero = false;
    } else {
      return undefined;
    }
  }
  if (pending !== undefined) {
    // 一百五 = 150, 两千五 = 2500, 一万五 = 15000: a last digit right after a unit of 百 or more.
    section += pendingAfterUnit >= 100 && !afterZero ? (pending * pendingAfterUnit) / 10 : pending;
  }
  return total + section;
}
