import { memo, useMemo, useState } from 'react';
import { formatValue } from '../../charts/format-number.ts';
import type { Completeness } from '../../db/overview-queries.ts';
import { loadCompleteness, loadKeyFigures } from '../../db/overview-queries.ts';
import type { TownshipRow } from '../../db/queries.ts';
import type { ExportTable } from '../../export/export-table.ts';
import { viewKey } from '../../db/view-cache.ts';
import { findIndicator } from '../../indicators/catalog.ts';
import type { Messages } from '../../messages/zh.ts';
import type { PageContext } from '../page-context.ts';
import { TableActions } from '../TableActions.tsx';
import { useViewQuery } from '../use-db-query.ts';
import { Pager } from './Pager.tsx';
import { loading, shown } from './shown.ts';

/** The district's key figures for a year with their 同比, and which reports are in. */
export function OverviewPage({ ctx }: { readonly ctx: PageContext }) {
  const { db, setView, t, lang, locale, revision, year, townships } = ctx;
  const figures = useViewQuery(db, revision, year === null ? null : viewKey('key-figures', year), () =>
    loadKeyFigures(db, year ?? 0),
  );
  const completeness = useViewQuery(db, revision, viewKey('completeness'), () => loadCompleteness(db));
  const keyFigures = shown(figures);
  const matrix = shown(completeness);
  const busy = loading(figures, year !== null) || loading(completeness);

  return (
    <div className="overview" aria-busy={busy}>
      {keyFigures && (
        <section aria-label={t.keyFiguresTitle(keyFigures.year)}>
          <h2>{t.keyFiguresTitle(keyFigures.year)}</h2>
          <ul className="key-figures">
            {keyFigures.figures.map((f) => {
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
                  : `${t.changeLabel} ${f.change > 0 ? '▲' : f.change < 0 ? '▼' : ''}${formatValue(Math.abs(f.change), unit, locale).replace('%', '')}${unit === '%' ? t.pointsUnit : f.changePercent === null ? '' : t.viewText.parens(`${f.changePercent > 0 ? '+' : ''}${formatValue(f.changePercent, '%', locale)}`)}`;
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
                    {f.change !== null &&
                      (f.comparableTownships < f.townships ||
                        f.comparableTownships < f.previousTownships) && (
                        <span className="kf-meta">{t.comparableNote(f.comparableTownships)}</span>
                      )}
                    <span className="kf-meta">
                      {t.townshipsReported(f.townships, keyFigures.townshipCount)}{' '}
                      {t.approxCount(f.approximate)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {matrix && <CompletenessMatrix matrix={matrix} townships={townships} t={t} setView={setView} />}
    </div>
  );
}

/** Townships per page of the matrix: a district's fit on one. */
const MATRIX_PAGE_SIZE = 100;

interface MatrixProps {
  readonly matrix: Completeness;
  readonly townships: readonly TownshipRow[];
  readonly t: Messages;
  readonly setView: PageContext['setView'];
}

/** Townships × years: which reports are in. Drawn again only when the data changes, not with the year. */
const CompletenessMatrix = memo(function CompletenessMatrix({ matrix, townships, t, setView }: MatrixProps) {
  const [page, setPage] = useState(0);
  const cellOf = useMemo(
    () => new Map(matrix.cells.map((c) => [`${c.townshipCode}|${c.year}`, c])),
    [matrix],
  );
  const rows = townships.slice(page * MATRIX_PAGE_SIZE, (page + 1) * MATRIX_PAGE_SIZE);
  return (
    <section aria-label={t.completenessTitle}>
      <h2>{t.completenessTitle}</h2>
      <ul className="completeness-counts">
        {matrix.years.map((y) => (
          <li key={y.year}>{t.completenessCounts(y.year, y.complete, y.partial, y.missing)}</li>
        ))}
      </ul>
      <div className="table-scroll">
        <table className="completeness">
          <caption>{t.completenessTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.township}</th>
              {matrix.years.map((y) => (
                <th key={y.year} scope="col">
                  {y.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((tw) => (
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
                {matrix.years.map((y) => {
                  const cell = cellOf.get(`${tw.code}|${y.year}`);
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
      <Pager t={t} page={page} pageSize={MATRIX_PAGE_SIZE} total={townships.length} onPage={setPage} />
      <TableActions
        table={() => completenessTable(matrix, townships, t, cellOf)}
        fileBase={t.completenessTitle}
        t={t}
      />
    </section>
  );
});

/** The whole matrix (every township, not the page shown) as it is exported: status words per year. */
function completenessTable(
  matrix: Completeness,
  townships: readonly TownshipRow[],
  t: Messages,
  cellOf: ReadonlyMap<string, Completeness['cells'][number]>,
): ExportTable {
  return {
    title: t.completenessTitle,
    columns: [
      { header: t.township, kind: 'text' },
      ...matrix.years.map((y) => ({ header: String(y.year), kind: 'text' as const })),
    ],
    rows: townships.map((tw) => ({
      cells: [
        tw.name,
        ...matrix.years.map(
          (y) => t.completeness[cellOf.get(`${tw.code}|${y.year}`)?.status ?? 'missing'] ?? null,
        ),
      ],
    })),
  };
}
