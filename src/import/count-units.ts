/**
 * Units a count is written with after its number (`94 件`, `500多人次`). Money and time are not
 * among them: `1.5万元` must never be read as a count.
 */
export const COUNT_UNITS: readonly string[] = [
  '人次',
  '场次',
  '件次',
  '户次',
  '个次',
  '课时',
  '学时',
  '件',
  '次',
  '人',
  '场',
  '份',
  '册',
  '本',
  '张',
  '名',
  '个',
  '起',
  '项',
  '条',
  '期',
  '篇',
  '户',
  '家',
  '所',
  '处',
  '位',
  '批',
  '轮',
  '部',
  '套',
  '例',
  '宗',
  '单',
  '座',
];

/**
 * What a count unit counts. Figures whose units count different kinds of thing are different
 * figures: 法律咨询 (人次) written `15场` counts events, not people. Units said of anything (`个`,
 * `次`, `项`, `条`, `个次`) have no kind, nor have units not listed.
 */
const UNIT_KINDS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(['人', '人次', '名', '位', '户', '户次'].map((u) => [u, 'people'])),
  ...Object.fromEntries(['场', '场次', '期', '轮', '批', '课时', '学时'].map((u) => [u, 'events'])),
  ...Object.fromEntries(['件', '件次', '起', '宗', '例', '单'].map((u) => [u, 'cases'])),
  ...Object.fromEntries(['份', '册', '本', '张', '部', '套', '篇'].map((u) => [u, 'copies'])),
  ...Object.fromEntries(['所', '处', '家', '座'].map((u) => [u, 'places'])),
};

/** The kind of thing a count unit counts, or undefined for a unit said of anything. */
export function unitKind(unit: string | undefined): string | undefined {
  return unit === undefined ? undefined : UNIT_KINDS[unit];
}

/**
 * Whether figures in `unit` are whole numbers: a count of people, cases, events or copies. Class
 * hours (课时, 学时) may be halves.
 */
export function countsWhole(unit: string | undefined): boolean {
  return unit !== undefined && unit !== '课时' && unit !== '学时' && COUNT_UNITS.includes(unit);
}

/**
 * C8: whether a figure is written as no count is: with a fractional part (`94.5`, `0.98`), or with
 * decimals at all (`6.000`, a dot typed for the thousands comma) unless a size follows (`1.5万`).
 */
export function writtenAsFraction(value: number, raw: string): boolean {
  if (!Number.isInteger(value)) return true;
  const text = raw.normalize('NFKC');
  return /\d\.\d/.test(text) && !/[百千万亿]/.test(text);
}
