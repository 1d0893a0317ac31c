import { useCallback, useMemo } from 'react';
import { formatValue } from '../../charts/format-number.ts';
import { loadProfile } from '../../db/overview-queries.ts';
import { describeWarning } from '../../db/quality-queries.ts';
import { viewKey } from '../../db/view-cache.ts';
import { Picker } from '../../ui/Picker.tsx';
import { ExportableChart } from '../ChartActions.tsx';
import { buildChart } from '../chart-builds.ts';
import type { PageContext } from '../page-context.ts';
import { TableActions } from '../TableActions.tsx';
import { useViewQuery } from '../use-db-query.ts';
import { ChartTable } from './ChartTable.tsx';
import { useIndicatorLabel } from './indicator-label.ts';
import { qualityWarnings } from './quality-cache.ts';
import { useBuildContext } from './build-context.ts';
import { loading, shown } from './shown.ts';

/** Every indicator of one township across years, its rank for each, and its data-quality warnings. */
export function ProfilePage({ ctx }: { readonly ctx: PageContext }) {
  const { db, view, setView, t, lang, locale, revision, indicators, townships } = ctx;
  const code = view.township ?? townships[0]?.code ?? null;
  const profile = useViewQuery(db, revision, code === null ? null : viewKey('profile', code), () =>
    loadProfile(db, code ?? '', ctx.years),
  );
  const warnings = useViewQuery(db, revision, viewKey('quality'), () => qualityWarnings(db, revision));
  const label = useIndicatorLabel(indicators, lang);
  const data = shown(profile);
  const name = townships.find((x) => x.code === data?.townshipCode)?.name ?? data?.townshipName ?? '';
  const buildCtx = useBuildContext(ctx);
  const exported = useMemo(
    () => (data ? buildChart(buildCtx, { kind: 'profile', data }) : null),
    [buildCtx, data],
  );
  const title = exported?.frame.title ?? '';
  const columns = useMemo(() => [t.viewText.indicatorColumn, ...(data?.years ?? []).map(String)], [t, data]);
  // Each indicator's value and rank per year, as the chart's panels show them.
  const tableRows = useCallback(
    () =>
      (data?.indicators ?? []).map((indicator) => {
        const byYear = new Map(indicator.points.map((p) => [p.year, p]));
        return [
          t.withUnit(indicator.name[lang], indicator.unit[lang]),
          ...(data?.years ?? []).map((year) => {
            const p = byYear.get(year);
            return p
              ? `${p.approximate ? t.approxMark : ''}${formatValue(p.value, indicator.unit[lang], locale)}${t.viewText.parens(t.rankLabel(p.rank, p.ranked))}`
              : '—';
          }),
        ];
      }),
    [data, t, lang, locale],
  );
  const mine = (shown(warnings) ?? []).filter(
    (w) => w.townshipCode === data?.townshipCode && w.kind !== 'approximate',
  );
  const busy = loading(profile, code !== null) || loading(warnings);
  return (
    <div className="charts" aria-busy={busy}>
      <Picker
        label={t.chooseTownship}
        value={code ?? ''}
        options={townships.map((x) => ({ value: x.code, label: x.name }))}
        onChange={(value) => setView({ township: value })}
      />
      {exported && <ExportableChart chart={exported} label={title} t={t} />}
      {data && (
        <ChartTable
          summary={t.asTable}
          caption={t.viewText.profileTableCaption(name)}
          columns={columns}
          rows={tableRows}
          actions={
            exported && <TableActions table={exported.table} fileBase={t.exports.tableFile(title)} t={t} />
          }
        />
      )}
      {mine.length > 0 && (
        <section className="profile-warnings">
          <h3>{t.qualityTitle(mine.length)}</h3>
          <ul>
            {mine.map((w) => (
              <li key={`${w.kind}-${w.year}-${w.indicatorId ?? ''}`}>
                <strong>{t.qualityKinds[w.kind]}</strong> {w.year}
                {t.viewText.colon}
                {describeWarning(w, t, label)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
