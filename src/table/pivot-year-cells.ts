import type { IndicatorInfo, TableCell, TownshipRow } from '../db/queries.ts';

export interface YearTableRow {
  readonly townshipCode: string;
  readonly townshipName: string;
  readonly cells: Readonly<Record<string, TableCell>>;
}

export interface YearTable {
  readonly rows: readonly YearTableRow[];
  /** Indicators with at least one value this year, in the order given. */
  readonly indicators: readonly IndicatorInfo[];
}

/**
 * Long cells (already in the query's order) to one row per township. Townships with no
 * value that year come last, so a missing report shows as an empty row, not as no row.
 */
export function pivotYearCells(
  cells: readonly TableCell[],
  townships: readonly TownshipRow[],
  indicators: readonly IndicatorInfo[],
  /** Indicator ids with a value that year when `cells` are only one page of the table. */
  columns?: ReadonlySet<string>,
): YearTable {
  const rows = new Map<
    string,
    { townshipCode: string; townshipName: string; cells: Record<string, TableCell> }
  >();
  const present = new Set<string>();
  for (const cell of cells) {
    let row = rows.get(cell.townshipCode);
    if (!row) {
      row = { townshipCode: cell.townshipCode, townshipName: cell.townshipName, cells: {} };
      rows.set(cell.townshipCode, row);
    }
    row.cells[cell.indicatorId] = cell;
    present.add(cell.indicatorId);
  }
  for (const township of townships) {
    if (!rows.has(township.code))
      rows.set(township.code, { townshipCode: township.code, townshipName: township.name, cells: {} });
  }
  return {
    rows: [...rows.values()],
    indicators: indicators.filter((indicator) => (columns ?? present).has(indicator.id)),
  };
}
