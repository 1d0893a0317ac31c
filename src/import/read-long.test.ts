import { describe, expect, it } from 'vitest';
import { TONGNAN } from '../district/tongnan.ts';
import { type ImportOptions, type ImportPreview, importFile } from './import-file.ts';

const BAOLONG = '500152104';
const GUILIN = '500152001';

function importText(text: string, options: Partial<ImportOptions> = {}): Promise<ImportPreview> {
  return importFile(new TextEncoder().encode(text), {
    fileName: 'upload.csv',
    townships: TONGNAN.townships,
    ...options,
  });
}

const summary = (preview: ImportPreview) =>
  preview.facts.map((f) => `${f.line}${f.column} ${f.townshipCode} ${f.year} ${f.indicatorId}=${f.value}`);
const issues = (preview: ImportPreview) =>
  preview.issues.map((i) => [i.code, i.line ?? null, i.column ?? null, i.raw ?? null]);

describe('long rows', () => {
  it('T6 blank township and year cells take the value above (merged cells in Excel)', async () => {
    const text = '镇街,年度,指标,数值\n宝龙镇,2021,中心组学法,15\n,,干部培训,12\n桂林街道,,调解纠纷,280\n';
    const preview = await importText(text);
    expect(summary(preview)).toEqual([
      `2D ${BAOLONG} 2021 study_sessions=15`,
      `3D ${BAOLONG} 2021 officials_trained=12`,
      `4D ${GUILIN} 2021 disputes_mediated=280`,
    ]);
    expect(preview.issues).toEqual([]);
  });

  it('T4 T6 a misspelt name filled down is reported once, on the row that wrote it', async () => {
    const preview = await importText('镇街,年度,指标,数值\n宝垅镇,2021,中心组学法,15\n,,干部培训,12\n');
    expect(issues(preview)).toEqual([['unknown-township', 2, 'A', '宝垅镇']]);
    expect(preview.unknownTownships).toMatchObject([{ name: '宝垅镇', lines: [2, 3] }]);
  });

  it('T6 a first row without a township is an error', async () => {
    const preview = await importText('镇街,年度,指标,数值\n,2021,中心组学法,15\n');
    expect(issues(preview)).toEqual([['blank-township', 2, 'A', null]]);
  });

  it('R5 totals rows are left out of the long layout', async () => {
    const preview = await importText('镇街,年度,指标,数值\n宝龙镇,2021,调解纠纷,94\n合计,2021,调解纠纷,94\n');
    expect(summary(preview)).toEqual([`2D ${BAOLONG} 2021 disputes_mediated=94`]);
    expect(preview.rowCount).toBe(1);
  });

  it('R10 a value without an indicator name is an error; a row with neither is skipped', async () => {
    const preview = await importText('镇街,年度,指标,数值\n宝龙镇,2021,,15\n宝龙镇,2021,,\n');
    expect(issues(preview)).toEqual([['blank-indicator', 2, 'C', '15']]);
    expect(preview.rowCount).toBe(1);
  });

  it('L2 L7 a long table without a year column takes the year from the title, else options.year', async () => {
    const titled = await importText('2021年度法治指标,,\n镇街,指标,数值\n宝龙镇,调解纠纷,94\n');
    expect(titled).toMatchObject({ layout: 'long', year: 2021, yearSource: 'title', issues: [] });
    expect(summary(titled)).toEqual([`3C ${BAOLONG} 2021 disputes_mediated=94`]);

    const untitled = await importText('镇街,指标,数值\n宝龙镇,调解纠纷,94\n');
    expect(issues(untitled)).toEqual([['no-year', null, null, null]]);
    expect(untitled.facts).toEqual([]);
    const chosen = await importText('镇街,指标,数值\n宝龙镇,调解纠纷,94\n', { year: 2023 });
    expect(chosen).toMatchObject({ year: 2023, yearSource: 'option', issues: [] });
  });

  it('L7 options.year does not override a year column', async () => {
    const preview = await importText('镇街,年度,指标,数值\n宝龙镇,2021,调解纠纷,94\n', { year: 2023 });
    expect(preview).toMatchObject({ yearSource: 'column', year: null });
    expect(preview.facts[0]?.year).toBe(2021);
  });

  it('L7 a wide table with no year anywhere is an error no-year; options.year fixes it', async () => {
    const text = '镇街,调解纠纷\n宝龙镇,94\n';
    const missing = await importText(text, { fileName: '各镇街指标.csv' });
    expect(issues(missing)).toEqual([['no-year', null, null, null]]);
    expect(missing.facts).toEqual([]);
    const fixed = await importText(text, { fileName: '各镇街指标.csv', year: 2021 });
    expect(summary(fixed)).toEqual([`2B ${BAOLONG} 2021 disputes_mediated=94`]);
  });

  it('L8 the preview of a long file names its roles and the file-wide facts it found', async () => {
    const preview = await importText(
      '序号,镇街,年度,指标,数值,单位,备注,附件\n1,宝龙镇,2021,调解纠纷,94,件,,\n',
    );
    expect(preview).toMatchObject({
      layout: 'long',
      headerLine: 1,
      rowCount: 1,
      townshipSource: 'column',
      township: null,
    });
    expect(preview.columns.map((c) => [c.column, c.source, c.role])).toEqual([
      ['A', 'role', 'serial'],
      ['B', 'role', 'township'],
      ['C', 'role', 'year'],
      ['D', 'role', 'indicator'],
      ['E', 'role', 'value'],
      ['F', 'role', 'unit'],
      ['G', 'role', 'note'],
      ['H', 'ignored', null],
    ]);
  });
});
