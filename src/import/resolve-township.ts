import type { Township } from '../district/district.ts';
import type { ImportIssue } from './import-issue.ts';
import { createTownshipMatcher, type TownshipMatcher } from './match-township.ts';

/** A written township name the district does not know, once per name, for the user to resolve. */
export interface UnknownTownship {
  /** The name as `townshipAliases` keys it (spaces removed, lower case). */
  readonly name: string;
  readonly lines: readonly number[];
  readonly suggestions: readonly Township[];
}

export interface TownshipResolver {
  readonly match: TownshipMatcher;
  /** The township a cell names, or undefined with an `unknown-township` issue. */
  resolve(text: string, line: number, column: string, issues: ImportIssue[]): Township | undefined;
  unknown(): UnknownTownship[];
}

export function createTownshipResolver(
  townships: readonly Township[],
  aliases: Readonly<Record<string, string>> = {},
): TownshipResolver {
  const match = createTownshipMatcher(townships, aliases);
  const unknown = new Map<string, { lines: number[]; suggestions: readonly Township[] }>();
  return {
    match,
    resolve(text, line, column, issues) {
      const result = match(text);
      if (result.kind === 'matched') return result.township;
      issues.push({
        severity: 'error',
        code: 'unknown-township',
        line,
        column,
        raw: text,
        detail: result.suggestions.map((t) => t.name).join('、'),
      });
      const entry = unknown.get(result.name);
      if (entry) entry.lines.push(line);
      else unknown.set(result.name, { lines: [line], suggestions: result.suggestions });
      return undefined;
    },
    unknown: () => Array.from(unknown, ([name, entry]) => ({ name, ...entry })),
  };
}
