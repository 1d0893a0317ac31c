import { describe, expect, it } from 'vitest';
import { en } from '../messages/en.ts';
import { zh } from '../messages/zh.ts';
import {
  findPartOfYearIn,
  findYearIn,
  type HeaderYear,
  isPartOfYear,
  parseYear,
  parseYearCell,
  parseYearHeader,
  splitYearFromHeader,
  yearOfColumn,
} from './parse-year.ts';

describe('parseYear', () => {
  it.each<[text: string, year: number | undefined]>([
    ['2021', 2021],
    ['2021年', 2021],
    ['2021年度', 2021],
    [' 2021 年度\u3000', 2021],
    ['２０２１年', 2021],
    ['二〇二一年', 2021],
    ['二零二一年度', 2021],
    ['二〇二一', undefined],
    ['2021年1-12月', 2021],
    ['2021年1月至12月', 2021],
    ['2021年一至十二月', 2021],
    ['2021年全年', 2021],
    ['2021年度全年', 2021],
    ['2021.1-2021.12', 2021],
    ['2021.01—2021.12', 2021],
    ['2021年1月-2021年12月', 2021],
    ['2021-01至2021-12', 2021],
    ['2021年1-6月', undefined],
    ['2021年7-12月', undefined],
    ['2020.1-2021.12', undefined],
    ['2021.1-2021.6', undefined],
    ['21年', undefined],
    ['2021-01', undefined],
    ['1899', undefined],
    ['', undefined],
  ])('L7 year cell %j is %s', (text, year) => {
    expect(parseYear(text)).toBe(year);
  });
});

describe('findYearIn', () => {
  it.each<[text: string, year: number | undefined]>([
    ['潼南区2021年度各镇街法治政府建设主要指标统计表', 2021],
    ['宝龙镇2021年法治指标', 2021],
    ['district-2020-wide-gbk', 2020],
    ['（2022年1月填报）2021年度统计表', 2021],
    // The whole year written as dates.
    ['潼南区法治建设统计表（2021年1月1日至2021年12月31日）', 2021],
    ['统计时段：2021.1.1-2021.12.31', 2021],
    ['（2021年1月1日-12月31日）', 2021],
    ['（截至2021年12月31日）', 2021],
    ['截至2021年底各镇街数据', 2021],
    ['（2021年1月1日至2021年6月30日）', undefined],
    ['2021年统计（2022年1月13日）', 2021],
    ['统计表 2022-01-13', undefined],
    ['导出20220113', undefined],
    ['２０２１年度', 2021],
    ['宝龙镇人民政府关于二〇二一年度法治政府建设情况的报告', 2021],
    ['宝龙镇二〇二一年法治建设', 2021],
    ['二〇二二年一月十三日', undefined],
    ['二〇二一年度报告（二〇二二年一月十三日）', 2021],
    ['潼南区2021年1-12月各镇街法治指标统计表', 2021],
    ['2021年1月至12月', 2021],
    ['二〇二一年一至十二月', 2021],
    ['2021年1-6月统计（2021年7月5日）', undefined],
    ['12345热线', undefined],
    ['tongnan-2019', 2019],
    // A span of years names no one year: the user is asked.
    ['潼南区2020—2021年度统计表', undefined],
    ['2020-2021年', undefined],
    ['2020年至2021年对比', undefined],
    ['2021年度统计表（2021.1—2021.12）', 2021],
  ])('L7 %j is about %s', (text, year) => {
    expect(findYearIn(text)).toBe(year);
  });
});

describe('findPartOfYearIn', () => {
  it.each<[text: string, part: string | undefined]>([
    ['潼南区2021年上半年法治指标统计表', '2021年上半年'],
    ['2021年下半年', '2021年下半年'],
    ['宝龙镇2021年第三季度', '2021年第三季度'],
    ['2021年一季度统计', '2021年一季度'],
    ['2021年度前三季度', '2021年度前三季度'],
    ['2021年1—6月各镇街统计表', '2021年1—6月'],
    ['宝龙镇2021年1-6月', '2021年1-6月'],
    ['二〇二一年一至九月', '2021年一至九月'],
    ['2021年1月至9月', '2021年1月至9月'],
    ['2021.1-2021.6', '2021.1-2021.6'],
    ['2021年度各镇街指标（1-6月）', '1-6月'],
    // Named anywhere, not only right after the year.
    ['潼南区2021年度法治建设数据（上半年）', '上半年'],
    ['潼南区2021年法治建设前三季度数据', '前三季度'],
    ['2021年前三季…', '前三季'],
    ['2021年1至3季度', '1至3季度'],
    ['2021年一、二季度', '一、二季度'],
    ['2021年前两季度', '前两季度'],
    ['各镇街数据（一至三季度）', '一至三季度'],
    ['各镇街数据（截至9月底）', '截至9月'],
    ['各镇街数据（前11个月）', '前11个月'],
    ['各镇街数据（年初至十一月）', '年初至十一月'],
    ['宝龙镇2021年法治数据半年报', '半年报'],
    ['宝龙镇2021年（半年）', '半年'],
    ['2021年数据（Q1-Q3）', 'Q1'],
    ['各镇街数据（截至12月底）', undefined],
    ['统计时段：2021年1月1日至2021年6月30日', '2021年1月1日至2021年6月30日'],
    ['（截至2021年6月30日）', '截至2021年6月'],
    ['（2021年1月1日至2021年12月31日）', undefined],
    ['（截至2021年12月31日）', undefined],
    ['各镇街数据（前12个月）', undefined],
    ['2021年度（近半年新增指标）', undefined],
    ['2021年度统计表（表1-3）', undefined],
    ['潼南区2021年1-12月各镇街法治指标统计表', undefined],
    ['二〇二一年一至十二月', undefined],
    ['2021.1-2021.12', undefined],
    ['2021年度统计表（2022年1月13日）', undefined],
    ['2021年6月', undefined],
    ['4·15', undefined],
    ['12345热线', undefined],
  ])('L17 %j names part of a year: %s', (text, part) => {
    expect(findPartOfYearIn(text)).toBe(part);
  });
});

describe('parseYearHeader', () => {
  it.each<[text: string, year: HeaderYear | undefined]>([
    ['2021年', { year: 2021 }],
    ['2021年数据', { year: 2021 }],
    ['2021年度数值', { year: 2021 }],
    ['2021完成情况', { year: 2021 }],
    ['二〇二一年数据', { year: 2021 }],
    ['2021年实际', { year: 2021 }],
    ['本年', { offset: 0 }],
    ['本年数', { offset: 0 }],
    ['本年度', { offset: 0 }],
    ['本年 实际', { offset: 0 }],
    ['本年累计', { offset: 0 }],
    ['今年', { offset: 0 }],
    ['本期数', { offset: 0 }],
    ['上年', { offset: -1 }],
    ['上年数', { offset: -1 }],
    ['上年同期', { offset: -1 }],
    ['去年同期数', { offset: -1 }],
    ['同期', { offset: -1 }],
    ['上年度', { offset: -1 }],
    ['2021年目标', undefined],
    ['2021年增长率', undefined],
    ['本年目标', undefined],
    ['上期', undefined],
    ['同比增减', undefined],
    ['数据', undefined],
  ])('L10 L12 L13 the header %j gives its values the year %j', (text, year) => {
    expect(parseYearHeader(text)).toEqual(year);
  });

  it.each<[header: HeaderYear | undefined, rowYear: number | undefined, year: number | undefined]>([
    [{ year: 2020 }, 2021, 2020],
    [{ offset: 0 }, 2021, 2021],
    [{ offset: -1 }, 2021, 2020],
    [{ offset: -1 }, undefined, undefined],
    [undefined, 2021, 2021],
  ])('L13 a column headed %j in a row of %s holds figures of %s', (header, rowYear, year) => {
    expect(yearOfColumn(header, rowYear)).toBe(year);
  });
});

describe('parseYearCell', () => {
  it.each<[text: string, fileYear: number | undefined, year: number | null | undefined]>([
    ['2021', undefined, 2021],
    ['2021年度', 2020, 2021],
    ['本年', 2021, 2021],
    ['本期', 2021, 2021],
    ['上年同期', 2021, 2020],
    ['同期', 2021, 2020],
    ['去年', 2021, 2020],
    ['本年', undefined, null],
    ['上期', 2021, undefined],
    ['合计', 2021, undefined],
  ])('L15 the year cell %j in a file of %s is %s', (text, fileYear, year) => {
    expect(parseYearCell(text, fileYear)).toBe(year);
  });
});

describe('splitYearFromHeader', () => {
  it.each<[text: string, split: { year: HeaderYear; name: string } | undefined]>([
    ['2021年调解纠纷（件）', { year: { year: 2021 }, name: '调解纠纷（件）' }],
    ['2021年度 法律咨询', { year: { year: 2021 }, name: '法律咨询' }],
    ['二〇二一年调解纠纷', { year: { year: 2021 }, name: '调解纠纷' }],
    ['调解纠纷（2021年）', { year: { year: 2021 }, name: '调解纠纷' }],
    ['本年调解纠纷', { year: { offset: 0 }, name: '调解纠纷' }],
    ['上年度调解纠纷', { year: { offset: -1 }, name: '调解纠纷' }],
    ['2021年', undefined],
    ['调解纠纷（件）', undefined],
    ['12345热线', undefined],
  ])('L16 %j says %j', (text, split) => {
    expect(splitYearFromHeader(text)).toEqual(split);
  });
});

describe('isPartOfYear', () => {
  it.each<[text: string, part: boolean]>([
    ['2021年1-6月', true],
    ['2021年7月至12月', true],
    ['2021年上半年', true],
    ['2021年第三季度', true],
    ['2021年一季度', true],
    ['2021年6月', true],
    ['2021.1-2021.9', true],
    ['2021年1-12月', false],
    ['2021.1-2021.12', false],
    ['2021', false],
    ['二〇二一年', false],
    ['去年', false],
  ])('L7 %j is part of a year: %s', (text, part) => {
    expect(isPartOfYear(text)).toBe(part);
  });

  it('L7 the message for a part of a year says only whole years are imported', () => {
    expect(zh.issues['bad-year']('2021年1-6月')).toContain('只收全年数据');
    expect(zh.issues['bad-year']('二一年')).toBe('无法识别年度“二一年”。请写成 2021、2021年 或 2021年度。');
    expect(en.issues['bad-year']('2021年上半年')).toContain('Only whole-year figures');
  });
});
