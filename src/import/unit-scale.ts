/**
 * Units that state a size: `万人次`, `千份`, `万元`. A township that writes 0.05 under 法律咨询（万人次）
 * means 500 consultations; stored as 0.05 the figure would be ten thousand times too small.
 */
import { findIndicator } from '../indicators/catalog.ts';
import { COUNT_UNITS } from './count-units.ts';
import { toHalfWidth } from './normalize-text.ts';
import { MULTIPLIER_EXPONENT, writtenUnit } from './parse-value.ts';

/** The size words a figure may carry, and 十万 besides, longest first: 千万 before 万. */
const SIZES: readonly (readonly [prefix: string, factor: number])[] = Object.entries({
  ...MULTIPLIER_EXPONENT,
  十万: 5,
})
  .map(([prefix, exponent]) => [prefix, 10 ** exponent] as const)
  .sort(([a], [b]) => b.length - a.length);

export interface UnitScale {
  /** What the figures are multiplied by. */
  readonly factor: number;
  /** The size word: `万`. */
  readonly prefix: string;
  /** The indicator's own unit: `人次`. */
  readonly unit: string;
}

/**
 * How a figure written in `written` becomes one in the catalog indicator's own unit: `万人次` for
 * 法律咨询 (人次) → × 10,000. Undefined when the unit is the indicator's own, says nothing of size,
 * or the indicator is the file's own (it keeps the unit it was written with).
 */
export function unitScale(written: string | null | undefined, indicatorId: string): UnitScale | undefined {
  if (!written) return undefined;
  const unit = toHalfWidth(written)
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/^[([【](.*)[)\]】]$/, '$1');
  const base = findIndicator(indicatorId)?.unit.zh;
  if (!base || base === '%' || unit === base) return undefined;
  for (const [prefix, factor] of SIZES) {
    if (unit === prefix + base) return { factor, prefix, unit: base };
  }
  return undefined;
}

/** A figure in `scale`'s unit, unless the cell states its own size (`1.2万`): that is read as written. */
/**
 * A figure in a column or row whose unit states a size, in the indicator's unit. A cell that states
 * its own size (`1.2万`) or its own unit (`500人次`, `94件`) is read as written.
 */
export function scaled(value: number, rawText: string, scale: UnitScale | undefined): number {
  if (!scale || /[万亿]/.test(rawText) || writtenUnit(rawText) !== undefined) return value;
  // 0.07 × 10,000 is 700.0000000000001 in floating point: twelve digits are more than any report has.
  return Number((value * scale.factor).toPrecision(12));
}

/** A count unit with a size before it: `万人次`, `千份`. */
export function isSizedCountUnit(unit: string): boolean {
  return SIZES.some(([prefix]) => unit.startsWith(prefix) && COUNT_UNITS.includes(unit.slice(prefix.length)));
}

/** Whether a unit cell of a long file states a size (`万人次`), for any indicator. */
export function statesSize(written: string): boolean {
  const unit = toHalfWidth(written).replace(/[\s\u3000\u00a0]+/g, '');
  return SIZES.some(([prefix]) => unit.startsWith(prefix) && unit.length > prefix.length);
}
