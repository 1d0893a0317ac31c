/**
 * The import pipeline's single entry point: bytes → text → rows → header and layout → facts →
 * checks, with every problem found on the way as an issue. Pure: nothing is stored here, and the
 * same bytes with the same options always give the same preview.
 */
import type { Township } from '../district/district.ts';
import { checkFacts } from './check-facts.ts';
import { type TextEncodingName, decodeBytes } from './decode-bytes.ts';
import { columnIndex, columnLetter, type Fact } from './fact.ts';
import { readFractionRates } from './fraction-rates.ts';
import { type DocumentContext, findContext, type TownshipSource, type YearSource } from './find-context.ts';
import { findTables, type Table } from './find-tables.ts';
import { createFactCollector } from './collect-facts.ts';
import { columnWithRole, findHeader, HEADER_SEARCH_ROWS, type HeaderBlock } from './find-header.ts';
import { hashBytes } from './hash-bytes.ts';
import { type ImportIssue, sortIssues } from './import-issue.ts';
import { type CustomIndicator, type ImportColumn, mapColumns } from './map-columns.ts';
import { trimCell } from './normalize-text.ts';
import { type Delimiter, parseCsv, sniffDelimiter } from './parse-csv.ts';
import { findWideRows } from './wide-rows.ts';
import type { HeaderYear } from './parse-year.ts';
import { readLong } from './read-long.ts';
import { readWide } from './read-wide.ts';
import { createTownshipResolver, type UnknownTownship } from './resolve-township.ts';

export type { ColumnRole } from './find-header.ts';
export type { ColumnSource, CustomIndicator, ImportColumn } from './map-columns.ts';
export type { UnknownTownship } from './resolve-township.ts';
export type { TownshipSource, YearSource };
export { hashBytes };

export type Layout = 'long' | 'wide' | 'sheet' | 'transposed' | 'unknown';

export interface ImportPreview {
  readonly fileName: string;
  readonly contentHash: string;
  readonly encoding: TextEncodingName | null;
  /** False when `options.encoding` chose the encoding. */
  readonly encodingDetected: boolean;
  readonly delimiter: Delimiter | null;
  readonly layout: Layout;
  /** Row number of the (first) header row. */
  readonly headerLine: number | null;
  /** Data rows read (not counting title, header, blank, footnote and total rows). */
  readonly rowCount: number;
  /** The year of the whole file, when it is not read per row from a year column. */
  readonly year: number | null;
  readonly yearSource: YearSource | null;
  /**
   * The year the title or file name states when the rows take theirs from a year column: the
   * rows should include it (check year-differs, L18).
   */
  readonly statedYear?: { readonly year: number; readonly source: 'title' | 'file-name' };
  /** The township of a one-township sheet. */
  readonly township: Township | null;
  readonly townshipSource: TownshipSource | null;
  /** Every column of the header and what the import made of it. */
  readonly columns: readonly ImportColumn[];
  readonly customIndicators: readonly CustomIndicator[];
  /** Each township name the district does not know, once, with the rows that use it. */
  readonly unknownTownships: readonly UnknownTownship[];
  readonly facts: readonly Fact[];
  readonly issues: readonly ImportIssue[];
}

export interface ImportOptions {
  readonly fileName: string;
  readonly townships: readonly Township[];
  /** The user's choice of encoding, overriding detection. */
  readonly encoding?: TextEncodingName;
  /** The user's year for a file without a year column; overrides a year in the title or file name. */
  readonly year?: number;
  /** The user's township code for a one-township sheet; overrides the title and file name. */
  readonly township?: string;
  /** headerKey (or indicator name's headerKey) → catalog indicator id, `custom:…` id, or `'ignore'`. */
  readonly mappings?: Readonly<Record<string, string>>;
  /** Written township name as `UnknownTownship.name` gives it → township code. */
  readonly townshipAliases?: Readonly<Record<string, string>>;
  /** The district's name (`重庆市潼南区`): a row named so is its total, not a township. */
  readonly districtName?: string;
  /** This year, by the clock unless given: a later year is no year reported on (L20). */
  readonly currentYear?: number;
}

/** Wider than any indicator table; 5,000-column files are something else and are refused at once. */
export const MAX_COLUMNS = 1000;

/** bytes → text → rows → facts, with every problem found on the way. Nothing is stored here. */
/** The preview of a file nothing could be read from (yet): its issues say why. */
export function emptyPreview(fileName: string, contentHash: string): ImportPreview {
  return {
    fileName,
    contentHash,
    encoding: null,
    encodingDetected: false,
    delimiter: null,
    layout: 'unknown',
    headerLine: null,
    rowCount: 0,
    year: null,
    yearSource: null,
    township: null,
    townshipSource: null,
    columns: [],
    customIndicators: [],
    unknownTownships: [],
    facts: [],
    issues: [],
  };
}

/**
 * L18: a year column none of whose facts is of the year the title or file name states (a template
 * of last year reused: `2022年度…` above rows of `2021`), a warning on the first fact's year cell.
 */
export function yearDiffers(
  facts: readonly Pick<Fact, 'line' | 'year'>[],
  stated: NonNullable<ImportPreview['statedYear']>,
  yearColumn: string,
): ImportIssue | undefined {
  let first: Pick<Fact, 'line' | 'year'> | undefined;
  for (const fact of facts) {
    if (fact.year === stated.year) return undefined;
    if (first === undefined || fact.line < first.line) first = fact;
  }
  return first === undefined
    ? undefined
    : {
        severity: 'warning',
        code: 'year-differs',
        line: first.line,
        column: yearColumn,
        raw: String(first.year),
        detail: `${stated.source}:${stated.year}`,
      };
}

/**
 * L20: facts of a year that has not begun (`2091` for 2019, a title's `2062年度`): no report is of
 * such a year. An error per year, on the year cell of its first fact's row when the year is a
 * column's, else for the whole file (a title, a file name, a header or the user gave it).
 */
export function yearsToCome(
  facts: readonly Pick<Fact, 'line' | 'year'>[],
  currentYear: number,
  yearColumn: string | undefined,
): ImportIssue[] {
  const first = new Map<number, number>();
  for (const fact of facts) {
    const line = first.get(fact.year);
    if (fact.year > currentYear && (line === undefined || fact.line < line)) first.set(fact.year, fact.line);
  }
  return [...first].map(([year, line]) => ({
    severity: 'error',
    code: 'future-year',
    ...(yearColumn === undefined ? {} : { line, column: yearColumn }),
    raw: String(year),
    detail: String(currentYear),
  }));
}

/** R15: the cell where a quote opened and was never closed, its first line, and how many lines it swallowed. */
function unclosedQuoteIssue(
  rows: readonly (readonly string[])[],
  at: { readonly row: number; readonly column: number },
): ImportIssue {
  const lines = (rows[at.row]?.[at.column] ?? '').split(/\r\n|\r|\n/);
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const first = lines[0] ?? '';
  return {
    severity: 'error',
    code: 'unclosed-quote',
    line: at.row + 1,
    column: columnLetter(at.column),
    raw: first.length > 20 || lines.length > 1 ? `"${first.slice(0, 20)}…` : `"${first}`,
    detail: String(lines.length - 1),
  };
}

export async function importFile(bytes: Uint8Array, options: ImportOptions): Promise<ImportPreview> {
  const contentHash = await hashBytes(bytes);
  const decoded = decodeBytes(bytes, options.encoding);
  const empty = {
    ...emptyPreview(options.fileName, contentHash),
    encodingDetected: options.encoding === undefined,
  };
  if (!decoded.ok) return { ...empty, issues: [{ severity: 'error', code: decoded.problem }] };

  const delimiter = sniffDelimiter(decoded.text);
  const common = { ...empty, encoding: decoded.encoding, encodingDetected: decoded.detected, delimiter };
  const tooWide = (rows: readonly (readonly string[])[]) => findTooWideRow(rows);
  const head = tooWide(parseCsv(decoded.text, delimiter, HEADER_SEARCH_ROWS).rows);
  if (head) return { ...common, issues: [head] };
  const { rows: parsed, unclosedQuote } = parseCsv(decoded.text, delimiter);
  let rows = parsed;
  const wide = tooWide(rows);
  if (wide) return { ...common, issues: [wide] };

  const resolver = createTownshipResolver(options.townships, options.townshipAliases, options.districtName);
  const isTownship = (text: string) => resolver.match(text).kind === 'matched';
  const block = findHeader(rows, isTownship);
  if (!block)
    return {
      ...common,
      issues: [
        unclosedQuote ? unclosedQuoteIssue(parsed, unclosedQuote) : { severity: 'error', code: 'no-header' },
      ],
    };

  const issues: ImportIssue[] = [];
  if (unclosedQuote) issues.push(unclosedQuoteIssue(parsed, unclosedQuote));
  const tables = findTables(rows, block, isTownship);
  for (const table of tables) {
    const wideRows = findWideRows(rows, table.block, delimiter, table.end);
    rows = wideRows.rows;
    append(issues, wideRows.issues);
  }
  const { contexts, file: context, multiYear } = tableContexts(rows, tables, options);
  const mappings = options.mappings ?? {};
  // Years in the header: a column per year (L10), or a wide table's indicators each under a year
  // (L12). `本年` and `上年` count from the row's or the file's year, which is still needed (L13).
  const written = (year: HeaderYear | undefined) => year !== undefined && 'year' in year;
  const indicatorColumns = block.columns.filter((c) => !block.roles.has(c.index) && c.labels.length > 0);
  const yearsAcross =
    (block.across?.kind === 'year' && block.across.columns.every((c) => written(c.year))) ||
    (block.layout === 'wide' &&
      indicatorColumns.length > 0 &&
      indicatorColumns.every((c) => written(c.year)));
  const hasYearColumn = columnWithRole(block, 'year') !== undefined || yearsAcross;
  let columns: ImportColumn[] = [];
  const customs = new Map<string, CustomIndicator>();
  const read: Fact[][] = [];
  let rowCount = 0;

  for (const [i, table] of tables.entries()) {
    // Each table is read as if the file ended where the next one starts.
    const upTo = table.end === rows.length ? rows : rows.slice(0, table.end);
    const tableContext = contexts[i] ?? context;
    if (table.block.layout === 'wide') {
      const mapped = mapColumns(table.block, mappings);
      const result = readWide(upTo, table.block, mapped.columns, resolver, tableContext.year);
      append(issues, mapped.issues);
      append(issues, result.issues);
      const tableColumns = mapped.columns.map(
        ({ index: _index, conflict: _conflict, year: _year, ...column }) => column,
      );
      columns = withColumns(columns, tableColumns);
      for (const index of result.unnamedColumns) {
        const column = columnLetter(index);
        issues.push({ severity: 'warning', code: 'unnamed-column', line: table.block.start + 1, column });
        if (!columns.some((c) => c.column === column))
          columns.push({
            column,
            header: '',
            headerKey: '',
            indicatorId: null,
            source: 'ignored',
            role: null,
          });
      }
      for (const custom of mapped.customIndicators)
        if (!customs.has(custom.id)) customs.set(custom.id, custom);
      read.push(result.facts);
      rowCount += result.dataRows;
    } else {
      const result = readLong(upTo, table.block, {
        townships: resolver,
        mappings,
        year: tableContext.year,
        township: table.block.layout === 'sheet' ? tableContext.township : undefined,
      });
      append(issues, result.issues);
      columns = withColumns(columns, recordColumns(table.block));
      for (const custom of result.customIndicators)
        if (!customs.has(custom.id)) customs.set(custom.id, custom);
      read.push(result.facts);
      rowCount += result.dataRows;
    }
  }
  const customIndicators = [...customs.values()];
  let facts: readonly Fact[] = read.length === 1 ? (read[0] ?? []) : acrossTables(read, issues);

  // A title or file name saying the figures cover part of a year (2021年上半年) stops the file,
  // whatever gives the rows their year: only whole years' figures are compared (L17).
  const partOfYear = [context, ...contexts].find((c) => c.partOfYear)?.partOfYear;
  if (partOfYear)
    issues.push({ severity: 'error', code: 'part-of-year', raw: partOfYear.text, detail: partOfYear.source });
  else if (!hasYearColumn && contexts.some((c) => c.year === undefined)) {
    issues.push({ severity: 'error', code: 'no-year' });
  }
  // L19: the title won over a file name that says another year or township.
  const fileNameSays = tables.length === 1 ? context.fileNameSays : undefined;
  if (fileNameSays?.year !== undefined && !hasYearColumn && context.year !== undefined)
    issues.push({
      severity: 'warning',
      code: 'file-name-differs',
      raw: String(fileNameSays.year),
      detail: `year:${context.year}`,
    });
  if (fileNameSays?.township && block.layout === 'sheet' && context.township)
    issues.push({
      severity: 'warning',
      code: 'file-name-differs',
      raw: fileNameSays.township.name,
      detail: `township:${context.township.name}`,
    });
  if (block.layout === 'sheet' && contexts.some((c) => c.township === undefined)) {
    const guess = contexts.find((c) => c.township === undefined)?.townshipGuess ?? context.townshipGuess;
    issues.push({
      severity: 'error',
      code: 'no-township',
      ...(guess ? { raw: guess.written, detail: guess.suggestions.map((t) => t.name).join('、') } : {}),
    });
  }
  // Rows set aside as too wide (R14, R16) are rows: the header has some, each with its error.
  const setAside = issues.some((i) => i.code === 'split-number' || i.code === 'extra-cells');
  if (rowCount === 0 && !setAside) issues.push({ severity: 'error', code: 'no-rows', line: block.start + 1 });
  const fractions = readFractionRates(facts, customIndicators);
  facts = fractions.facts;
  append(issues, fractions.issues);
  append(issues, checkFacts(facts, customIndicators, fractions.indicators));

  const yearColumn = columnWithRole(block, 'year');
  const statedYear =
    yearColumn !== undefined &&
    tables.length === 1 &&
    context.year !== undefined &&
    (context.yearSource === 'title' || context.yearSource === 'file-name')
      ? { year: context.year, source: context.yearSource }
      : undefined;
  if (statedYear && yearColumn !== undefined) {
    const differs = yearDiffers(facts, statedYear, columnLetter(yearColumn));
    if (differs) issues.push(differs);
  }
  append(
    issues,
    yearsToCome(
      facts,
      options.currentYear ?? new Date().getFullYear(),
      yearColumn === undefined || tables.length > 1 ? undefined : columnLetter(yearColumn),
    ),
  );

  const wholeFile = (value: number | undefined) => (hasYearColumn || multiYear ? null : (value ?? null));
  return {
    ...common,
    layout: block.layout,
    headerLine: block.start + 1,
    rowCount,
    year: wholeFile(context.year),
    yearSource: yearsAcross ? 'header' : hasYearColumn ? 'column' : multiYear ? 'tables' : context.yearSource,
    ...(statedYear ? { statedYear } : {}),
    township: block.layout === 'sheet' ? (context.township ?? null) : null,
    townshipSource:
      block.layout === 'sheet' ? context.townshipSource : block.layout === 'transposed' ? 'header' : 'column',
    columns: columns.sort((a, b) => columnIndex(a.column) - columnIndex(b.column)),
    customIndicators,
    unknownTownships: resolver.unknown(),
    facts,
    issues: sortIssues(issues),
  };
}

/**
 * The year and township of each stacked table (L14). When their titles give different years, each
 * table takes its own title's (else the user's, else the file name's); otherwise the file has one
 * year, found as for a single table (the user's, the titles', the file name's). A one-township
 * sheet's table takes the township its title names, else the file's.
 */
function tableContexts(
  rows: readonly (readonly string[])[],
  tables: readonly Table[],
  options: ImportOptions,
): { contexts: DocumentContext[]; file: DocumentContext; multiYear: boolean } {
  if (tables.length <= 1) {
    const block = tables[0]?.block;
    const single = findContext(
      rows.slice(0, block?.start ?? 0),
      options,
      rows.slice(block?.end ?? rows.length),
    );
    return { contexts: [single], file: single, multiYear: false };
  }
  const first = findContext(rows.slice(0, tables[0]?.block.start ?? 0), options);
  const own = tables.map((table) =>
    findContext(rows.slice(table.from, table.block.start), {
      ...options,
      fileName: '',
      year: undefined,
      township: undefined,
    }),
  );
  const titleYears = new Set(own.flatMap((c) => (c.year === undefined ? [] : [c.year])));
  const multiYear = titleYears.size > 1;
  const titleYear = first.year ?? [...titleYears][0];
  const file: DocumentContext =
    first.year === undefined && titleYear !== undefined
      ? { ...first, year: titleYear, yearSource: 'title' }
      : first;
  const contexts = own.map((c) => ({
    ...c,
    year: multiYear ? (c.year ?? findContext([], options).year) : file.year,
    township: options.township !== undefined ? file.township : (c.township ?? file.township),
  }));
  return { contexts, file, multiYear };
}

/** Stacked tables' facts in file order; a fact a later table gives again is R8's duplicate. */
function acrossTables(read: readonly (readonly Fact[])[], issues: ImportIssue[]): Fact[] {
  const collector = createFactCollector();
  for (const facts of read) for (const fact of facts) collector.add(fact, issues);
  return collector.facts;
}

/**
 * The columns the card lists: the first table's, then those of a later stacked table (L14) whose
 * header the ones before did not have, so each header is mapped once, whichever table has it.
 */
function withColumns(columns: readonly ImportColumn[], more: readonly ImportColumn[]): ImportColumn[] {
  const keys = new Set(columns.map((c) => c.headerKey));
  return [...columns, ...more.filter((c) => !keys.has(c.headerKey))];
}

/** push(...items) overflows the call stack on files with a few hundred thousand issues. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Long and sheet layouts: the header's columns are roles, the indicators are in the rows. */
function recordColumns(block: HeaderBlock): ImportColumn[] {
  return block.columns
    .filter((c) => c.labels.length > 0)
    .map((c) => {
      const role = block.roles.get(c.index) ?? null;
      return {
        column: columnLetter(c.index),
        header: c.header,
        headerKey: c.key,
        indicatorId: null,
        source: role === null ? 'ignored' : 'role',
        role,
      };
    });
}

/** The first row with content beyond MAX_COLUMNS; trailing empty cells (comma padding) do not count. */
function findTooWideRow(rows: readonly (readonly string[])[]): ImportIssue | undefined {
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] ?? [];
    if (row.length <= MAX_COLUMNS) continue;
    let width = row.length;
    while (width > MAX_COLUMNS && trimCell(row[width - 1] ?? '') === '') width--;
    if (width > MAX_COLUMNS) {
      return { severity: 'error', code: 'too-many-columns', line: index + 1, detail: String(width) };
    }
  }
  return undefined;
}
