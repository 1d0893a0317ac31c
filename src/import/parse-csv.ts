import Papa from 'papaparse';

export type Delimiter = ',' | '\t' | ';';

export interface CsvTable {
  /** Records as a spreadsheet shows them: rows[0] is row 1. Blank rows are kept so numbers match. */
  readonly rows: readonly (readonly string[])[];
  readonly delimiter: Delimiter;
  /**
   * A quote opened and never closed (R15): the rest of the file was read into one cell, the last of
   * row `row` (indexes into `rows`).
   */
  readonly unclosedQuote?: { readonly row: number; readonly column: number };
}

const CANDIDATES: readonly Delimiter[] = [',', '\t', ';'];

/**
 * Picks the delimiter that splits the most lines into the same number (>1) of fields.
 * PapaParse's own guess is thrown off by title rows like `潼南区…统计表,,,,` in short files.
 */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of CANDIDATES) {
    const parsed = Papa.parse<string[]>(sample, { delimiter, preview: 50, skipEmptyLines: true });
    const widths = parsed.data.map((row) => row.length).filter((w) => w > 1);
    if (widths.length === 0) continue;
    const counts = new Map<number, number>();
    for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
    const modal = Math.max(...counts.values());
    if (modal > bestScore) {
      best = delimiter;
      bestScore = modal;
    }
  }
  return best;
}

/** `preview` > 0 reads only that many records, e.g. to look at the top of a huge file first. */
export function parseCsv(text: string, delimiter: Delimiter = sniffDelimiter(text), preview = 0): CsvTable {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, preview });
  const rows = parsed.data;
  // PapaParse yields one empty record for the final line break; a spreadsheet shows no such row.
  while (rows.length > 0 && isBlankRow(rows[rows.length - 1] ?? [])) rows.pop();
  // Only the last record can hold an unclosed quote: it runs to the end of what was read.
  const missing = parsed.errors.find((e) => e.code === 'MissingQuotes');
  const row = missing?.row;
  if (row === undefined || preview > 0 || row !== rows.length - 1) return { rows, delimiter };
  return { rows, delimiter, unclosedQuote: { row, column: Math.max(0, (rows[row]?.length ?? 1) - 1) } };
}

export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}
