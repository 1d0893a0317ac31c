import { describe, expect, it } from 'vitest';
import { type ParsedValue, parseValue, writtenUnit } from './parse-value.ts';

type Case = [raw: string, value: number, approximate?: boolean, percent?: boolean];

function expectNumber([raw, value, approximate = false, percent = false]: Case): void {
  const expected: ParsedValue = { kind: 'number', value, approximate, percent, raw };
  expect(parseValue(raw)).toEqual(expected);
}

function expectKind(raw: string, kind: 'missing' | 'invalid'): void {
  expect(parseValue(raw)).toEqual({ kind, raw });
}

describe('parseValue', () => {
  it.each<Case>([
    ['  94  ', 94],
    ['\u300094\u3000', 94],
    ['\u00a094\u00a0', 94],
    ['\t94\r\n', 94],
    ['\u200b94', 94],
  ])('V1 trims whitespace, U+3000, NBSP and keeps raw: %j', (...c) => expectNumber(c));

  it.each(['', '   ', '\u3000', '\u00a0 \u3000'])('V1 whitespace only is missing: %j', (raw) =>
    expectKind(raw, 'missing'),
  );

  it.each<Case>([
    ['９４', 94],
    ['９７％', 97, false, true],
    ['９７．５', 97.5],
    ['１，０１２', 1012],
    ['－３', -3],
    ['１２３４５６', 123456],
  ])('V2 full-width forms: %s', (...c) => expectNumber(c));

  it.each([
    '-',
    '--',
    '－',
    '－－',
    '—',
    '——',
    '―',
    '–',
    '‒',
    '/',
    '／',
    '无',
    '不详',
    '暂无',
    '未统计',
    ' — ',
    '\u3000无\u3000',
    '暂无数据',
    '无数据',
    '不适用',
    '空',
    '（空）',
    'N/A',
    'n/a',
    'NA',
    'null',
  ])('V3 missing, not zero: %s', (raw) => expectKind(raw, 'missing'));

  it.each<Case>([
    ['0', 0],
    ['0.0', 0],
    ['-0', 0],
    ['零', 0],
    ['〇', 0],
    ['没有发生', 0],
    ['未发生', 0],
    ['无发生', 0],
    ['0起', 0],
    ['零起', 0],
  ])('V4 zero: %s', (...c) => expectNumber(c));

  it.each<Case>([
    ['6,000', 6000],
    ['1，012', 1012],
    ['1,234,567', 1234567],
    ['6 000', 6000],
    ['1,012.5', 1012.5],
    ['6,000余份', 6000, true],
  ])('V5 thousands separators: %s', (...c) => expectNumber(c));

  it.each(['1,2', '1,0120', '12 3', '1234,567', '6,00'])('V5 malformed separators are invalid: %s', (raw) =>
    expectKind(raw, 'invalid'),
  );

  it.each<Case>([
    ['97.5', 97.5],
    ['0.5', 0.5],
    ['-3', -3],
    ['－3', -3],
    ['−3', -3],
    ['-3件', -3],
    ['+5', 5],
    ['007', 7],
  ])('V6 decimals and signs: %s', (...c) => expectNumber(c));

  it.each(['3.', '.5', '--3', '1.2.3'])('V6 malformed numbers are invalid: %s', (raw) =>
    expectKind(raw, 'invalid'),
  );

  it.each<Case>([
    ['97%', 97, false, true],
    ['97％', 97, false, true],
    ['99.14%', 99.14, false, true],
    ['97 %', 97, false, true],
    ['0%', 0, false, true],
    ['100%以上', 100, true, true],
  ])('V7 percent: %s', (...c) => expectNumber(c));

  it.each<Case>([
    ['94 件', 94],
    ['94件', 94],
    [' 94 件 ', 94],
    ['15 次', 15],
    ['93人', 93],
    ['500人次', 500],
    ['18张', 18],
    ['200册', 200],
    ['12名', 12],
    ['3个', 3],
    ['8场次', 8],
    ['1起', 1],
    ['12例', 12],
    ['3宗', 3],
    ['5单', 5],
    ['2座', 2],
    ['40个次', 40],
    ['94（件）', 94],
    ['94 (人)', 94],
  ])('V8 unit after the number is dropped, also in brackets: %s', (...c) => expectNumber(c));

  it.each<[raw: string, unit: string | undefined]>([
    ['94 件', '件'],
    ['500多人次', '人次'],
    ['万余人', '人'],
    ['约1.5万人次', '人次'],
    ['94（件）', '件'],
    ['１５场', '场'],
    ['="94件"', '件'],
    ['94', undefined],
    ['97%', undefined],
    ['12345热线', undefined],
    ['不详', undefined],
    ['件', undefined],
  ])('V8 C7 the unit a figure is written with: %j → %j', (raw, unit) => {
    expect(writtenUnit(raw)).toBe(unit);
  });

  it.each(['件', '人次', '94件次人', '5件%', '件94'])(
    'V8 units alone, twice or before the number are invalid: %s',
    (raw) => expectKind(raw, 'invalid'),
  );

  it.each<Case>([
    ['两', 2],
    ['两场', 2],
    ['十五', 15],
    ['十五次', 15],
    ['二十三', 23],
    ['一百零五', 105],
    ['三千', 3000],
    ['两千五百', 2500],
    ['一千零一十', 1010],
    ['一百五', 150],
    ['两千五', 2500],
    ['一万五', 15000],
    ['三万五千', 35000],
    ['十万', 100000],
    ['一万零五', 10005],
  ])('V9 Chinese numerals: %s', (...c) => expectNumber(c));

  it.each(['二三', '十十', '五零', '万万', '零万'])('V9 malformed Chinese numerals are invalid: %s', (raw) =>
    expectKind(raw, 'invalid'),
  );

  it.each<Case>([
    ['1.5万', 15000],
    ['1.5万人次', 15000],
    ['1.15万', 11500],
    ['0.5万', 5000],
    ['3万', 30000],
    ['两万', 20000],
    ['一万', 10000],
    ['1.2亿', 120000000],
    ['两万余人次', 20000, true],
    ['万余人', 10000, true],
    ['10余万', 100000, true],
    ['三十余万', 300000, true],
    ['1.2万余', 12000, true],
  ])('V10 万 and 亿 multipliers: %s', (...c) => expectNumber(c));

  it.each<Case>([
    ['6000余', 6000, true],
    ['6000余份', 6000, true],
    ['6000 余份', 6000, true],
    ['200余册', 200, true],
    ['500多', 500, true],
    ['500多人次', 500, true],
    ['约300', 300, true],
    ['约 300 人', 300, true],
    ['大约300', 300, true],
    ['近千', 1000, true],
    ['近1000', 1000, true],
    ['将近50', 50, true],
    ['超1.2万', 12000, true],
    ['超过100', 100, true],
    ['逾百', 100, true],
    ['300人以上', 300, true],
    ['300以上', 300, true],
    ['300人左右', 300, true],
    ['300上下', 300, true],
    ['约97%', 97, true, true],
    ['97%左右', 97, true, true],
    ['6000+', 6000, true],
    ['6000＋份', 6000, true],
    ['10+', 10, true],
    ['>6000', 6000, true],
    ['＞6000', 6000, true],
    ['≥95%', 95, true, true],
    ['>=95%', 95, true, true],
    ['500（估）', 500, true],
    ['500(估)', 500, true],
    ['500人次（估计）', 500, true],
    ['6000份(预估)', 6000, true],
    ['估计300人', 300, true],
    ['预计1.2万', 12000, true],
    ['97%（估）', 97, true, true],
  ])('V11 approximation marks: %s', (...c) => expectNumber(c));

  it.each<Case>([
    ['达100%', 100, false, true],
    ['高达97%', 97, false, true],
    ['达15次', 15],
    ['共94件', 94],
    ['共计94件', 94],
    ['累计1.5万人次', 15000],
    ['达约300', 300, true],
    ['达到94件', 94],
    ['计94件', 94],
    ['1名/校', 1],
    ['每校1名', 1],
    ['每个学校1人', 1],
  ])('V12 emphasis is not approximation: %s', (...c) => expectNumber(c));

  it.each([
    'abc',
    '12345热线',
    '8890热线',
    '4·15',
    '12·4',
    '2021年',
    '2021年度',
    '〔2022〕1号',
    '1+1+N',
    '9+3',
    '9、3',
    '9 名和 3 名',
    '#VALUE!',
    '#REF!',
    '#N/A',
    '=SUM(A1)',
    '=9+3',
    '数百',
    '十几',
    // A size word alone: a unit in the figure's place, not ten thousand.
    '万',
    '百件',
    '万人次',
    '合格率达100%',
    '百分之九十',
    '1e5',
    'Infinity',
    'NaN',
    '<500',
    '1.5万元',
    '94（元）',
    '94（暂）',
    '估',
    '（估）',
  ])('V13 anything else is invalid and keeps its text: %s', (raw) => expectKind(raw, 'invalid'));

  it.each(['#DIV/0!', '＃DIV/0!', ' #div/0! ', '#DIV/0'])(
    'V16 %j, a formula that divided by zero, is missing, marked so the cell is warned about',
    (raw) => {
      expect(parseValue(raw)).toEqual({ kind: 'missing', raw, divideByZero: true });
    },
  );

  it.each<Case>([
    ['="12"', 12],
    ['＝"6000余"', 6000, true],
    [' ="97%" ', 97, false, true],
  ])('V14 a figure exported as Excel text, %j, is the figure inside', (...c) => expectNumber(c));

  it.each(['="abc"', '="=SUM(A1)"'])('V14 %j holds no figure: invalid', (raw) => expectKind(raw, 'invalid'));
  it('V14 ="" is not a figure but an empty text: missing', () => expectKind('=""', 'missing'));
});
