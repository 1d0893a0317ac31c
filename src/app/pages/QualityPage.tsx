import { useMemo, useState } from 'react';
import { describeWarning, QUALITY_KINDS } from '../../db/quality-queries.ts';
import { Picker } from '../../ui/Picker.tsx';
import type { PageContext } from '../page-context.ts';
import { TableActions } from '../TableActions.tsx';
import { viewKey } from '../../db/view-cache.ts';
import { useViewQuery } from '../use-db-query.ts';
import { useIndicatorLabel } from './indicator-label.ts';
import { qualityWarnings } from './quality-cache.ts';
import { loading } from './shown.ts';

/** Every warning across the dataset, each with its source line and a link to the view that shows it. */
export function QualityPage({ ctx }: { readonly ctx: PageContext }) {
  const { db, setView, t, lang, revision, indicators } = ctx;
  const warnings = useViewQuery(db, revision, viewKey('quality'), () => qualityWarnings(db, revision));
  const [kind, setKind] = useState('');
  const label = useIndicatorLabel(indicators, lang);
  const counts = useMemo(() => {
    const byKind = new Map<string, number>();
    for (const w of warnings.status === 'ready' ? warnings.data : [])
      byKind.set(w.kind, (byKind.get(w.kind) ?? 0) + 1);
    return byKind;
  }, [warnings]);
  if (warnings.status !== 'ready') return <section className="quality" aria-busy={loading(warnings)} />;
  const shown = kind === '' ? warnings.data : warnings.data.filter((w) => w.kind === kind);
  return (
    <section className="quality" aria-label={t.qualityTitle(warnings.data.length)}>
      <h2>{t.qualityTitle(warnings.data.length)}</h2>
      <Picker
        label={t.kind}
        value={kind}
        options={[
          { value: '', label: t.allKinds },
          ...QUALITY_KINDS.map((k) => ({
            value: k,
            label: `${t.qualityKinds[k]}${t.viewText.parens(String(counts.get(k) ?? 0))}`,
          })),
        ]}
        onChange={setKind}
      />
      <TableActions
        table={() => ({
          title: t.qualityTitle(shown.length),
          columns: [
            { header: t.kind, kind: 'text' },
            { header: t.township, kind: 'text' },
            { header: t.year, kind: 'number' },
            { header: t.message, kind: 'text' },
            { header: t.whereFrom, kind: 'text' },
          ],
          rows: shown.map((w) => ({
            cells: [
              t.qualityKinds[w.kind] ?? w.kind,
              w.townshipName,
              w.year,
              describeWarning(w, t, label),
              w.fileName ? t.viewText.sourcePlace(w.fileName, w.sourceLine, w.sourceColumn) : null,
            ],
          })),
        })}
        fileBase={t.pages.quality ?? 'quality'}
        t={t}
      />
      <div className="table-scroll">
        <table className="quality-table">
          <thead>
            <tr>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.township}</th>
              <th scope="col">{t.year}</th>
              <th scope="col">{t.message}</th>
              <th scope="col">{t.whereFrom}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, 500).map((w) => (
              <tr key={`${w.kind}-${w.townshipCode}-${w.year}-${w.indicatorId ?? ''}`}>
                <td>{t.qualityKinds[w.kind]}</td>
                <th scope="row">{w.townshipName}</th>
                <td>{w.year}</td>
                <td>{describeWarning(w, t, label)}</td>
                <td>{w.fileName ? t.viewText.sourcePlace(w.fileName, w.sourceLine, w.sourceColumn) : '—'}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      w.indicatorId
                        ? setView({
                            page: 'table',
                            year: w.year,
                            indicatorId: w.indicatorId,
                            sortBy: w.indicatorId,
                            sortDesc: true,
                          })
                        : setView({ page: 'profile', township: w.townshipCode })
                    }
                  >
                    {t.goTo}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
