import type { SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { loadYearCells } from '../../db/queries.ts';
import { pivotYearCells } from '../../table/pivot-year-cells.ts';
import { YearTable, type YearTableLabels } from '../../table/YearTable.tsx';
import { nameIn, type PageContext, unitIn } from '../page-context.ts';
import { useAsync } from '../use-db-query.ts';

/** Townships × indicators for a year: sort, filter, choose columns, 同比, colour by standing. */
export function TablePage({ ctx }: { readonly ctx: PageContext }) {
  const { db, view, setView, t, lang, locale, revision, indicators, townships, year } = ctx;
  const [filter, setFilter] = useState('');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [showChange, setShowChange] = useState(false);
  const cells = useAsync(
    year === null
      ? null
      : () =>
          loadYearCells(db, year, {
            indicatorId: view.sortBy === 'township' ? null : view.sortBy,
            desc: view.sortDesc,
          }),
    [db, year, view.sortBy, view.sortDesc, revision],
  );
  // While a re-sort runs, keep showing the previous rows rather than flashing an empty table.
  const cellData = cells.status === 'error' ? undefined : cells.data;
  const table = useMemo(
    () => (cellData ? pivotYearCells(cellData, townships, indicators) : null),
    [cellData, townships, indicators],
  );
  const labels: YearTableLabels = useMemo(
    () => ({
      township: t.township,
      approxMark: t.approxMark,
      notReported: t.notReported,
      derivedSource: t.derivedSource,
      source: t.source,
      originalText: t.originalText,
      indicatorName: (i) => nameIn(lang, i),
      unitName: (i) => unitIn(lang, i),
      withUnit: t.withUnit,
    }),
    [t, lang],
  );
  if (!table || year === null) return null;
  const query = filter.trim();
  const shownTable =
    query === '' ? table : { ...table, rows: table.rows.filter((r) => r.townshipName.includes(query)) };
  const visible = new Set(table.indicators.map((i) => i.id).filter((id) => !hidden.has(id)));
  const sorting: SortingState = view.sortBy ? [{ id: view.sortBy, desc: view.sortDesc }] : [];
  return (
    <section className="table-section">
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
      <p className="hint">{t.tableHint}</p>
      <YearTable
        data={shownTable}
        sorting={sorting}
        onSortingChange={(next) => {
          const first = next[0];
          setView({ sortBy: first?.id ?? null, sortDesc: first?.desc ?? false });
        }}
        labels={labels}
        locale={locale}
        caption={t.tableTitle(year)}
        visible={visible}
        showChange={showChange}
      />
    </section>
  );
}
