import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from './export-table.ts';
import { displayWidth, sheetName, writeTableXlsx } from './write-table-xlsx.ts';

const TABLE: ExportTable = {
  title: '2021年镇街对比表',
  columns: [
    { header: '镇街', kind: 'text' },
    { header: '调解纠纷', unit: '件', kind: 'number' },
    { header: '调解成功率', unit: '%', kind: 'number' },
    { header: '发放宣传资料', unit: '份', kind: 'number' },
  ],
  rows: [
    { cells: ['宝龙镇', 94, 9200 / 94, 6000], approximate: [3] },
    { cells: ['桂林街道', 1234, 97, null] },
    { cells: ['=HYPERLINK("http://x","y")', 3, 100, 20] },
  ],
};

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('writeTableXlsx', async () => {
  const bytes = await writeTableXlsx(TABLE);
  const sheet = await readBack(bytes);

  it('is a zip (xlsx) with one sheet named after the table', () => {
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(sheet.name).toBe('2021年镇街对比表');
  });

  it('has units in the headers and an approximate flag column beside a column with one', () => {
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '镇街',
      '调解纠纷（件）',
      '调解成功率（%）',
      '发放宣传资料（份）',
      '发放宣传资料（份）·约数',
    ]);
    expect(sheet.getCell('E2').value).toBe('约数');
  });

  it('keeps numbers as numbers, not text', () => {
    expect(sheet.getCell('B2').value).toBe(94);
    expect(sheet.getCell('B3').value).toBe(1234);
    expect(typeof sheet.getCell('C2').value).toBe('number');
    expect(sheet.getCell('C2').value as number).toBeCloseTo(97.8723404255, 9);
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('D2').value).toBe(6000);
    expect(sheet.getCell('D3').value).toBeNull();
  });

  it('freezes the header row', () => {
    const view = sheet.views[0];
    expect(view?.state).toBe('frozen');
    expect(view && 'ySplit' in view ? view.ySplit : undefined).toBe(1);
  });

  it('fits column widths to their contents: a CJK character counts two', () => {
    const widths = sheet.columns.map((c) => c.width ?? 0);
    // 发放宣传资料（份）·约数: 11 wide characters and a middle dot.
    expect(widths[4]).toBeGreaterThanOrEqual(displayWidth('发放宣传资料（份）·约数'));
    expect(widths[0]).toBeGreaterThanOrEqual(displayWidth('=HYPERLINK("http://x","y")'));
    expect(widths[1]).toBeLessThan(widths[4] ?? 0);
    expect(widths.every((w) => w >= 8 && w <= 60)).toBe(true);
  });

  it('shows rates with one decimal and counts as integers', () => {
    expect(sheet.getColumn(3).numFmt).toBe('0.0');
    expect(sheet.getColumn(2).numFmt).toBe('#,##0');
  });

  it('neutralises a hostile cell: a string, never a formula', () => {
    const cell = sheet.getCell('A4');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'=HYPERLINK("http://x","y")`);
  });

  it('makes a sheet name Excel accepts', () => {
    expect(sheetName('a/b:c?[d]*')).toBe('a_b_c__d__');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('')).toBe('Sheet1');
  });
});
