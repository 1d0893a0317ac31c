import type { Fact } from './fact.ts';
import type { ImportIssue } from './import-issue.ts';
import { type ParsedValue, parseValue } from './parse-value.ts';

export type Figure = Extract<ParsedValue, { kind: 'number' }>;

/**
 * Reads a value cell: its figure, or undefined when it is blank, missing (`—`), unreadable or
 * negative — the last two with an issue.
 */
export function readFigure(
  text: string,
  line: number,
  column: string,
  indicatorId: string,
  issues: ImportIssue[],
): Figure | undefined {
  const parsed = parseValue(text);
  if (parsed.kind === 'missing') {
    // A rate of no cases (`#DIV/0!`): no figure, said on the cell (V16).
    if (parsed.divideByZero)
      issues.push({ severity: 'warning', code: 'divide-by-zero', line, column, raw: text, indicatorId });
    return undefined;
  }
  if (parsed.kind === 'invalid') {
    issues.push({ severity: 'error', code: 'invalid-value', line, column, raw: text, indicatorId });
    return undefined;
  }
  if (parsed.value < 0) {
    issues.push({ severity: 'error', code: 'negative-count', line, column, raw: text, indicatorId });
    return undefined;
  }
  return parsed;
}

export interface FactCollector {
  readonly facts: Fact[];
  /**
   * Adds a fact unless the file already gave one for its township, year and indicator. A
   * `restated` fact is a year's figure given again under `上年` (L13): the same figure is no
   * duplicate; a different one loses to the year's own and is a warning on the restated cell.
   */
  add(fact: Fact, issues: ImportIssue[], restated?: boolean): void;
}

export function createFactCollector(): FactCollector {
  const facts: Fact[] = [];
  const seen = new Map<string, { readonly index: number; readonly restated: boolean }>();
  return {
    facts,
    add(fact, issues, restated = false) {
      const key = `${fact.townshipCode}|${fact.year}|${fact.indicatorId}`;
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, { index: facts.length, restated });
        facts.push(fact);
        return;
      }
      const kept = facts[earlier.index] as Fact;
      const same = kept.value === fact.value && kept.approximate === fact.approximate;
      if (restated === earlier.restated) {
        // Two columns of one row (a table with a column per township, two mapped to one): say which.
        const where = kept.line === fact.line ? `${kept.line}:${kept.column}` : String(kept.line);
        if (!restated || !same) issues.push(issueOn(fact, 'duplicate-fact', where));
        return;
      }
      if (same) return;
      if (earlier.restated) {
        facts[earlier.index] = fact;
        seen.set(key, { index: earlier.index, restated: false });
        issues.push(issueOn(kept, 'restated-differs', String(fact.line)));
      } else {
        issues.push(issueOn(fact, 'restated-differs', String(kept.line)));
      }
    },
  };
}

function issueOn(fact: Fact, code: 'duplicate-fact' | 'restated-differs', kept: string): ImportIssue {
  return {
    severity: 'warning',
    code,
    line: fact.line,
    column: fact.column,
    raw: fact.rawText,
    detail: kept,
    indicatorId: fact.indicatorId,
  };
}
