import { describe, expect, it } from 'vitest';
import { neutralizeCell } from './neutralize-cell.ts';

describe('neutralizeCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['=1+1', "'=1+1"],
    ['@SUM(1)', "'@SUM(1)"],
    ['+A1', "'+A1"],
    ['-2+3', "'-2+3"],
    ['-3+A1', "'-3+A1"],
    ["+5-cmd|' /C calc'!A0", "'+5-cmd|' /C calc'!A0"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['--', "'--"],
    ['+', "'+"],
    ['-.', "'-."],
    ['-e5', "'-e5"],
  ])('a formula is neutralized: %j → %j', (text, expected) => {
    expect(neutralizeCell(text)).toBe(expected);
  });

  it.each([
    '-3',
    '+5',
    '-3.5',
    '-0.25',
    '-.5',
    '-1,000',
    '-1,000.5',
    '-2.5%',
    '+97%',
    '-1e3',
    '-',
    '',
    '94',
    '6000余',
    '宝龙镇',
    '调解纠纷（件）',
    '2021年',
    ' =1',
    'a=b',
  ])('a number or plain text stays as it is: %j', (text) => {
    expect(neutralizeCell(text)).toBe(text);
  });
});
