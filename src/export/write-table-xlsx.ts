import { type ExportTable, type ExportTableLabels, flattenTable } from './export-table.ts';
import { neutralizeCell } from './neutralize-cell.ts';

/** Excel's limit, and the characters a sheet name may not hold. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;

/** Display width of a text in Excel's character units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

export function sheetName(title: string): string {
  const name = title
    .replace(SHEET_NAME_FORBIDDEN, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  return (name === '' ? 'Sheet1' : name).slice(0, SHEET_NAME_MAX);
}

/** How a column's numbers show in the sheet, as on screen; the cells keep the full values. */
function numberFormat(unit: string | undefined, values: readonly number[]): string {
  if (unit === '%') return '0.0';
  return values.every(Number.isInteger) ? '#,##0' : '#,##0.00';
}

/**
 * An .xlsx of the table: numbers as numbers (a sum works on them), units in the headers, the
 * header row frozen, columns as wide as their contents, approximate values flagged beside them.
 * exceljs is loaded only now, when the user exports, not with the app.
 */
export async function writeTableXlsx(table: ExportTable, labels?: ExportTableLabels): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const flat = flattenTable(table, labels);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '镇街法治政府建设指标看板';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName(table.title), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  const header = sheet.addRow(flat.headers.map((h) => neutralizeCell(h)));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: false };
  for (const row of flat.rows)
    sheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutralizeCell(cell) : cell)));

  flat.kinds.forEach((kind, index) => {
    const column = sheet.getColumn(index + 1);
    if (kind === 'number') {
      const values = flat.rows.map((row) => row[index]).filter((cell) => typeof cell === 'number');
      column.numFmt = numberFormat(flat.units[index], values);
    }
    const widest = Math.max(
      displayWidth(flat.headers[index] ?? ''),
      ...flat.rows.map((row) => {
        const cell = row[index];
        if (cell === null || cell === undefined) return 0;
        // A number shows with at most a few decimals and its thousands separators.
        return typeof cell === 'number'
          ? String(Math.round(cell * 100) / 100).length + 2
          : displayWidth(cell);
      }),
    );
    column.width = Math.min(60, Math.max(8, widest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
