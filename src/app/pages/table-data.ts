import type { DbClient } from '../../db/client.ts';
import { loadYearTablePage } from '../../db/overview-queries.ts';
import type { TableSort } from '../../db/queries.ts';
import {
  loadYearTableCells,
  loadYearTableOrder,
  type YearTablePage,
  type YearTableSlice,
  yearTablePage,
} from '../../db/table-queries.ts';
import { cachedAnswer, runCached, viewKey } from '../../db/view-cache.ts';

/**
 * A page of the comparison table, asked the cheapest way for what changed. A year not on screen
 * yet: one query for just that page (reading the whole year would be slower on a province). A new
 * order, filter or page of the year on screen: the year's cells are read once and kept, and each
 * order is then one light query (by the sort indicator alone), a page a slice of it.
 */
export async function loadTablePage(
  db: DbClient,
  revision: number,
  year: number,
  sort: TableSort,
  slice: YearTableSlice,
  yearOnScreen: number | undefined,
): Promise<YearTablePage> {
  const cellsKey = viewKey('year-cells', year);
  if (year !== yearOnScreen && !cachedAnswer(db, revision, cellsKey))
    return loadYearTablePage(db, year, sort, slice);
  const [cells, order] = await Promise.all([
    runCached(db, revision, cellsKey, () => loadYearTableCells(db, year)),
    runCached(db, revision, viewKey('year-order', year, sort, slice.filter), () =>
      loadYearTableOrder(db, year, sort, slice.filter),
    ),
  ]);
  return yearTablePage(cells, order, slice.offset, slice.limit);
}
