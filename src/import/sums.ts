import type { Figure } from './collect-facts.ts';
import { parseValue } from './parse-value.ts';

/** The parts a total is checked against, added up as they are read. */
export interface Sum {
  value: number;
  /** An approximate or unreadable part makes the sum unknown. */
  exact: boolean;
}

export function emptySum(): Sum {
  return { value: 0, exact: true };
}

/** Adds a part's cell (its figure, if it has one) to the sum. */
export function addPart(sum: Sum, figure: Figure | undefined, text: string): void {
  if (figure) sum.value += figure.value;
  if (figure ? figure.approximate : parseValue(text).kind !== 'missing') sum.exact = false;
}

/** A sum as a totals row or column states it: six decimals at most. */
export function formatSum(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/** Whether a stated total is the sum, up to the floating-point error of adding decimals. */
export function sumsAgree(total: number, sum: number): boolean {
  return Math.abs(total - sum) <= 1e-6 * Math.max(1, Math.abs(sum));
}
