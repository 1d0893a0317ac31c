import { useMemo } from 'react';
import { buildRankingOption } from '../../charts/build-ranking-option.ts';
import { Chart } from '../../charts/Chart.tsx';
import { formatValue } from '../../charts/format-number.ts';
import { loadRankingWithChange } from '../../db/ranking-queries.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { nameIn, type PageContext, unitIn } from '../page-context.ts';
import { useAsync } from '../use-db-query.ts';

/** Bars for one year, best first, average and median marked, each with its 同比 and rank change. */
export function RankingPage({ ctx }: { readonly ctx: PageContext }) {
  const { db, view, t, lang, locale, revision, indicator, townships, year, source } = ctx;
  const id = indicator.id;
  const ranking = useAsync(year === null ? null : () => loadRankingWithChange(db, id, year), [
    db,
    id,
    year,
    revision,
  ]);
  const unit = unitIn(lang, indicator);
  const title = year === null ? '' : t.rankingTitle(nameIn(lang, indicator), year);

  const option = useMemo(() => {
    if (ranking.status !== 'ready') return null;
    const missing = ranking.data.missing;
    return buildRankingOption({
      ranking: ranking.data,
      unit,
      title,
      subtitle: [missing.length > 0 ? t.missingList(missing.join('、')) : '', source]
        .filter(Boolean)
        .join(' · '),
      averageLabel: t.districtAverage,
      medianLabel: t.median,
      approxMark: t.approxMark,
      highlighted: view.highlighted,
      locale,
    });
  }, [ranking, unit, title, source, t, view.highlighted, locale]);

  if (ranking.status !== 'ready') return null;
  const rows = ranking.data.rows;
  const fmt = (v: number | null, approx = false) =>
    v === null ? '—' : `${approx ? t.approxMark : ''}${formatValue(v, indicator.unit.zh, locale)}`;
  const few = rows.length < townships.length / 2;
  return (
    <div className="charts">
      {few && <p className="notice-line">{t.fewReports(rows.length, townships.length)}</p>}
      {option && <Chart option={option} height={Math.max(360, 100 + 24 * rows.length)} label={title} />}
      <DataTable
        summary={t.asTable}
        caption={title}
        columns={[t.township, t.rank, nameIn(lang, indicator), t.changeLabel, t.rankChange]}
        rows={rows.map((r) => [
          r.townshipName,
          String(r.rank),
          fmt(r.value, r.approximate),
          r.change === null
            ? '—'
            : `${r.change > 0 ? '+' : ''}${formatValue(r.change, indicator.unit.zh, locale)}`,
          r.rankChange === null
            ? '—'
            : r.rankChange > 0
              ? `↑${r.rankChange}`
              : r.rankChange < 0
                ? `↓${-r.rankChange}`
                : '—',
        ])}
      />
    </div>
  );
}
