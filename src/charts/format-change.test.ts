import { describe, expect, it } from 'vitest';
import { formatChange, formatRankChange } from './format-change.ts';

describe('formatChange: 同比 with an arrow', () => {
  it.each([
    [9200 / 94 - 8800 / 91, '%', '▲1.2'],
    [-1.64, '%', '▼1.6'],
    [40, '人次', '▲40'],
    [-1250, '份', '▼1,250'],
    [0.5, '名/校', '▲0.5'],
    [0, '件', '±0'],
    [0, '%', '±0.0'],
    // 97.87 − 97.87 computed from different counts may be 1e-14, not 0.
    [1e-14, '%', '±0.0'],
    [-0.04, '%', '±0.0'],
  ])('%f %s → %s', (change, unit, expected) => {
    expect(formatChange(change, unit, 'zh-CN')).toBe(expected);
  });
});

describe('formatRankChange: places moved, positive = up', () => {
  it.each([
    [3, '↑3'],
    [-2, '↓2'],
    [0, '→'],
  ])('%d → %s', (change, expected) => {
    expect(formatRankChange(change)).toBe(expected);
  });
});
