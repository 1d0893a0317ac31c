/**
 * Rates written as fractions (rule V15): systems that export a percentage cell's number rather than
 * its text write 97.87 % as `0.9787`. When every figure a file gives a rate indicator is so written
 * — none with `%`, all from 0 to 1, at least one strictly between — they are read as fractions of
 * one hundred, each keeping its text, with one warning per indicator.
 */
import { percentIndicators, writtenDecimals } from './check-facts.ts';
import type { Fact } from './fact.ts';
import type { ImportIssue } from './import-issue.ts';
import type { CustomIndicator } from './map-columns.ts';

export interface FractionRates {
  readonly facts: readonly Fact[];
  readonly issues: ImportIssue[];
  /** The indicators read as fractions: their cells carry two decimals more than their values. */
  readonly indicators: ReadonlySet<string>;
}

const PERCENT_SIGN = /[%％﹪]/;

export function readFractionRates(
  facts: readonly Fact[],
  customIndicators: readonly CustomIndicator[],
): FractionRates {
  const isRate = percentIndicators(customIndicators);
  const byIndicator = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (!isRate(fact.indicatorId)) continue;
    const list = byIndicator.get(fact.indicatorId) ?? [];
    list.push(fact);
    byIndicator.set(fact.indicatorId, list);
  }
  const indicators = new Set<string>();
  for (const [id, list] of byIndicator) {
    const fractions =
      list.every((f) => f.value <= 1 && !PERCENT_SIGN.test(f.rawText)) &&
      list.some((f) => f.value > 0 && f.value < 1);
    if (fractions) indicators.add(id);
  }
  if (indicators.size === 0) return { facts, issues: [], indicators };

  // Said once per indicator, on its first figure that is a fraction (`0.9787`, not `1`).
  const said = new Set(
    [...indicators].map((id) => byIndicator.get(id)?.find((f) => f.value > 0 && f.value < 1)),
  );
  const issues: ImportIssue[] = [];
  const read = facts.map((fact) => {
    if (!indicators.has(fact.indicatorId)) return fact;
    const value = asPercent(fact.value, fact.rawText);
    if (said.has(fact)) {
      issues.push({
        severity: 'warning',
        code: 'rate-as-fraction',
        line: fact.line,
        column: fact.column,
        raw: fact.rawText,
        detail: String(value),
        indicatorId: fact.indicatorId,
      });
    }
    return { ...fact, value };
  });
  return { facts: read, issues, indicators };
}

/** `0.9787` → 97.87, `0.5` → 50, `1` → 100: to the decimals the cell leaves after two, free of float noise. */
function asPercent(value: number, rawText: string): number {
  return Number((value * 100).toFixed(Math.max(0, writtenDecimals(rawText) - 2)));
}
