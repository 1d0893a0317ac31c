import { useMemo } from 'react';
import { buildTrendOption } from '../../charts/build-trend-option.ts';
import { Chart } from '../../charts/Chart.tsx';
import { formatValue } from '../../charts/format-number.ts';
import { loadRanking, loadTrend } from '../../db/queries.ts';
import { loadTrendBands, loadTrendChanges } from '../../db/trend-queries.ts';
import { townshipKind } from '../../district/district.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { TownshipPicker } from '../../ui/TownshipPicker.tsx';
import { nameIn, type PageContext, unitIn } from '../page-context.ts';
import { useAsync } from '../use-db-query.ts';
import { ModeToggle } from '../../ui/ModeToggle.tsx';

/** Year-over-year lines for any townships, the district's median and IQR behind them. */
export function TrendPage({ ctx }: { readonly ctx: PageContext }) {
  const { db, view, setView, t, lang, locale, revision, indicator, townships, year, source } = ctx;
  const id = indicator.id;
  const points = useAsync(() => loadTrend(db, id), [db, id, revision]);
  const changes = useAsync(view.mode === 'change' ? () => loadTrendChanges(db, id) : null, [
    db,
    id,
    revision,
    view.mode,
  ]);
  const bands = useAsync(() => loadTrendBands(db, id), [db, id, revision]);
  const ranking = useAsync(year === null ? null : () => loadRanking(db, id, year), [db, id, year, revision]);

  const highlighted = useMemo(() => {
    if (view.highlighted.length > 0) return view.highlighted;
    const codes = ranking.status === 'ready' ? ranking.data.rows.map((r) => r.townshipCode) : [];
    return codes.length <= 4 ? codes : [...codes.slice(0, 2), ...codes.slice(-2)];
  }, [view.highlighted, ranking]);

  const unit = unitIn(lang, indicator);
  const title = t.trendTitle(nameIn(lang, indicator));
  const option = useMemo(() => {
    if (points.status !== 'ready') return null;
    const common = {
      unit,
      title,
      subtitle: `${unit} · ${source}`,
      highlighted,
      visible: [],
      approxMark: t.approxMark,
      locale,
      bands:
        bands.status === 'ready' && view.mode === 'value'
          ? { rows: bands.data, medianLabel: t.median, bandLabel: t.iqr }
          : undefined,
    };
    if (view.mode === 'change') {
      return changes.status === 'ready'
        ? buildTrendOption({
            ...common,
            mode: 'change',
            points: changes.data,
            changeUnit: unit === '%' ? t.pointsUnit : unit,
          })
        : null;
    }
    return buildTrendOption({ ...common, points: points.data });
  }, [points, changes, bands, view.mode, highlighted, unit, title, source, t, locale]);

  const years = [...new Set(points.status === 'ready' ? points.data.map((p) => p.year) : [])];
  const tableRows = townships.map((tw) => [
    tw.name,
    ...years.map((y) => {
      const p =
        points.status === 'ready'
          ? points.data.find((x) => x.townshipCode === tw.code && x.year === y)
          : undefined;
      return p?.value == null
        ? '—'
        : `${p.approximate ? t.approxMark : ''}${formatValue(p.value, indicator.unit.zh, locale)}`;
    }),
  ]);

  return (
    <div className="layout">
      <div className="side">
        <TownshipPicker
          legend={t.highlightLegend}
          hint={t.highlightHint}
          resetLabel={t.resetHighlight}
          searchLabel={t.search}
          townships={townships}
          selected={view.highlighted}
          onChange={(selected) => setView({ highlighted: selected })}
          groups={[
            { label: t.selectAll, codes: townships.map((x) => x.code) },
            {
              label: t.selectStreets,
              codes: townships.filter((x) => townshipKind(x.name) === 'street').map((x) => x.code),
            },
            {
              label: t.selectTowns,
              codes: townships.filter((x) => townshipKind(x.name) !== 'street').map((x) => x.code),
            },
          ]}
        />
      </div>
      <div className="charts">
        <ModeToggle
          legend={t.showAs}
          name="trend-mode"
          value={view.mode}
          labels={t.mode}
          onChange={(mode) => setView({ mode })}
        />
        {option && <Chart option={option} height={460} label={title} />}
        <DataTable
          summary={t.asTable}
          caption={title}
          columns={[t.township, ...years.map(String)]}
          rows={tableRows}
        />
      </div>
    </div>
  );
}
