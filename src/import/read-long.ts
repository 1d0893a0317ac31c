import type { Township } from '../district/district.ts';
import { findIndicator } from '../indicators/catalog.ts';
import {
  isFootnoteRow,
  isGroupHeading,
  isSubtotalLabel,
  isSummaryLabel,
  isTotalsLabel,
} from './classify-row.ts';
import { createFactCollector, readFigure } from './collect-facts.ts';
import { columnLetter, type Fact } from './fact.ts';
import { columnWithRole, type HeaderBlock } from './find-header.ts';
import type { ImportIssue } from './import-issue.ts';
import { headerUnit } from './match-header.ts';
import {
  type CustomIndicator,
  customIndicatorOf,
  type Mappings,
  passedOverFor,
  type Resolution,
  resolveIndicatorName,
  unitDiffersIssue,
} from './map-columns.ts';
import { trimCell } from './normalize-text.ts';
import { isBlankRow } from './parse-csv.ts';
import { type HeaderYear, isRestated, parseYearCell, yearOfColumn } from './parse-year.ts';
import type { TownshipResolver } from './resolve-township.ts';
import { addPart, emptySum, formatSum, type Sum, sumsAgree } from './sums.ts';
import { parseValue } from './parse-value.ts';
import { scaled, unitScale } from './unit-scale.ts';

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
 * Indicators in the rows: `long` (镇街, 年度, 指标, 数值[, 单位, 备注]), a one-township `sheet`
 * (指标, 数值[, 单位, 备注]), either with a value column per year instead of 数值 (指标, 2020年,
 * 2021年), and `transposed` (指标, 宝龙镇, 上和镇 …[, 合计]), whose 合计 column is checked
 * against the townships' sum for additive indicators. A blank township or year cell takes the
 * one above it: Excel writes a merged cell only into its first row. `合计` rows and rows named
 * for the district are left out. A unit stating a size (万人次) scales its row's figures.
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
  const staleSaid = new Set<string>();
  const townshipColumn = columnWithRole(block, 'township');
  const yearColumn = columnWithRole(block, 'year');
  const indicatorColumn = columnWithRole(block, 'indicator') ?? 0;
  const slots = valueSlots(block, context.townships, issues);
  const scalesSaid = new Set<string>();
  const unitColumn = columnWithRole(block, 'unit');
  const noteColumn = columnWithRole(block, 'note');
  const codeColumn = columnWithRole(block, 'code');
  let townshipAbove = '';
  let codeAbove = '';
  let yearAbove = '';
  let yearWanted = false;
  let dataRows = 0;
  // 合计 rows of a long file (R6): the value column's figure against its year's township rows.
  const single =
    slots.length === 1 && slots[0]?.township === undefined && !slots[0]?.year ? slots[0] : undefined;
  const statedTotals: { line: number; name: string; unit: string; yearText: string; text: string }[] = [];
  const townshipSums = new Map<string, Sum>();

  for (let index = block.end; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const line = index + 1;
    if (isBlankRow(row) || isFootnoteRow(row)) continue;
    const cell = (i: number | undefined) => (i === undefined ? '' : trimCell(row[i] ?? ''));

    const writtenTownship = cell(townshipColumn);
    const writtenCode = cell(codeColumn);
    if (writtenTownship !== '' || writtenCode !== '') {
      townshipAbove = writtenTownship;
      codeAbove = writtenCode;
    }
    const writtenYear = cell(yearColumn);
    if (writtenYear !== '') yearAbove = writtenYear;
    const totalRow = context.townships.isTotal(townshipAbove);
    if (totalRow && !isSubtotalLabel(townshipAbove) && single)
      statedTotals.push({
        line,
        name: cell(indicatorColumn),
        unit: cell(unitColumn),
        yearText: yearAbove,
        text: cell(single.index),
      });
    if (totalRow || isSummaryLabel(townshipAbove) || isTotalsLabel(cell(indicatorColumn))) continue;
    const name = cell(indicatorColumn);
    const written = slots.filter((slot) => trimCell(row[slot.index] ?? '') !== '');
    // A group heading over the indicators below it (`一、学法用法`, no figure) is no data row.
    if (written.length === 0 && (name === '' || isGroupHeading(name))) continue;
    dataRows++;

    if (name === '') {
      issues.push({
        severity: 'error',
        code: 'blank-indicator',
        line,
        column: columnLetter(indicatorColumn),
        raw: row[written[0]?.index ?? 0] ?? '',
      });
      continue;
    }
    // 法治培训, 1200, 人次: a unit of another kind makes another indicator (H11), so a name is
    // resolved with its row's unit; said once per name and unit.
    const unitCell = cell(unitColumn);
    const resolvedKey = `${name}\u0000${unitCell}`;
    let resolution = resolved.get(resolvedKey);
    if (!resolution) {
      resolution = resolveIndicatorName(
        name,
        context.mappings,
        (target) => {
          // A stale mapping is said once per name, whatever the units beside it.
          if (staleSaid.has(name)) return;
          staleSaid.add(name);
          issues.push({
            severity: 'warning',
            code: 'unknown-indicator',
            line,
            column: columnLetter(indicatorColumn),
            raw: target,
            detail: name,
          });
        },
        unitCell === '' ? null : unitCell,
      );
      resolved.set(resolvedKey, resolution);
      const differs = passedOverFor(resolution);
      if (differs)
        issues.push(
          unitDiffersIssue(
            differs,
            line,
            columnLetter((unitCell === '' ? indicatorColumn : unitColumn) ?? 0),
          ),
        );
    }
    if (resolution.indicatorId === null) continue;
    const indicatorId = resolution.indicatorId;
    if (indicatorId.startsWith('custom:') && !customs.has(indicatorId))
      customs.set(
        indicatorId,
        customIndicatorOf(indicatorId, name, unitCell === '' ? null : unitCell, resolution),
      );

    let rowTownship = context.township;
    if (townshipColumn !== undefined) {
      const letter = columnLetter(townshipColumn);
      // A name filled down from a merged cell is reported once, on the row that wrote it.
      const sink = writtenTownship === '' && writtenCode === '' ? [] : issues;
      const code =
        codeColumn === undefined ? undefined : { text: codeAbove, column: columnLetter(codeColumn) };
      rowTownship = context.townships.resolve(townshipAbove, line, letter, sink, code);
      if (!rowTownship && townshipAbove === '')
        issues.push({ severity: 'error', code: 'blank-township', line, column: letter });
    }

    let rowYear = context.year;
    if (yearColumn !== undefined) {
      const letter = columnLetter(yearColumn);
      const parsed = yearAbove === '' ? context.year : parseYearCell(yearAbove, context.year);
      rowYear = parsed ?? undefined;
      // `本年` with no year in the title or file name: the file's year is wanted, once.
      if (parsed === null) {
        if (!yearWanted) issues.push({ severity: 'error', code: 'no-year', raw: yearAbove });
        yearWanted = true;
      } else if (writtenYear !== '' && rowYear === undefined) {
        issues.push({ severity: 'error', code: 'bad-year', line, column: letter, raw: yearAbove });
      } else if (yearAbove === '' && rowYear === undefined) {
        issues.push({ severity: 'error', code: 'no-year', line, column: letter });
      }
    }

    const note = cell(noteColumn);
    // 法律咨询, 0.05, 万人次: in ten thousands of the indicator's 人次; said once per indicator and unit.
    // Or, when the row has no unit cell, in the indicator's name as a header carries it:
    // 法律咨询（万人次）, 0.05.
    const inCell = unitScale(unitCell, indicatorId);
    const nameUnit = unitCell === '' ? headerUnit(name) : null;
    const scale = inCell ?? unitScale(nameUnit, indicatorId);
    const unitText = inCell ? unitCell : (nameUnit ?? '');
    if (scale && !scalesSaid.has(`${indicatorId}|${unitText}`)) {
      scalesSaid.add(`${indicatorId}|${unitText}`);
      issues.push({
        severity: 'warning',
        code: 'unit-scaled',
        line,
        column: columnLetter((inCell ? unitColumn : indicatorColumn) ?? 0),
        raw: unitText,
        detail: scale.unit,
        indicatorId,
      });
    }
    const sum = emptySum();
    let total: { text: string; letter: string; value: number } | undefined;
    for (const slot of slots) {
      const valueText = row[slot.index] ?? '';
      if (slot.totals) {
        const figure = readFigure(valueText, line, slot.letter, indicatorId, issues);
        if (figure && !figure.approximate)
          total = { text: valueText, letter: slot.letter, value: figure.value };
        continue;
      }
      const figure = readFigure(valueText, line, slot.letter, indicatorId, issues);
      addPart(sum, figure, valueText);
      if (single) {
        const key = `${rowYear}|${indicatorId}`;
        const part = townshipSums.get(key) ?? emptySum();
        addPart(part, figure, valueText);
        townshipSums.set(key, part);
      }
      const township = slot.township === undefined ? rowTownship : slot.township;
      const year = yearOfColumn(slot.year, rowYear);
      if (!figure || !township || year === undefined) continue;
      collector.add(
        {
          townshipCode: township.code,
          year,
          indicatorId,
          value: scaled(figure.value, valueText, scale),
          approximate: figure.approximate,
          rawText: valueText,
          note: note === '' ? null : note,
          line,
          column: slot.letter,
        },
        issues,
        isRestated(slot.year),
      );
    }
    if (
      total &&
      sum.exact &&
      findIndicator(indicatorId)?.additive === true &&
      !sumsAgree(total.value, sum.value)
    ) {
      issues.push({
        severity: 'warning',
        code: 'totals-column-mismatch',
        line,
        column: total.letter,
        raw: total.text,
        detail: formatSum(sum.value),
        indicatorId,
      });
    }
  }
  if (single)
    for (const stated of statedTotals) {
      // As its township rows are read: with its unit (H11); a stale mapping was said on them.
      const { indicatorId } = resolveIndicatorName(
        stated.name,
        context.mappings,
        () => undefined,
        stated.unit === '' ? null : stated.unit,
      );
      const year = stated.yearText === '' ? context.year : parseYearCell(stated.yearText, context.year);
      if (!indicatorId || year == null || findIndicator(indicatorId)?.additive !== true) continue;
      const sum = townshipSums.get(`${year}|${indicatorId}`);
      const total = parseValue(stated.text);
      if (!sum?.exact || total.kind !== 'number' || total.approximate || sumsAgree(total.value, sum.value))
        continue;
      issues.push({
        severity: 'warning',
        code: 'totals-mismatch',
        line: stated.line,
        column: single.letter,
        raw: stated.text,
        detail: formatSum(sum.value),
        indicatorId,
      });
    }
  return { facts: collector.facts, issues, dataRows, customIndicators: [...customs.values()] };
}

interface ValueSlot {
  readonly index: number;
  readonly letter: string;
  /** The year of the column's values; undefined: the row's. */
  readonly year?: HeaderYear;
  /** The township of the column's values (null: a name the district does not know); undefined: the row's. */
  readonly township?: Township | null;
  /** A 合计 column: checked against the sum of the township columns, never a fact. */
  readonly totals: boolean;
}

/** The value column, or the columns across (a year or a township each), its header read once. */
function valueSlots(block: HeaderBlock, townships: TownshipResolver, issues: ImportIssue[]): ValueSlot[] {
  const across = block.across;
  if (!across) {
    const index = columnWithRole(block, 'value') ?? 0;
    return [{ index, letter: columnLetter(index), totals: false }];
  }
  if (across.kind === 'year') {
    return across.columns.map((c) => ({
      index: c.index,
      letter: columnLetter(c.index),
      year: c.year,
      totals: false,
    }));
  }
  const headerLine = block.start + 1;
  return across.columns.map((c) => {
    const letter = columnLetter(c.index);
    if (c.totals) return { index: c.index, letter, totals: true };
    return {
      index: c.index,
      letter,
      township: townships.resolve(c.text, headerLine, letter, issues) ?? null,
      totals: false,
    };
  });
}
