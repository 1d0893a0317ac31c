import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { TONGNAN } from '../district/tongnan.ts';
import { importFile } from '../import/import-file.ts';
import { matchHeader } from '../import/match-header.ts';
import { CATALOG, getIndicator, isStored } from '../indicators/catalog.ts';
import { writeTemplateCsv } from './write-template.ts';

const readBack = (csv: string): string[][] =>
  Papa.parse<string[]>(csv.slice(1), { delimiter: ',', skipEmptyLines: false }).data;

describe('writeTemplateCsv', () => {
  const csv = writeTemplateCsv({ townships: TONGNAN.townships, year: 2021 });
  const rows = readBack(csv);
  const stored = CATALOG.filter(isStored);
  const width = 3 + stored.length + 1;

  it('is UTF-8 with a BOM and CRLF line ends, ending with a line break, as Excel writes "CSV UTF-8"', () => {
    expect(csv.startsWith('\uFEFF2021年度各镇街')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(2 + 23 + 1);
  });

  it('starts with a title row padded to the width of the table', () => {
    expect(rows[0]).toEqual(['2021年度各镇街法治政府建设主要指标统计表', ...Array(width - 1).fill('')]);
  });

  it('has 序号, 镇街, 年度, one column per stored indicator with its unit, and 备注', () => {
    const header = rows[1] ?? [];
    expect(header.slice(0, 4)).toEqual(['序号', '镇街', '年度', '中心组学法（次）']);
    expect(header).toContain('调解纠纷（件）');
    expect(header).toContain('调解成功率（报告值）（%）');
    expect(header).not.toContain('调解成功率（%）');
    expect(header.at(-1)).toBe('备注');
    expect(header).toHaveLength(width);
  });

  it('every indicator header reads back as its own indicator', () => {
    const header = rows[1] ?? [];
    expect(header.slice(3, -1).map((label) => matchHeader(label)?.id)).toEqual(stored.map((i) => i.id));
  });

  it('has the 23 Tongnan townships in order, with 序号 and 2021年 filled and every value blank', () => {
    const body = rows.slice(2, -1);
    expect(body.map((row) => row[1])).toEqual(TONGNAN.townships.map((t) => t.name));
    expect(body.map((row) => row[0])).toEqual(TONGNAN.townships.map((_, i) => String(i + 1)));
    expect(body.every((row) => row[2] === '2021年' && row.length === width)).toBe(true);
    expect(body.every((row) => row.slice(3).every((cell) => cell === ''))).toBe(true);
    expect(rows.at(-1)).toEqual(['']);
  });

  it('writes only the indicators asked for, in the order given', () => {
    const chosen = [getIndicator('disputes_resolved'), getIndicator('disputes_mediated')];
    const [, header] = readBack(
      writeTemplateCsv({ townships: TONGNAN.townships, year: 2024, indicators: chosen }),
    );
    expect(header).toEqual(['序号', '镇街', '年度', '调解成功（件）', '调解纠纷（件）', '备注']);
  });

  it('neutralizes a township name that a spreadsheet would run as a formula', () => {
    const townships = [{ code: 'local-1', name: '=HYPERLINK("http://x","y")' }];
    const [, , row] = readBack(writeTemplateCsv({ townships, year: 2021, indicators: [] }));
    expect(row).toEqual(['1', `'=HYPERLINK("http://x","y")`, '2021年', '']);
  });

  it('filled in, imports as the facts typed into it', async () => {
    const filled = rows.map((row) => [...row]);
    const header = filled[1] ?? [];
    const baolong = filled.find((row) => row[1] === '宝龙镇') ?? [];
    const guilin = filled.find((row) => row[1] === '桂林街道') ?? [];
    baolong[header.indexOf('调解纠纷（件）')] = '94';
    baolong[header.indexOf('发放宣传资料（份）')] = '6000余';
    guilin[header.indexOf('调解成功（件）')] = '270';
    const text = `\uFEFF${Papa.unparse(filled, { newline: '\r\n' })}\r\n`;
    const preview = await importFile(new TextEncoder().encode(text), {
      fileName: '2021年度模板.csv',
      townships: TONGNAN.townships,
    });
    expect(preview.layout).toBe('wide');
    expect(preview.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(
      preview.facts.map(({ townshipCode, year, indicatorId, value, approximate }) => ({
        townshipCode,
        year,
        indicatorId,
        value,
        approximate,
      })),
    ).toEqual([
      {
        townshipCode: '500152001',
        year: 2021,
        indicatorId: 'disputes_resolved',
        value: 270,
        approximate: false,
      },
      {
        townshipCode: '500152104',
        year: 2021,
        indicatorId: 'leaflets_distributed',
        value: 6000,
        approximate: true,
      },
      {
        townshipCode: '500152104',
        year: 2021,
        indicatorId: 'disputes_mediated',
        value: 94,
        approximate: false,
      },
    ]);
  });
});
