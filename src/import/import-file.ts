/**
 * The import pipeline's single entry point: bytes → text → rows → header and layout → facts →
 * checks, with every problem found on the way as an issue. Pure: nothing is stored here, and the
 * same bytes with the same options always give the same preview.
 */
import type { Township } from '../district/district.ts';
import { checkFacts } from './check-facts.ts';
import { type TextEncodingName, decodeBytes } from './decode-bytes.ts';
import { columnIndex, columnLetter, type Fact } from './fact.ts';
import { findContext, type TownshipSource, type YearSource } from './find-context.ts';
import { columnWithRole, findHeader, HEADER_SEARCH_ROWS, type HeaderBlock } from './find-header.ts';
import { hashBytes } from './hash-bytes.ts';
import { type ImportIssue, sortIssues } from './import-issue.ts';
import { type CustomIndicator, type ImportColumn, mapColumns } from './map-columns.ts';
import { trimCell } from './normalize-text.ts';
import { type Delimiter, parseCsv, sniffDelimiter } from './parse-csv.ts';
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
  const { rows } = parseCsv(decoded.text, delimiter);
  const wide = tooWide(rows);
  if (wide) return { ...common, issues: [wide] };

  const resolver = createTownshipResolver(options.townships, options.townshipAliases, options.districtName);
  const block = findHeader(rows, (text) => resolver.match(text).kind === 'matched');
  if (!block) return { ...common, issues: [{ severity: 'error', code: 'no-header' }] };

  const context = findContext(rows.slice(0, block.start), options);
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
  const issues: ImportIssue[] = [];
  let columns: ImportColumn[];
  let customIndicators: readonly CustomIndicator[];
  let facts: Fact[];
  let rowCount: number;

  if (block.layout === 'wide') {
    const mapped = mapColumns(block, mappings);
    const result = readWide(rows, block, mapped.columns, resolver, context.year);
    append(issues, mapped.issues);
    append(issues, result.issues);
    columns = mapped.columns.map(({ index: _index, conflict: _conflict, year: _year, ...column }) => column);
    for (const index of result.unnamedColumns) {
      const column = columnLetter(index);
      issues.push({ severity: 'warning', code: 'unnamed-column', line: block.start + 1, column });
      columns.push({ column, header: '', headerKey: '', indicatorId: null, source: 'ignored', role: null });
    }
    customIndicators = mapped.customIndicators;
    facts = result.facts;
    rowCount = result.dataRows;
  } else {
    const result = readLong(rows, block, {
      townships: resolver,
      mappings,
      year: context.year,
      township: block.layout === 'sheet' ? context.township : undefined,
    });
    append(issues, result.issues);
    columns = recordColumns(block);
    customIndicators = result.customIndicators;
    facts = result.facts;
    rowCount = result.dataRows;
  }

  if (!hasYearColumn && context.year === undefined) issues.push({ severity: 'error', code: 'no-year' });
  if (block.layout === 'sheet' && context.township === undefined) {
    issues.push({ severity: 'error', code: 'no-township' });
  }
  if (rowCount === 0) issues.push({ severity: 'error', code: 'no-rows', line: block.start + 1 });
  append(issues, checkFacts(facts, customIndicators));

  const wholeFile = (value: number | undefined) => (hasYearColumn ? null : (value ?? null));
  return {
    ...common,
    layout: block.layout,
    headerLine: block.start + 1,
    rowCount,
    year: wholeFile(context.year),
    yearSource: yearsAcross ? 'header' : hasYearColumn ? 'column' : context.yearSource,
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
