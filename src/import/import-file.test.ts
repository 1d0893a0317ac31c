import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, fixturePath, makeFixture } from '../../test/fixtures/make-fixtures.ts';
import { TONGNAN } from '../district/tongnan.ts';
import type { Fact } from './fact.ts';
import { type ImportOptions, type ImportPreview, importFile } from './import-file.ts';

const BAOLONG = '500152104';
const code = (name: string) => TONGNAN.townships.find((t) => t.name === name)?.code ?? name;

function importFixture(name: string, options: Partial<ImportOptions> = {}): Promise<ImportPreview> {
  return importFile(readFileSync(fixturePath(name)), {
    fileName: name,
    townships: TONGNAN.townships,
    ...options,
  });
}

function importText(text: string, options: Partial<ImportOptions> = {}): Promise<ImportPreview> {
  return importFile(new TextEncoder().encode(text), {
    fileName: 'upload.csv',
    townships: TONGNAN.townships,
    ...options,
  });
}

function fact(preview: ImportPreview, township: string, indicatorId: string): Fact | undefined {
  return preview.facts.find((f) => f.townshipCode === code(township) && f.indicatorId === indicatorId);
}

const codes = (preview: ImportPreview) => preview.issues.map((issue) => issue.code);

describe('fixtures', () => {
  it.each(FIXTURE_NAMES)('F1 %s is exactly what make-fixtures.ts writes', (name) => {
    expect(new Uint8Array(readFileSync(fixturePath(name)))).toEqual(makeFixture(name));
  });
});

describe('GBK wide export with title, 填报单位, 序号, 合计 and 注 rows', () => {
  it('L1 L4 L7 finds the header on line 3 below the title and note rows, year 2020 from the title', async () => {
    const preview = await importFixture('tongnan-2020-wide-gbk.csv');
    expect(preview).toMatchObject({
      encoding: 'gb18030',
      encodingDetected: true,
      delimiter: ',',
      layout: 'wide',
      headerLine: 3,
      rowCount: 5,
      year: 2020,
      yearSource: 'title',
      townshipSource: 'column',
      customIndicators: [],
      unknownTownships: [],
      issues: [],
    });
    expect(new Set(preview.facts.map((f) => f.year))).toEqual(new Set([2020]));
  });

  it.each<
    [
      township: string,
      indicatorId: string,
      value: number,
      approximate: boolean,
      raw: string,
      line: number,
      column: string,
    ]
  >([
    ['梓潼街道', 'disputes_mediated', 1012, false, '1,012', 5, 'F'],
    ['上和镇', 'officials_trained', 20, true, '20余', 6, 'D'],
    ['桂林街道', 'study_sessions', 16, false, '16', 4, 'C'],
    ['梓潼街道', 'exam_pass_rate_reported', 98.5, false, '98.5', 5, 'H'],
    ['宝龙镇', 'disputes_resolved', 92, false, '92', 8, 'G'],
  ])(
    'R7 H1 %s %s = %d (approximate %s) from %j at %d%s',
    async (township, indicatorId, value, approximate, raw, line, column) => {
      const preview = await importFixture('tongnan-2020-wide-gbk.csv');
      expect(fact(preview, township, indicatorId)).toMatchObject({
        year: 2020,
        value,
        approximate,
        rawText: raw,
        line,
        column,
      });
    },
  );

  it('R7 玉溪镇 constitution_lectures written — is missing: no fact, no issue', async () => {
    const preview = await importFixture('tongnan-2020-wide-gbk.csv');
    expect(fact(preview, '玉溪镇', 'constitution_lectures')).toBeUndefined();
    expect(fact(preview, '玉溪镇', 'study_sessions')?.value).toBe(10);
  });

  it('H5 备注 is the note of every fact of its row, and 序号 is a role, not an indicator', async () => {
    const preview = await importFixture('tongnan-2020-wide-gbk.csv');
    const yuxi = preview.facts.filter((f) => f.townshipCode === code('玉溪镇'));
    expect(yuxi.map((f) => f.note)).toEqual(Array(5).fill('讲座未统计'));
    expect(fact(preview, '宝龙镇', 'study_sessions')?.note).toBeNull();
    expect(preview.columns.filter((c) => c.source === 'role').map((c) => [c.column, c.role])).toEqual([
      ['A', 'serial'],
      ['B', 'township'],
      ['I', 'note'],
    ]);
  });

  it('H1 H7 maps headers with full- and half-width unit brackets to the catalog', async () => {
    const preview = await importFixture('tongnan-2020-wide-gbk.csv');
    expect(preview.columns.map((c) => [c.column, c.header, c.headerKey, c.indicatorId, c.source])).toEqual([
      ['A', '序号', '序号', null, 'role'],
      ['B', '镇街名称', '镇街名称', null, 'role'],
      ['C', '中心组学法（次）', '中心组学法', 'study_sessions', 'catalog'],
      ['D', '干部培训（人次）', '干部培训', 'officials_trained', 'catalog'],
      ['E', '宪法讲座（场）', '宪法讲座', 'constitution_lectures', 'catalog'],
      ['F', '调解纠纷数(件)', '调解纠纷数', 'disputes_mediated', 'catalog'],
      ['G', '调解成功数(件)', '调解成功数', 'disputes_resolved', 'catalog'],
      ['H', '法治考试合格率（%）', '法治考试合格率', 'exam_pass_rate_reported', 'catalog'],
      ['I', '备注', '备注', null, 'role'],
    ]);
  });

  it('R4 R5 the 合计 row (line 9) and the 注 row (line 10) give no facts', async () => {
    const preview = await importFixture('tongnan-2020-wide-gbk.csv');
    expect(preview.facts).toHaveLength(29);
    expect(Math.max(...preview.facts.map((f) => f.line))).toBe(8);
  });

  it('R6 a wrong total gives totals-mismatch with the total and the sum, on its cell only', async () => {
    const preview = await importFixture('tongnan-2020-wide-gbk-wrong-total.csv');
    expect(preview.issues).toEqual([
      {
        severity: 'warning',
        code: 'totals-mismatch',
        line: 9,
        column: 'G',
        raw: '1455',
        detail: '1445',
        indicatorId: 'disputes_resolved',
      },
    ]);
    expect(preview.facts).toHaveLength(29);
  });
});

describe('long layout, UTF-8 with BOM (Excel "CSV UTF-8")', () => {
  it('L2 reads 宝龙镇 2021 as its report states it, with 2021年 years', async () => {
    const preview = await importFixture('baolong-2021-long-utf8bom.csv');
    expect(preview).toMatchObject({
      encoding: 'utf-8-bom',
      layout: 'long',
      yearSource: 'column',
      rowCount: 15,
    });
    expect(preview.issues).toEqual([]);
    expect(preview.facts.map((f) => [f.indicatorId, f.value, f.approximate])).toEqual([
      ['study_sessions', 15, false],
      ['officials_trained', 12, false],
      ['constitution_lectures', 2, false],
      ['vice_principals_per_school', 1, false],
      ['leaflets_distributed', 6000, true],
      ['law_books_given', 200, true],
      ['slogans_posted', 18, false],
      ['legal_consultations', 500, true],
      ['disputes_mediated', 94, false],
      ['disputes_resolved', 92, false],
      ['mediation_success_rate_reported', 97, false],
      ['exam_due', 93, false],
      ['exam_taken', 93, false],
      ['exam_pass_rate_reported', 100, false],
      ['mass_incidents', 0, false],
    ]);
    expect(
      preview.facts.every((f) => f.townshipCode === BAOLONG && f.year === 2021 && f.column === 'D'),
    ).toBe(true);
  });

  it('H4 an indicator name the catalog lacks becomes a custom indicator, not a skipped row', async () => {
    const preview = await importText(
      '镇街,年度,指标,数值,单位\n宝龙镇,2021,网格员培训,36,人次\n宝龙镇,2021,网格员培训,40,人次\n',
    );
    expect(preview.customIndicators).toEqual([
      { id: 'custom:网格员培训', label: '网格员培训', unit: '人次' },
    ]);
    expect(preview.facts).toMatchObject([{ indicatorId: 'custom:网格员培训', value: 36, line: 2 }]);
    expect(codes(preview)).toEqual(['duplicate-fact']);
  });
});

describe('UTF-16LE tab-separated with BOM (Excel "Unicode text")', () => {
  it('L4 L7 reads the wide table with a year column and thousands separators', async () => {
    const preview = await importFixture('tongnan-2021-wide-utf16le.txt');
    expect(preview).toMatchObject({
      encoding: 'utf-16le',
      delimiter: '\t',
      layout: 'wide',
      yearSource: 'column',
      year: null,
    });
    expect(preview.issues).toEqual([]);
    expect(fact(preview, '梓潼街道', 'disputes_mediated')).toMatchObject({
      year: 2021,
      value: 1100,
      rawText: '1,100',
    });
    expect(fact(preview, '桂林街道', 'mediation_success_rate_reported')?.value).toBe(96.67);
  });
});

describe('one township sheet', () => {
  it('L3 L7 T7 takes township and year from the title row', async () => {
    const preview = await importFixture('baolong-2021-sheet-title.csv');
    expect(preview).toMatchObject({
      layout: 'sheet',
      headerLine: 3,
      year: 2021,
      yearSource: 'title',
      township: { code: BAOLONG, name: '宝龙镇' },
      townshipSource: 'title',
      issues: [],
    });
    expect(preview.facts.map((f) => [f.indicatorId, f.value, f.line, f.column])).toEqual([
      ['study_sessions', 15, 4, 'B'],
      ['officials_trained', 12, 5, 'B'],
      ['constitution_lectures', 2, 6, 'B'],
      ['disputes_mediated', 94, 7, 'B'],
      ['disputes_resolved', 92, 8, 'B'],
      ['mediation_success_rate_reported', 97, 9, 'B'],
    ]);
    expect(fact(preview, '宝龙镇', 'officials_trained')?.note).toBe('9名支部书记和3名镇干部');
  });

  it('L3 L7 takes township and year from the file name when the sheet has no title', async () => {
    const preview = await importFixture('宝龙镇2021年法治指标.csv');
    expect(preview).toMatchObject({
      layout: 'sheet',
      year: 2021,
      yearSource: 'file-name',
      township: { code: BAOLONG },
      townshipSource: 'file-name',
      issues: [],
      customIndicators: [{ id: 'custom:网格员培训', label: '网格员培训', unit: '人次' }],
    });
    expect(preview.facts.map((f) => [f.indicatorId, f.value, f.approximate])).toEqual([
      ['study_sessions', 15, false],
      ['legal_consultations', 500, true],
      ['custom:网格员培训', 36, false],
    ]);
  });

  it('L7 options.year and options.township override the title and file name', async () => {
    const preview = await importFixture('baolong-2021-sheet-title.csv', {
      year: 2022,
      township: code('梓潼街道'),
    });
    expect(preview).toMatchObject({ year: 2022, yearSource: 'option', townshipSource: 'option' });
    expect(new Set(preview.facts.map((f) => `${f.townshipCode} ${f.year}`))).toEqual(
      new Set([`${code('梓潼街道')} 2022`]),
    );
  });

  it.each<[name: string, fileName: string, text: string, raw: string, source: string]>([
    [
      'a wide title',
      'x.csv',
      '潼南区2021年上半年法治指标统计表,,\n镇街,调解纠纷\n宝龙镇,94\n',
      '2021年上半年',
      'title',
    ],
    [
      'a title above a year column',
      'x.csv',
      '潼南区2021年第三季度统计表,,\n镇街,年度,调解纠纷\n宝龙镇,2021,94\n',
      '2021年第三季度',
      'title',
    ],
    ['a file name', '宝龙镇2021年1-6月法治指标.csv', '指标,数值\n调解纠纷,94\n', '2021年1-6月', 'file-name'],
    [
      'a file name, beside a title with the year',
      '潼南区2021年一季度.csv',
      '潼南区2021年度统计表,\n镇街,调解纠纷\n宝龙镇,94\n',
      '2021年一季度',
      'file-name',
    ],
  ])(
    'L17 %s naming part of a year is an error: no year is taken from it',
    async (_name, fileName, text, raw, source) => {
      const preview = await importText(text, { fileName });
      expect(preview.issues).toEqual([{ severity: 'error', code: 'part-of-year', raw, detail: source }]);
      expect(preview.year).toBeNull();
      const chosen = await importText(text, { fileName, year: 2021, township: BAOLONG });
      expect(chosen.issues).toEqual([]);
      expect(chosen.facts).toMatchObject([{ year: 2021, value: 94 }]);
    },
  );

  it('L18 a year column none of whose rows has the year the title states: a warning on the first', async () => {
    const preview = await importText(
      '潼南区2022年度法治指标统计表,,,\n镇街,年度,调解纠纷,调解成功\n宝龙镇,2021年,94,92\n上和镇,2021,30,28\n',
    );
    expect(preview.issues).toEqual([
      { severity: 'warning', code: 'year-differs', line: 3, column: 'B', raw: '2021', detail: 'title:2022' },
    ]);
    expect(new Set(preview.facts.map((f) => f.year))).toEqual(new Set([2021]));
  });

  it.each<[name: string, fileName: string, text: string, codes: string[]]>([
    [
      'the file name',
      '潼南区2022年度法治指标.csv',
      '镇街,年度,指标,数值\n宝龙镇,2021,调解纠纷,94\n',
      ['year-differs'],
    ],
    [
      'a title whose year one of the rows has',
      'x.csv',
      '潼南区2021年度统计表,,,\n镇街,年度,指标,数值\n宝龙镇,2020,调解纠纷,80\n宝龙镇,2021,调解纠纷,94\n',
      [],
    ],
    ['no title, no year in the file name', '指标.csv', '镇街,年度,调解纠纷\n宝龙镇,2021,94\n', []],
  ])('L18 %s', async (_name, fileName, text, expected) => {
    expect(codes(await importText(text, { fileName }))).toEqual(expected);
  });

  it('L3 T4 a misspelt township in a sheet’s title: no township, and the error suggests the district’s', async () => {
    const preview = await importText('宝垅镇2021年度法治指标,\n指标,数值\n调解纠纷,94\n', {
      fileName: '指标.csv',
    });
    expect(preview.issues).toEqual([
      { severity: 'error', code: 'no-township', raw: '宝垅镇', detail: '宝龙镇' },
    ]);
    const none = await importText('2021年度法治指标,\n指标,数值\n调解纠纷,94\n', { fileName: '指标.csv' });
    expect(none.issues).toEqual([{ severity: 'error', code: 'no-township' }]);
  });

  it('L19 a file name that says another year or township than the title: a warning, the title’s are used', async () => {
    const preview = await importText('宝龙镇2021年度法治指标,\n指标,数值\n调解纠纷,94\n', {
      fileName: '上和镇2022年法治指标.csv',
    });
    expect(preview).toMatchObject({ year: 2021, yearSource: 'title', township: { name: '宝龙镇' } });
    expect(preview.issues).toEqual([
      { severity: 'warning', code: 'file-name-differs', raw: '2022', detail: 'year:2021' },
      { severity: 'warning', code: 'file-name-differs', raw: '上和镇', detail: 'township:宝龙镇' },
    ]);
    const agreeing = await importText('宝龙镇2021年度法治指标,\n指标,数值\n调解纠纷,94\n', {
      fileName: '宝龙2021.csv',
    });
    expect(agreeing.issues).toEqual([]);
    const chosen = await importText('宝龙镇2021年度法治指标,\n指标,数值\n调解纠纷,94\n', {
      fileName: '上和镇2022年法治指标.csv',
      year: 2022,
      township: code('上和镇'),
    });
    expect(chosen.issues).toEqual([]);
  });

  it.each<[fileName: string, text: string]>([
    ['指标.csv', '指标,数值\n中心组学法,15\n'],
    ['宝龙镇.csv', '指标,数值\n中心组学法,15\n'],
  ])(
    'L3 L7 %s: a sheet with no year anywhere is an error no-year and gives no facts',
    async (fileName, text) => {
      const preview = await importText(text, { fileName });
      expect(codes(preview)).toContain('no-year');
      expect(preview).toMatchObject({ yearSource: null, year: null, facts: [] });
      const corrected = await importText(text, { fileName, year: 2021, township: BAOLONG });
      expect(corrected.issues).toEqual([]);
      expect(corrected.facts).toMatchObject([{ year: 2021, townshipCode: BAOLONG, value: 15 }]);
    },
  );

  it('H1 R12 numbered indicator names under group headings are the catalog’s; the headings give nothing', async () => {
    const preview = await importText(
      '指标,数值\n一、学法用法,\n1.中心组学法,15\n（2）宪法讲座,两场\n二、矛盾纠纷化解,\n3、调解纠纷,94\n4. 调解成功,92\n⑤调解成功率,97%\n',
      { fileName: '宝龙镇2021.csv' },
    );
    expect(preview.issues).toEqual([]);
    expect(preview.customIndicators).toEqual([]);
    expect(preview.facts.map((f) => [f.indicatorId, f.value, f.line])).toEqual([
      ['study_sessions', 15, 3],
      ['constitution_lectures', 2, 4],
      ['disputes_mediated', 94, 6],
      ['disputes_resolved', 92, 7],
      ['mediation_success_rate_reported', 97, 8],
    ]);
  });

  it('L3 a sheet naming no township is an error no-township', async () => {
    const preview = await importText('2021年法治指标,\n指标,数值\n中心组学法,15\n', { fileName: 'x.csv' });
    expect(codes(preview)).toEqual(['no-township']);
    expect(preview).toMatchObject({ township: null, townshipSource: null, facts: [] });
  });
});

describe('a column per year or per township', () => {
  it('L10 a township sheet with a column per year gives each value the year of its column', async () => {
    const preview = await importFixture('baolong-sheet-years.csv');
    expect(preview).toMatchObject({
      layout: 'sheet',
      headerLine: 2,
      year: null,
      yearSource: 'header',
      township: { code: BAOLONG },
      townshipSource: 'title',
      issues: [],
    });
    expect(
      preview.facts.map((f) => [f.year, f.indicatorId, f.value, f.approximate, f.line, f.column]),
    ).toEqual([
      [2020, 'study_sessions', 12, false, 3, 'C'],
      [2021, 'study_sessions', 15, false, 3, 'D'],
      [2020, 'disputes_mediated', 80, false, 4, 'C'],
      [2021, 'disputes_mediated', 94, false, 4, 'D'],
      [2020, 'disputes_resolved', 75, false, 5, 'C'],
      [2021, 'disputes_resolved', 92, false, 5, 'D'],
      [2020, 'mediation_success_rate_reported', 93.75, false, 6, 'C'],
      [2021, 'mediation_success_rate_reported', 97, false, 6, 'D'],
      // 2020's — is missing, not zero.
      [2021, 'legal_consultations', 500, true, 7, 'D'],
    ]);
    expect(preview.columns.map((c) => [c.column, c.header, c.role])).toEqual([
      ['A', '指标', 'indicator'],
      ['B', '单位', 'unit'],
      ['C', '2020年', 'value'],
      ['D', '2021年', 'value'],
      ['E', '备注', 'note'],
    ]);
  });

  it('L10 each year is checked on its own: a rate that disagrees in one year is flagged in that column', async () => {
    const preview = await importText(
      '宝龙镇法治指标\n指标,2020年,2021年\n调解纠纷,80,94\n调解成功,75,92\n调解成功率,90%,97%\n',
    );
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw])).toEqual([
      ['rate-disagrees', 5, 'B', '90%'],
    ]);
  });

  it('L10 a long file with a column per year: 镇街, 指标, 2020年, 2021年', async () => {
    const preview = await importText(
      '镇街,指标,2020,2021年度\n宝龙镇,调解纠纷,80,94\n,调解成功,75,92\n上和镇,调解纠纷,8,10\n',
    );
    expect(preview).toMatchObject({ layout: 'long', yearSource: 'header', issues: [] });
    expect(preview.facts.map((f) => [f.townshipCode, f.year, f.indicatorId, f.value])).toEqual([
      [BAOLONG, 2020, 'disputes_mediated', 80],
      [BAOLONG, 2021, 'disputes_mediated', 94],
      [BAOLONG, 2020, 'disputes_resolved', 75],
      [BAOLONG, 2021, 'disputes_resolved', 92],
      [code('上和镇'), 2020, 'disputes_mediated', 8],
      [code('上和镇'), 2021, 'disputes_mediated', 10],
    ]);
  });

  it('L11 R6 a GBK table with townships across: facts per township column, a typo reported on the header, the 合计 column checked', async () => {
    const preview = await importFixture('tongnan-2021-transposed-gbk.csv');
    expect(preview).toMatchObject({
      encoding: 'gb18030',
      layout: 'transposed',
      headerLine: 2,
      year: 2021,
      yearSource: 'title',
      townshipSource: 'header',
      rowCount: 4,
    });
    expect(
      preview.facts.map((f) => [f.townshipCode, f.indicatorId, f.value, f.approximate, f.line, f.column]),
    ).toEqual([
      [BAOLONG, 'disputes_mediated', 94, false, 3, 'C'],
      [code('上和镇'), 'disputes_mediated', 60, false, 3, 'D'],
      [BAOLONG, 'disputes_resolved', 92, false, 4, 'C'],
      [code('上和镇'), 'disputes_resolved', 58, false, 4, 'D'],
      [BAOLONG, 'legal_consultations', 500, true, 5, 'C'],
      [code('上和镇'), 'legal_consultations', 120, false, 5, 'D'],
      [BAOLONG, 'mediation_success_rate_reported', 97, false, 6, 'C'],
      [code('上和镇'), 'mediation_success_rate_reported', 96.67, false, 6, 'D'],
    ]);
    // 166 = 94 + 60 + 12 agrees; 171 is not 92 + 58 + 11; 法律咨询's 500多 makes its sum approximate.
    expect(preview.issues.map((i) => [i.severity, i.code, i.line, i.column, i.raw, i.detail])).toEqual([
      ['error', 'unknown-township', 2, 'E', '宝垅', '宝龙镇'],
      ['warning', 'totals-column-mismatch', 4, 'F', '171', '161'],
    ]);
    expect(preview.unknownTownships).toEqual([
      { name: '宝垅', lines: [2], suggestions: [{ code: BAOLONG, name: '宝龙镇' }] },
    ]);
  });

  it('L11 T3 the column of a name the user resolved gives facts like the others', async () => {
    const preview = await importFixture('tongnan-2021-transposed-gbk.csv', {
      townshipAliases: { 宝垅: code('古溪镇') },
    });
    // Now a township's, the column is checked too: 11 of 12 is 91.67 %, not 90 %.
    expect(preview.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['totals-column-mismatch', 4, 'F'],
      ['rate-disagrees', 6, 'E'],
    ]);
    expect(
      preview.facts.filter((f) => f.column === 'E').map((f) => [f.townshipCode, f.indicatorId, f.value]),
    ).toEqual([
      [code('古溪镇'), 'disputes_mediated', 12],
      [code('古溪镇'), 'disputes_resolved', 11],
      [code('古溪镇'), 'legal_consultations', 30],
      [code('古溪镇'), 'mediation_success_rate_reported', 90],
    ]);
  });

  it('L12 R6 a GBK wide table with each indicator over two years: facts per year column, each year’s total checked, the clash flagged', async () => {
    const preview = await importFixture('tongnan-wide-two-years-gbk.csv');
    expect(preview).toMatchObject({ layout: 'wide', headerLine: 2, year: null, yearSource: 'header' });
    const byTownship = (name: string) =>
      preview.facts
        .filter((f) => f.townshipCode === code(name))
        .map((f) => [f.year, f.indicatorId, f.value, f.column]);
    expect(byTownship('宝龙镇')).toEqual([
      [2020, 'disputes_mediated', 80, 'C'],
      [2021, 'disputes_mediated', 94, 'D'],
      [2020, 'disputes_resolved', 75, 'E'],
      [2021, 'disputes_resolved', 92, 'F'],
    ]);
    expect(preview.facts).toHaveLength(12);
    expect(fact(preview, '上和镇', 'disputes_resolved')?.note).toBe('2021年数据待核');
    // 上和镇 2021: 60 resolved of 58 mediated; the 2021 resolved total 440 is not 92 + 60 + 290 = 442.
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw, i.detail])).toEqual([
      ['successes-exceed-cases', 5, 'F', '60', '58'],
      ['totals-mismatch', 7, 'F', '440', '442'],
    ]);
    expect(
      preview.columns.filter((c) => c.indicatorId !== null).map((c) => [c.column, c.header, c.headerKey]),
    ).toEqual([
      ['C', '调解纠纷（件） 2020年', '调解纠纷'],
      ['D', '调解纠纷（件） 2021年', '调解纠纷'],
      ['E', '调解成功（件） 2020年', '调解成功'],
      ['F', '调解成功（件） 2021年', '调解成功'],
    ]);
  });

  it('L12 H3 years over indicators: one mapping serves the indicator in every year', async () => {
    const text = '镇街,2020年,,2021年,\n,调处矛盾纠纷,调解成功,调处矛盾纠纷,调解成功\n宝龙镇,40,75,45,92\n';
    const before = await importText(text);
    expect(before.customIndicators.map((c) => c.id)).toEqual(['custom:调处矛盾纠纷']);
    const preview = await importText(text, { mappings: { 调处矛盾纠纷: 'disputes_settled' } });
    expect(preview.issues).toEqual([]);
    expect(preview.facts.map((f) => [f.year, f.indicatorId, f.value])).toEqual([
      [2020, 'disputes_settled', 40],
      [2020, 'disputes_resolved', 75],
      [2021, 'disputes_settled', 45],
      [2021, 'disputes_resolved', 92],
    ]);
  });

  it('L12 H6 two columns for one indicator in the same year are still a clash', async () => {
    const preview = await importText(
      '镇街,调解纠纷,,调解纠纷数,\n,2020年,2021年,2020年,2021年\n宝龙镇,80,94,81,95\n',
    );
    expect(preview.issues.map((i) => [i.code, i.column])).toEqual([
      ['duplicate-indicator-column', 'B'],
      ['duplicate-indicator-column', 'C'],
      ['duplicate-indicator-column', 'D'],
      ['duplicate-indicator-column', 'E'],
    ]);
  });

  it('L11 townships grouped under 街道 and 镇 headings, the indicator column unlabelled', async () => {
    const preview = await importText(
      '潼南区2021年度法治指标\n指标,街道,,镇,\n,桂林街道,梓潼街道,宝龙镇,上和镇\n调解纠纷,10,20,94,60\n',
    );
    expect(preview).toMatchObject({ layout: 'transposed', headerLine: 3, year: 2021, issues: [] });
    expect(preview.facts.map((f) => [f.townshipCode, f.value, f.column])).toEqual([
      [code('桂林街道'), 10, 'B'],
      [code('梓潼街道'), 20, 'C'],
      [BAOLONG, 94, 'D'],
      [code('上和镇'), 60, 'E'],
    ]);
  });

  it('R8 L11 two columns for one township: the second cell is the duplicate, named by its column', async () => {
    const preview = await importText('潼南区2021年度法治指标\n指标,宝龙镇,宝龙,上和镇\n调解纠纷,94,95,60\n');
    expect(preview.issues).toMatchObject([
      { code: 'duplicate-fact', line: 3, column: 'C', raw: '95', detail: '3:B' },
    ]);
    expect(preview.facts.map((f) => [f.townshipCode, f.value, f.column])).toEqual([
      [BAOLONG, 94, 'B'],
      [code('上和镇'), 60, 'D'],
    ]);
  });

  it('L11 townships across with a year column: each row its year', async () => {
    const preview = await importText('指标,年度,宝龙镇,上和镇\n调解纠纷,2020,80,8\n调解纠纷,2021年,94,10\n');
    expect(preview).toMatchObject({ layout: 'transposed', yearSource: 'column', issues: [] });
    expect(preview.facts.map((f) => [f.townshipCode, f.year, f.value])).toEqual([
      [BAOLONG, 2020, 80],
      [code('上和镇'), 2020, 8],
      [BAOLONG, 2021, 94],
      [code('上和镇'), 2021, 10],
    ]);
  });

  it('L10 a year header with a word for the figures (2021年数据) and a 项目 column', async () => {
    const preview = await importText('序号,项目,2021年数据,备注\n1,调解纠纷,94,\n', {
      fileName: '宝龙镇.csv',
    });
    expect(preview).toMatchObject({ layout: 'sheet', yearSource: 'header', issues: [] });
    expect(preview.facts.map((f) => [f.townshipCode, f.year, f.indicatorId, f.value])).toEqual([
      [BAOLONG, 2021, 'disputes_mediated', 94],
    ]);
  });

  it.each<[text: string, layout: string]>([
    // A column that is neither a year nor a township: not a table of either.
    ['指标,2020年,目标值\n调解纠纷,80,90\n', 'unknown'],
    // Mostly names the district does not know: not taken for townships.
    ['指标,甲村,乙村,宝龙镇\n调解纠纷,1,2,3\n', 'unknown'],
    // 数值 present: an ordinary sheet, whatever else the header says.
    ['宝龙镇2021年\n指标,数值,2020年\n调解纠纷,94,80\n', 'sheet'],
  ])('L10 L11 %j is read as %s', async (text, layout) => {
    const preview = await importText(text);
    expect(preview.layout).toBe(layout);
  });
});

describe('本年 and 上年 columns', () => {
  const rows = (preview: ImportPreview) =>
    preview.facts.map((f) => [f.townshipCode, f.year, f.indicatorId, f.value, f.line, f.column]);

  it('L13 H5 a statistical sheet 本年数, 上年数, 同比增减: this year and the one before, the change left out', async () => {
    const preview = await importText(
      '宝龙镇2021年法治政府建设主要指标\n序号,指标名称,计量单位,本年数,上年数,同比增减（%）,备注\n' +
        '1,调解纠纷,件,94,80,17.5,\n2,调解成功,件,92,78,17.9,\n3,法律咨询,人次,500多,450,11.1,\n',
    );
    expect(preview).toMatchObject({ layout: 'sheet', year: 2021, yearSource: 'title', issues: [] });
    expect(rows(preview)).toEqual([
      [BAOLONG, 2021, 'disputes_mediated', 94, 3, 'D'],
      [BAOLONG, 2020, 'disputes_mediated', 80, 3, 'E'],
      [BAOLONG, 2021, 'disputes_resolved', 92, 4, 'D'],
      [BAOLONG, 2020, 'disputes_resolved', 78, 4, 'E'],
      [BAOLONG, 2021, 'legal_consultations', 500, 5, 'D'],
      [BAOLONG, 2020, 'legal_consultations', 450, 5, 'E'],
    ]);
    expect(preview.customIndicators).toEqual([]);
    expect(preview.columns.find((c) => c.column === 'F')).toMatchObject({ role: 'other', indicatorId: null });
  });

  it('L13 F1 a GBK statistical form (本年数, 上年同期, 同比增减): both years of each indicator, each year’s rate checked', async () => {
    const preview = await importFixture('baolong-2021-this-last-gbk.csv');
    expect(preview).toMatchObject({
      encoding: 'gb18030',
      layout: 'sheet',
      headerLine: 3,
      year: 2021,
      yearSource: 'title',
      township: { code: BAOLONG },
      issues: [],
    });
    const byYear = (year: number) =>
      Object.fromEntries(preview.facts.filter((f) => f.year === year).map((f) => [f.indicatorId, f.value]));
    expect(byYear(2021)).toEqual({
      study_sessions: 15,
      disputes_mediated: 94,
      disputes_resolved: 92,
      mediation_success_rate_reported: 97,
      legal_consultations: 500,
      leaflets_distributed: 6000,
    });
    expect(byYear(2020)).toEqual({
      study_sessions: 12,
      disputes_mediated: 80,
      disputes_resolved: 75,
      mediation_success_rate_reported: 93.75,
      leaflets_distributed: 5000,
    });
    expect(preview.facts.filter((f) => f.approximate).map((f) => [f.year, f.rawText])).toEqual([
      [2021, '500多'],
      [2021, '6000余'],
    ]);
    expect(preview.facts.find((f) => f.year === 2021 && f.indicatorId === 'legal_consultations')?.note).toBe(
      '上年未统计',
    );
  });

  it('L13 C4 a 上年 rate that disagrees with its own year’s counts is flagged in the 上年 column', async () => {
    const preview = await importText(
      '宝龙镇2021年\n指标,本年数,上年数\n调解纠纷,94,80\n调解成功,92,75\n调解成功率,97%,90%\n',
    );
    expect(preview.issues).toMatchObject([{ code: 'rate-disagrees', line: 5, column: 'C', raw: '90%' }]);
  });

  it('L13 本年 and 上年 need the file’s year: none anywhere is no-year until the user gives one', async () => {
    const text = '指标,本年,上年\n调解纠纷,94,80\n';
    const unknown = await importText(text, { fileName: '宝龙镇.csv' });
    expect(codes(unknown)).toEqual(['no-year']);
    expect(unknown.facts).toEqual([]);
    const given = await importText(text, { fileName: '宝龙镇.csv', year: 2022 });
    expect(given.issues).toEqual([]);
    expect(rows(given)).toEqual([
      [BAOLONG, 2022, 'disputes_mediated', 94, 2, 'B'],
      [BAOLONG, 2021, 'disputes_mediated', 80, 2, 'C'],
    ]);
  });

  it('L13 a wide table with 本年 and 上年 under each indicator: each township in two years, the totals checked per year', async () => {
    const preview = await importText(
      '潼南区2021年各镇街法治指标对比表,,,,\n镇街,调解纠纷（件）,,法律咨询（人次）,\n,本年,上年,本年,上年\n' +
        '宝龙镇,94,80,500,450\n上和镇,30,28,200,210\n合计,124,109,700,660\n',
    );
    expect(preview).toMatchObject({ layout: 'wide', year: 2021, yearSource: 'title' });
    expect(rows(preview)).toEqual([
      [BAOLONG, 2021, 'disputes_mediated', 94, 4, 'B'],
      [BAOLONG, 2020, 'disputes_mediated', 80, 4, 'C'],
      [BAOLONG, 2021, 'legal_consultations', 500, 4, 'D'],
      [BAOLONG, 2020, 'legal_consultations', 450, 4, 'E'],
      [code('上和镇'), 2021, 'disputes_mediated', 30, 5, 'B'],
      [code('上和镇'), 2020, 'disputes_mediated', 28, 5, 'C'],
      [code('上和镇'), 2021, 'legal_consultations', 200, 5, 'D'],
      [code('上和镇'), 2020, 'legal_consultations', 210, 5, 'E'],
    ]);
    // 80 + 28 = 108, not the 109 written; the other totals agree.
    expect(preview.issues).toMatchObject([
      { code: 'totals-mismatch', line: 6, column: 'C', raw: '109', detail: '108' },
    ]);
  });

  it('L13 R8 a long file with a 年度 column: 上年 counts from each row’s year; the same figure again is no duplicate', async () => {
    const preview = await importText(
      '镇街,年度,指标,本年数,上年同期\n宝龙镇,2021,调解纠纷,94,80\n宝龙镇,2022,调解纠纷,100,94\n',
    );
    expect(preview.issues).toEqual([]);
    expect(rows(preview)).toEqual([
      [BAOLONG, 2021, 'disputes_mediated', 94, 2, 'D'],
      [BAOLONG, 2020, 'disputes_mediated', 80, 2, 'E'],
      [BAOLONG, 2022, 'disputes_mediated', 100, 3, 'D'],
    ]);
  });

  it('L13 R8 a year’s own figure wins over a different one given under 上年, in either order, with a warning on the 上年 cell', async () => {
    const laterYearFirst = await importText(
      '镇街,年度,指标,本年数,上年同期\n宝龙镇,2022,调解纠纷,100,90\n宝龙镇,2021,调解纠纷,94,80\n',
    );
    expect(rows(laterYearFirst)).toEqual([
      [BAOLONG, 2022, 'disputes_mediated', 100, 2, 'D'],
      [BAOLONG, 2021, 'disputes_mediated', 94, 3, 'D'],
      [BAOLONG, 2020, 'disputes_mediated', 80, 3, 'E'],
    ]);
    expect(laterYearFirst.issues).toMatchObject([
      { severity: 'warning', code: 'restated-differs', line: 2, column: 'E', raw: '90', detail: '3' },
    ]);
    const earlierYearFirst = await importText(
      '镇街,年度,指标,本年数,上年同期\n宝龙镇,2021,调解纠纷,94,80\n宝龙镇,2022,调解纠纷,100,90\n',
    );
    expect(earlierYearFirst.facts.find((f) => f.year === 2021)?.value).toBe(94);
    expect(earlierYearFirst.issues).toMatchObject([
      { severity: 'warning', code: 'restated-differs', line: 3, column: 'E', raw: '90', detail: '2' },
    ]);
    // Two rows giving one year's own figure are still R8's duplicate.
    const twice = await importText(
      '镇街,年度,指标,本年数,上年数\n宝龙镇,2021,调解纠纷,94,\n宝龙镇,2021,调解纠纷,94,\n',
    );
    expect(twice.issues).toMatchObject([{ code: 'duplicate-fact', line: 3, column: 'D', detail: '2' }]);
  });

  it.each<[name: string, text: string]>([
    ['数值, 上年数值 in a long file', '镇街,年度,指标,数值,上年数值\n宝龙镇,2021,调解纠纷,94,80\n'],
    ['数值, 2020年 in a sheet', '宝龙镇2021年\n指标,数值,2020年\n调解纠纷,94,80\n'],
  ])('L13 %s: the other column is another year, not dropped', async (_name, text) => {
    const preview = await importText(text, { fileName: '宝龙镇.csv' });
    expect(preview.issues).toEqual([]);
    expect(preview.facts.map((f) => [f.year, f.indicatorId, f.value])).toEqual([
      [2021, 'disputes_mediated', 94],
      [2020, 'disputes_mediated', 80],
    ]);
  });

  it('L10 H5 指标, 2021年, 2020年, 增减: the change column is left out', async () => {
    const preview = await importText(
      '宝龙镇法治政府建设主要指标\n指标,2021年,2020年,增减\n调解纠纷,94,80,14\n',
    );
    expect(preview).toMatchObject({ layout: 'sheet', yearSource: 'header', issues: [] });
    expect(rows(preview)).toEqual([
      [BAOLONG, 2021, 'disputes_mediated', 94, 3, 'B'],
      [BAOLONG, 2020, 'disputes_mediated', 80, 3, 'C'],
    ]);
  });
});

describe('units that state a size', () => {
  it('H9 R6 a wide column headed （万人次） or under a 万份 unit row is stored in 人次 and 份, said once per column; its total is checked as written', async () => {
    const preview = await importText(
      '镇街,年度,法律咨询（万人次）,发放宣传资料,调解纠纷\n,,,万份,件\n宝龙镇,2021,0.05,0.6,94\n上和镇,2021,0.07,1.2万,10\n合计,,0.12,,104\n',
    );
    expect(preview.facts.map((f) => [f.townshipCode, f.indicatorId, f.value, f.rawText])).toEqual([
      [BAOLONG, 'legal_consultations', 500, '0.05'],
      [BAOLONG, 'leaflets_distributed', 6000, '0.6'],
      [BAOLONG, 'disputes_mediated', 94, '94'],
      [code('上和镇'), 'legal_consultations', 700, '0.07'],
      // A cell that states its own size is read as written.
      [code('上和镇'), 'leaflets_distributed', 12000, '1.2万'],
      [code('上和镇'), 'disputes_mediated', 10, '10'],
    ]);
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw, i.detail])).toEqual([
      ['unit-scaled', 1, 'C', '万人次', '人次'],
      ['unit-scaled', 1, 'D', '万份', '份'],
    ]);
  });

  it('H9 a cell that writes its own unit (500人次, 94件) under a header in 万人次 or 百件 is read as written', async () => {
    const preview = await importText(
      '镇街,年度,法律咨询（万人次）,调解纠纷（百件）\n宝龙镇,2021,500人次,94件\n上和镇,2021,0.12,0.6\n',
    );
    expect(preview.facts.map((f) => [f.townshipCode, f.indicatorId, f.value])).toEqual([
      [BAOLONG, 'legal_consultations', 500],
      [BAOLONG, 'disputes_mediated', 94],
      [code('上和镇'), 'legal_consultations', 1200],
      [code('上和镇'), 'disputes_mediated', 60],
    ]);
  });

  it('H9 a long file’s unit cell 万人次 scales its row, said once per indicator and unit', async () => {
    const preview = await importText(
      '镇街,年度,指标,数值,单位\n宝龙镇,2021,法律咨询,0.05,万人次\n上和镇,2021,法律咨询,0.02,万人次\n桂林街道,2021,法律咨询,300,人次\n宝龙镇,2021,网格员培训,0.3,万人次\n',
    );
    expect(preview.facts.map((f) => [f.townshipCode, f.indicatorId, f.value])).toEqual([
      [BAOLONG, 'legal_consultations', 500],
      [code('上和镇'), 'legal_consultations', 200],
      [code('桂林街道'), 'legal_consultations', 300],
      // The file's own indicator keeps its figures and its unit.
      [BAOLONG, 'custom:网格员培训', 0.3],
    ]);
    expect(preview.customIndicators).toEqual([
      { id: 'custom:网格员培训', label: '网格员培训', unit: '万人次' },
    ]);
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw])).toEqual([
      ['unit-scaled', 2, 'E', '万人次'],
    ]);
  });
});

describe('H11 a unit of another kind than the catalog indicator’s', () => {
  it('H11 wide: 法治培训（人次） and 法律咨询 under a 场 unit row are the file’s own indicators, keyed and labelled with their unit; 调解纠纷（起） and 宪法讲座（场） stay the catalog’s', async () => {
    const preview = await importText(
      '镇街,年度,法治培训（人次）,法律咨询,调解纠纷（起）,宪法讲座（场）\n,,,场,,\n宝龙镇,2021,1200,30,94,2\n',
    );
    expect(preview.facts.map((f) => [f.indicatorId, f.value])).toEqual([
      ['custom:法治培训人次', 1200],
      ['custom:法律咨询场', 30],
      ['disputes_mediated', 94],
      ['constitution_lectures', 2],
    ]);
    expect(preview.customIndicators).toEqual([
      { id: 'custom:法治培训人次', label: '法治培训人次', unit: '人次' },
      { id: 'custom:法律咨询场', label: '法律咨询场', unit: '场' },
    ]);
    expect(preview.columns.filter((c) => c.source === 'custom').map((c) => [c.column, c.headerKey])).toEqual([
      ['C', '法治培训人次'],
      ['D', '法律咨询场'],
    ]);
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw, i.detail])).toEqual([
      ['unit-differs', 1, 'C', '人次', 'law_training_sessions'],
      ['unit-differs', 1, 'D', '场', 'legal_consultations'],
    ]);
  });

  it('H11 调解成功（%）: a rate where the catalog counts cases is not stored as a count of successes', async () => {
    const preview = await importText('镇街,年度,调解纠纷,调解成功（%）\n宝龙镇,2021,94,98\n');
    expect(preview.facts.map((f) => [f.indicatorId, f.value])).toEqual([
      ['disputes_mediated', 94],
      ['custom:调解成功%', 98],
    ]);
    // Before, 98 successes of 94 cases.
    expect(preview.issues.map((i) => [i.code, i.column, i.raw, i.detail])).toEqual([
      ['unit-differs', 'D', '%', 'disputes_resolved'],
    ]);
  });

  it('H3 a stale mapping is said once per indicator name, whatever units its rows carry', async () => {
    const preview = await importText(
      '镇街,年度,指标,数值,单位\n宝龙镇,2021,网格员培训,5,人\n上和镇,2021,网格员培训,6,\n',
      {
        mappings: { 网格员培训: 'retired_indicator' },
      },
    );
    expect(preview.issues.map((i) => [i.code, i.line, i.raw])).toEqual([
      ['unknown-indicator', 2, 'retired_indicator'],
    ]);
  });

  it('H11 法治培训 merged over the units 场次 and 人次: each column is the heading in its unit; the same unit again stays unnamed', async () => {
    const preview = await importText('镇街,法治培训,,,调解纠纷,\n,场次,人次,,件,件\n宝龙镇,15,1200,,94,3\n', {
      year: 2021,
    });
    expect(preview.facts.map((f) => [f.indicatorId, f.value])).toEqual([
      ['law_training_sessions', 15],
      ['custom:法治培训人次', 1200],
      ['disputes_mediated', 94],
    ]);
    expect(preview.issues.map((i) => [i.code, i.column])).toEqual([
      ['unit-differs', 'C'],
      ['unnamed-column', 'F'],
    ]);
  });

  it('H11 the user’s mapping of 法治培训人次 maps the column back, without a warning; a mapping of the plain 法治培训 is not its', async () => {
    const text = '镇街,年度,法治培训（人次）\n宝龙镇,2021,1200\n';
    const mapped = await importText(text, { mappings: { 法治培训人次: 'law_training_sessions' } });
    expect(mapped.facts.map((f) => [f.indicatorId, f.value])).toEqual([['law_training_sessions', 1200]]);
    expect(mapped.issues).toEqual([]);
    const plain = await importText(text, { mappings: { 法治培训: 'ignore' } });
    expect(plain.facts.map((f) => [f.indicatorId, f.value])).toEqual([['custom:法治培训人次', 1200]]);
    expect(codes(plain)).toEqual(['unit-differs']);
  });

  it('H11 long and sheet: a row’s unit cell, or the name’s brackets, of another kind; said once per name and unit', async () => {
    const preview = await importText(
      '镇街,年度,指标,数值,单位\n宝龙镇,2021,法治培训,1200,人次\n上和镇,2021,法治培训,12,场\n桂林街道,2021,法治培训,1500,人次\n宝龙镇,2021,法律咨询（场）,30,\n宝龙镇,2021,调解纠纷,94,起\n',
    );
    expect(preview.facts.map((f) => [f.townshipCode, f.indicatorId, f.value])).toEqual([
      [BAOLONG, 'custom:法治培训人次', 1200],
      [code('上和镇'), 'law_training_sessions', 12],
      [code('桂林街道'), 'custom:法治培训人次', 1500],
      [BAOLONG, 'custom:法律咨询场', 30],
      [BAOLONG, 'disputes_mediated', 94],
    ]);
    expect(preview.customIndicators).toEqual([
      { id: 'custom:法治培训人次', label: '法治培训人次', unit: '人次' },
      { id: 'custom:法律咨询场', label: '法律咨询场', unit: '场' },
    ]);
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw, i.detail])).toEqual([
      ['unit-differs', 2, 'E', '人次', 'law_training_sessions'],
      ['unit-differs', 5, 'C', '场', 'legal_consultations'],
    ]);

    const sheet = await importText(
      '宝龙镇2021年度法治建设工作情况统计表\n指标,数值,单位\n调解纠纷,94,件\n法治培训,1200,人次\n',
    );
    expect(sheet.facts.map((f) => [f.indicatorId, f.value])).toEqual([
      ['disputes_mediated', 94],
      ['custom:法治培训人次', 1200],
    ]);
    expect(sheet.issues.map((i) => [i.code, i.line, i.column])).toEqual([['unit-differs', 4, 'C']]);
  });
});

describe('H13 a year for a header', () => {
  it('H13 a wide table with a column per year and no indicator: an error on each, nothing read', async () => {
    const preview = await importText(
      '潼南区各镇街调解纠纷近三年对比（2021年度报表）\n镇街,2019年,2020年,调解成功\n宝龙镇,80,88,92\n',
    );
    expect(preview.issues.map((i) => [i.severity, i.code, i.line, i.column, i.raw])).toEqual([
      ['error', 'year-as-header', 2, 'B', '2019年'],
      ['error', 'year-as-header', 2, 'C', '2020年'],
    ]);
    expect(preview.customIndicators).toEqual([]);
    expect(preview.facts.map((f) => [f.indicatorId, f.year, f.value])).toEqual([
      ['disputes_resolved', 2021, 92],
    ]);
  });
});

describe('V16 Excel’s #DIV/0! in a rate of no cases', () => {
  it('V16 is no figure: a warning on its cell, and the file imports; other formula errors stay errors', async () => {
    const preview = await importText(
      '镇街,年度,调解纠纷,调解成功,调解成功率\n宝龙镇,2021,94,92,97.87%\n上和镇,2021,0,0,#DIV/0!\n',
    );
    expect(
      preview.facts.filter((f) => f.townshipCode === code('上和镇')).map((f) => [f.indicatorId, f.value]),
    ).toEqual([
      ['disputes_mediated', 0],
      ['disputes_resolved', 0],
    ]);
    expect(preview.issues.map((i) => [i.severity, i.code, i.line, i.column, i.raw])).toEqual([
      ['warning', 'divide-by-zero', 3, 'E', '#DIV/0!'],
    ]);
    const broken = await importText('镇街,年度,调解成功率\n宝龙镇,2021,#N/A\n');
    expect(broken.issues.map((i) => [i.severity, i.code, i.raw])).toEqual([
      ['error', 'invalid-value', '#N/A'],
    ]);
  });
});

describe('L20 a year still to come', () => {
  it('L20 a year column’s 2091 is an error on the first row of that year; this year itself is not', async () => {
    const preview = await importText(
      '镇街,年度,调解纠纷\n宝龙镇,2026,94\n上和镇,2091,50\n桂林街道,2091年,30\n',
      {
        currentYear: 2026,
      },
    );
    expect(preview.issues.map((i) => [i.severity, i.code, i.line, i.column, i.raw, i.detail])).toEqual([
      ['error', 'future-year', 3, 'B', '2091', '2026'],
    ]);
    // Shown, never stored: the error holds the file.
    expect(preview.facts.map((f) => f.year)).toEqual([2026, 2091, 2091]);
  });

  it('L20 a title’s, a file name’s or the user’s year to come is an error for the whole file', async () => {
    const fromTitle = await importText('潼南区2062年度法治建设工作统计表\n镇街,调解纠纷\n宝龙镇,94\n', {
      currentYear: 2026,
    });
    expect(fromTitle.issues.map((i) => [i.code, i.line, i.raw])).toEqual([
      ['future-year', undefined, '2062'],
    ]);
    const fromUser = await importText('镇街,调解纠纷\n宝龙镇,94\n', { currentYear: 2026, year: 2027 });
    expect(fromUser.issues.map((i) => [i.code, i.raw])).toEqual([['future-year', '2027']]);
    const fromName = await importText('镇街,调解纠纷\n宝龙镇,94\n', {
      currentYear: 2026,
      fileName: '2025年统计.csv',
    });
    expect(fromName.issues).toEqual([]);
  });
});

describe('columns of text beside the figures', () => {
  it('H5 a second note column (备注1/备注2, 情况说明), 排名 and 是否按时报送 are no indicators: no figure, no error', async () => {
    const preview = await importText(
      '镇街,年度,调解纠纷,排名,备注1,备注2,情况说明,是否按时报送\n宝龙镇,2021,94,1,已核实,无,按时,是\n上和镇,2021,50,2,,,,否\n',
    );
    expect(preview.issues).toEqual([]);
    expect(preview.facts.map((f) => [f.townshipCode, f.indicatorId, f.value, f.note])).toEqual([
      [BAOLONG, 'disputes_mediated', 94, '已核实'],
      [code('上和镇'), 'disputes_mediated', 50, null],
    ]);
    expect(preview.customIndicators).toEqual([]);
  });
});

describe('L3 one township’s sheet headed otherwise', () => {
  it.each([['序号,名称,单位,数量'], ['序号,项目,单位,完成数'], ['序号,工作内容,计量单位,完成值']])(
    'L3 %s is a sheet: each indicator its figure, the 单位 column its unit, never a township',
    async (header) => {
      const preview = await importText(
        `宝龙镇2021年度法治政府建设主要数据\n${header}\n1,调解纠纷,件,94\n2,调解成功,件,92\n3,法律咨询,人次,500余\n`,
      );
      expect(preview.layout).toBe('sheet');
      expect(
        preview.facts.map((f) => [f.townshipCode, f.year, f.indicatorId, f.value, f.approximate]),
      ).toEqual([
        [BAOLONG, 2021, 'disputes_mediated', 94, false],
        [BAOLONG, 2021, 'disputes_resolved', 92, false],
        [BAOLONG, 2021, 'legal_consultations', 500, true],
      ]);
      expect(preview.issues).toEqual([]);
    },
  );
});

describe('R5 a township’s own total', () => {
  it('R5 宝龙镇合计 (a township’s total over its villages) is 宝龙镇’s row, in wide and long files; 全区合计 is still the total', async () => {
    const wide = await importText(
      '潼南区2021年度矛盾纠纷调解情况\n镇街,调解纠纷（件）,调解成功（件）\n上和镇,60,58\n宝龙镇合计,94,92\n桂林街道,45,44\n全区合计,199,194\n',
    );
    expect(wide.facts.map((f) => [f.townshipCode, f.indicatorId, f.value])).toEqual([
      [code('上和镇'), 'disputes_mediated', 60],
      [code('上和镇'), 'disputes_resolved', 58],
      [BAOLONG, 'disputes_mediated', 94],
      [BAOLONG, 'disputes_resolved', 92],
      [code('桂林街道'), 'disputes_mediated', 45],
      [code('桂林街道'), 'disputes_resolved', 44],
    ]);
    expect(wide.issues).toEqual([]);
    const long = await importText(
      '镇街,年度,指标,数值\n宝龙镇汇总,2021,调解纠纷,94\n上和镇,2021,调解纠纷,60\n合计,2021,调解纠纷,154\n',
    );
    expect(long.facts.map((f) => [f.townshipCode, f.value])).toEqual([
      [BAOLONG, 94],
      [code('上和镇'), 60],
    ]);
    expect(long.issues).toEqual([]);
  });
});

describe('R6 totals rows of a long file', () => {
  it('R6 a 合计 or district row is checked against its year’s township rows, per additive indicator', async () => {
    const preview = await importText(
      [
        '镇街,年度,指标,数值',
        '宝龙镇,2021,调解纠纷,94',
        '宝龙镇,2021,调解成功率,97%',
        '上和镇,2021,调解纠纷,50',
        '上和镇,2022,调解纠纷,60',
        '合计,2021,调解纠纷,200',
        ',,调解成功率,98%',
        '潼南区,2022,调解纠纷,60',
        '街道小计,2021,调解纠纷,1',
      ].join('\n'),
      { districtName: '重庆市潼南区' },
    );
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw, i.detail])).toEqual([
      ['totals-mismatch', 6, 'D', '200', '144'],
    ]);
    expect(preview.facts).toHaveLength(4);
  });
});

describe('H9 in a long file’s indicator names', () => {
  it('H9 法律咨询（万人次） and 发放宣传资料(千份) scale their rows, said once per indicator and unit; a row with a unit cell goes by it', async () => {
    const preview = await importText(
      '镇街,年度,指标,数值,单位\n上和镇,2023,法律咨询（万人次）,0.05,\n宝龙镇,2023,法律咨询（万人次）,0.02,\n上和镇,2023,发放宣传资料(千份),1.2,\n宝龙镇,2023,发放宣传资料(千份),800,份\n上和镇,2023,调解纠纷（件）,30,\n',
    );
    expect(preview.facts.map((f) => [f.townshipCode, f.indicatorId, f.value, f.rawText])).toEqual([
      [code('上和镇'), 'legal_consultations', 500, '0.05'],
      [BAOLONG, 'legal_consultations', 200, '0.02'],
      [code('上和镇'), 'leaflets_distributed', 1200, '1.2'],
      [BAOLONG, 'leaflets_distributed', 800, '800'],
      [code('上和镇'), 'disputes_mediated', 30, '30'],
    ]);
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw])).toEqual([
      ['unit-scaled', 2, 'C', '万人次'],
      ['unit-scaled', 4, 'C', '千份'],
    ]);
  });
});

describe('value forms and township names (long layout)', () => {
  it.each<[indicatorId: string, value: number, approximate: boolean]>([
    ['study_sessions', 15, false],
    ['mediation_success_rate_reported', 97, false],
    ['legal_consultations', 15000, false],
    ['constitution_lectures', 2, false],
    ['special_study_sessions', 15, false],
    ['leaflets_distributed', 6000, true],
    ['law_books_given', 200, true],
    ['publicity_events', 30, true],
    ['slogans_posted', 50, true],
    ['legal_literate_persons', 100, true],
    ['law_training_sessions', 20, true],
    ['contracts_reviewed', 10, true],
    ['exam_pass_rate_reported', 100, false],
    ['custom:12345热线工单', 12345, false],
  ])('R7 %s = %d (approximate %s)', async (indicatorId, value, approximate) => {
    const preview = await importFixture('value-forms-long.csv');
    expect(fact(preview, '宝龙镇', indicatorId)).toMatchObject({ value, approximate });
  });

  it('R7 — is missing, and the file has no issue at all', async () => {
    const preview = await importFixture('value-forms-long.csv');
    expect(fact(preview, '宝龙镇', 'petitions')).toBeUndefined();
    expect(preview.issues).toEqual([]);
  });

  it.each<[line: number, written: string]>([
    [2, '宝龙'],
    [3, '宝龙镇'],
    [4, ' 宝龙镇\u3000'],
    [7, '宝龙镇人民政府'],
  ])('T1 T2 line %d %j is 宝龙镇', async (line) => {
    const preview = await importFixture('township-names-long.csv');
    expect(preview.facts.find((f) => f.line === line)?.townshipCode).toBe(BAOLONG);
  });

  it('T4 T5 a typo and pinyin are errors, reported once per name with their lines and suggestions', async () => {
    const preview = await importFixture('township-names-long.csv');
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw, i.detail])).toEqual([
      ['unknown-township', 5, 'A', '宝垅镇', '宝龙镇'],
      ['unknown-township', 6, 'A', 'Baolong', '宝龙镇'],
      ['unknown-township', 8, 'A', '宝垅镇', '宝龙镇'],
    ]);
    expect(preview.unknownTownships).toEqual([
      { name: '宝垅镇', lines: [5, 8], suggestions: [{ code: BAOLONG, name: '宝龙镇' }] },
      { name: 'baolong', lines: [6], suggestions: [{ code: BAOLONG, name: '宝龙镇' }] },
    ]);
  });

  it('T3 townshipAliases resolve the typo and the pinyin name', async () => {
    const preview = await importFixture('township-names-long.csv', {
      townshipAliases: { 宝垅镇: BAOLONG, baolong: BAOLONG },
    });
    expect(preview.issues).toEqual([]);
    expect(preview.unknownTownships).toEqual([]);
    expect(preview.facts).toHaveLength(7);
    expect(new Set(preview.facts.map((f) => f.townshipCode))).toEqual(new Set([BAOLONG]));
  });
});

describe('delimiters and quoting', () => {
  it('R1 L7 semicolon-delimited wide table, year from the file name', async () => {
    const preview = await importFixture('tongnan-2022-semicolon.csv');
    expect(preview).toMatchObject({
      delimiter: ';',
      layout: 'wide',
      year: 2022,
      yearSource: 'file-name',
      issues: [],
    });
    expect(fact(preview, '宝龙镇', 'disputes_resolved')).toMatchObject({
      year: 2022,
      value: 92,
      line: 3,
      column: 'D',
    });
  });

  it.each<[line: number, indicatorId: string, value: number, note: string | null]>([
    [2, 'disputes_mediated', 94, '含邻里、婚姻纠纷'],
    [3, 'officials_trained', 12, '9名支部书记, 3名镇干部'],
    [4, 'study_sessions', 15, '他说"学法"很重要'],
    [5, 'constitution_lectures', 2, '第一场：3月\r\n第二场：12月'],
    [6, 'legal_consultations', 6000, null],
  ])('R1 R2 quoted fields: line %d %s = %d', async (line, indicatorId, value, note) => {
    const preview = await importFixture('quoted-fields-long.csv');
    expect(preview.issues).toEqual([]);
    expect(preview.facts.find((f) => f.line === line)).toMatchObject({ indicatorId, value, note });
  });
});

describe('header mapping decisions', () => {
  it('H6 two columns for one indicator are errors on both columns, and neither is read', async () => {
    const preview = await importFixture('duplicate-columns-wide.csv');
    expect(preview.issues).toEqual([
      {
        severity: 'error',
        code: 'duplicate-indicator-column',
        line: 1,
        column: 'C',
        raw: '调解纠纷（件）',
        detail: 'D',
        indicatorId: 'disputes_mediated',
      },
      {
        severity: 'error',
        code: 'duplicate-indicator-column',
        line: 1,
        column: 'D',
        raw: '调解案件',
        detail: 'C',
        indicatorId: 'disputes_mediated',
      },
    ]);
    expect(preview.facts.map((f) => f.indicatorId)).toEqual(['disputes_resolved', 'disputes_resolved']);
  });

  it.each<[mappings: Record<string, string>, c: string | null, d: string | null, source: string]>([
    [{ 调解案件: 'ignore' }, 'disputes_mediated', null, 'ignored'],
    [{ 调解案件: 'disputes_settled' }, 'disputes_mediated', 'disputes_settled', 'mapping'],
    [{ 调解案件: 'custom:调解案件' }, 'disputes_mediated', 'custom:调解案件', 'mapping'],
  ])('H3 H6 the mapping %j resolves the clash', async (mappings, c, d, source) => {
    const preview = await importFixture('duplicate-columns-wide.csv', { mappings });
    expect(preview.issues).toEqual([]);
    expect(preview.columns.find((col) => col.column === 'C')).toMatchObject({
      indicatorId: c,
      source: 'catalog',
    });
    expect(preview.columns.find((col) => col.column === 'D')).toMatchObject({ indicatorId: d, source });
    expect(fact(preview, '宝龙镇', 'disputes_mediated')).toMatchObject({ value: 94, column: 'C' });
    expect(preview.facts.filter((f) => f.column === 'D').map((f) => f.indicatorId)).toEqual(
      d === null ? [] : [d, d],
    );
  });

  it('H3 a mapping to an id the catalog no longer has is reported and passed over', async () => {
    const preview = await importText('镇街,年度,调处纠纷\n宝龙镇,2021,94\n', {
      mappings: { 调处纠纷: 'old_indicator' },
    });
    expect(preview.issues).toMatchObject([
      { severity: 'warning', code: 'unknown-indicator', line: 1, column: 'C', raw: 'old_indicator' },
    ]);
    expect(preview.columns[2]).toMatchObject({ indicatorId: 'custom:调处纠纷', source: 'custom' });
  });

  it('H3 a mapping wins over the alias a header matches', async () => {
    const preview = await importText('镇街,年度,成功率\n宝龙镇,2021,97%\n', {
      mappings: { 成功率: 'exam_pass_rate_reported' },
    });
    expect(preview.facts).toMatchObject([{ indicatorId: 'exam_pass_rate_reported', value: 97 }]);
  });

  it('H3 mappings apply to indicator names in the long layout', async () => {
    const text = '镇街,年度,指标,数值\n宝龙镇,2021,调处纠纷,94\n宝龙镇,2021,备用,1\n';
    const preview = await importText(text, { mappings: { 调处纠纷: 'disputes_mediated', 备用: 'ignore' } });
    expect(preview.facts).toMatchObject([{ indicatorId: 'disputes_mediated', value: 94 }]);
    expect(preview.customIndicators).toEqual([]);
  });

  it('L6 H2 H4 a unit row gives the units, and an unknown header becomes a custom indicator with its unit', async () => {
    const preview = await importFixture('unit-row-wide.csv');
    expect(preview).toMatchObject({
      headerLine: 2,
      year: 2021,
      yearSource: 'title',
      rowCount: 2,
      issues: [],
    });
    expect(preview.customIndicators).toEqual([
      { id: 'custom:网格员培训', label: '网格员培训', unit: '人次' },
    ]);
    expect(preview.columns.map((c) => c.indicatorId)).toEqual([
      null,
      'study_sessions',
      'officials_trained',
      'disputes_mediated',
      'mediation_success_rate_reported',
      'custom:网格员培训',
    ]);
    expect(fact(preview, '宝龙镇', 'custom:网格员培训')).toMatchObject({ value: 36, line: 5, column: 'F' });
  });

  it('L5 R6 two header rows with merged group headings: lower labels matched, totals checked', async () => {
    const preview = await importFixture('two-row-header-wide.csv');
    expect(preview).toMatchObject({ headerLine: 2, rowCount: 2, year: 2021, issues: [] });
    expect(preview.columns.map((c) => [c.column, c.header, c.indicatorId])).toEqual([
      ['A', '序号', null],
      ['B', '镇街', null],
      ['C', '学法情况 中心组学法（次）', 'study_sessions'],
      ['D', '学法情况 专题学法（次）', 'special_study_sessions'],
      ['E', '矛盾纠纷调解 调解纠纷（件）', 'disputes_mediated'],
      ['F', '矛盾纠纷调解 调解成功（件）', 'disputes_resolved'],
      ['G', '矛盾纠纷调解 成功率（%）', 'mediation_success_rate_reported'],
      ['H', '网格化管理 网格员（名）', 'custom:网格化管理网格员'],
      ['I', '备注', null],
    ]);
    expect(preview.customIndicators).toEqual([
      { id: 'custom:网格化管理网格员', label: '网格化管理 网格员', unit: '名' },
    ]);
    expect(fact(preview, '宝龙镇', 'special_study_sessions')).toMatchObject({
      value: 4,
      line: 5,
      column: 'D',
    });
  });

  it('L5 H10 C1 under a group heading, 调解件数 counts the cases its successes are checked against', async () => {
    const preview = await importText(
      [
        '潼南区2022年度各镇街法治政府建设主要指标统计表,,,,',
        '序号,镇街,矛盾纠纷调解,,法律咨询',
        ',,调解件数,调解成功件数,人次',
        '1,宝龙镇,94,92,"1,200"',
        '2,上和镇,30,31,—',
      ].join('\n'),
    );
    expect(preview.columns.map((c) => [c.column, c.indicatorId])).toEqual([
      ['A', null],
      ['B', null],
      ['C', 'disputes_mediated'],
      ['D', 'disputes_resolved'],
      ['E', 'legal_consultations'],
    ]);
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw, i.detail])).toEqual([
      ['successes-exceed-cases', 5, 'D', '31', '30'],
    ]);
  });
});

describe('checks after the facts are built', () => {
  it('C1 C2 C3 C4 R7 flag exactly the cells that do not add up', async () => {
    const preview = await importFixture('checks-long.csv');
    expect(preview.issues.map((i) => [i.code, i.severity, i.line, i.column, i.raw, i.detail])).toEqual([
      ['successes-exceed-cases', 'warning', 3, 'D', '290', '280'],
      ['taken-exceeds-due', 'warning', 5, 'D', '52', '50'],
      ['rate-out-of-range', 'warning', 6, 'D', '104%', '100'],
      ['rate-disagrees', 'warning', 9, 'D', '90%', '92 ÷ 94 = 97.87%'],
      ['rate-disagrees', 'warning', 18, 'D', '99.2%', '694 ÷ 700 = 99.14%'],
      ['negative-count', 'error', 19, 'D', '-3', undefined],
    ]);
  });
});

describe('bad files', () => {
  it.each<[name: string, bytes: Uint8Array, code: string]>([
    ['empty', new Uint8Array(), 'empty'],
    ['xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'xlsx'],
    ['xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'xls'],
    ['png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2]), 'binary'],
  ])('B1 %s is refused as %s with no rows read', async (_name, bytes, code) => {
    const preview = await importFile(bytes, { fileName: 'x.csv', townships: TONGNAN.townships });
    expect(preview).toMatchObject({ encoding: null, layout: 'unknown', rowCount: 0, facts: [], columns: [] });
    expect(preview.issues).toEqual([{ severity: 'error', code }]);
  });

  it('B2 a 5,000-column file is refused at once as too-many-columns', async () => {
    const cells = (prefix: string) => Array.from({ length: 4999 }, (_, i) => `${prefix}${i}`).join(',');
    const text = [`镇街,${cells('h')}`, ...Array.from({ length: 500 }, () => `宝龙镇,${cells('')}`)].join(
      '\n',
    );
    const started = performance.now();
    const preview = await importText(text);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(preview.issues).toEqual([
      { severity: 'error', code: 'too-many-columns', line: 1, detail: '5000' },
    ]);
    expect(preview.facts).toEqual([]);
  });

  it.each<[width: number, padding: number, refused: boolean]>([
    [1000, 0, false],
    [1001, 0, true],
    [10, 2000, false],
  ])('B2 %d filled columns and %d padding commas: refused %s', async (width, padding, refused) => {
    const head =
      ['镇街', ...Array.from({ length: width - 1 }, (_, i) => `h${i}`)].join(',') + ','.repeat(padding);
    const row = ['宝龙镇', ...Array.from({ length: width - 1 }, () => '1')].join(',');
    const preview = await importText(`${head}\n${row}\n`, { fileName: '2021.csv' });
    expect(codes(preview).includes('too-many-columns')).toBe(refused);
  });

  it.each<[name: string, code: string]>([
    ['no-header.csv', 'no-header'],
    ['header-only.csv', 'no-rows'],
  ])('B3 B4 %s is the error %s', async (name, code) => {
    const preview = await importFixture(name);
    expect(codes(preview)).toEqual([code]);
    expect(preview.facts).toEqual([]);
  });

  it('L9 options.encoding is used as given and reported as not detected', async () => {
    const gbk = await importFixture('tongnan-2020-wide-gbk.csv', { encoding: 'gb18030' });
    expect(gbk).toMatchObject({ encoding: 'gb18030', encodingDetected: false, issues: [] });
    const wrong = await importFixture('tongnan-2020-wide-gbk.csv', { encoding: 'utf-8' });
    expect(wrong).toMatchObject({ encoding: 'utf-8', encodingDetected: false });
    expect(codes(wrong)).toEqual(['no-header']);
  });
});

describe('robustness', () => {
  /** mulberry32, so a failure can be replayed. */
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const PIECES = [
    '镇街',
    '年度',
    '指标',
    '数值',
    '宝龙镇',
    '合计',
    '注：',
    '"',
    '""',
    ',',
    ';',
    '\t',
    '\n',
    '\r\n',
    '94',
    '余',
    '—',
    '（件）',
    '2021年',
    ' ',
    '\u3000',
    '-1',
    '%',
  ];

  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    'B5 random text #%d gives a preview, never an exception',
    async (seed) => {
      const next = random(seed);
      const text = Array.from(
        { length: 1 + Math.floor(next() * 300) },
        () => PIECES[Math.floor(next() * PIECES.length)],
      ).join('');
      const preview = await importText(text, { fileName: `fuzz-${seed}.csv` });
      expect(preview.facts.length + preview.issues.length).toBeGreaterThan(0);
      for (const issue of preview.issues) expect(issue.line === undefined || issue.line >= 1).toBe(true);
    },
  );

  it('B6 100,000 rows with 20,000 distinct unknown townships import in seconds, not minutes', async () => {
    const names = TONGNAN.townships.map((t) => t.name);
    const lines = ['镇街,年度,指标,数值'];
    for (let i = 0; i < 100_000; i++) {
      const township = i % 5 === 0 ? `未知${i}` : (names[i % names.length] ?? '');
      lines.push(`${township},${2000 + (i % 20)},指标${i % 300},${i}`);
    }
    const started = performance.now();
    const preview = await importText(lines.join('\n'));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(preview.unknownTownships).toHaveLength(20_000);
    expect(preview.rowCount).toBe(100_000);
  });
});

describe('a year written as the period it covers', () => {
  it('L7 a 统计期 column of whole years is read; half a year is an error, never an annual figure', async () => {
    const preview = await importText(
      '镇街,统计期,指标,数值\n宝龙镇,2021年1-12月,调解纠纷,94\n宝龙镇,2021.1-2021.12,调解成功,92\n' +
        '上和镇,2021年1-6月,调解纠纷,15\n',
    );
    expect(preview).toMatchObject({ layout: 'long', yearSource: 'column' });
    expect(preview.facts.map((f) => [f.townshipCode, f.year, f.indicatorId, f.value])).toEqual([
      [BAOLONG, 2021, 'disputes_mediated', 94],
      [BAOLONG, 2021, 'disputes_resolved', 92],
    ]);
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw])).toEqual([
      ['bad-year', 4, 'B', '2021年1-6月'],
    ]);
  });
});

describe('cells exported as Excel text (="…")', () => {
  it('V14 a system export writes every cell as ="…": years, codes, townships, indicators, units and notes are read as the text inside', async () => {
    const preview = await importText(
      '区划代码,镇街,年度,指标,数值,单位,备注\n' +
        '="500152104",="宝龙镇",="2021",="调解纠纷",="94",="件",="已核实"\n' +
        '"=""500152104""","=""宝龙镇""","=""2021年""","=""法律咨询""","=""0.05""","=""万人次""",\n' +
        '="500152101",="",="2021",="调解纠纷",="30",="件",\n',
    );
    expect(preview).toMatchObject({ layout: 'long', yearSource: 'column' });
    expect(codes(preview)).toEqual(['unit-scaled']);
    expect(
      preview.facts.map((f) => [f.townshipCode, f.year, f.indicatorId, f.value, f.rawText, f.note]),
    ).toEqual([
      [BAOLONG, 2021, 'disputes_mediated', 94, '="94"', '已核实'],
      [BAOLONG, 2021, 'legal_consultations', 500, '="0.05"', null],
      // A blank township named by its code alone (T9).
      [code('上和镇'), 2021, 'disputes_mediated', 30, '="30"', null],
    ]);
  });

  it('V14 a formula other than a text stays as written: a township =A1 is unknown, never evaluated', async () => {
    const preview = await importText(
      '镇街,年度,指标,数值\n=A1,2021,调解纠纷,94\n="宝龙镇"&"",2021,调解纠纷,95\n',
    );
    expect(preview.facts).toEqual([]);
    expect(preview.issues.map((i) => [i.code, i.line, i.raw])).toEqual([
      ['unknown-township', 2, '=A1'],
      ['unknown-township', 3, '="宝龙镇"&""'],
    ]);
  });
});

describe('division codes beside the names', () => {
  it('T9 H5 a wide table with a 区划代码 column: no indicator; it names a blank or unknown township, and a code of another township is a warning', async () => {
    const preview = await importText(
      '潼南区2021年法治指标\n区划代码,镇街,调解纠纷,调解成功\n' +
        '500152104,宝龙镇,94,92\n500152101,宝龙镇,30,29\n500152103,古西镇,20,19\n500152113,,5,5\n' +
        ',,6,6\n500152102000,宝垅镇,7,7\n',
    );
    expect(preview.columns.find((c) => c.column === 'A')).toMatchObject({ role: 'code', indicatorId: null });
    expect(preview.customIndicators).toEqual([]);
    expect(
      preview.facts
        .filter((f) => f.indicatorId === 'disputes_mediated')
        .map((f) => [f.townshipCode, f.value, f.line]),
    ).toEqual([
      [BAOLONG, 94, 3],
      [code('古溪镇'), 20, 5],
      [code('柏梓镇'), 5, 6],
    ]);
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw, i.detail])).toEqual([
      ['township-code-mismatch', 4, 'A', '500152101', '上和镇'],
      ['duplicate-fact', 4, 'C', '30', '3'],
      ['duplicate-fact', 4, 'D', '29', '3'],
      ['blank-township', 7, 'B', undefined, undefined],
      // 龙形镇's code beside a typo of 宝龙镇: the user decides.
      ['unknown-township', 8, 'B', '宝垅镇', '龙形镇、宝龙镇'],
    ]);
  });

  it('T9 T3 the answer for a name unknown beside its code is remembered by both', async () => {
    const text = '区划代码,镇街,年度,调解纠纷\n500152102000,宝垅镇,2021,7\n';
    const asked = await importText(text);
    const name = asked.unknownTownships[0]?.name ?? '';
    expect(name).toBe('500152102000宝垅镇');
    const answered = await importText(text, { townshipAliases: { [name]: BAOLONG } });
    expect(answered.issues).toEqual([]);
    expect(answered.facts.map((f) => [f.townshipCode, f.value])).toEqual([[BAOLONG, 7]]);
  });

  it('T6 T9 a long file: the code is filled down with its name from merged cells', async () => {
    const preview = await importText(
      '统计用区划代码,镇街,年度,指标,数值\n500152104000,宝龙镇,2021,调解纠纷,94\n,,,调解成功,92\n' +
        '500152103000,,2021,调解纠纷,20\n,,,调解成功,19\n',
    );
    expect(preview.issues).toEqual([]);
    expect(preview.facts.map((f) => [f.townshipCode, f.indicatorId, f.value])).toEqual([
      [BAOLONG, 'disputes_mediated', 94],
      [BAOLONG, 'disputes_resolved', 92],
      [code('古溪镇'), 'disputes_mediated', 20],
      [code('古溪镇'), 'disputes_resolved', 19],
    ]);
  });
});

describe('rates written as fractions', () => {
  const values = (preview: ImportPreview, indicatorId: string) =>
    preview.facts.filter((f) => f.indicatorId === indicatorId).map((f) => [f.value, f.rawText]);

  it('V15 C4 a rate column of fractions is read as percentages, said once, and checked to the decimals left', async () => {
    const preview = await importText(
      '镇街,年度,调解纠纷,调解成功,调解成功率,参考率\n宝龙镇,2021,94,92,0.9787,1\n上和镇,2021,30,29,0.9,0.95\n古溪镇,2021,20,19,0.95,\n',
    );
    expect(values(preview, 'mediation_success_rate_reported')).toEqual([
      [97.87, '0.9787'],
      [90, '0.9'],
      [95, '0.95'],
    ]);
    expect(values(preview, 'exam_participation_rate_reported')).toEqual([
      [100, '1'],
      [95, '0.95'],
    ]);
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw, i.detail])).toEqual([
      ['rate-as-fraction', 2, 'E', '0.9787', '97.87'],
      // 29 ÷ 30 = 96.67 %: 0.9 is 90, written to no decimals once read as a percentage.
      ['rate-disagrees', 3, 'E', '0.9', '29 ÷ 30 = 96.67%'],
      ['rate-as-fraction', 3, 'F', '0.95', '95'],
    ]);
  });

  it.each<[name: string, text: string, read: [number, string][]]>([
    [
      'some written with %',
      '镇街,年度,调解成功率\n宝龙镇,2021,97%\n上和镇,2021,0.98\n',
      [
        [97, '97%'],
        [0.98, '0.98'],
      ],
    ],
    [
      'some above 1',
      '镇街,年度,调解成功率\n宝龙镇,2021,97\n上和镇,2021,0.5\n',
      [
        [97, '97'],
        [0.5, '0.5'],
      ],
    ],
    [
      'only 0 and 1',
      '镇街,年度,调解成功率\n宝龙镇,2021,1\n上和镇,2021,0\n',
      [
        [1, '1'],
        [0, '0'],
      ],
    ],
  ])('V15 a rate column with %s is read as written', async (_name, text, read) => {
    const preview = await importText(text);
    expect(values(preview, 'mediation_success_rate_reported')).toEqual(read);
    expect(codes(preview)).not.toContain('rate-as-fraction');
  });

  it('V15 C8 a file’s own rate (unit %) is read so too; a count is never, and half a lecture is flagged', async () => {
    const preview = await importText(
      '镇街,年度,结案率（%）,宪法讲座（场）\n宝龙镇,2021,0.875,1\n上和镇,2021,0.5,0.5\n',
    );
    expect(values(preview, 'custom:结案率')).toEqual([
      [87.5, '0.875'],
      [50, '0.5'],
    ]);
    expect(values(preview, 'constitution_lectures')).toEqual([
      [1, '1'],
      [0.5, '0.5'],
    ]);
    expect(preview.issues.map((i) => [i.code, i.column])).toEqual([
      ['rate-as-fraction', 'C'],
      ['fractional-count', 'D'],
    ]);
  });

  it('V15 a long file: the rate’s figures over every township and year decide', async () => {
    const preview = await importText(
      '镇街,年度,指标,数值\n宝龙镇,2020,调解成功率,0.9375\n宝龙镇,2021,调解成功率,0.97\n宝龙镇,2021,调解纠纷,94\n',
    );
    expect(values(preview, 'mediation_success_rate_reported')).toEqual([
      [93.75, '0.9375'],
      [97, '0.97'],
    ]);
    expect(preview.issues.map((i) => [i.code, i.line])).toEqual([['rate-as-fraction', 2]]);
  });
});

describe('summary rows that are no totals', () => {
  it('R13 R6 averages, medians and 其中：街道 are neither townships nor facts, and not checked; 合计 still is', async () => {
    const preview = await importText(
      '镇街,年度,调解纠纷,调解成功率\n宝龙镇,2021,94,97%\n上和镇,2021,30,96.67%\n其中：街道,2021,0,\n' +
        '平均,2021,62,96.8%\n全区平均,2021,,96.8%\n中位数,2021,62,\n最大值,2021,94,97%\n合计,2021,125,\n',
    );
    expect(preview.rowCount).toBe(2);
    expect(preview.facts.map((f) => [f.townshipCode, f.value])).toEqual([
      [BAOLONG, 94],
      [BAOLONG, 97],
      [code('上和镇'), 30],
      [code('上和镇'), 96.67],
    ]);
    expect(preview.issues.map((i) => [i.code, i.line, i.raw, i.detail])).toEqual([
      ['totals-mismatch', 9, '125', '124'],
    ]);
  });

  it('R13 a long file’s 平均 rows and a transposed table’s 平均 column are passed over', async () => {
    const long = await importText('镇街,年度,指标,数值\n宝龙镇,2021,调解纠纷,94\n平均,2021,调解纠纷,62\n');
    expect(long.issues).toEqual([]);
    expect(long.facts.map((f) => [f.townshipCode, f.value])).toEqual([[BAOLONG, 94]]);
    const transposed = await importText('2021年\n指标,宝龙镇,上和镇,平均,合计\n调解纠纷,94,30,62,124\n');
    expect(transposed).toMatchObject({ layout: 'transposed', issues: [] });
    expect(transposed.facts.map((f) => [f.townshipCode, f.value, f.column])).toEqual([
      [BAOLONG, 94, 'B'],
      [code('上和镇'), 30, 'C'],
    ]);
  });
});

describe('tables stacked in one file', () => {
  const rows = (preview: ImportPreview) =>
    preview.facts.map((f) => [f.townshipCode, f.year, f.indicatorId, f.value, f.line]);

  it('L14 F1 a GBK file with the 2020 and the 2021 table one under the other: each table’s year from its title, each total checked against its own rows', async () => {
    const preview = await importFixture('tongnan-2020-2021-stacked-gbk.csv');
    expect(preview).toMatchObject({
      layout: 'wide',
      headerLine: 2,
      rowCount: 6,
      year: null,
      yearSource: 'tables',
    });
    const mediated = preview.facts.filter((f) => f.indicatorId === 'disputes_mediated');
    expect(mediated.map((f) => [f.townshipCode, f.year, f.value, f.line])).toEqual([
      [BAOLONG, 2020, 80, 3],
      [code('上和镇'), 2020, 60, 4],
      [code('桂林街道'), 2020, 280, 5],
      [BAOLONG, 2021, 94, 10],
      [code('上和镇'), 2021, 58, 11],
      [code('桂林街道'), 2021, 300, 12],
    ]);
    // 2021: 94 + 58 + 300 = 452, not the 450 written; 上和镇's 60 successes of 58 cases.
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw, i.detail])).toEqual([
      ['successes-exceed-cases', 11, 'D', '60', '58'],
      ['totals-mismatch', 13, 'C', '450', '452'],
    ]);
  });

  it('L14 R8 two tables of one year: a township given in both is a duplicate; the user’s year serves every table', async () => {
    const text =
      '潼南区2021年法治指标（一）\n镇街,调解纠纷\n宝龙镇,94\n上和镇,30\n镇街,调解纠纷\n古溪镇,20\n宝龙镇,95\n';
    const preview = await importText(text);
    expect(preview).toMatchObject({ year: 2021, yearSource: 'title' });
    expect(rows(preview)).toEqual([
      [BAOLONG, 2021, 'disputes_mediated', 94, 3],
      [code('上和镇'), 2021, 'disputes_mediated', 30, 4],
      [code('古溪镇'), 2021, 'disputes_mediated', 20, 6],
    ]);
    expect(preview.issues).toMatchObject([{ code: 'duplicate-fact', line: 7, raw: '95', detail: '3' }]);
    const chosen = await importText(text, { year: 2022 });
    expect(new Set(chosen.facts.map((f) => f.year))).toEqual(new Set([2022]));
  });

  it('L14 L7 a township’s sheets of two years: each its title’s year, which the user’s year does not override; a table without one takes it', async () => {
    const text =
      '宝龙镇2020年法治指标\n指标,数值\n调解纠纷,80\n注：初步统计\n\n宝龙镇2021年法治指标\n指标,数值\n调解纠纷,94\n指标,数值\n调解成功,92\n';
    const preview = await importText(text);
    expect(preview).toMatchObject({ layout: 'sheet', township: { code: BAOLONG }, yearSource: 'tables' });
    expect(codes(preview)).toEqual(['no-year']);
    expect(rows(preview)).toEqual([
      [BAOLONG, 2020, 'disputes_mediated', 80, 3],
      [BAOLONG, 2021, 'disputes_mediated', 94, 8],
    ]);
    const chosen = await importText(text, { year: 2021 });
    expect(chosen.issues).toEqual([]);
    expect(rows(chosen)).toEqual([
      [BAOLONG, 2020, 'disputes_mediated', 80, 3],
      [BAOLONG, 2021, 'disputes_mediated', 94, 8],
      [BAOLONG, 2021, 'disputes_resolved', 92, 10],
    ]);
  });

  it('L14 R12 a township’s row with no figure above the next title stays in the table above and is still reported', async () => {
    const preview = await importText(
      '2020年\n镇街,调解纠纷\n宝龙镇,80\n宝垅镇,\n2021年\n镇街,调解纠纷\n宝龙镇,94\n',
    );
    expect(rows(preview)).toEqual([
      [BAOLONG, 2020, 'disputes_mediated', 80, 3],
      [BAOLONG, 2021, 'disputes_mediated', 94, 7],
    ]);
    expect(preview.issues.map((i) => [i.code, i.line])).toEqual([['unknown-township', 4]]);
  });

  it('L14 the 2021 form gained a column: a header below a title row with the same 镇街 starts the next table', async () => {
    const preview = await importText(
      '潼南区2020年法治指标\n镇街,调解纠纷,调解成功\n宝龙镇,80,75\n上和镇,28,27\n\n' +
        '潼南区2021年法治指标\n镇街,调解纠纷,调解成功,法律咨询（人次）\n宝龙镇,94,92,500\n上和镇,30,29,\n',
    );
    expect(preview).toMatchObject({ layout: 'wide', yearSource: 'tables', rowCount: 4, issues: [] });
    expect(rows(preview)).toEqual([
      [BAOLONG, 2020, 'disputes_mediated', 80, 3],
      [BAOLONG, 2020, 'disputes_resolved', 75, 3],
      [code('上和镇'), 2020, 'disputes_mediated', 28, 4],
      [code('上和镇'), 2020, 'disputes_resolved', 27, 4],
      [BAOLONG, 2021, 'disputes_mediated', 94, 8],
      [BAOLONG, 2021, 'disputes_resolved', 92, 8],
      [BAOLONG, 2021, 'legal_consultations', 500, 8],
      [code('上和镇'), 2021, 'disputes_mediated', 30, 9],
      [code('上和镇'), 2021, 'disputes_resolved', 29, 9],
    ]);
    // Each header is listed once for the user to map, the new one too.
    expect(preview.columns.map((c) => [c.column, c.header, c.indicatorId])).toEqual([
      ['A', '镇街', null],
      ['B', '调解纠纷', 'disputes_mediated'],
      ['C', '调解成功', 'disputes_resolved'],
      ['D', '法律咨询（人次）', 'legal_consultations'],
    ]);
  });

  it('L14 R14 a figure split at its comma is found against its own table’s header', async () => {
    const preview = await importText(
      '2020年\n镇街,调解纠纷\n宝龙镇,80\n\n2021年\n镇街,调解纠纷,法律咨询\n宝龙镇,94,6,000\n上和镇,30,200\n',
    );
    expect(preview.issues.map((i) => [i.code, i.line, i.column, i.raw])).toEqual([
      ['split-number', 7, 'C', '6,000'],
    ]);
    expect(rows(preview)).toEqual([
      [BAOLONG, 2020, 'disputes_mediated', 80, 3],
      [code('上和镇'), 2021, 'disputes_mediated', 30, 8],
      [code('上和镇'), 2021, 'legal_consultations', 200, 8],
    ]);
  });

  it('L14 a township’s sheet of 2021 with a 单位 column under its sheet of 2020', async () => {
    const preview = await importText(
      '宝龙镇2020年法治指标\n指标,数值\n调解纠纷,80\n\n宝龙镇2021年法治指标\n指标,单位,数值\n调解纠纷,件,94\n新设指标,个,3\n',
    );
    expect(preview).toMatchObject({ layout: 'sheet', township: { code: BAOLONG }, yearSource: 'tables' });
    expect(codes(preview)).toEqual([]);
    expect(rows(preview)).toEqual([
      [BAOLONG, 2020, 'disputes_mediated', 80, 3],
      [BAOLONG, 2021, 'disputes_mediated', 94, 7],
      [BAOLONG, 2021, 'custom:新设指标', 3, 8],
    ]);
  });

  it('L14 the 2021 form labels its township column otherwise (单位名称) and orders its columns anew', async () => {
    const preview = await importText(
      '2020年\n镇街,调解纠纷,调解成功\n宝龙镇,80,75\n\n2021年\n单位名称,法律咨询,调解纠纷\n宝龙镇,500,94\n',
    );
    expect(preview).toMatchObject({ yearSource: 'tables', rowCount: 2, issues: [] });
    expect(rows(preview)).toEqual([
      [BAOLONG, 2020, 'disputes_mediated', 80, 3],
      [BAOLONG, 2020, 'disputes_resolved', 75, 3],
      [BAOLONG, 2021, 'legal_consultations', 500, 7],
      [BAOLONG, 2021, 'disputes_mediated', 94, 7],
    ]);
  });

  it('L14 a wide form of 2021 whose township column is labelled 单位, under a long table of 2020', async () => {
    const preview = await importText(
      '2020年\n镇街,指标,数值\n宝龙镇,调解纠纷,80\n\n2021年\n单位,调解纠纷,法律咨询\n宝龙镇,94,500\n',
    );
    // A table of another layout is not a table of this file: its rows stay the long table's, as before.
    expect(preview.yearSource).toBe('title');
    expect(codes(preview)).toContain('unknown-township');
  });

  it('L14 a township’s row after a blank row is no header: it stays in its table', async () => {
    const preview = await importText('2021年\n镇街,调解纠纷\n宝龙镇,94\n\n上和镇,30\n');
    expect(preview.yearSource).toBe('title');
    expect(rows(preview)).toEqual([
      [BAOLONG, 2021, 'disputes_mediated', 94, 3],
      [code('上和镇'), 2021, 'disputes_mediated', 30, 5],
    ]);
  });

  it('L14 a header that is not the first table’s is still data, as before', async () => {
    const preview = await importText('2021年\n镇街,调解纠纷\n宝龙镇,94\n镇街,法律咨询\n上和镇,200\n');
    expect(preview.yearSource).toBe('title');
    expect(codes(preview)).toContain('unknown-township');
  });
});

describe('rows of this year and last', () => {
  const rows = (preview: ImportPreview) =>
    preview.facts.map((f) => [f.townshipCode, f.year, f.indicatorId, f.value, f.line]);

  it('L15 T6 a wide 同比 table: 本年 and 上年同期 rows under a township merged over both', async () => {
    const preview = await importText(
      '潼南区2021年调解情况\n镇街,时期,调解纠纷,调解成功\n宝龙镇,本年,94,92\n,上年同期,80,75\n' +
        '上和镇,本年,30,29\n,上年同期,28,27\n合计,本年,124,121\n',
    );
    expect(preview).toMatchObject({ layout: 'wide', yearSource: 'column', issues: [] });
    expect(rows(preview).filter((r) => r[2] === 'disputes_mediated')).toEqual([
      [BAOLONG, 2021, 'disputes_mediated', 94, 3],
      [BAOLONG, 2020, 'disputes_mediated', 80, 4],
      [code('上和镇'), 2021, 'disputes_mediated', 30, 5],
      [code('上和镇'), 2020, 'disputes_mediated', 28, 6],
    ]);
  });

  it('L15 本年 with no year anywhere asks for the file’s year once; the user’s year serves', async () => {
    const text = '镇街,时期,调解纠纷\n宝龙镇,本年,94\n,上年,80\n';
    const asked = await importText(text);
    expect(asked.issues).toMatchObject([{ severity: 'error', code: 'no-year', raw: '本年' }]);
    expect(asked.facts).toEqual([]);
    const given = await importText(text, { year: 2022 });
    expect(given.issues).toEqual([]);
    expect(rows(given)).toEqual([
      [BAOLONG, 2022, 'disputes_mediated', 94, 2],
      [BAOLONG, 2021, 'disputes_mediated', 80, 3],
    ]);
  });

  it('L15 a long file’s 本期 and 同期', async () => {
    const preview = await importText(
      '潼南区2021年\n镇街,时期,指标,数值\n宝龙镇,本期,调解纠纷,94\n,同期,调解纠纷,80\n',
    );
    expect(preview.issues).toEqual([]);
    expect(rows(preview)).toEqual([
      [BAOLONG, 2021, 'disputes_mediated', 94, 3],
      [BAOLONG, 2020, 'disputes_mediated', 80, 4],
    ]);
  });

  it('T6 a wide row with figures and no township is still an error when it writes no year, or follows a summary row', async () => {
    const preview = await importText('镇街,年度,调解纠纷\n宝龙镇,2021,94\n,,95\n全区平均,2021,94\n,2020,3\n');
    expect(preview.issues.map((i) => [i.code, i.line])).toEqual([
      ['blank-township', 3],
      ['blank-township', 5],
    ]);
  });
});

describe('totals of several years in one wide table', () => {
  it('R6 each 合计 row adds up the townships of its own year', async () => {
    const preview = await importText(
      '镇街,年度,调解纠纷\n宝龙镇,2020,80\n上和镇,2020,28\n合计,2020,108\n宝龙镇,2021,94\n上和镇,2021,30\n合计,,125\n',
    );
    expect(preview.facts).toHaveLength(4);
    expect(preview.issues.map((i) => [i.code, i.line, i.raw, i.detail])).toEqual([
      ['totals-mismatch', 7, '125', '124'],
    ]);
  });
});

describe('a year beside an indicator’s name', () => {
  it('L16 H10 2020年调解纠纷, 2021年调解纠纷, 2021年法律咨询人次: each column its year, no clash, no custom indicator', async () => {
    const preview = await importText(
      '镇街,2020年调解纠纷（件）,2021年调解纠纷（件）,2021年法律咨询人次,2021年网格员培训\n宝龙镇,80,94,500,6\n',
    );
    expect(preview).toMatchObject({ layout: 'wide', yearSource: null });
    expect(preview.facts.map((f) => [f.year, f.indicatorId, f.value, f.column])).toEqual([
      [2020, 'disputes_mediated', 80, 'B'],
      [2021, 'disputes_mediated', 94, 'C'],
      [2021, 'legal_consultations', 500, 'D'],
    ]);
    // An indicator of the file's own keeps its whole header, and wants the file's year.
    expect(preview.customIndicators.map((c) => c.label)).toEqual(['2021年网格员培训']);
    expect(codes(preview)).toEqual(['no-year']);
  });

  it('L16 L13 本年 and 上年 before the name count from the title’s year; one mapping serves both', async () => {
    const preview = await importText(
      '潼南区2021年\n镇街,本年调解纠纷,上年调解纠纷,调解成功（2021年）\n宝龙镇,94,80,92\n',
    );
    expect(preview.issues).toEqual([]);
    expect(preview.facts.map((f) => [f.year, f.indicatorId, f.value])).toEqual([
      [2021, 'disputes_mediated', 94],
      [2020, 'disputes_mediated', 80],
      [2021, 'disputes_resolved', 92],
    ]);
    expect(preview.columns.map((c) => c.headerKey)).toEqual(['镇街', '调解纠纷', '调解纠纷', '调解成功']);
  });
});

describe('figures split at their thousands comma', () => {
  it.each<
    [name: string, text: string, line: number, column: string, raw: string, kept: [string, string, number][]]
  >([
    [
      'a wide row',
      '镇街,年度,发放宣传资料,调解纠纷\n宝龙镇,2021,6,000,94\n上和镇,2021,500,30\n',
      2,
      'C',
      '6,000',
      [
        [code('上和镇'), 'leaflets_distributed', 500],
        [code('上和镇'), 'disputes_mediated', 30],
      ],
    ],
    [
      'a long row',
      '镇街,年度,指标,数值\n宝龙镇,2021,发放宣传资料,6,000余\n宝龙镇,2021,调解纠纷,94\n',
      2,
      'D',
      '6,000余',
      [[BAOLONG, 'disputes_mediated', 94]],
    ],
    ['a figure of millions', '镇街,年度,法律咨询,调解纠纷\n宝龙镇,2021,1,234,567,94\n', 2, 'C', '1,234', []],
  ])('R14 %s: the row is an error and gives nothing', async (_name, text, line, column, raw, kept) => {
    const preview = await importText(text);
    expect(preview.issues).toContainEqual({ severity: 'error', code: 'split-number', line, column, raw });
    expect(preview.facts.map((f) => [f.townshipCode, f.indicatorId, f.value])).toEqual(kept);
  });

  it('R14 H8 quoted figures, other delimiters, and a column without a header as wide as its header row are read as before', async () => {
    const quoted = await importText('镇街,年度,发放宣传资料\n宝龙镇,2021,"6,000"\n');
    expect(quoted.facts.map((f) => f.value)).toEqual([6000]);
    const semicolons = await importText('镇街;年度;发放宣传资料\n宝龙镇;2021;6,000\n');
    expect(semicolons.facts.map((f) => f.value)).toEqual([6000]);
    const unnamed = await importText('镇街,年度,调解纠纷,\n宝龙镇,2021,94,100\n');
    expect(unnamed.facts.map((f) => f.value)).toEqual([94]);
    expect(codes(unnamed)).toEqual(['unnamed-column']);
  });
});

describe('rows a quote or a delimiter too many has broken', () => {
  it.each<[string, string, number, string, string, [string, string, number][]]>([
    [
      'a long row with a figure split at a comma that is no thousands comma',
      '镇街,年度,指标,数值,单位\n宝龙镇,2021,法律咨询,1,50,人次\n宝龙镇,2021,调解纠纷,94,件\n',
      2,
      'F',
      '人次',
      [[BAOLONG, 'disputes_mediated', 94]],
    ],
    [
      'a wide row with a note holding an unquoted comma',
      '镇街,年度,调解纠纷,调解成功,备注\n宝龙镇,2021,94,92,已核实,无误\n上和镇,2021,30,28,\n',
      2,
      'F',
      '无误',
      [
        [code('上和镇'), 'disputes_mediated', 30],
        [code('上和镇'), 'disputes_resolved', 28],
      ],
    ],
    [
      'a tab-separated row with a stray tab',
      '镇街\t年度\t指标\t数值\n宝龙镇\t2021\t\t调解纠纷\t94\n上和镇\t2021\t调解纠纷\t30\n',
      2,
      'E',
      '94',
      [[code('上和镇'), 'disputes_mediated', 30]],
    ],
  ])('R16 %s: the row is an error and gives nothing', async (_name, text, line, column, raw, kept) => {
    const preview = await importText(text);
    expect(preview.issues.filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'extra-cells', line, column, raw }),
    ]);
    expect(preview.facts.map((f) => [f.townshipCode, f.indicatorId, f.value])).toEqual(kept);
  });

  it('R16 R14 a file whose every row is too wide has rows: no no-rows error', async () => {
    const preview = await importText('镇街,年度,指标,数值\n宝龙镇,2021,法律咨询,1,50\n');
    expect(codes(preview)).toEqual(['extra-cells']);
  });

  it('R16 cells right of the header in a file whose header row is as wide (H8) are read as before', async () => {
    const preview = await importText('镇街,年度,调解纠纷,\n宝龙镇,2021,94,已核实\n');
    expect(preview.facts.map((f) => f.value)).toEqual([94]);
    expect(codes(preview)).toEqual(['unnamed-column']);
  });

  it('R15 a quote never closed swallows the rest of the file: an error on its cell, with the lines it took', async () => {
    const preview = await importText(
      '镇街,年度,调解纠纷,调解成功,备注\n宝龙镇,2021,94,92,"调解数据\n上和镇,2021,50,45,\n古溪镇,2021,40,38,\n',
    );
    expect(preview.issues).toEqual([
      { severity: 'error', code: 'unclosed-quote', line: 2, column: 'E', raw: '"调解数据…', detail: '2' },
    ]);
  });

  it('R15 a quote opened in the title row: the error says so, not that there is no header', async () => {
    const preview = await importText('"潼南区2021年度统计表,,,\n镇街,年度,调解纠纷\n宝龙镇,2021,94\n');
    expect(preview.issues).toEqual([
      {
        severity: 'error',
        code: 'unclosed-quote',
        line: 1,
        column: 'A',
        raw: '"潼南区2021年度统计表,,,…',
        detail: '2',
      },
    ]);
  });

  it('R15 R1 quotes that close, with line breaks and doubled quotes inside, are no error', async () => {
    const preview = await importText('镇街,年度,调解纠纷,备注\n宝龙镇,2021,94,"第一行\n""第二行"""\n');
    expect(preview.issues).toEqual([]);
    expect(preview.facts.map((f) => [f.value, f.note])).toEqual([[94, '第一行\n"第二行"']]);
  });
});

describe('a form signed below the table', () => {
  it('R4 L3 填报单位（盖章）： below a township’s sheet is a note, and names its township', async () => {
    const preview = await importText(
      '2021年度法治政府建设主要指标统计表,,\n指标,单位,数值\n调解纠纷,件,94\n调解成功,件,92\n' +
        '填报单位（盖章）：宝龙镇人民政府,,填报人：张三\n',
    );
    expect(preview).toMatchObject({
      layout: 'sheet',
      township: { code: BAOLONG },
      townshipSource: 'note',
      year: 2021,
      yearSource: 'title',
      rowCount: 2,
      issues: [],
    });
    expect(preview.facts.map((f) => [f.indicatorId, f.value])).toEqual([
      ['disputes_mediated', 94],
      ['disputes_resolved', 92],
    ]);
  });

  it('L3 a township named above the table wins over the one signed below', async () => {
    const preview = await importText(
      '上和镇2021年法治指标\n指标,数值\n调解纠纷,30\n填报单位（盖章）：宝龙镇人民政府\n',
    );
    expect(preview.township?.name).toBe('上和镇');
    expect(preview.townshipSource).toBe('title');
  });

  it('L3 填报单位： above the table names the township as a note row, not as the title', async () => {
    const preview = await importText('2021年法治指标\n填报单位：宝龙镇\n指标,数值\n调解纠纷,94\n');
    expect(preview).toMatchObject({ township: { code: BAOLONG }, townshipSource: 'note', year: 2021 });
  });
});
