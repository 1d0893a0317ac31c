import { describe, expect, it } from 'vitest';
import { fileName, isoDate, pngFileName } from './file-names.ts';

describe('file names', () => {
  it('keeps Chinese titles as they are', () => {
    expect(fileName('2021年调解成功率排名', 'png')).toBe('2021年调解成功率排名.png');
    expect(fileName('2021年镇街对比表', 'xlsx')).toBe('2021年镇街对比表.xlsx');
    expect(fileName('汇报材料_2021年', 'pptx')).toBe('汇报材料_2021年.pptx');
    // The full-width colon of a title is allowed on every system.
    expect(fileName('调解成功率：各镇街历年变化', 'svg')).toBe('调解成功率：各镇街历年变化.svg');
  });

  it('replaces characters a file system refuses, and control characters', () => {
    expect(fileName('a/b\\c:d*e?f"g<h>i|j', 'csv')).toBe('a_b_c_d_e_f_g_h_i_j.csv');
    expect(fileName('x\ny\tz', 'csv')).toBe('x y z.csv');
    expect(fileName('...', 'csv')).toBe('export.csv');
  });

  it('a 2× PNG is the plain name, 3× says so', () => {
    const suffix = (ratio: number) => `_${ratio}倍`;
    expect(pngFileName('2021年调解成功率排名', 2, suffix)).toBe('2021年调解成功率排名.png');
    expect(pngFileName('2021年调解成功率排名', 3, suffix)).toBe('2021年调解成功率排名_3倍.png');
  });

  it('dates in the local time zone', () => {
    expect(isoDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
  });
});
