/** A sum as a totals row or column states it: six decimals at most. */
export function formatSum(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/** Whether a stated total is the sum, up to the floating-point error of adding decimals. */
export function sumsAgree(total: number, sum: number): boolean {
  return Math.abs(total - sum) <= 1e-6 * Math.max(1, Math.abs(sum));
}
