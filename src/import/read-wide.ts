import { findIndicator } from '../indicators/catalog.ts';
import {
  firstFilledCell,
  isFootnoteRow,
  isGroupHeadingRow,
  isSubtotalLabel,
  isSummaryLabel,
} from './classify-row.ts';
import { createFactCollector, type Figure, readFigure } from './collect-facts.ts';
import { columnLetter, type Fact } from './fact.ts';
import { columnWithRole, type HeaderBlock } from './find-header.ts';
import type { ImportIssue } from './import-issue.ts';
import type { MappedColumn } from './map-columns.ts';
import { trimCell } from './normalize-text.ts';
import { isBlankRow } from './parse-csv.ts';
import { isRestated, parseYearCell, yearOfColumn } from './parse-year.ts';
import type { TownshipResolver } from './resolve-township.ts';
import { addPart, emptySum, formatSum, type Sum, sumsAgree } from './sums.ts';
import { scaled, type UnitScale, unitScale } from './unit-scale.ts';

export interface WideResult {
  readonly facts: Fact[];
  readonly issues: ImportIssue[];
  readonly dataRows: number;
  /** Columns without a header that hold data in some row. */
  readonly unnamedColumns: number[];
}

/**
 * One row per township, one column per indicator. `合计`/`总计` rows are checked against the sum
 * of the township rows above them and `小计` rows against the rows since the previous `小计`;
 * none of them becomes a fact.
 */
/** A 合计 or 小计 row as read, to be checked against the rows it adds up. */
interface StatedTotal {
  readonly row: readonly string[];
  readonly line: number;
  readonly year: number | undefined;
}

export function readWide(
  rows: readonly (readonly string[])[],
  block: HeaderBlock,
  mapped: readonly MappedColumn[],
  townships: TownshipResolver,
  year: number | undefined,
): WideResult {
  const issues: ImportIssue[] = [];
  const collector = createFactCollector();
  const townshipColumn = columnWithRole(block, 'township') ?? 0;
  const codeColumn = columnWithRole(block, 'code');
  const yearColumn = columnWithRole(block, 'year');
  const noteColumn = columnWithRole(block, 'note');
  const valueColumns = mapped.filter(
    (c): c is MappedColumn & { indicatorId: string } => c.indicatorId !== null && !c.conflict,
  );
  // 法律咨询（万人次）: the column's figures are in ten thousands of the indicator's 人次.
  const scales = new Map<number, UnitScale>();
  for (const column of valueColumns) {
    const header = block.columns.find((h) => h.index === column.index);
    const scale = unitScale(header?.unit, column.indicatorId);
    if (!header || !scale) continue;
    scales.set(column.index, scale);
    issues.push({
      severity: 'warning',
      code: 'unit-scaled',
      line: header.line,
      column: columnLetter(column.index),
      raw: header.unit ?? '',
      detail: scale.unit,
      indicatorId: column.indicatorId,
    });
  }
  const additive = valueColumns.filter((c) => findIndicator(c.indicatorId)?.additive === true);
  // Per year: a 合计 row adds up the townships' rows of its own year (one per year in a 同比 table).
  const overall = new Map<string, Map<number, Sum>>();
  const sinceSubtotal = new Map<string, Map<number, Sum>>();
  const sumsOf = (table: Map<string, Map<number, Sum>>, rowYear: number | undefined) => {
    const key = String(rowYear);
    let sums = table.get(key);
    if (!sums) {
      sums = new Map(additive.map((c) => [c.index, emptySum()]));
      table.set(key, sums);
    }
    return sums;
  };
  /** A total row's cells against the sums of the rows it adds up: a warning per column that differs. */
  const checkTotal = (stated: StatedTotal, table: Map<string, Map<number, Sum>>) => {
    const code = table === sinceSubtotal ? 'subtotal-mismatch' : 'totals-mismatch';
    const sums = sumsOf(table, stated.year);
    for (const column of additive) {
      const text = stated.row[column.index] ?? '';
      const letter = columnLetter(column.index);
      const total = readFigure(text, stated.line, letter, column.indicatorId, issues);
      const sum = sums.get(column.index);
      if (!total || total.approximate || !sum?.exact || sumsAgree(total.value, sum.value)) continue;
      issues.push({
        severity: 'warning',
        code,
        line: stated.line,
        column: letter,
        raw: text,
        detail: formatSum(sum.value),
        indicatorId: column.indicatorId,
      });
    }
  };
  const rowsOfYear = new Map<string, number>();
  let rowsSinceSubtotal = 0;
  let subtotalsAbove: boolean | undefined;
  let subtotalAbove: StatedTotal | undefined;
  const totalsAbove: StatedTotal[] = [];
  const headed = new Set(mapped.map((c) => c.index));
  const unnamed = new Set<number>();
  let dataRows = 0;
  let yearAbove: number | undefined;
  /** A row's year as its year cell gives it: its own, else the one above, else the file's. */
  const yearOfRow = (yearText: string): number | null | undefined =>
    yearText === '' ? (yearAbove ?? year) : parseYearCell(yearText, year);
  let yearWanted = false;
  /** The last township written, with its code: a name merged over its rows of years (T6). */
  let townshipAbove: { name: string; code?: { text: string; column: string } } = { name: '' };

  for (let index = block.end; index < rows.length; index++) {
    const row = rows[index] ?? [];
    const line = index + 1;
    if (isBlankRow(row) || isFootnoteRow(row)) continue;
    const cell = (i: number) => row[i] ?? '';
    const townshipText = trimCell(cell(townshipColumn));
    const first = firstFilledCell(row);
    const label = townshipText !== '' ? townshipText : first.index <= townshipColumn ? first.text : '';

    const summary = isSummaryLabel(label);
    const total = !summary && townships.isTotal(label);
    // A township merged over its rows of years never reaches across a total or summary row.
    if (summary || total) townshipAbove = { name: '' };
    if (summary) continue;
    if (total) {
      const totalYear =
        yearColumn === undefined ? year : (yearOfRow(trimCell(cell(yearColumn))) ?? undefined);
      const stated: StatedTotal = { row, line, year: totalYear };
      if (isSubtotalLabel(label)) {
        // 街道小计 above the streets' rows (R6): each subtotal heads the rows below it, up to the next.
        subtotalsAbove ??= rowsSinceSubtotal === 0;
        if (subtotalsAbove) {
          if (subtotalAbove) checkTotal(subtotalAbove, sinceSubtotal);
          subtotalAbove = stated;
          sinceSubtotal.clear();
        } else {
          checkTotal(stated, sinceSubtotal);
          sinceSubtotal.delete(String(totalYear));
        }
        rowsSinceSubtotal = 0;
        continue;
      }
      if (subtotalAbove) checkTotal(subtotalAbove, sinceSubtotal);
      subtotalAbove = undefined;
      // 合计 or 全区 above the townships' rows: checked against its year's rows once all are read.
      if ((rowsOfYear.get(String(totalYear)) ?? 0) === 0) totalsAbove.push(stated);
      else checkTotal(stated, overall);
      continue;
    }

    for (let i = 0; i < row.length; i++) {
      if (!headed.has(i) && i !== townshipColumn && trimCell(cell(i)) !== '') unnamed.add(i);
    }
    const filled = valueColumns.filter((c) => trimCell(cell(c.index)) !== '');
    if (townshipText === '' && filled.length === 0) continue;
    // `一、街道,,,` above the streets: names the group, gives nothing.
    if (filled.length === 0 && isGroupHeadingRow(row)) continue;
    dataRows++;

    const code =
      codeColumn === undefined
        ? undefined
        : { text: trimCell(cell(codeColumn)), column: columnLetter(codeColumn) };
    // `宝龙镇,本年,94` over `,上年同期,80`: a township merged over its rows of years.
    const filledDown =
      townshipText === '' &&
      townshipAbove.name !== '' &&
      yearColumn !== undefined &&
      trimCell(cell(yearColumn)) !== '';
    const township = townships.resolve(
      filledDown ? townshipAbove.name : townshipText,
      line,
      columnLetter(townshipColumn),
      filledDown ? [] : issues,
      filledDown ? townshipAbove.code : code,
    );
    if (townshipText !== '') townshipAbove = { name: townshipText, code };
    if (!township && townshipText === '' && !filledDown) {
      issues.push({ severity: 'error', code: 'blank-township', line, column: columnLetter(townshipColumn) });
    }

    let rowYear = year;
    if (yearColumn !== undefined) {
      const yearText = trimCell(cell(yearColumn));
      const parsed = yearText === '' ? undefined : yearOfRow(yearText);
      const written = parsed ?? undefined;
      if (written !== undefined) yearAbove = written;
      // `本年` with no year in the title or file name: the file's year is wanted, once.
      if (parsed === null && !yearWanted) {
        yearWanted = true;
        issues.push({ severity: 'error', code: 'no-year', raw: yearText });
      }
      if (yearText !== '' && parsed === undefined) {
        issues.push({
          severity: 'error',
          code: 'bad-year',
          line,
          column: columnLetter(yearColumn),
          raw: yearText,
        });
      }
      rowYear = yearText === '' ? (yearAbove ?? year) : written;
      if (yearText === '' && rowYear === undefined) {
        issues.push({ severity: 'error', code: 'no-year', line, column: columnLetter(yearColumn) });
      }
    }
    const noteText = noteColumn === undefined ? '' : trimCell(cell(noteColumn));
    rowsOfYear.set(String(rowYear), (rowsOfYear.get(String(rowYear)) ?? 0) + 1);
    rowsSinceSubtotal++;

    for (const column of filled) {
      const text = cell(column.index);
      const letter = columnLetter(column.index);
      const figure: Figure | undefined = readFigure(text, line, letter, column.indicatorId, issues);
      for (const sums of [sumsOf(overall, rowYear), sumsOf(sinceSubtotal, rowYear)]) {
        const sum = sums.get(column.index);
        if (!sum) continue;
        addPart(sum, figure, text);
      }
      const factYear = yearOfColumn(column.year, rowYear);
      if (!figure || !township || factYear === undefined) continue;
      collector.add(
        {
          townshipCode: township.code,
          year: factYear,
          indicatorId: column.indicatorId,
          value: scaled(figure.value, text, scales.get(column.index)),
          approximate: figure.approximate,
          rawText: text,
          note: noteText === '' ? null : noteText,
          line,
          column: letter,
        },
        issues,
        isRestated(column.year),
      );
    }
  }
  if (subtotalAbove) checkTotal(subtotalAbove, sinceSubtotal);
  for (const stated of totalsAbove) checkTotal(stated, overall);
  return {
    facts: collector.facts,
    issues,
    dataRows,
    unnamedColumns: [...unnamed].sort((a, b) => a - b),
  };
}
