import Papa from 'papaparse';
import { type ExportTable, type ExportTableLabels, flattenTable } from './export-table.ts';
import { neutralizeCell } from './neutralize-cell.ts';

/**
 * A table as Excel's "CSV UTF-8" writes it: a BOM (without it Excel on Chinese Windows reads
 * GBK and garbles every name), CRLF line ends, the header row first, numbers unformatted
 * (97.87, not 97.9%), nothing reported left empty, and approximate values flagged in a column
 * of their own. A text a spreadsheet would run as a formula is neutralised.
 */
export function writeTableCsv(table: ExportTable, labels?: ExportTableLabels): string {
  const flat = flattenTable(table, labels);
  const text = (cell: string | number | null) =>
    cell === null ? '' : typeof cell === 'number' ? String(cell) : neutralizeCell(cell);
  const cells = [flat.headers.map(text), ...flat.rows.map((row) => row.map(text))];
  return `\uFEFF${Papa.unparse(cells, { newline: '\r\n' })}\r\n`;
}
