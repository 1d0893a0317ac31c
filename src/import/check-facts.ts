import { CATALOG, findIndicator } from '../indicators/catalog.ts';
import type { Fact } from './fact.ts';
import type { ImportIssue, IssueCode } from './import-issue.ts';
import type { CustomIndicator } from './map-columns.ts';
import { countsWhole, unitKind, writtenAsFraction } from './count-units.ts';
import { toHalfWidth } from './normalize-text.ts';
import { parseValue, writtenUnit } from './parse-value.ts';

/** Pairs where the first count can never exceed the second. */
const AT_MOST: readonly { readonly part: string; readonly whole: string; readonly code: IssueCode }[] = [
  { part: 'disputes_resolved', whole: 'disputes_mediated', code: 'successes-exceed-cases' },
  { part: 'exam_taken', whole: 'exam_due', code: 'taken-exceeds-due' },
];

const RATE_CHECKS = CATALOG.flatMap((indicator) => {
  const against = 'checksAgainst' in indicator ? findIndicator(indicator.checksAgainst) : undefined;
  return against?.formula ? [{ reported: indicator.id as string, formula: against.formula }] : [];
});

/** Decimal places written in a cell: `97%` → 0, `99.14%` → 2, `９７．５` → 1. */
export function writtenDecimals(raw: string): number {
  return /\d\.(\d+)/.exec(toHalfWidth(raw))?.[1]?.length ?? 0;
}

/**
 * Whether a reported rate is 100 × numerator / denominator cut or rounded to the decimals it was
 * written with: 92/94 = 97.87 % may be reported as 97 or 98, not 90; `99.14` must agree to 2
 * places. Counts are integers in practice, so the test is done in integers, free of float noise.
 */
export function rateAgrees(
  reported: number,
  decimals: number,
  numerator: number,
  denominator: number,
): boolean {
  const scale = 10 ** decimals;
  const written = Math.round(reported * scale);
  const scaled = numerator * 100 * scale;
  if (Number.isInteger(numerator) && Number.isInteger(denominator) && Number.isSafeInteger(2 * scaled)) {
    const truncated = Math.floor(scaled / denominator);
    const rounded = Math.floor((2 * scaled + denominator) / (2 * denominator));
    return written === truncated || written === rounded;
  }
  const exact = scaled / denominator;
  return written === Math.floor(exact + 1e-9) || written === Math.round(exact);
}

function formatRate(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Whether an indicator counts in %: a catalog rate, or one of the file's own with unit `%`. */
export function percentIndicators(customIndicators: readonly CustomIndicator[]): (id: string) => boolean {
  const custom = new Set(customIndicators.filter((c) => c.unit === '%').map((c) => c.id));
  return (id) => findIndicator(id)?.unit.zh === '%' || custom.has(id);
}

/** Reviewer's checks on one file's facts, per township and year: counts that contradict each other and rates. */
export function checkFacts(
  facts: readonly Fact[],
  customIndicators: readonly CustomIndicator[],
  /** Rate indicators read as fractions (V15): `0.9787` is 97.87 to two decimals, not four. */
  fractions: ReadonlySet<string> = new Set(),
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const groups = new Map<string, Map<string, Fact>>();
  for (const fact of facts) {
    const key = `${fact.townshipCode}|${fact.year}`;
    const group = groups.get(key) ?? new Map<string, Fact>();
    group.set(fact.indicatorId, fact);
    groups.set(key, group);
  }
  const countsInPercent = percentIndicators(customIndicators);
  const isRate = (fact: Fact) => countsInPercent(fact.indicatorId) || writtenWithPercent(fact);
  const at = (fact: Fact, code: IssueCode, detail: string): ImportIssue => ({
    severity: 'warning',
    code,
    line: fact.line,
    column: fact.column,
    raw: fact.rawText,
    detail,
    indicatorId: fact.indicatorId,
  });

  for (const group of groups.values()) {
    for (const { part, whole, code } of AT_MOST) {
      const p = group.get(part);
      const w = group.get(whole);
      // 94余件 may be more than 94: only an exact whole can be exceeded for certain.
      // 调解成功 97% is C6's: a rate is no count to compare.
      if (p && w && !w.approximate && !writtenWithPercent(p) && !writtenWithPercent(w) && p.value > w.value)
        issues.push(at(p, code, w.rawText.trim()));
    }
    for (const fact of group.values()) {
      if (isRate(fact) && fact.value > 100) issues.push(at(fact, 'rate-out-of-range', '100'));
      // 调解成功 97%: a rate in a count's place, likely the row or column next to it.
      const unit = findIndicator(fact.indicatorId)?.unit.zh;
      if (unit !== undefined && unit !== '%' && writtenWithPercent(fact))
        issues.push(at(fact, 'percent-for-count', unit));
      // 法律咨询 (人次) written `15场`: a figure of events in a count of people. The cell is read
      // for its unit only when the indicator's unit counts a kind of thing.
      if (unit !== undefined && unitKind(unit) !== undefined && unitsClash(writtenUnit(fact.rawText), unit))
        issues.push(at(fact, 'unit-mismatch', unit));
      // 调解纠纷 94.5 件, 发放宣传资料 6.000 份: a count is whole (C8).
      // A figure scaled by its unit (0.05 万人次 → 500, H9) is judged by its value alone.
      if (
        countsWhole(unit) &&
        !writtenWithPercent(fact) &&
        writtenAsFraction(fact.value, fact.rawText) &&
        writtenAsFraction(fact.value, scaledText(fact))
      )
        issues.push(at(fact, 'fractional-count', unit ?? ''));
    }
    for (const { reported, formula } of RATE_CHECKS) {
      const rate = group.get(reported);
      const num = group.get(formula.numerator);
      const den = group.get(formula.denominator);
      if (!rate || !num || !den || rate.approximate || num.approximate || den.approximate) continue;
      const decimals = Math.max(0, writtenDecimals(rate.rawText) - (fractions.has(reported) ? 2 : 0));
      if (den.value <= 0 || rateAgrees(rate.value, decimals, num.value, den.value)) continue;
      const computed = formatRate((100 * num.value) / den.value);
      issues.push(at(rate, 'rate-disagrees', `${num.value} ÷ ${den.value} = ${computed}%`));
    }
  }
  return issues;
}

/** `97%`, `９７％`: a cell written as a rate. */
function writtenWithPercent(fact: Fact): boolean {
  return /[%％]/.test(fact.rawText);
}

/** The cell's text, or none when the figure was scaled from it (H9): its decimals are the unit's. */
function scaledText(fact: Fact): string {
  const written = parseValue(fact.rawText);
  return written.kind === 'number' && written.value !== fact.value ? '' : fact.rawText;
}

/**
 * Whether a figure written with `written` (`15场`) counts another kind of thing than an indicator
 * counted in `unit` (人次): both units count a kind of thing, and not the same kind.
 */
function unitsClash(written: string | undefined, unit: string | undefined): boolean {
  const a = unitKind(written);
  const b = unitKind(unit);
  return a !== undefined && b !== undefined && a !== b;
}
