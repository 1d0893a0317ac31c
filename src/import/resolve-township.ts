import type { Township } from '../district/district.ts';
import { isTotalsLabel } from './classify-row.ts';
import type { ImportIssue } from './import-issue.ts';
import {
  createTownshipMatcher,
  namesOfDistrict,
  type TownshipMatcher,
  townshipKey,
} from './match-township.ts';

/** A written township name the district does not know, once per name, for the user to resolve. */
export interface UnknownTownship {
  /** The name as `townshipAliases` keys it (spaces removed, lower case). */
  readonly name: string;
  readonly lines: readonly number[];
  readonly suggestions: readonly Township[];
}

export interface TownshipResolver {
  readonly match: TownshipMatcher;
  /**
   * Whether a township cell names the district itself (`潼南区`, `重庆市潼南区`, `潼南`): its row is
   * the district's total, as a 合计 row is. A township of the same name wins.
   */
  isDistrict(text: string): boolean;
  /**
   * Whether a township cell names a total (R5): `合计`, `全区合计`, or the district itself. A
   * township's own total over its villages (`宝龙镇合计`) is that township's row.
   */
  isTotal(text: string): boolean;
  /**
   * The township a cell names, or undefined with an `unknown-township` issue. `code` is the row's
   * division code cell, when the table has a code column (T9): it names the township when the name
   * is blank, decides it for a name the district does not know (as `500152104宝垅镇` would), and
   * is checked against a name it knows (`township-code-mismatch`, the name wins).
   */
  resolve(
    text: string,
    line: number,
    column: string,
    issues: ImportIssue[],
    code?: { readonly text: string; readonly column: string },
  ): Township | undefined;
  unknown(): UnknownTownship[];
}

export function createTownshipResolver(
  townships: readonly Township[],
  aliases: Readonly<Record<string, string>> = {},
  districtName?: string,
): TownshipResolver {
  const match = createTownshipMatcher(townships, aliases, districtName);
  const districtNames = namesOfDistrict(districtName);
  const unknown = new Map<string, { lines: number[]; suggestions: readonly Township[] }>();
  const isDistrict = (text: string) =>
    districtNames.size > 0 && districtNames.has(townshipKey(text)) && match(text).kind !== 'matched';
  return {
    match,
    resolve(text, line, column, issues, code) {
      const coded = code && code.text !== '' ? match(code.text) : undefined;
      const codedTownship = coded?.kind === 'matched' ? coded.township : undefined;
      if (text === '') return codedTownship;
      let result = match(text);
      if (result.kind === 'matched') {
        if (code && codedTownship && codedTownship !== result.township) {
          issues.push({
            severity: 'warning',
            code: 'township-code-mismatch',
            line,
            column: code.column,
            raw: code.text,
            detail: codedTownship.name,
          });
        }
        return result.township;
      }
      if (code && codedTownship) {
        result = match(`${code.text}${text}`);
        if (result.kind === 'matched') return result.township;
      }
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
    isDistrict,
    isTotal: (text) => (isTotalsLabel(text) && match(text).kind !== 'matched') || isDistrict(text),
  };
}
