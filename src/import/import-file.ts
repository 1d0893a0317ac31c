import type { Township } from '../district/district.ts';
import { type TextEncodingName, decodeBytes } from './decode-bytes.ts';
import type { Fact } from './fact.ts';
import type { ImportIssue } from './import-issue.ts';
import { type Delimiter, isBlankRow, parseCsv } from './parse-csv.ts';
import { findLongColumns, readLong } from './read-long.ts';

export type Layout = 'long' | 'wide' | 'sheet' | 'unknown';

export interface ImportPreview {
  readonly fileName: string;
  readonly contentHash: string;
  readonly encoding: TextEncodingName | null;
  readonly delimiter: Delimiter | null;
  readonly layout: Layout;
  /** Data rows read (not counting title, header, blank and footnote rows). */
  readonly rowCount: number;
  readonly facts: readonly Fact[];
  readonly issues: readonly ImportIssue[];
}

export interface ImportOptions {
  readonly fileName: string;
  readonly townships: readonly Township[];
  readonly encoding?: TextEncodingName;
}

/** Header rows sit below at most this many title, unit and blank rows. */
const HEADER_SEARCH_ROWS = 15;

/** bytes → text → rows → facts, with every problem found on the way. Nothing is stored here. */
export async function importFile(bytes: Uint8Array, options: ImportOptions): Promise<ImportPreview> {
  const contentHash = await hashBytes(bytes);
  const base = { fileName: options.fileName, contentHash };
  const decoded = decodeBytes(bytes, options.encoding);
  if (!decoded.ok) {
    return {
      ...base,
      encoding: null,
      delimiter: null,
      layout: 'unknown',
      rowCount: 0,
      facts: [],
      issues: [{ severity: 'error', code: decoded.problem }],
    };
  }
  const table = parseCsv(decoded.text);
  const common = { ...base, encoding: decoded.encoding, delimiter: table.delimiter };
  for (let index = 0; index < Math.min(table.rows.length, HEADER_SEARCH_ROWS); index++) {
    const row = table.rows[index] ?? [];
    if (isBlankRow(row)) continue;
    const long = findLongColumns(row);
    if (long) {
      const result = readLong(table.rows, index, long, options.townships);
      const issues: ImportIssue[] =
        result.dataRows === 0 ? [{ severity: 'error', code: 'no-rows', line: index + 1 }] : result.issues;
      return { ...common, layout: 'long', rowCount: result.dataRows, facts: result.facts, issues };
    }
  }
  return {
    ...common,
    layout: 'unknown',
    rowCount: 0,
    facts: [],
    issues: [{ severity: 'error', code: 'no-header' }],
  };
}

export async function hashBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
