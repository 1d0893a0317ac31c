import { columnIndex } from './fact.ts';

/** A problem found in a file. User-data problems are values, never exceptions. */
export type IssueCode =
  | 'empty'
  | 'xlsx'
  | 'xls'
  | 'binary'
  | 'too-large'
  | 'too-many-columns'
  | 'no-header'
  | 'no-rows'
  | 'no-year'
  | 'part-of-year'
  | 'year-differs'
  | 'future-year'
  | 'file-name-differs'
  | 'no-township'
  | 'unknown-township'
  | 'blank-township'
  | 'township-code-mismatch'
  | 'unknown-indicator'
  | 'blank-indicator'
  | 'duplicate-indicator-column'
  | 'unnamed-column'
  | 'year-as-header'
  | 'bad-year'
  | 'invalid-value'
  | 'divide-by-zero'
  | 'split-number'
  | 'extra-cells'
  | 'unclosed-quote'
  | 'negative-count'
  | 'duplicate-fact'
  | 'restated-differs'
  | 'totals-mismatch'
  | 'subtotal-mismatch'
  | 'totals-column-mismatch'
  | 'unit-scaled'
  | 'percent-for-count'
  | 'unit-mismatch'
  | 'unit-differs'
  | 'fractional-count'
  | 'successes-exceed-cases'
  | 'taken-exceeds-due'
  | 'rate-out-of-range'
  | 'rate-as-fraction'
  | 'rate-disagrees';

export type Severity = 'error' | 'warning';

export interface ImportIssue {
  readonly severity: Severity;
  readonly code: IssueCode;
  /** Row number as a spreadsheet shows it. */
  readonly line?: number;
  /** Column letter as a spreadsheet shows it. */
  readonly column?: string;
  /** The cell's text as written. */
  readonly raw?: string;
  /** Extra facts for the message, e.g. suggested township names or the sum a total should have. */
  readonly detail?: string;
  /** The indicator the cell belongs to, when there is one. */
  readonly indicatorId?: string;
}

export function hasErrors(issues: readonly ImportIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** File-wide problems first, then in reading order: by line, then by column. */
export function sortIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort(
      (a, b) =>
        (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
        columnIndex(a.issue.column ?? '') - columnIndex(b.issue.column ?? '') ||
        a.order - b.order,
    )
    .map((entry) => entry.issue);
}
