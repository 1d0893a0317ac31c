import { toHalfWidth, trimCell } from './normalize-text.ts';

const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/**
 * `二〇二一年` → `2021年`: official documents write a year's four digits as Chinese numerals, always
 * followed by 年. Full-width digits become ASCII too.
 */
function foldYearDigits(text: string): string {
  return toHalfWidth(text).replace(/[〇零一二三四五六七八九]{4}(?=\s*年)/g, (digits) =>
    Array.from(digits, (ch) => CHINESE_DIGITS[ch] ?? ch).join(''),
  );
}

/** `2021`, `2021年`, `2021年度`, `２０２１年`, `二〇二一年` → 2021; anything else → undefined. */
export function parseYear(text: string): number | undefined {
  const match = /^(\d{4})\s*(年度?)?$/.exec(foldYearDigits(trimCell(text)));
  if (!match?.[1]) return undefined;
  const year = Number(match[1]);
  return year >= 1990 && year <= 2100 ? year : undefined;
}

const YEAR = String.raw`(?<!\d)((?:19|20)\d{2})`;
/** `2022年1月`, `二〇二二年一月`, `2022-01-13`, `2022.1.5`: a date, usually when the form was filled in, not the year reported on. */
const NOT_A_DATE = String.raw`(?!\s*[年\-./]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[月\-./])`;
/** `2021年1-12月`, `2021年1月至12月`, `2021年一至十二月`: the whole year, as 2021年度. */
const WHOLE_YEAR = String.raw`\s*年\s*(1|一)\s*月?\s*[-—–~～至到]\s*(12|十二)\s*月`;
const PATTERNS = [
  new RegExp(`${YEAR}\\s*年度`, 'g'),
  new RegExp(`${YEAR}${WHOLE_YEAR}`, 'g'),
  new RegExp(`${YEAR}${NOT_A_DATE}\\s*年`, 'g'),
  new RegExp(`${YEAR}${NOT_A_DATE}(?!\\d)`, 'g'),
];

/**
 * The year a title or file name is about, e.g. `潼南区2021年度…` → 2021. `2021年度` and the whole
 * year `2021年1-12月` win over `2021年`, which wins over a bare `2021`; dates such as `2022年1月`
 * and part-year periods such as `2021年1-6月` are passed over.
 */
export function findYearIn(text: string): number | undefined {
  const folded = foldYearDigits(text);
  for (const pattern of PATTERNS) {
    for (const match of folded.matchAll(pattern)) {
      const year = Number(match[1]);
      if (year >= 1990 && year <= 2100) return year;
    }
  }
  return undefined;
}

/**
 * The year a column header gives its values: `2021`, `2021年`, `2021年度`, or with a word for the
 * figures after it, `2021年数据`, `2021年度数值`, `2021年完成情况`.
 */
export function parseYearHeader(text: string): number | undefined {
  const year = parseYear(text);
  if (year !== undefined) return year;
  const match = /^(\d{4})\s*(年度?)?\s*(数据|数值|数|值|完成数|完成值|完成情况|情况|实绩)$/.exec(
    foldYearDigits(trimCell(text)),
  );
  return match?.[1] ? parseYear(match[1]) : undefined;
}
