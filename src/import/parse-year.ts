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

const TO = String.raw`\s*[-—–~～至到]\s*`;
/**
 * A year cell: `2021`, `2021年`, `2021年度`, and the whole year written as a period — `2021年1-12月`,
 * `2021年1月至12月`, `2021年一至十二月`, `2021年全年`, `2021.1-2021.12`, `2021年1月-2021年12月`.
 */
const YEAR_CELL = new RegExp(
  String.raw`^(\d{4})\s*(?:年度?)?(?:\s*(?:全年|(?:0?1|一)\s*月?${TO}(?:12|十二)\s*月))?$|` +
    String.raw`^(\d{4})\s*[年.\-/]\s*0?1\s*月?${TO}(\d{4})\s*[年.\-/]\s*12\s*月?$`,
);

/**
 * `2021`, `2021年`, `2021年度`, `２０２１年`, `二〇二一年`, and the whole year as a period
 * (`2021年1-12月`, `2021.1-2021.12`) → 2021; anything else — a part of a year such as
 * `2021年1-6月` too — → undefined.
 */
export function parseYear(text: string): number | undefined {
  const match = YEAR_CELL.exec(foldYearDigits(trimCell(text)));
  if (!match) return undefined;
  const [, single, from, to] = match;
  if (from !== undefined && from !== to) return undefined;
  const year = Number(single ?? from);
  return year >= 1990 && year <= 2100 ? year : undefined;
}

const MONTH = String.raw`(?:\d{1,2}|[一二三四五六七八九十]{1,3})`;
/**
 * A part of a year: `2021年1-6月`, `2021年上半年`, `2021年第三季度`, `2021年6月`, `2021.1-2021.9`. Never
 * an annual figure: the message for such a year cell says so rather than that it cannot be read.
 */
const PART_OF_YEAR = new RegExp(
  String.raw`^(\d{4})\s*年度?\s*(?:上半年|下半年|前三季度|第?[一二三四1-4]\s*季度|${MONTH}\s*月?${TO}${MONTH}\s*月|${MONTH}\s*月份?)$|` +
    String.raw`^(\d{4})\s*[年.\-/]\s*\d{1,2}\s*月?${TO}(\d{4})\s*[年.\-/]\s*\d{1,2}\s*月?$`,
);

export function isPartOfYear(text: string): boolean {
  const folded = foldYearDigits(trimCell(text));
  return parseYear(folded) === undefined && PART_OF_YEAR.test(folded);
}

const YEAR = String.raw`(?<!\d)((?:19|20)\d{2})`;
/** `2022年1月`, `二〇二二年一月`, `2022-01-13`, `2022.1.5`: a date, usually when the form was filled in, not the year reported on. */
const NOT_A_DATE = String.raw`(?!\s*[年\-./]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[月\-./])`;
/** `2021年1-12月`, `2021年1月至12月`, `2021年一至十二月`: the whole year, as 2021年度. */
const WHOLE_YEAR = String.raw`\s*年\s*(1|一)\s*月?\s*[-—–~～至到]\s*(12|十二)\s*月`;
/**
 * `2021年1月1日至2021年12月31日`, `2021.1.1-12.31`, `截至2021年12月31日`, `截至2021年底`: the whole year
 * written as dates.
 */
const WHOLE_YEAR_DATES = String.raw`\s*[年.\-/]\s*0?1\s*[月.\-/]\s*0?1\s*日?${TO}(?:\1\s*[年.\-/]\s*)?12\s*[月.\-/]\s*31\s*日?`;
const UP_TO_YEAR_END = String.raw`\s*年\s*(?:12\s*月\s*(?:31\s*日|底|末)|底|末)`;
const PATTERNS = [
  new RegExp(`${YEAR}\\s*年度`, 'g'),
  new RegExp(`${YEAR}${WHOLE_YEAR}`, 'g'),
  new RegExp(`${YEAR}${WHOLE_YEAR_DATES}`, 'g'),
  new RegExp(`(?<=截[至止]\\s*)${YEAR}${UP_TO_YEAR_END}`, 'g'),
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
      if (year < 1990 || year > 2100) continue;
      // `2020—2021年度`: a span of years names no one year.
      const before = folded.slice(0, match.index);
      const after = folded.slice(match.index + 4);
      if (RANGE_BEFORE.test(before) || RANGE_AFTER.test(after)) continue;
      return year;
    }
  }
  return undefined;
}

const RANGE_BEFORE = /(?:19|20)\d{2}\s*年?度?\s*[-—–~～至到]\s*$/;
const RANGE_AFTER = /^\s*年?度?\s*[-—–~～至到]\s*(?:19|20)\d{2}(?!\d)/;

const PERIOD_MONTH = String.raw`(\d{1,2}|[一二三四五六七八九十]{1,3})`;
/**
 * A part of a year inside a title or file name: `2021年上半年`, `2021年第三季度`, `2021年一季度`,
 * `2021年1-6月`, `2021年1月至9月`, `2021.1-2021.6`. Whole-year periods (`2021年1-12月`) are not.
 */
const PERIOD_IN_TEXT = [
  /(?:19|20)\d{2}\s*年度?\s*(?:上半年|下半年|前三季度|半年度?|第?[一二三四1-4]\s*季度)/g,
  new RegExp(
    String.raw`(?:(?:19|20)\d{2}\s*年度?\s*)?${PERIOD_MONTH}\s*月?${TO}${PERIOD_MONTH}\s*月份?`,
    'g',
  ),
  new RegExp(
    String.raw`(?:19|20)\d{2}\s*[年.\-/]\s*${PERIOD_MONTH}\s*月?${TO}(?:19|20)\d{2}\s*[年.\-/]\s*${PERIOD_MONTH}\s*月?`,
    'g',
  ),
];
const MONTH_NUMBER: Readonly<Record<string, number>> = { 一: 1, 十一: 11, 十二: 12 };

/**
 * A part of a year named anywhere in a title or file name, not only right after its year:
 * `…数据（上半年）`, `…前三季度数据`, `（一至三季度）`, `2021年1至3季度`, `半年报`, `截至9月底`,
 * `前11个月`, `年初至11月`, `（Q1-Q3）`. Up to December (`截至12月底`, `前12个月`) is the whole year.
 */
const PART_WORDS = new RegExp(
  String.raw`上半年|下半年|前三季度?|前[两二]季度|第?[一二三四1-4]\s*季度|[一二三1-3]\s*(?:[、,，]|${TO})\s*[二三四2-4]\s*季度?|(?<![近每])半年(?:度|报)?|` +
    String.raw`截[至止]\s*(?:(?:19|20)\d{2}\s*年\s*)?(?<upTo>${MONTH})\s*月|前\s*(?<first>${MONTH})\s*个?月|年初至\s*(?<since>${MONTH})\s*月|Q[1-4]|` +
    // `2021年1月1日至2021年6月30日`: dates that bound less than the whole year.
    String.raw`(?:19|20)\d{2}\s*[年.\-/]\s*(?<fm>\d{1,2})\s*[月.\-/]\s*(?<fd>\d{1,2})\s*日?${TO}(?:(?:19|20)\d{2}\s*[年.\-/]\s*)?(?<tm>\d{1,2})\s*[月.\-/]\s*(?<td>\d{1,2})\s*日?`,
  'g',
);

/**
 * The part of a year a title or file name says its figures cover (`潼南区2021年上半年…` →
 * `2021年上半年`, `…数据（上半年）` → `上半年`), or undefined when it names none: such figures are
 * no year's.
 */
export function findPartOfYearIn(text: string): string | undefined {
  const folded = foldYearDigits(text);
  const inYear = findPartOfYearAfterYear(folded);
  if (inYear !== undefined) return inYear;
  for (const match of folded.matchAll(PART_WORDS)) {
    const groups = match.groups ?? {};
    const month = groups.upTo ?? groups.first ?? groups.since;
    if (month !== undefined && (MONTH_NUMBER[month] ?? Number(month)) >= 12) continue;
    const wholeDates =
      Number(groups.fm) === 1 &&
      Number(groups.fd) === 1 &&
      Number(groups.tm) === 12 &&
      Number(groups.td) === 31;
    if (wholeDates) continue;
    return match[0].trim();
  }
  return undefined;
}

function findPartOfYearAfterYear(folded: string): string | undefined {
  for (const pattern of PERIOD_IN_TEXT) {
    for (const match of folded.matchAll(pattern)) {
      const [from, to] = [match[1], match[2]];
      const month = (m: string | undefined) => MONTH_NUMBER[m ?? ''] ?? Number(m);
      if (from !== undefined && month(from) === 1 && month(to) === 12) continue;
      return match[0].trim();
    }
  }
  return undefined;
}

/** Words after a year in a column header that name its figures: `2021年数据`, `本年完成数`. */
const FIGURES = '(数据|数值|数|值|完成数|完成值|完成情况|情况|实绩|实际|实际数|完成|累计|累计数)';
const YEAR_FIGURES = new RegExp(`^(\\d{4})\\s*(年度?)?\\s*${FIGURES}$`);
/** `本年`, `本年度数`, `今年`, `本期`: the year reported on. */
const THIS_YEAR = new RegExp(`^(本年度?|今年|当年|本期)${FIGURES}?$`);
/** `上年`, `上年同期`, `去年同期数`: the year before it. */
const LAST_YEAR = new RegExp(`^(上年度?|去年|上年同期|去年同期|同期)${FIGURES}?$`);

/**
 * The year a column header gives its values: one written out (`2021年`), or one counted from the
 * year of the row or the file, as statistical tables head their columns `本年数, 上年数`.
 */
export type HeaderYear = { readonly year: number } | { readonly offset: number };

/**
 * `2021`, `2021年`, `2021年度`, or with a word for the figures after it, `2021年数据`, `2021年度数值`,
 * `2021年完成情况`; `本年`/`本年数`/`今年`/`本期` (offset 0) and `上年`/`上年同期`/`去年` (offset -1).
 */
export function parseYearHeader(text: string): HeaderYear | undefined {
  const folded = foldYearDigits(trimCell(text));
  const year = parseYear(folded) ?? parseYear(YEAR_FIGURES.exec(folded)?.[1] ?? '');
  if (year !== undefined) return { year };
  const plain = folded.replace(/\s+/g, '');
  if (THIS_YEAR.test(plain)) return { offset: 0 };
  if (LAST_YEAR.test(plain)) return { offset: -1 };
  return undefined;
}

/** The year of a column's values in a row whose own year (its column's, else the file's) is `rowYear`. */
export function yearOfColumn(
  header: HeaderYear | undefined,
  rowYear: number | undefined,
): number | undefined {
  if (header === undefined) return rowYear;
  if ('year' in header) return header.year;
  return rowYear === undefined ? undefined : rowYear + header.offset;
}

/** A column of the year before the row's (`上年`): figures that year's own report gave first. */
export function isRestated(header: HeaderYear | undefined): boolean {
  return header !== undefined && 'offset' in header && header.offset < 0;
}

/**
 * A year cell: `2021`, `2021年`, `2021年度`, or one counted from the file's year as 同比 tables
 * write their rows (L15): `本年`, `本期` (that year), `上年`, `上年同期`, `同期` (the year before).
 * `null`: such a word with no file year to count from.
 */
export function parseYearCell(text: string, fileYear: number | undefined): number | null | undefined {
  const year = parseYear(text);
  if (year !== undefined) return year;
  const header = parseYearHeader(text);
  if (header === undefined || !('offset' in header)) return undefined;
  return fileYear === undefined ? null : fileYear + header.offset;
}

/** `本年`, `上年同期`: a year counted from the file's (L13, L15), not written out. */
export function isRelativeYear(text: string): boolean {
  const header = parseYearHeader(text);
  return header !== undefined && 'offset' in header;
}

const YEAR_BEFORE =
  /^((?:19|20)\d{2}\s*年度?|二〇[〇一二三四五六七八九]{2}\s*年度?|本年度?|上年度?|今年|去年)\s*(\S.*)$/;
const YEAR_AFTER = /^(.*\S)\s*[（(]\s*((?:19|20)\d{2}\s*年度?)\s*[）)]$/;

/**
 * A header that says its year beside its name (L16): `2021年调解纠纷（件）`, `本年法律咨询`,
 * `调解纠纷（2021年）` → the year and the name. Undefined when it says none.
 */
export function splitYearFromHeader(
  text: string,
): { readonly year: HeaderYear; readonly name: string } | undefined {
  const trimmed = trimCell(text);
  const before = YEAR_BEFORE.exec(trimmed);
  const after = before ? undefined : YEAR_AFTER.exec(trimmed);
  const yearText = before?.[1] ?? after?.[2];
  const name = before?.[2] ?? after?.[1];
  if (yearText === undefined || name === undefined) return undefined;
  const year = parseYearHeader(yearText.replace(/\s+/g, ''));
  return year === undefined ? undefined : { year, name };
}
