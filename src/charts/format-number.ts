/**
 * `toLocaleString` with options builds a new Intl.NumberFormat on every call (tens of µs): a
 * chart of 1,000 townships formats tens of thousands of numbers, so the formats are kept.
 */
const formats = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string, minimumFractionDigits: number, maximumFractionDigits: number) {
  const key = `${locale}|${minimumFractionDigits}|${maximumFractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits, maximumFractionDigits });
    formats.set(key, format);
  }
  return format;
}

/** zh-CN number formatting: thousands separators, one decimal for rates. */
export function formatValue(value: number, unit: string, locale = 'zh-CN'): string {
  if (unit === '%') return `${numberFormat(locale, 1, 1).format(value)}%`;
  const digits = Number.isInteger(value) ? 0 : 2;
  return numberFormat(locale, 0, digits).format(value);
}
