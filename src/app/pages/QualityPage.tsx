import { useState } from 'react';
import { loadQualityWarnings, QUALITY_KINDS } from '../../db/quality-queries.ts';
import { Picker } from '../../ui/Picker.tsx';
import type { PageContext } from '../page-context.ts';
import { useAsync } from '../use-db-query.ts';

/** Every warning across the dataset, each with its source line and a link to the view that shows it. */
export function QualityPage({ ctx }: { readonly ctx: PageContext }) {
  const { db, setView, t, revision } = ctx;
  const warnings = useAsync(() => loadQualityWarnings(db), [db, revision]);
  const [kind, setKind] = useState('');
  if (warnings.status !== 'ready') return null;
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
            label: `${t.qualityKinds[k]}（${warnings.data.filter((w) => w.kind === k).length}）`,
          })),
        ]}
        onChange={setKind}
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
                <td>{w.message}</td>
                <td>
                  {w.fileName
                    ? t.source(w.fileName, w.sourceLine, w.sourceColumn).replace(/^来源：|^Source: /, '')
                    : '—'}
                </td>
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
