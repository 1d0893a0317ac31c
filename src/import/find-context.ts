import type { Township } from '../district/district.ts';
import { isFootnoteRow } from './classify-row.ts';
import { findTownshipIn, matchTownship } from './match-township.ts';
import { trimCell } from './normalize-text.ts';
import { findPartOfYearIn, findYearIn } from './parse-year.ts';

/**
 * `column`: a 年度 column; `header`: the header of each value column (指标, 2020年, 2021年);
 * `tables`: the title of each of the tables stacked in the file (L14).
 */
export type YearSource = 'column' | 'header' | 'tables' | 'title' | 'file-name' | 'option';
/**
 * `header`: the header of each value column (指标, 宝龙镇, 上和镇); `note`: a note row above or below
 * the table (`填报单位：宝龙镇`, `填报单位（盖章）：宝龙镇人民政府`).
 */
export type TownshipSource = 'column' | 'header' | 'title' | 'note' | 'file-name' | 'option';

export interface DocumentContext {
  readonly year: number | undefined;
  readonly yearSource: Exclude<YearSource, 'column' | 'header' | 'tables'> | null;
  readonly township: Township | undefined;
  readonly townshipSource: Exclude<TownshipSource, 'column' | 'header'> | null;
  /**
   * A part of a year the title or file name says the figures cover (`2021年上半年`): no year is
   * taken from either, whatever else they say. Not looked for when the user chose the year.
   */
  readonly partOfYear?: { readonly text: string; readonly source: 'title' | 'file-name' };
  /**
   * What the file name says when the title (or a note row) said otherwise and won: last year's
   * sheet saved under this year's name, or one township's sheet under another's (L19).
   */
  readonly fileNameSays?: { readonly year?: number; readonly township?: Township };
  /**
   * When no township was found: a name in the title or file name that looks like a misspelt one
   * (`宝垅镇` → 宝龙镇), for the user to confirm.
   */
  readonly townshipGuess?: { readonly written: string; readonly suggestions: readonly Township[] };
}

export interface ContextOptions {
  readonly fileName: string;
  readonly townships: readonly Township[];
  readonly year?: number;
  readonly township?: string;
  readonly townshipAliases?: Readonly<Record<string, string>>;
}

/** `C:\报表\宝龙镇2021年法治指标.csv` → `宝龙镇2021年法治指标`. */
function baseName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

function isYear(year: number | undefined): year is number {
  return year !== undefined && Number.isInteger(year) && year >= 1990 && year <= 2100;
}

/**
 * The year and township a whole file is about, for tables that do not say it per row. The user's
 * choice wins, then the title rows above the header (then note rows such as `填报单位：宝龙镇`, above
 * the table or below it), then the file name.
 */
export function findContext(
  rowsAbove: readonly (readonly string[])[],
  options: ContextOptions,
  /** Rows below the table: its note rows (`填报单位（盖章）：宝龙镇人民政府`) may name the township. */
  rowsBelow: readonly (readonly string[])[] = [],
): DocumentContext {
  const texts = (rows: readonly (readonly string[])[]) =>
    rows
      .map((row) =>
        row
          .map(trimCell)
          .filter((cell) => cell !== '')
          .join(' '),
      )
      .filter((t) => t !== '');
  const titles = texts(rowsAbove.filter((row) => !isFootnoteRow(row)));
  const notes = texts([...rowsAbove, ...rowsBelow].filter(isFootnoteRow));
  const file = baseName(options.fileName);
  const aliases = options.townshipAliases ?? {};

  let year: number | undefined;
  let yearSource: DocumentContext['yearSource'] = null;
  const titleYear = titles.map(findYearIn).find(isYear);
  const fileYear = findYearIn(file);
  const titlePart = titles.map(findPartOfYearIn).find((t) => t !== undefined);
  const filePart = findPartOfYearIn(file);
  const partOfYear =
    titlePart !== undefined
      ? { text: titlePart, source: 'title' as const }
      : filePart !== undefined
        ? { text: filePart, source: 'file-name' as const }
        : undefined;
  if (isYear(options.year)) [year, yearSource] = [options.year, 'option'];
  else if (partOfYear) [year, yearSource] = [undefined, null];
  else if (isYear(titleYear)) [year, yearSource] = [titleYear, 'title'];
  else if (isYear(fileYear)) [year, yearSource] = [fileYear, 'file-name'];

  let township: Township | undefined;
  let townshipSource: DocumentContext['townshipSource'] = null;
  const chosen = options.townships.find((t) => t.code === options.township);
  const townshipIn = (lines: readonly string[]) =>
    lines.map((text) => findTownshipIn(text, options.townships, aliases)).find((t) => t !== undefined);
  const titleTownship = townshipIn(titles);
  const noteTownship = titleTownship ? undefined : townshipIn(notes);
  const fileTownship = findTownshipIn(file, options.townships, aliases);
  if (chosen) [township, townshipSource] = [chosen, 'option'];
  else if (titleTownship) [township, townshipSource] = [titleTownship, 'title'];
  else if (noteTownship) [township, townshipSource] = [noteTownship, 'note'];
  else if (fileTownship) [township, townshipSource] = [fileTownship, 'file-name'];

  const fileNameSays = {
    ...(yearSource === 'title' && isYear(fileYear) && fileYear !== year ? { year: fileYear } : {}),
    ...((townshipSource === 'title' || townshipSource === 'note') &&
    fileTownship !== undefined &&
    fileTownship.code !== township?.code
      ? { township: fileTownship }
      : {}),
  };
  const townshipGuess =
    township === undefined ? guessTownship([...titles, ...notes, file], options.townships) : undefined;
  const context = {
    year,
    yearSource,
    township,
    townshipSource,
    ...(townshipGuess ? { townshipGuess } : {}),
    ...(fileNameSays.year !== undefined || fileNameSays.township !== undefined ? { fileNameSays } : {}),
  };
  return partOfYear && !isYear(options.year) ? { ...context, partOfYear } : context;
}

/**
 * A township name the district does not know, written in a title or file name (`宝垅镇2021年…`):
 * the two or three characters before 镇, 乡 or 街道, when they are close to a district township's.
 */
function guessTownship(
  texts: readonly string[],
  townships: readonly Township[],
): { readonly written: string; readonly suggestions: readonly Township[] } | undefined {
  for (const text of texts) {
    for (const suffix of text.matchAll(/街道|镇|乡/g)) {
      for (const length of [2, 3]) {
        const start = suffix.index - length;
        if (start < 0) continue;
        const written = text.slice(start, suffix.index + suffix[0].length);
        if (!/^[\u4e00-\u9fff]+$/u.test(written)) continue;
        const match = matchTownship(written, townships);
        if (match.kind === 'unknown' && match.suggestions.length > 0)
          return { written, suggestions: match.suggestions };
      }
    }
  }
  return undefined;
}
