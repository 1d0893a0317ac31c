import { useMemo } from 'react';
import { buildHeatmapOption } from '../../charts/build-heatmap-option.ts';
import { Chart } from '../../charts/Chart.tsx';
import { formatValue } from '../../charts/format-number.ts';
import { loadHeatmap } from '../../db/overview-queries.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { nameIn, type PageContext, unitIn } from '../page-context.ts';
import { useAsync } from '../use-db-query.ts';
import { ModeToggle } from '../../ui/ModeToggle.tsx';

/** Townships × years for one indicator, coloured by value or by 同比 change. */
export function HeatmapPage({ ctx }: { readonly ctx: PageContext }) {
  const { db, view, setView, t, lang, locale, revision, indicator, source } = ctx;
  const id = indicator.id;
  const heatmap = useAsync(() => loadHeatmap(db, id), [db, id, revision]);
  const unit = unitIn(lang, indicator);
  const title = t.heatmapTitle(nameIn(lang, indicator));
  const option = useMemo(
    () =>
      heatmap.status === 'ready'
        ? buildHeatmapOption({
            ...heatmap.data,
            mode: view.mode,
            unit,
            title,
            subtitle: source,
            approxMark: t.approxMark,
            changeLabel: t.changeLabel,
            pointsUnit: t.pointsUnit,
            noChangeLabel: t.noChange,
            locale,
          })
        : null,
    [heatmap, view.mode, unit, title, source, t, locale],
  );
  if (heatmap.status !== 'ready') return null;
  const { years, townships, cells } = heatmap.data;
  return (
    <div className="charts">
      <ModeToggle
        legend={t.showAs}
        name="heatmap-mode"
        value={view.mode}
        labels={t.mode}
        onChange={(mode) => setView({ mode })}
      />
      {option && <Chart option={option} height={Math.max(420, 120 + 26 * townships.length)} label={title} />}
      <DataTable
        summary={t.asTable}
        caption={title}
        columns={[t.township, ...years.map(String)]}
        rows={townships.map((tw) => [
          tw.name,
          ...years.map((y) => {
            const c = cells.find((x) => x.townshipCode === tw.code && x.year === y);
            return c
              ? `${c.approximate ? t.approxMark : ''}${formatValue(c.value, indicator.unit.zh, locale)}`
              : '—';
          }),
        ])}
      />
    </div>
  );
}
