import { formatValue } from '../../charts/format-number.ts';
import { loadCompleteness, loadKeyFigures } from '../../db/overview-queries.ts';
import { findIndicator } from '../../indicators/catalog.ts';
import type { PageContext } from '../page-context.ts';
import { useAsync } from '../use-db-query.ts';

/** The district's key figures for a year with their 同比, and which reports are in. */
export function OverviewPage({ ctx }: { readonly ctx: PageContext }) {
  const { db, setView, t, lang, locale, revision, year, townships } = ctx;
  const figures = useAsync(year === null ? null : () => loadKeyFigures(db, year), [db, year, revision]);
  const completeness = useAsync(() => loadCompleteness(db), [db, revision]);

  return (
    <div className="overview">
      {figures.status === 'ready' && year !== null && (
        <section aria-label={t.keyFiguresTitle(year)}>
          <h2>{t.keyFiguresTitle(year)}</h2>
          <ul className="key-figures">
            {figures.data.figures.map((f) => {
              const indicator = findIndicator(f.indicatorId);
              const unit = f.unit.zh;
              const name = indicator
                ? lang === 'en'
                  ? indicator.name.en
                  : indicator.name.zh
                : f.indicatorId;
              const change =
                f.change === null
                  ? t.noChange
                  : `${t.changeLabel} ${f.change > 0 ? '▲' : f.change < 0 ? '▼' : ''}${formatValue(Math.abs(f.change), unit, locale).replace('%', '')}${unit === '%' ? t.pointsUnit : f.changePercent === null ? '' : `（${f.changePercent > 0 ? '+' : ''}${f.changePercent.toFixed(1)}%）`}`;
              return (
                <li key={f.indicatorId} className="key-figure">
                  <button
                    type="button"
                    onClick={() => setView({ page: 'ranking', indicatorId: f.indicatorId })}
                  >
                    <span className="kf-name">{name}</span>
                    <span className="kf-value">
                      {f.value === null
                        ? '—'
                        : `${f.approximate > 0 ? t.approxMark : ''}${formatValue(f.value, unit, locale)}`}
                      {unit === '%' ? '' : ` ${lang === 'en' ? f.unit.en : f.unit.zh}`}
                    </span>
                    <span className={`kf-change${f.change !== null && f.change < 0 ? ' down' : ''}`}>
                      {change}
                    </span>
                    <span className="kf-meta">
                      {t.townshipsReported(f.townships, figures.data.townshipCount)}{' '}
                      {t.approxCount(f.approximate)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {completeness.status === 'ready' && (
        <section aria-label={t.completenessTitle}>
          <h2>{t.completenessTitle}</h2>
          <ul className="completeness-counts">
            {completeness.data.years.map((y) => (
              <li key={y.year}>{t.completenessCounts(y.year, y.complete, y.partial, y.missing)}</li>
            ))}
          </ul>
          <div className="table-scroll">
            <table className="completeness">
              <caption>{t.completenessTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.township}</th>
                  {completeness.data.years.map((y) => (
                    <th key={y.year} scope="col">
                      {y.year}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {townships.map((tw) => (
                  <tr key={tw.code}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link"
                        onClick={() => setView({ page: 'profile', township: tw.code })}
                      >
                        {tw.name}
                      </button>
                    </th>
                    {completeness.data.years.map((y) => {
                      const cell = completeness.data.cells.find(
                        (c) => c.townshipCode === tw.code && c.year === y.year,
                      );
                      const status = cell?.status ?? 'missing';
                      return (
                        <td
                          key={y.year}
                          className={`status-${status}`}
                          title={cell ? `${cell.reported}/${cell.expected}` : ''}
                        >
                          {t.completeness[status]}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
