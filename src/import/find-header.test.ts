import { describe, expect, it } from 'vitest';
import { TONGNAN } from '../district/tongnan.ts';
import { findHeader, type HeaderBlock } from './find-header.ts';
import { matchTownship } from './match-township.ts';
import { parseCsv } from './parse-csv.ts';

const isTownship = (text: string) => matchTownship(text, TONGNAN.townships).kind === 'matched';
const find = (text: string): HeaderBlock | undefined => findHeader(parseCsv(text, ',').rows, isTownship);
const roles = (block: HeaderBlock | undefined) => Object.fromEntries(block?.roles ?? []);

describe('findHeader', () => {
  it.each<[title: string, text: string, layout: string, start: number, end: number]>([
    ['long', '镇街,年度,指标,数值\n宝龙镇,2021,调解纠纷,94', 'long', 0, 1],
    ['long with English labels', 'Township,Year,Indicator,Value\n宝龙镇,2021,调解纠纷,94', 'long', 0, 1],
    ['long without a year column', '乡镇,指标名称,数据\n宝龙镇,调解纠纷,94', 'long', 0, 1],
    ['sheet', '指标,数值,单位,备注\n调解纠纷,94,件,', 'sheet', 0, 1],
    ['sheet below a title', '宝龙镇2021年法治指标,,\n项目,数值,单位\n调解纠纷,94,件', 'sheet', 1, 2],
    ['wide', '镇街,调解纠纷\n宝龙镇,94', 'wide', 0, 1],
    [
      'wide below title, note and blank rows',
      '潼南区2021年度统计表,,\n,,\n填报单位：区依法治区办,,\n,,\n序号,镇街名称,调解纠纷（件）\n1,宝龙镇,94',
      'wide',
      4,
      5,
    ],
    ['wide with 单位 as the township column', '序号,单位,调解纠纷\n1,宝龙镇,94', 'wide', 0, 1],
    ['wide with a unit row', '镇街,调解纠纷,成功率\n单位,件,%\n宝龙镇,94,97', 'wide', 0, 2],
    [
      'wide with a title beside a unit note',
      '2021年统计表,,单位：件\n镇街,调解纠纷,调解成功\n宝龙镇,94,92',
      'wide',
      1,
      2,
    ],
    ['wide with two header rows', '序号,镇街,调解情况,\n,,调解纠纷,调解成功\n1,宝龙镇,94,92', 'wide', 0, 2],
    [
      'wide with two header rows and a unit row',
      '镇街,调解情况,\n,调解纠纷,调解成功\n,件,件\n宝龙镇,94,92',
      'wide',
      0,
      3,
    ],
  ])('L1 L2 L3 L4 L5 L6 %s', (_title, text, layout, start, end) => {
    expect(find(text)).toMatchObject({ layout, start, end });
  });

  it('L4 without a township label, two catalog headers make a wide table with the names to their left', () => {
    const block = find(',中心组学法,调解纠纷\n宝龙镇,15,94');
    expect(block).toMatchObject({ layout: 'wide', start: 0, end: 1 });
    expect(roles(block)).toEqual({ 0: 'township' });
  });

  it.each<[title: string, text: string]>([
    ['a single catalog header', ',调解纠纷\n宝龙镇,94'],
    ['only a township column', '镇街\n宝龙镇'],
    ['no known labels', 'a,b,c\n1,2,3'],
    ['a title row only', '潼南区2021年度统计表,,,'],
    ['header below 20 rows', `${'x,\n'.repeat(25)}镇街,调解纠纷\n宝龙镇,94`],
  ])('L1 B3 %s: no header', (_title, text) => {
    expect(find(text)).toBeUndefined();
  });

  it('L2 H5 long: the role of every column, the first of each kind winning', () => {
    const block = find(
      '序号,镇街,年度,指标,数值,单位,备注,联系人,数值\n1,宝龙镇,2021,调解纠纷,94,件,,张三,95',
    );
    expect(roles(block)).toEqual({
      0: 'serial',
      1: 'township',
      2: 'year',
      3: 'indicator',
      4: 'value',
      5: 'unit',
      6: 'note',
      7: 'other',
    });
  });

  it('L5 a first data row of dashes or names is data, not a second header row', () => {
    expect(find('镇街,调解纠纷,调解成功\n宝龙镇,—,—')).toMatchObject({ start: 0, end: 1 });
    expect(find('镇街,调解纠纷,调解成功\n宝龙镇,,')).toMatchObject({ start: 0, end: 1 });
    expect(find('镇街,调解纠纷,调解成功\n合计,,')).toMatchObject({ start: 0, end: 1 });
  });

  it('L5 the group heading is carried over the merged columns, and the lower label is matched first', () => {
    const block = find('序号,镇街,调解情况,,,备注\n,,调解纠纷,调解成功,成功率,\n1,宝龙镇,94,92,97,');
    expect(block?.columns.map((c) => [c.header, c.labels, c.key, c.line])).toEqual([
      ['序号', ['序号'], '序号', 1],
      ['镇街', ['镇街'], '镇街', 1],
      ['调解情况 调解纠纷', ['调解纠纷', '调解情况调解纠纷'], '调解情况调解纠纷', 2],
      ['调解情况 调解成功', ['调解成功', '调解情况调解成功'], '调解情况调解成功', 2],
      ['调解情况 成功率', ['成功率', '调解情况成功率'], '调解情况成功率', 2],
      ['备注', ['备注'], '备注', 1],
    ]);
  });

  it('L6 H2 units from a lower row of units replace none of the labels', () => {
    const block = find('镇街,调解纠纷,网格员培训（次）\n,（件）,人次\n宝龙镇,94,3');
    expect(block?.columns.map((c) => [c.labels, c.unit])).toEqual([
      [['镇街'], null],
      [['调解纠纷'], '件'],
      [['网格员培训（次）'], '人次'],
    ]);
  });
});
