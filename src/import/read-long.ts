import type { Township } from '../district/district.ts';
import { isFootnoteRow, isTotalsLabel } from './classify-row.ts';
import { createFactCollector, readFigure } from './collect-facts.ts';
import { columnLetter, type Fact } from './fact.ts';
import { columnWithRole, type HeaderBlock } from './find-header.ts';
import type { ImportIssue } from './import-issue.ts';
import {
  type CustomIndicator,
  customIndicatorOf,
  type Mappings,
  type Resolution,
  resolveIndicatorName,
} from './map-columns.ts';
import { trimCell } from './normalize-text.ts';
import { isBlankRow } from './parse-csv.ts';
import { parseYear } from './parse-year.ts';
import type { TownshipResolver } from './resolve-township.ts';

export interface LongResult {
  readonly facts: Fact[];
  readonly issues: ImportIssue[];
  readonly dataRows: number;
  readonly customIndicators: CustomIndicator[];
}

export interface LongContext {
  readonly townships: TownshipResolver;
  readonly mappings: Mappings;
  /** The file's year, for a table without a year column. */
  readonly year: number | undefined;
  /** The file's township, for a one-township sheet. */
  readonly township: Township | undefined;
}

/**
 * One value per row: `long` (镇街, 年度, 指标, 数值[, 单位, 备注]) and a one-township `sheet`
 * (指标, 数值[, 单位, 备注]). A blank township or year cell takes the one above it: Excel writes a
 * merged cell only into its first row. `合计` rows are left out.
 */
export function readLong(
  rows: readonly (readonly string[])[],
  block: HeaderBlock,
  context: LongContext,
): LongResult {
  const issues: ImportIssue[] = [];
  const collector = createFactCollector();
  const customs = new Map<string, CustomIndicator>();
  const resolved = new Map<string, Resolution>();
  const townshipColumn = columnWithRole(block, 'township');
  const yearColumn = columnWithRole(block, 'year');
  const indicatorColumn = columnWithRole(block, 'indicator') ?? 0;
  const valueColumn = columnWithRole(block, 'value') ?? 0;
  const unitColumn = columnWithRole(block, 'unit');
  const noteColumn = columnWithRole(block, 'note');
  let townshipAbove = '';
  let yearAbove = '';
  let dataRows = 0;

  for (let index = block.end; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const line = index + 1;
    if (isBlankRow(row) || isFootnoteRow(row)) continue;
    const cell = (i: number | undefined) => (i === undefined ? '' : trimCell(row[i] ?? ''));

    const writtenTownship = cell(townshipColumn);
    if (writtenTownship !== '') townshipAbove = writtenTownship;
    const writtenYear = cell(yearColumn);
    if (writtenYear !== '') yearAbove = writtenYear;
    if (isTotalsLabel(townshipAbove) || isTotalsLabel(cell(indicatorColumn))) continue;
    const name = cell(indicatorColumn);
    const valueText = row[valueColumn] ?? '';
    if (name === '' && trimCell(valueText) === '') continue;
    dataRows++;

    const valueLetter = columnLetter(valueColumn);
    if (name === '') {
      issues.push({
        severity: 'error',
        code: 'blank-indicator',
        line,
        column: columnLetter(indicatorColumn),
        raw: valueText,
      });
      continue;
    }
    let resolution = resolved.get(name);
    if (!resolution) {
      resolution = resolveIndicatorName(name, context.mappings, (target) =>
        issues.push({
          severity: 'warning',
          code: 'unknown-indicator',
          line,
          column: columnLetter(indicatorColumn),
          raw: target,
          detail: name,
        }),
      );
      resolved.set(name, resolution);
    }
    if (resolution.indicatorId === null) continue;
    const indicatorId = resolution.indicatorId;
    if (indicatorId.startsWith('custom:') && !customs.has(indicatorId)) {
      const unit = cell(unitColumn);
      customs.set(indicatorId, customIndicatorOf(indicatorId, name, unit === '' ? null : unit));
    }

    let township = context.township;
    if (townshipColumn !== undefined) {
      const letter = columnLetter(townshipColumn);
      // A name filled down from a merged cell is reported once, on the row that wrote it.
      const sink = writtenTownship === '' ? [] : issues;
      township =
        townshipAbove === '' ? undefined : context.townships.resolve(townshipAbove, line, letter, sink);
      if (townshipAbove === '')
        issues.push({ severity: 'error', code: 'blank-township', line, column: letter });
    }

    let year = context.year;
    if (yearColumn !== undefined) {
      const letter = columnLetter(yearColumn);
      year = yearAbove === '' ? context.year : parseYear(yearAbove);
      if (writtenYear !== '' && year === undefined) {
        issues.push({ severity: 'error', code: 'bad-year', line, column: letter, raw: yearAbove });
      } else if (yearAbove === '' && year === undefined) {
        issues.push({ severity: 'error', code: 'no-year', line, column: letter });
      }
    }

    const figure = readFigure(valueText, line, valueLetter, indicatorId, issues);
    if (!figure || !township || year === undefined) continue;
    const note = cell(noteColumn);
    collector.add(
      {
        townshipCode: township.code,
        year,
        indicatorId,
        value: figure.value,
        approximate: figure.approximate,
        rawText: valueText,
        note: note === '' ? null : note,
        line,
        column: valueLetter,
      },
      issues,
    );
  }
  return { facts: collector.facts, issues, dataRows, customIndicators: [...customs.values()] };
}
