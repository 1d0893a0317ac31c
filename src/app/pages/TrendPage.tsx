import { useCallback, useMemo } from 'react';
import { viewKey } from '../../db/view-cache.ts';
import { townshipKind } from '../../district/district.ts';
import { ModeToggle } from '../../ui/ModeToggle.tsx';
import { TownshipPicker } from '../../ui/TownshipPicker.tsx';
import { ExportableChart } from '../ChartActions.tsx';
import { buildChart, loadTrendData } from '../chart-builds.ts';
import { nameIn, type PageContext } from '../page-context.ts';
import { TableActions } from '../TableActions.tsx';
import { useViewQuery } from '../use-db-query.ts';
import { ChartTable } from './ChartTable.tsx';
import { useBuildContext } from './build-context.ts';
import { loading, shown } from './shown.ts';
import { type YearCell, yearCellText, yearColumn } from './year-cell-text.ts';

/** Year-over-year lines for any townships, the district's median and IQR behind them. */
export function TrendPage({ ctx }: { readonly ctx: PageContext }) {
  const { db, view, setView, t, lang, locale, revision, indicators, indicator, townships, year } = ctx;
  const id = indicator.id;
  const mode = view.mode;
  // One answer for everything the chart draws, so it is drawn once per change, not once per query.
  const trend = useViewQuery(db, revision, viewKey('trend', id, year, mode), () =>
    loadTrendData(db, id, year, mode),
  );
  const data = shown(trend);
  const drawn = indicators.find((i) => i.id === data?.indicatorId) ?? indicator;

  const buildCtx = useBuildContext(ctx);
  const exported = useMemo(
    () =>
      data
        ? buildChart(buildCtx, { kind: 'trend', data, indicator: drawn, year, picked: view.highlighted })
        : null,
    [buildCtx, data, drawn, year, view.highlighted],
  );
  const title = exported?.frame.title ?? t.trendTitle(nameIn(lang, drawn));

  const years = useMemo(() => [...new Set((data?.points ?? []).map((p) => p.year))], [data]);
  // The table shows what the chart draws: the mode of the data drawn, not of the view asked for.
  const drawnMode = data?.mode ?? 'value';
  const columns = useMemo(
    () => [t.township, ...years.map((y) => yearColumn(y, drawnMode, t.changeLabel))],
    [t, years, drawnMode],
  );
  const tableRows = useCallback(() => {
    const cells = new Map<string, YearCell>();
    if (data?.mode === 'change')
      for (const p of data.points)
        cells.set(`${p.townshipCode}|${p.year}`, {
          ...p,
          changeApproximate: p.approximate || p.previousApproximate,
        });
    else for (const p of data?.points ?? []) cells.set(`${p.townshipCode}|${p.year}`, p);
    return townships.map((tw) => [
      tw.name,
      ...years.map((y) =>
        yearCellText(cells.get(`${tw.code}|${y}`), drawnMode, drawn.unit.zh, t.approxMark, locale),
      ),
    ]);
  }, [data, years, townships, drawn, t, locale, drawnMode]);

  const groups = useMemo(
    () => [
      { label: t.selectAll, codes: townships.map((x) => x.code) },
      {
        label: t.selectStreets,
        codes: townships.filter((x) => townshipKind(x.name) === 'street').map((x) => x.code),
      },
      {
        label: t.selectTowns,
        codes: townships.filter((x) => townshipKind(x.name) !== 'street').map((x) => x.code),
      },
    ],
    [townships, t],
  );

  // The same element while its inputs stay the same, so React skips it: a province's picker is a
  // thousand checkboxes, and a change of indicator or mode does not touch them.
  const picker = useMemo(
    () => (
      <TownshipPicker
        legend={t.highlightLegend}
        hint={t.highlightHint}
        resetLabel={t.resetHighlight}
        searchLabel={t.search}
        townships={townships}
        selected={view.highlighted}
        onChange={(selected) => setView({ highlighted: selected })}
        groups={groups}
      />
    ),
    [t, townships, view.highlighted, setView, groups],
  );

  return (
    <div className="layout" aria-busy={loading(trend)}>
      <div className="side">{picker}</div>
      <div className="charts">
        <ModeToggle
          legend={t.showAs}
          name="trend-mode"
          value={view.mode}
          labels={t.mode}
          onChange={(next) => setView({ mode: next })}
        />
        {exported && <ExportableChart chart={exported} label={title} t={t} />}
        <ChartTable
          summary={t.asTable}
          caption={title}
          columns={columns}
          rows={tableRows}
          actions={
            exported && <TableActions table={exported.table} fileBase={t.exports.tableFile(title)} t={t} />
          }
        />
      </div>
    </div>
  );
}
