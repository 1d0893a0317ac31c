import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from './export-table.ts';
import { writeTableCsv } from './write-table-csv.ts';

/** 调解成功率 2021: 宝龙镇 92/94, 桂林街道 stated ≈97, 梓潼街道 not reported, one hostile name. */
const TABLE: ExportTable = {
  title: '2021年调解成功率排名',
  columns: [
    { header: '镇街', kind: 'text' },
    { header: '排名', kind: 'number' },
    { header: '调解成功率', unit: '%', kind: 'number' },
    { header: '调解纠纷', unit: '件', kind: 'number' },
  ],
  rows: [
    { cells: ['宝龙镇', 1, 9200 / 94, 94] },
    { cells: ['桂林街道', 2, 97, 1234], approximate: [2] },
    { cells: ['=HYPERLINK("http://x","y")', 3, -2.5, 12] },
    { cells: ['梓潼街道', null, null, null] },
  ],
};

const readBack = (csv: string): string[][] =>
  Papa.parse<string[]>(csv.slice(1), { delimiter: ',', skipEmptyLines: true }).data;

describe('writeTableCsv', () => {
  const csv = writeTableCsv(TABLE);
  const rows = readBack(csv);

  it('is UTF-8 with a BOM and CRLF line ends, header first', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(rows).toHaveLength(1 + 4);
  });

  it('puts units in the headers and flags approximate values in a column of their own', () => {
    expect(rows[0]).toEqual(['镇街', '排名', '调解成功率（%）', '调解成功率（%）·约数', '调解纠纷（件）']);
    expect(rows[2]?.[3]).toBe('约数');
    expect(rows[1]?.[3]).toBe('');
  });

  it('writes numbers unformatted: no thousands separator, no %, full precision without float noise', () => {
    expect(rows[1]).toEqual(['宝龙镇', '1', '97.8723404255', '', '94']);
    expect(rows[2]).toEqual(['桂林街道', '2', '97', '约数', '1234']);
    expect(Number(rows[1]?.[2])).toBeCloseTo(9200 / 94, 9);
  });

  it('leaves a value not reported empty', () => {
    expect(rows[4]).toEqual(['梓潼街道', '', '', '', '']);
  });

  it('neutralises a cell a spreadsheet would run as a formula, keeps a negative number a number', () => {
    expect(rows[3]?.[0]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(rows[3]?.[2]).toBe('-2.5');
    expect(csv).not.toMatch(/(^|,|\n)"?=HYPERLINK/);
  });

  it('neutralises hostile headers too', () => {
    const hostile: ExportTable = {
      title: 't',
      columns: [{ header: '@SUM(1)', kind: 'text' }],
      rows: [{ cells: ['\t=1'] }, { cells: ['+A1'] }, { cells: ['-3+A1'] }],
    };
    expect(readBack(writeTableCsv(hostile))).toEqual([["'@SUM(1)"], ["'\t=1"], ["'+A1"], ["'-3+A1"]]);
  });
});
