import { useCallback, useMemo } from 'react';
import { buildHeatmapOption, heatmapChartHeight } from '../../charts/build-heatmap-option.ts';
import { CHART_PAGE_SIZE } from '../../charts/chart-pages.ts';
import { formatValue } from '../../charts/format-number.ts';
import { loadHeatmap } from '../../db/overview-queries.ts';
import { viewKey } from '../../db/view-cache.ts';
import { ModeToggle } from '../../ui/ModeToggle.tsx';
import { ExportableChart } from '../ChartActions.tsx';
import { heatmapExport } from '../chart-exports.ts';
import { nameIn, type PageContext, unitIn } from '../page-context.ts';
import { TableActions } from '../TableActions.tsx';
import { useViewQuery } from '../use-db-query.ts';
import { ChartTable } from './ChartTable.tsx';
import { useExportContext } from './export-context.ts';
import { Pager } from './Pager.tsx';
import { loading, shown } from './shown.ts';
import { useChartPage } from './use-chart-page.ts';

/**
 * Townships × years for one indicator, coloured by value or by 同比 change. A province's rows are
 * drawn a page of CHART_PAGE_SIZE at a time, opening at the page of the first highlighted
 * township; its table and exports still hold every township.
 */
export function HeatmapPage({ ctx }: { readonly ctx: PageContext }) {
  const { db, view, setView, t, lang, locale, revision, indicators, indicator, source } = ctx;
  const id = indicator.id;
  const heatmap = useViewQuery(db, revision, viewKey('heatmap', id), () => loadHeatmap(db, id, ctx.years));
  const data = shown(heatmap);
  const drawn = indicators.find((i) => i.id === data?.indicatorId) ?? indicator;
  const unit = unitIn(lang, drawn);
  const title = t.heatmapTitle(nameIn(lang, drawn));
  const total = data?.townships.length ?? 0;
  const { page, pageRows, setPage } = useChartPage(
    data?.townships,
    view.highlighted,
    data ? `${data.indicatorId}|${view.highlighted.join(',')}` : '',
    (t) => t.code,
  );
  const pageInfo = useMemo(() => {
    if (total <= CHART_PAGE_SIZE) return null;
    const from = page * CHART_PAGE_SIZE + 1;
    const to = Math.min(total, (page + 1) * CHART_PAGE_SIZE);
    return { index: page, text: t.viewText.pageRange(from, to, total), part: t.exports.rowPart(from, to) };
  }, [total, page, t]);
  const option = useMemo(
    () =>
      data
        ? buildHeatmapOption({
            ...data,
            mode: view.mode,
            unit,
            title,
            subtitle: source,
            approxMark: t.approxMark,
            changeLabel: t.changeLabel,
            pointsUnit: t.pointsUnit,
            noChangeLabel: t.noChange,
            locale,
            page,
            rowRange: t.viewText.pageRange,
          })
        : null,
    [data, view.mode, unit, title, source, t, locale, page],
  );
  const height = heatmapChartHeight(pageRows.length);
  const exportCtx = useExportContext(ctx);
  const exported = useMemo(
    () =>
      data && option
        ? heatmapExport(exportCtx, data, drawn, view.mode, option, height, title, pageInfo)
        : null,
    [exportCtx, data, drawn, view.mode, option, height, title, pageInfo],
  );
  const columns = useMemo(() => [t.township, ...(data?.years ?? []).map(String)], [t, data]);
  const tableRows = useCallback(() => {
    if (!data) return [];
    const byKey = new Map(data.cells.map((c) => [`${c.townshipCode}|${c.year}`, c]));
    return data.townships.map((tw) => [
      tw.name,
      ...data.years.map((y) => {
        const c = byKey.get(`${tw.code}|${y}`);
        return c ? `${c.approximate ? t.approxMark : ''}${formatValue(c.value, drawn.unit.zh, locale)}` : '—';
      }),
    ]);
  }, [data, drawn, t, locale]);
  const busy = loading(heatmap);
  if (!data || !option || !exported) return <div className="charts" aria-busy={busy} />;
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
