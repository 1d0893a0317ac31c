import { describe, expect, it } from 'vitest';
import { TONGNAN } from '../district/tongnan.ts';
import { type ImportPreview, importFile } from './import-file.ts';

const BAOLONG = '500152104';
const GUILIN = '500152001';

function importText(text: string, fileName = 'tongnan-2021.csv'): Promise<ImportPreview> {
  return importFile(new TextEncoder().encode(text), { fileName, townships: TONGNAN.townships });
}

const summary = (preview: ImportPreview) =>
  preview.facts.map((f) => `${f.line}${f.column} ${f.townshipCode} ${f.year} ${f.indicatorId}=${f.value}`);
const codes = (preview: ImportPreview) => preview.issues.map((i) => i.code);
const issues = (preview: ImportPreview) =>
  preview.issues.map((i) => [i.code, i.line, i.column, i.raw ?? null, i.detail ?? null]);

describe('wide rows', () => {
  it('R3 blank rows and trailing comma padding anywhere are ignored; line numbers still count them', async () => {
    const preview = await importText('镇街,调解纠纷,,,\n,,,,\n宝龙镇,94,,,\n\n桂林街道,280,,,\n,,,,\n');
    expect(summary(preview)).toEqual([
      `3B ${BAOLONG} 2021 disputes_mediated=94`,
      `5B ${GUILIN} 2021 disputes_mediated=280`,
    ]);
    expect(preview.issues).toEqual([]);
    expect(preview.rowCount).toBe(2);
  });

  it.each([
    '注：本表数据截至12月31日',
    '注1：培训含村干部',
    '说明：无',
    '数据来源：各镇街年度报告',
    '填报单位：区依法治区办',
    '填报人：张三',
    '制表人：李四',
    '审核人：王五',
    '联系电话：023-44551234',
    '填报日期：2022年1月5日',
  ])('R4 the footnote row %j is ignored', async (footnote) => {
    const preview = await importText(`镇街,调解纠纷\n宝龙镇,94\n${footnote},\n`);
    expect(preview.issues).toEqual([]);
    expect(preview.facts).toHaveLength(1);
  });

  it.each(['合计', '合 计', '总计', '全区合计', '全区汇总', '汇总', '全区', '全县', '小计'])(
    'R5 the totals row %j gives no facts',
    async (label) => {
      const preview = await importText(
        `镇街,调解纠纷,调解成功\n宝龙镇,94,92\n桂林街道,280,270\n${label},374,362\n`,
      );
      expect(preview.facts.map((f) => f.townshipCode)).toEqual([BAOLONG, BAOLONG, GUILIN, GUILIN]);
      expect(preview.issues).toEqual([]);
      expect(preview.rowCount).toBe(2);
    },
  );

  it('R5 R6 a totals label in the 序号 column, left of an empty township cell, is found too', async () => {
    const preview = await importText('序号,镇街,调解纠纷\n1,宝龙镇,94\n2,桂林街道,280\n合计,,375\n');
    expect(issues(preview)).toEqual([['totals-mismatch', 4, 'C', '375', '374']]);
  });

  it('R12 L5 group headings (一、街道 / 二、镇 under 序号) are neither a second header row nor data; the 小计 rows below them are checked', async () => {
    const text = [
      '序号,镇街,调解纠纷,调解成功',
      '一、街道,,,',
      '1,桂林街道,10,9',
      '2,梓潼街道,20,18',
      ',街道小计,30,27',
      '二、镇,,,',
      '3,宝龙镇,94,92',
      ',镇小计,94,91',
      ',合计,124,119',
    ].join('\n');
    const preview = await importText(text);
    expect(preview.headerLine).toBe(1);
    expect(summary(preview)).toEqual([
      `3C ${GUILIN} 2021 disputes_mediated=10`,
      `3D ${GUILIN} 2021 disputes_resolved=9`,
      `4C 500152002 2021 disputes_mediated=20`,
      `4D 500152002 2021 disputes_resolved=18`,
      `7C ${BAOLONG} 2021 disputes_mediated=94`,
      `7D ${BAOLONG} 2021 disputes_resolved=92`,
    ]);
    expect(issues(preview)).toEqual([['subtotal-mismatch', 8, 'D', '91', '92']]);
    expect(preview.rowCount).toBe(3);
  });

  it.each(['街道', '镇', '乡', '（一）街道', '二、镇'])(
    'R12 the group heading row %j gives nothing',
    async (label) => {
      const preview = await importText(`镇街,调解纠纷\n${label},\n宝龙镇,94\n`);
      expect(preview.issues).toEqual([]);
      expect(summary(preview)).toEqual([`3B ${BAOLONG} 2021 disputes_mediated=94`]);
    },
  );

  it('R5 R6 a row named for the district (潼南区), as its total, is checked like a 合计 row', async () => {
    const preview = await importFile(
      new TextEncoder().encode('镇街,调解纠纷,调解成功\n宝龙镇,94,92\n桂林街道,10,9\n潼南区,104,100\n'),
      { fileName: 'tongnan-2021.csv', townships: TONGNAN.townships, districtName: '重庆市潼南区' },
    );
    expect(preview.facts).toHaveLength(4);
    expect(issues(preview)).toEqual([['totals-mismatch', 4, 'C', '100', '101']]);
    // Without the district's name the row is a township the district does not know.
    expect(codes(await importText('镇街,调解纠纷\n宝龙镇,94\n潼南区,94\n'))).toEqual(['unknown-township']);
  });

  it.each<[name: string, district: string]>([
    ['重庆市潼南区', '重庆市潼南区'],
    ['潼南区', '重庆市潼南区'],
    ['潼南', '重庆市潼南区'],
    ['海淀区', '北京市海淀区'],
    ['昆山市', '江苏省苏州市昆山市'],
  ])('R5 %j names the district %s: its rows are no township', async (name, district) => {
    const preview = await importFile(new TextEncoder().encode(`镇街,调解纠纷\n宝龙镇,94\n${name},94\n`), {
      fileName: 'x-2021.csv',
      townships: TONGNAN.townships,
      districtName: district,
    });
    expect(preview.issues).toEqual([]);
    expect(preview.facts).toHaveLength(1);
  });

  it('R5 a township of the district’s short name is still the township', async () => {
    const preview = await importFile(new TextEncoder().encode('镇街,调解纠纷\n宝龙,94\n'), {
      fileName: 'x-2021.csv',
      townships: TONGNAN.townships,
      districtName: '某某省宝龙区',
    });
    expect(summary(preview)).toEqual([`2B ${BAOLONG} 2021 disputes_mediated=94`]);
  });

  it('R12 a township with no figures is still read: a misspelt one is reported', async () => {
    const preview = await importText('镇街,调解纠纷\n宝垅镇,\n宝龙镇,94\n');
    expect(issues(preview)).toEqual([['unknown-township', 2, 'A', '宝垅镇', '宝龙镇']]);
  });

  it('R6 小计 rows check the rows since the previous 小计; 合计 checks all township rows', async () => {
    const text = [
      '镇街,调解纠纷,调解成功',
      '桂林街道,280,270',
      '梓潼街道,100,90',
      '街道小计,380,361',
      '宝龙镇,94,92',
      '上和镇,60,58',
      '镇小计,154,150',
      '合计,534,510',
    ].join('\n');
    const preview = await importText(text);
    expect(issues(preview)).toEqual([['subtotal-mismatch', 4, 'C', '361', '360']]);
    expect(preview.facts).toHaveLength(8);
  });

  it('R6 a 合计 row above the townships, as statistical forms put it, checks the rows below it', async () => {
    const text = ['镇街,调解纠纷,调解成功', '合计,374,361', '桂林街道,280,270', '宝龙镇,94,92'].join('\n');
    const preview = await importText(text);
    expect(issues(preview)).toEqual([['totals-mismatch', 2, 'C', '361', '362']]);
    expect(preview.facts).toHaveLength(4);
  });

  it('R6 小计 rows above their groups, under a 全区合计 above all: each checks the rows up to the next', async () => {
    const text = [
      '镇街,调解纠纷,调解成功',
      '全区合计,534,511',
      '街道小计,380,360',
      '桂林街道,280,270',
      '梓潼街道,100,90',
      '镇小计,154,151',
      '宝龙镇,94,92',
      '上和镇,60,58',
    ].join('\n');
    const preview = await importText(text);
    expect(issues(preview)).toEqual([
      ['totals-mismatch', 2, 'C', '511', '510'],
      ['subtotal-mismatch', 6, 'C', '151', '150'],
    ]);
    expect(preview.facts).toHaveLength(8);
  });

  it.each<[title: string, totals: string, expected: unknown[][]]>([
    ['an approximate part is not summed', '合计,,134,', []],
    ['a missing total is not checked', '合计,,—,—', []],
    ['rates are not additive', '合计,,135,300%', []],
    ['an unreadable total is an error', '合计,,abc,', [['invalid-value', 5, 'C', 'abc', null]]],
  ])('R6 %s', async (_title, totals, expected) => {
    const text = `序号,镇街,干部培训,调解成功率\n1,宝龙镇,12,97\n2,上和镇,20余,\n3,桂林街道,100,96.4\n${totals}\n`;
    const preview = await importText(text);
    expect(issues(preview)).toEqual(expected);
  });

  it('R9 T6 a template row with only 序号 is skipped; figures without a township are an error', async () => {
    const preview = await importText('序号,镇街,调解纠纷\n1,宝龙镇,94\n2,,\n3,,15\n');
    expect(preview.rowCount).toBe(2);
    expect(issues(preview)).toEqual([['blank-township', 4, 'B', null, null]]);
  });

  it('T6 L7 a blank year cell takes the year above; an unreadable one is an error', async () => {
    const preview = await importText(
      '镇街,年度,调解纠纷\n宝龙镇,2020年,94\n桂林街道,,280\n上和镇,21年,60\n',
      'tongnan.csv',
    );
    expect(summary(preview)).toEqual([
      `2C ${BAOLONG} 2020 disputes_mediated=94`,
      `3C ${GUILIN} 2020 disputes_mediated=280`,
    ]);
    expect(issues(preview)).toEqual([['bad-year', 4, 'B', '21年', null]]);
  });

  it('H5 metadata columns are roles, not custom indicators', async () => {
    const preview = await importText(
      '镇街,调解纠纷,联系人,联系电话,数据来源\n宝龙镇,94,张三,13800000000,年度报告\n',
    );
    expect(preview.columns.map((c) => [c.column, c.source, c.role])).toEqual([
      ['A', 'role', 'township'],
      ['B', 'catalog', null],
      ['C', 'role', 'other'],
      ['D', 'role', 'other'],
      ['E', 'role', 'other'],
    ]);
    expect(preview.facts).toHaveLength(1);
    expect(preview.customIndicators).toEqual([]);
  });

  it('H8 a column with figures but no header is reported and not read', async () => {
    const preview = await importText('镇街,调解纠纷,\n宝龙镇,94,7\n');
    expect(issues(preview)).toEqual([['unnamed-column', 1, 'C', null, null]]);
    expect(preview.columns.at(-1)).toEqual({
      column: 'C',
      header: '',
      headerKey: '',
      indicatorId: null,
      source: 'ignored',
      role: null,
    });
    expect(preview.facts).toHaveLength(1);
  });

  it('R7 R8 unreadable and negative cells are errors; a township twice is a duplicate-fact warning', async () => {
    const preview = await importText(
      '镇街,调解纠纷,调解成功\n宝龙镇,九十四件左右吧,-2\n宝龙镇,94,92\n宝龙,95,93\n',
    );
    expect(issues(preview)).toEqual([
      ['invalid-value', 2, 'B', '九十四件左右吧', null],
      ['negative-count', 2, 'C', '-2', null],
      ['duplicate-fact', 4, 'B', '95', '3'],
      ['duplicate-fact', 4, 'C', '93', '3'],
    ]);
    expect(summary(preview)).toEqual([
      `3B ${BAOLONG} 2021 disputes_mediated=94`,
      `3C ${BAOLONG} 2021 disputes_resolved=92`,
    ]);
  });

  it('T4 an unknown township is an error, but its cells are still checked', async () => {
    const preview = await importText('镇街,调解纠纷\n宝垅镇,abc\n');
    expect(issues(preview)).toEqual([
      ['unknown-township', 2, 'A', '宝垅镇', '宝龙镇'],
      ['invalid-value', 2, 'B', 'abc', null],
    ]);
  });
});
