/** zh-CN number formatting: thousands separators, one decimal for rates. */
export function formatValue(value: number, unit: string, locale = 'zh-CN'): string {
  if (unit === '%')
    return `${value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
  const digits = Number.isInteger(value) ? 0 : 2;
  return value.toLocaleString(locale, { maximumFractionDigits: digits });
}
