import { useCallback, useMemo } from 'react';
import { CHART_PAGE_SIZE } from '../../charts/chart-pages.ts';
import { formatValue } from '../../charts/format-number.ts';
import { loadRankingWithChange } from '../../db/ranking-queries.ts';
import { viewKey } from '../../db/view-cache.ts';
import { ExportableChart } from '../ChartActions.tsx';
import { buildChart } from '../chart-builds.ts';
import { nameIn, type PageContext } from '../page-context.ts';
import { TableActions } from '../TableActions.tsx';
import { useViewQuery } from '../use-db-query.ts';
import { ChartTable } from './ChartTable.tsx';
import { useBuildContext } from './build-context.ts';
import { Pager } from './Pager.tsx';
import { loading, shown } from './shown.ts';
import { useChartPage } from './use-chart-page.ts';

/**
 * Bars for one year, best first, average and median marked, each with its 同比 and rank change.
 * A province's ranking is drawn a page of CHART_PAGE_SIZE bars at a time, opening at the page of
 * the first highlighted township; its table and exports still hold every township.
 */
export function RankingPage({ ctx }: { readonly ctx: PageContext }) {
  const { db, view, t, lang, locale, revision, indicators, indicator, townships, year } = ctx;
  const id = indicator.id;
  const ranking = useViewQuery(db, revision, year === null ? null : viewKey('ranking', id, year), () =>
    loadRankingWithChange(db, id, year ?? 0),
  );
  const busy = loading(ranking, year !== null);
  const data = shown(ranking);
  // The indicator of the ranking on screen: while the next one loads, the previous one stays.
  const drawn = indicators.find((i) => i.id === data?.indicatorId) ?? indicator;
  const { page, setPage } = useChartPage(
    data?.rows,
    view.highlighted,
    data ? `${data.indicatorId}|${data.year}|${view.highlighted.join(',')}` : '',
    (r) => r.townshipCode,
  );
  const buildCtx = useBuildContext(ctx);
  const exported = useMemo(
    () =>
      data
        ? buildChart(buildCtx, {
            kind: 'ranking',
            data,
            indicator: drawn,
            highlighted: view.highlighted,
            page,
          })
        : null,
    [buildCtx, data, drawn, view.highlighted, page],
  );
  const title = exported?.frame.title ?? '';

  const columns = useMemo(
    () => [t.township, t.rank, nameIn(lang, drawn), t.changeLabel, t.rankChange],
    [t, lang, drawn],
  );
  const tableRows = useCallback(() => {
    if (!data) return [];
    const fmt = (v: number, approx: boolean) =>
      `${approx ? t.approxMark : ''}${formatValue(v, drawn.unit.zh, locale)}`;
    return data.rows.map((r) => [
      r.townshipName,
      String(r.rank),
      fmt(r.value, r.approximate),
      r.change === null ? '—' : `${r.change > 0 ? '+' : ''}${formatValue(r.change, drawn.unit.zh, locale)}`,
      r.rankChange === null
        ? '—'
        : r.rankChange > 0
          ? `↑${r.rankChange}`
          : r.rankChange < 0
            ? `↓${-r.rankChange}`
            : '—',
    ]);
  }, [data, drawn, t, locale]);

  if (!data || !exported) return <div className="charts" aria-busy={busy} />;
  const rows = data.rows;
  const few = rows.length < townships.length / 2;
  return (
    <div className="charts" aria-busy={busy}>
      {few && <p className="notice-line">{t.fewReports(rows.length, townships.length)}</p>}
      <Pager t={t} page={page} pageSize={CHART_PAGE_SIZE} total={rows.length} onPage={setPage} />
      <ExportableChart chart={exported} label={title} t={t} />
      <ChartTable
        summary={t.asTable}
        caption={title}
        columns={columns}
        rows={tableRows}
        actions={<TableActions table={exported.table} fileBase={t.exports.tableFile(title)} t={t} />}
      />
    </div>
  );
}
