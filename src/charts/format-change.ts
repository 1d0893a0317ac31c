import { formatValue, numberFormat } from './format-number.ts';

/**
 * 同比 as a reader scans it: `▲1.2`, `▼40`, `±0`. A rate's change is in percentage points, so it
 * has one decimal and no `%`. The arrow says up or down, not better or worse: for 信访, ▲ is bad.
 */
export function formatChange(change: number, unit: string, locale = 'zh-CN'): string {
  const magnitude = Math.abs(change);
  const digits = unit === '%' ? 1 : Number.isInteger(magnitude) ? 0 : 2;
  const text =
    unit === '%' ? numberFormat(locale, 1, 1).format(magnitude) : formatValue(magnitude, unit, locale);
  // Float noise (97.87 − 97.87 may not be 0) must not show as ▲0.0.
  if (Math.round(magnitude * 10 ** digits) === 0) return `±${text}`;
  return `${change > 0 ? '▲' : '▼'}${text}`;
}

/** Places moved in a ranking: `↑3` up, `↓2` down, `→` unchanged. */
export function formatRankChange(rankChange: number): string {
  if (rankChange > 0) return `↑${rankChange}`;
  if (rankChange < 0) return `↓${-rankChange}`;
  return '→';
}
