import type { SortingState } from '@tanstack/react-table';
import { useMemo, useRef, useState } from 'react';
import { viewKey } from '../../db/view-cache.ts';
import { pivotYearCells } from '../../table/pivot-year-cells.ts';
import { YearTable, type YearTableLabels } from '../../table/YearTable.tsx';
import { comparisonTable } from '../chart-exports.ts';
import { nameIn, type PageContext, unitIn } from '../page-context.ts';
import { TableActions } from '../TableActions.tsx';
import { useViewQuery } from '../use-db-query.ts';
import { Pager } from './Pager.tsx';
import { loadTablePage } from './table-data.ts';
import { loading, shown } from './shown.ts';

/** Townships per page: a district fits on one, a province's thousand are read and drawn a page at a time. */
export const TABLE_PAGE_SIZE = 100;

/** Townships × indicators for a year: sort, filter, choose columns, 同比, colour by standing. */
export function TablePage({ ctx }: { readonly ctx: PageContext }) {
  const { db, view, setView, t, lang, locale, revision, indicators, year } = ctx;
  const [filter, setFilter] = useState('');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [showChange, setShowChange] = useState(false);
  const query = filter.trim();
  // A new year, order or filter starts again at the first page.
  const pagingKey = `${year}|${view.sortBy}|${view.sortDesc}|${query}`;
  const [paging, setPaging] = useState({ key: pagingKey, page: 0 });
  const page = paging.key === pagingKey ? paging.page : 0;
  const sort = { indicatorId: view.sortBy === 'township' ? null : view.sortBy, desc: view.sortDesc };
  const slice = { offset: page * TABLE_PAGE_SIZE, limit: TABLE_PAGE_SIZE, filter: query };
  // The year whose rows are on screen: a new order or page of it reuses the year's cells.
  const onScreen = useRef<number | undefined>(undefined);
  const cells = useViewQuery(
    db,
    revision,
    year === null ? null : viewKey('year-table', year, sort, slice),
    () => loadTablePage(db, revision, year ?? 0, sort, slice, onScreen.current),
  );
  // While a re-sort runs, keep showing the previous rows rather than flashing an empty table.
  const cellData = shown(cells);
  onScreen.current = cellData?.year;
  const busy = loading(cells, year !== null);
  const table = useMemo(
    () =>
      cellData
        ? pivotYearCells(cellData.cells, cellData.townships, indicators, new Set(cellData.indicatorIds))
        : null,
    [cellData, indicators],
  );
  const labels: YearTableLabels = useMemo(
    () => ({
      township: t.township,
      approxMark: t.approxMark,
      notReported: t.notReported,
      derivedSource: t.derivedSource,
      sourceSeparator: t.sourceSeparator,
      source: t.source,
      originalText: t.originalText,
      indicatorName: (i) => nameIn(lang, i),
      unitName: (i) => unitIn(lang, i),
      withUnit: t.withUnit,
    }),
    [t, lang],
  );
  // Kept while the shown columns and the order stay the same, so the rows are not drawn again
  // when nothing in them changed (another view shown and back, a year with the same columns).
  const shownIds = (table?.indicators ?? [])
    .map((i) => i.id)
    .filter((id) => !hidden.has(id))
    .join('\u0001');
  const visible = useMemo(() => new Set(shownIds.split('\u0001')), [shownIds]);
  const sorting: SortingState = useMemo(
    () => (view.sortBy ? [{ id: view.sortBy, desc: view.sortDesc }] : []),
    [view.sortBy, view.sortDesc],
  );
  if (!table || !cellData) return <section className="table-section" aria-busy={busy} />;
  // Every township of the table (all pages, in its order and filter), the columns shown.
  const exportTable = async () => {
    const all =
      cellData.total <= cellData.townships.length
        ? cellData
        : await loadTablePage(
            db,
            revision,
            cellData.year,
            sort,
            { offset: 0, limit: cellData.total, filter: query },
            cellData.year,
          );
    const full = pivotYearCells(all.cells, all.townships, indicators, new Set(all.indicatorIds));
    return comparisonTable(ctx, full, cellData.year, visible);
  };
  return (
    <section className="table-section" aria-busy={busy}>
      <div className="table-tools">
        <input
          type="search"
          aria-label={t.filterTownships}
          placeholder={t.filterTownships}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <label>
          <input type="checkbox" checked={showChange} onChange={(e) => setShowChange(e.target.checked)} />
          {t.showChange}
        </label>
        <details>
          <summary>{t.columnsShown}</summary>
          <div className="column-choices">
            {table.indicators.map((i) => (
              <label key={i.id}>
                <input
                  type="checkbox"
                  checked={!hidden.has(i.id)}
                  onChange={() => {
                    const next = new Set(hidden);
                    if (next.has(i.id)) next.delete(i.id);
                    else next.add(i.id);
                    setHidden(next);
                  }}
                />
                {nameIn(lang, i)}
              </label>
            ))}
          </div>
        </details>
      </div>
      <TableActions table={exportTable} fileBase={t.exports.comparisonFile(cellData.year)} t={t} />
      <p className="hint">{t.tableHint}</p>
      <YearTable
        data={table}
        sorting={sorting}
        onSortingChange={(next) => {
          const first = next[0];
          setView({ sortBy: first?.id ?? null, sortDesc: first?.desc ?? false });
        }}
        labels={labels}
        locale={locale}
        caption={t.tableTitle(cellData.year)}
        visible={visible}
        showChange={showChange}
      />
      <Pager
        t={t}
        page={page}
        pageSize={TABLE_PAGE_SIZE}
        total={cellData.total}
        onPage={(next) => setPaging({ key: pagingKey, page: next })}
      />
    </section>
  );
}
