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
  if (parsed.kind === 'missing') return undefined;
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
  /** Adds a fact unless the file already gave one for its township, year and indicator. */
  add(fact: Fact, issues: ImportIssue[]): void;
}

export function createFactCollector(): FactCollector {
  const facts: Fact[] = [];
  const seen = new Map<string, number>();
  return {
    facts,
    add(fact, issues) {
      const key = `${fact.townshipCode}|${fact.year}|${fact.indicatorId}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        issues.push({
          severity: 'warning',
          code: 'duplicate-fact',
          line: fact.line,
          column: fact.column,
          raw: fact.rawText,
          detail: String(earlier),
          indicatorId: fact.indicatorId,
        });
        return;
      }
      seen.set(key, fact.line);
      facts.push(fact);
    },
  };
}
