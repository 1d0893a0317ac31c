import { useCallback, useMemo } from 'react';
import { buildRankingOption, rankingChartHeight } from '../../charts/build-ranking-option.ts';
import { CHART_PAGE_SIZE } from '../../charts/chart-pages.ts';
import { formatValue } from '../../charts/format-number.ts';
import { loadRankingWithChange } from '../../db/ranking-queries.ts';
import { viewKey } from '../../db/view-cache.ts';
import { ExportableChart } from '../ChartActions.tsx';
import { rankingExport } from '../chart-exports.ts';
import { nameIn, type PageContext, unitIn } from '../page-context.ts';
import { TableActions } from '../TableActions.tsx';
import { useViewQuery } from '../use-db-query.ts';
import { ChartTable } from './ChartTable.tsx';
import { useExportContext } from './export-context.ts';
import { Pager } from './Pager.tsx';
import { loading, shown } from './shown.ts';
import { useChartPage } from './use-chart-page.ts';

/**
 * Bars for one year, best first, average and median marked, each with its 同比 and rank change.
 * A province's ranking is drawn a page of CHART_PAGE_SIZE bars at a time, opening at the page of
 * the first highlighted township; its table and exports still hold every township.
 */
export function RankingPage({ ctx }: { readonly ctx: PageContext }) {
  const { db, view, t, lang, locale, revision, indicators, indicator, townships, year, source } = ctx;
  const id = indicator.id;
  const ranking = useViewQuery(db, revision, year === null ? null : viewKey('ranking', id, year), () =>
    loadRankingWithChange(db, id, year ?? 0),
  );
  const busy = loading(ranking, year !== null);
  const data = shown(ranking);
  // The indicator of the ranking on screen: while the next one loads, the previous one stays.
  const drawn = indicators.find((i) => i.id === data?.indicatorId) ?? indicator;
  const unit = unitIn(lang, drawn);
  const title = data ? t.rankingTitle(nameIn(lang, drawn), data.year) : '';
  const { page, pageRows, setPage } = useChartPage(
    data?.rows,
    view.highlighted,
    data ? `${data.indicatorId}|${data.year}|${view.highlighted.join(',')}` : '',
    (r) => r.townshipCode,
  );
  const first = pageRows[0];
  const last = pageRows.at(-1);
  const pageInfo = useMemo(
    () =>
      data && first && last && data.rows.length > CHART_PAGE_SIZE
        ? {
            index: page,
            text: t.viewText.rankRange(first.rank, last.rank, data.rows.length),
            part: t.exports.rankPart(first.rank, last.rank),
          }
        : null,
    [data, first, last, page, t],
  );

  const option = useMemo(() => {
    if (!data) return null;
    const missing = data.missing;
    return buildRankingOption({
      ranking: data,
      unit,
      title,
      subtitle: [missing.length > 0 ? t.missingList(missing.join(t.viewText.listSeparator)) : '', source]
        .filter(Boolean)
        .join(' · '),
      averageLabel: t.districtAverage,
      medianLabel: t.median,
      approxMark: t.approxMark,
      rankText: t.viewText.rankInline,
      colon: t.viewText.colon,
      highlighted: view.highlighted,
      locale,
      page,
      rankRange: t.viewText.rankRange,
    });
  }, [data, unit, title, source, t, view.highlighted, locale, page]);

  const height = rankingChartHeight(pageRows.length);
  const exportCtx = useExportContext(ctx);
  const exported = useMemo(
    () => (data && option ? rankingExport(exportCtx, data, drawn, option, height, title, pageInfo) : null),
    [exportCtx, data, drawn, option, height, title, pageInfo],
  );

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

  if (!data || !option || !exported) return <div className="charts" aria-busy={busy} />;
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
