import type { Township } from '../district/district.ts';
import type { Indicator } from '../indicators/catalog.ts';
import { columnLetter, type Fact } from './fact.ts';
import type { ImportIssue } from './import-issue.ts';
import { matchHeader } from './match-header.ts';
import { matchTownship } from './match-township.ts';
import { normalizeLabel, trimCell } from './normalize-text.ts';
import { isBlankRow } from './parse-csv.ts';
import { parseValue } from './parse-value.ts';
import { parseYear } from './parse-year.ts';

/** Column roles of the long layout: township, year, indicator, value[, unit, note]. */
export interface LongColumns {
  readonly township: number;
  readonly year: number;
  readonly indicator: number;
  readonly value: number;
  readonly note?: number;
}

const ROLE_LABELS = {
  township: ['镇街', '镇街名称', '乡镇', '乡镇街道', '镇(街道)', '镇（街道）', '单位名称', 'township'],
  year: ['年度', '年份', '年', 'year'],
  indicator: ['指标', '指标名称', '项目', 'indicator'],
  value: ['数值', '数据', '值', '指标值', 'value'],
  note: ['备注', '说明', 'note'],
} as const;

function findRole(header: readonly string[], labels: readonly string[]): number | undefined {
  const keys = new Set(labels.map(normalizeLabel));
  const index = header.findIndex((cell) => keys.has(normalizeLabel(cell)));
  return index >= 0 ? index : undefined;
}

/** The long layout's columns if this row is its header. */
export function findLongColumns(header: readonly string[]): LongColumns | undefined {
  const township = findRole(header, ROLE_LABELS.township);
  const year = findRole(header, ROLE_LABELS.year);
  const indicator = findRole(header, ROLE_LABELS.indicator);
  const value = findRole(header, ROLE_LABELS.value);
  if (township === undefined || year === undefined || indicator === undefined || value === undefined)
    return undefined;
  const note = findRole(header, ROLE_LABELS.note);
  return note === undefined
    ? { township, year, indicator, value }
    : { township, year, indicator, value, note };
}

const FOOTNOTE = /^(注|备注|说明|填报单位|填报人|数据来源|制表|审核)[:：\s]/;

export function isFootnoteRow(row: readonly string[]): boolean {
  return FOOTNOTE.test(trimCell(row[0] ?? ''));
}

export interface ReadResult {
  readonly facts: Fact[];
  readonly issues: ImportIssue[];
  readonly dataRows: number;
}

const NEGATIVE_ALLOWED: ReadonlySet<string> = new Set();

export function readLong(
  rows: readonly (readonly string[])[],
  headerIndex: number,
  columns: LongColumns,
  townships: readonly Township[],
): ReadResult {
  const facts: Fact[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;

  for (let index = headerIndex + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const line = index + 1;
    if (isBlankRow(row) || isFootnoteRow(row)) continue;
    dataRows++;
    const cell = (i: number) => row[i] ?? '';

    const townshipText = cell(columns.township);
    const match = matchTownship(townshipText, townships);
    if (match.kind === 'unknown') {
      issues.push({
        severity: 'error',
        code: 'unknown-township',
        line,
        column: columnLetter(columns.township),
        raw: townshipText,
        detail: match.suggestions.map((t) => t.name).join('、'),
      });
      continue;
    }
    const year = parseYear(cell(columns.year));
    if (year === undefined) {
      issues.push({
        severity: 'error',
        code: 'bad-year',
        line,
        column: columnLetter(columns.year),
        raw: cell(columns.year),
      });
      continue;
    }
    const indicator: Indicator | undefined = matchHeader(cell(columns.indicator));
    if (!indicator) {
      issues.push({
        severity: 'warning',
        code: 'unknown-indicator',
        line,
        column: columnLetter(columns.indicator),
        raw: cell(columns.indicator),
      });
      continue;
    }
    const valueText = cell(columns.value);
    const parsed = parseValue(valueText);
    const column = columnLetter(columns.value);
    if (parsed.kind === 'missing') continue;
    if (parsed.kind === 'invalid') {
      issues.push({ severity: 'error', code: 'invalid-value', line, column, raw: valueText });
      continue;
    }
    if (parsed.value < 0 && !NEGATIVE_ALLOWED.has(indicator.id)) {
      issues.push({ severity: 'error', code: 'negative-count', line, column, raw: valueText });
      continue;
    }
    const key = `${match.township.code}|${year}|${indicator.id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({
        severity: 'warning',
        code: 'duplicate-fact',
        line,
        column,
        raw: valueText,
        detail: String(earlier),
      });
      continue;
    }
    seen.set(key, line);
    const noteText = columns.note === undefined ? '' : trimCell(cell(columns.note));
    facts.push({
      townshipCode: match.township.code,
      year,
      indicatorId: indicator.id,
      value: parsed.value,
      approximate: parsed.approximate,
      rawText: valueText,
      note: noteText === '' ? null : noteText,
      line,
      column,
    });
  }
  return { facts, issues, dataRows };
}
