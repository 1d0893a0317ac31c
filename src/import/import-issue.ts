/** A problem found in a file. User-data problems are values, never exceptions. */
export type IssueCode =
  | 'empty'
  | 'xlsx'
  | 'xls'
  | 'binary'
  | 'too-large'
  | 'no-header'
  | 'no-rows'
  | 'unknown-township'
  | 'unknown-indicator'
  | 'bad-year'
  | 'invalid-value'
  | 'negative-count'
  | 'duplicate-fact';

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
  /** Extra facts for the message, e.g. suggested township names. */
  readonly detail?: string;
}

export function hasErrors(issues: readonly ImportIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
