import { useCallback, useMemo } from 'react';
import { CHART_PAGE_SIZE } from '../../charts/chart-pages.ts';
import { loadHeatmap } from '../../db/overview-queries.ts';
import { viewKey } from '../../db/view-cache.ts';
import { ModeToggle } from '../../ui/ModeToggle.tsx';
import { ExportableChart } from '../ChartActions.tsx';
import { buildChart } from '../chart-builds.ts';
import type { PageContext } from '../page-context.ts';
import { TableActions } from '../TableActions.tsx';
import { useViewQuery } from '../use-db-query.ts';
import { ChartTable } from './ChartTable.tsx';
import { useBuildContext } from './build-context.ts';
import { Pager } from './Pager.tsx';
import { loading, shown } from './shown.ts';
import { useChartPage } from './use-chart-page.ts';
import { yearCellText, yearColumn } from './year-cell-text.ts';

/**
 * Townships × years for one indicator, coloured by value or by 同比 change. A province's rows are
 * drawn a page of CHART_PAGE_SIZE at a time, opening at the page of the first highlighted
 * township; its table and exports still hold every township.
 */
export function HeatmapPage({ ctx }: { readonly ctx: PageContext }) {
  const { db, view, setView, t, locale, revision, indicators, indicator } = ctx;
  const id = indicator.id;
  const heatmap = useViewQuery(db, revision, viewKey('heatmap', id), () => loadHeatmap(db, id, ctx.years));
  const data = shown(heatmap);
  const drawn = indicators.find((i) => i.id === data?.indicatorId) ?? indicator;
  const total = data?.townships.length ?? 0;
  const { page, setPage } = useChartPage(
    data?.townships,
    view.highlighted,
    data ? `${data.indicatorId}|${view.highlighted.join(',')}` : '',
    (t) => t.code,
  );
  const buildCtx = useBuildContext(ctx);
  const exported = useMemo(
    () =>
      data ? buildChart(buildCtx, { kind: 'heatmap', data, indicator: drawn, mode: view.mode, page }) : null,
    [buildCtx, data, drawn, view.mode, page],
  );
  const title = exported?.frame.title ?? '';
  const mode = view.mode;
  const columns = useMemo(
    () => [t.township, ...(data?.years ?? []).map((y) => yearColumn(y, mode, t.changeLabel))],
    [t, data, mode],
  );
  const tableRows = useCallback(() => {
    if (!data) return [];
    const byKey = new Map(data.cells.map((c) => [`${c.townshipCode}|${c.year}`, c]));
    return data.townships.map((tw) => [
      tw.name,
      ...data.years.map((y) =>
        yearCellText(byKey.get(`${tw.code}|${y}`), mode, drawn.unit.zh, t.approxMark, locale),
      ),
    ]);
  }, [data, drawn, t, locale, mode]);
  const busy = loading(heatmap);
  if (!data || !exported) return <div className="charts" aria-busy={busy} />;
  return (
    <div className="charts" aria-busy={busy}>
      <ModeToggle
        legend={t.showAs}
        name="heatmap-mode"
        value={view.mode}
        labels={t.mode}
        onChange={(mode) => setView({ mode })}
      />
      <Pager t={t} page={page} pageSize={CHART_PAGE_SIZE} total={total} onPage={setPage} />
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
