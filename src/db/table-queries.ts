/**
 * The comparison table's queries, split by what changes them: the cells of a year (every value,
 * its 同比 change, its standing and its source) change only with the year; the townships' order
 * changes with the sort and the filter. A new order is then one light query over the townships
 * and the sort indicator, not the whole year again; a page is a slice of the order, no query.
 * Every number and the order come from SQL; putting a page together only picks rows by township.
 */
import type { DbClient } from './client.ts';
import {
  STANDING_SQL,
  type TableCell,
  type TableCellRow,
  type TableSort,
  type TownshipRow,
  toTableCell,
} from './queries.ts';

export interface YearTableCells {
  readonly year: number;
  /** Each township's cells (townships of the district's list with any value), by indicator id. */
  readonly byTownship: ReadonlyMap<string, readonly TableCell[]>;
  /** Indicators with at least one value that year, in any township, by id: the table's columns. */
  readonly indicatorIds: readonly string[];
}

/**
 * Every stored and derived value of `year` for the district's townships, with its change on the
 * year before (同比), its standing among the townships that year (best and worst quarter by the
 * indicator's `better`, from 8 values up) and where it came from. Both years are read from
 * all_facts once.
 */
export async function loadYearTableCells(db: DbClient, year: number): Promise<YearTableCells> {
  const rows = await db.query<TableCellRow>(
    // The year is cast to the column's type: a JavaScript number binds as DOUBLE, which would
    // cast every row's year instead of comparing integers in the scan.
    `WITH both_years AS MATERIALIZED (
       SELECT f.township_code, t.name AS township_name, f.year, f.indicator_id, f.value, f.approximate,
              f.raw_text, f.import_id, f.source_line, f.source_column
       FROM all_facts f JOIN townships t ON t.code = f.township_code
       WHERE f.year IN (CAST(? AS INTEGER), CAST(? AS INTEGER) - 1)
     ),
     ranked AS (
       SELECT c.*, ind.better,
              count(*) OVER (PARTITION BY c.indicator_id) AS n,
              percent_rank() OVER (PARTITION BY c.indicator_id ORDER BY c.value) AS pr
       FROM both_years c LEFT JOIN indicators ind ON ind.id = c.indicator_id
       WHERE c.year = CAST(? AS INTEGER)
     )
     SELECT f.township_code, f.township_name, f.indicator_id, f.value, f.approximate, f.raw_text,
            i.file_name, f.source_line, f.source_column,
            f.value - p.value AS change,
            ${STANDING_SQL} AS standing
     FROM ranked f
     LEFT JOIN imports i ON i.id = f.import_id
     LEFT JOIN both_years p ON p.township_code = f.township_code AND p.indicator_id = f.indicator_id
                           AND p.year = f.year - 1
     ORDER BY f.indicator_id, f.township_code`,
    [year, year, year],
  );
  const byTownship = new Map<string, TableCell[]>();
  const indicatorIds: string[] = [];
  for (const r of rows) {
    // Rows come by indicator: each township's list is in indicator order, as the table's columns.
    if (indicatorIds.at(-1) !== r.indicator_id) indicatorIds.push(r.indicator_id);
    let cells = byTownship.get(r.township_code);
    if (!cells) {
      cells = [];
      byTownship.set(r.township_code, cells);
    }
    cells.push(toTableCell(r));
  }
  return { year, byTownship, indicatorIds };
}

export interface YearTableOrder {
  readonly year: number;
  /** Every township matching the filter, in table order. */
  readonly townships: readonly TownshipRow[];
}

/**
 * The townships whose name contains `filter`, in the table's order for `year`: by the sort
 * indicator's value (townships without one after those with), or the district's order; those
 * without any value that year always last, in the district's order.
 */
export async function loadYearTableOrder(
  db: DbClient,
  year: number,
  sort: TableSort,
  filter: string,
): Promise<YearTableOrder> {
  const townships = await db.query<{ code: string; name: string }>(
    // A township has a derived value only where it has the stored counts: facts alone tell who reported.
    `WITH reported AS (SELECT DISTINCT township_code FROM facts WHERE year = CAST(? AS INTEGER)),
     sort_key AS (
       SELECT township_code, value AS sort_value FROM all_facts
       WHERE year = CAST(? AS INTEGER) AND indicator_id = ?
     )
     SELECT t.code, t.name
     FROM townships t
     LEFT JOIN reported r ON r.township_code = t.code
     LEFT JOIN sort_key k ON k.township_code = t.code
     WHERE contains(t.name, ?)
     ORDER BY r.township_code IS NULL, k.sort_value * ? NULLS LAST,
              CASE WHEN r.township_code IS NULL THEN t.sort_order ELSE t.sort_order * ? END`,
    [
      year,
      year,
      sort.indicatorId ?? '',
      filter,
      sort.desc ? -1 : 1,
      sort.indicatorId === null && sort.desc ? -1 : 1,
    ],
  );
  return { year, townships };
}

export interface YearTablePage {
  readonly year: number;
  /** The page's townships in table order: those with values first, then those without (a missing report). */
  readonly townships: readonly TownshipRow[];
  /** Their cells, in the same order: every stored and derived value of the year, with its source. */
  readonly cells: readonly TableCell[];
  /** Townships matching the filter: all pages together. */
  readonly total: number;
  /** Indicators with at least one value that year, in any township: the table's columns on every page. */
  readonly indicatorIds: readonly string[];
}

export interface YearTableSlice {
  /** Townships skipped, in table order. */
  readonly offset: number;
  readonly limit: number;
  /** Only townships whose name contains this text ('' = all). */
  readonly filter: string;
}

/** The townships `offset` to `offset + limit` of `order`, each with its cells of the same year. */
export function yearTablePage(
  cells: YearTableCells,
  order: YearTableOrder,
  offset: number,
  limit: number,
): YearTablePage {
  if (cells.year !== order.year) throw new Error('The table’s cells and order are of different years.');
  const townships = order.townships.slice(offset, offset + limit);
  return {
    year: cells.year,
    townships,
    cells: townships.flatMap((township) => cells.byTownship.get(township.code) ?? []),
    total: order.townships.length,
    indicatorIds: cells.indicatorIds,
  };
}
