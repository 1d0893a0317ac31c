import type { TownshipRow } from '../db/queries.ts';
import type { Fact } from '../import/fact.ts';
import type { ImportIssue } from '../import/import-issue.ts';
import { customIndicatorKey } from '../import/match-header.ts';
import type { Indicator } from '../indicators/catalog.ts';
import type { Messages } from '../messages/zh.ts';
import type { FileChoices, PendingFile } from './pending-files.ts';

interface ImportFileCardProps {
  readonly file: PendingFile;
  readonly t: Messages;
  readonly townships: readonly TownshipRow[];
  readonly indicators: readonly Indicator[];
  readonly stored: StoredIndicators;
  readonly indicatorName: (id: string) => string;
  readonly onChoose: (change: Partial<FileChoices>) => void;
  readonly onAddTownship: (name: string) => void;
  readonly onCommit: () => void;
  readonly onDismiss: () => void;
}

/** Maps a header or indicator name to a catalog indicator, keeps it as a new one, or ignores it. */
function IndicatorSelect(props: {
  readonly label: string;
  readonly value: string;
  readonly custom: { readonly id: string; readonly label: string } | null;
  readonly indicators: readonly Indicator[];
  /** The district's own indicators, stored by earlier imports: a header may name one of them. */
  readonly stored: StoredIndicators;
  readonly indicatorName: (id: string) => string;
  readonly ignoreLabel: string;
  readonly onChange: (value: string) => void;
}) {
  const stored = props.stored.indicators.filter((i) => i.id !== props.custom?.id);
  return (
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    >
      {props.custom && <option value={props.custom.id}>{props.custom.label}</option>}
      {props.indicators.map((i) => (
        <option key={i.id} value={i.id}>
          {props.indicatorName(i.id)}
        </option>
      ))}
      {stored.length > 0 && (
        <optgroup label={props.stored.label}>
          {stored.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </optgroup>
      )}
      <option value="ignore">{props.ignoreLabel}</option>
    </select>
  );
}

export interface StoredIndicators {
  readonly label: string;
  readonly indicators: readonly { readonly id: string; readonly name: string }[];
}

const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'] as const;

function groupFacts(facts: readonly Fact[]): { township: string; year: number; facts: Fact[] }[] {
  const groups = new Map<string, { township: string; year: number; facts: Fact[] }>();
  for (const fact of facts) {
    const key = `${fact.townshipCode}|${fact.year}`;
    let group = groups.get(key);
    if (!group) {
      group = { township: fact.townshipCode, year: fact.year, facts: [] };
      groups.set(key, group);
    }
    group.facts.push(fact);
  }
  return [...groups.values()];
}

/** One file's preview: what was detected, every decision, every problem, and the commit button. */
export function ImportFileCard(props: ImportFileCardProps) {
  const { file, t, townships, indicators, stored, indicatorName, onChoose } = props;
  // A header the district has kept before as its own indicator is that indicator, not a new one.
  const customLabel = (id: string, label: string) =>
    stored.indicators.some((i) => i.id === id) ? m.storedIndicator(label) : m.customIndicator(label);
  const m = t.importer;
  const preview = file.preview;
  // A long file's 本年 rows, a stacked table without a year in its title, or a title that says part
  // of a year, want the file's year (L14, L15, L17): the field stays once the user has given it.
  const wantsFileYear =
    preview !== undefined &&
    (file.choices.year !== undefined ||
      preview.issues.some(
        (issue) => (issue.code === 'no-year' && issue.line === undefined) || issue.code === 'part-of-year',
      ));
  const townshipName = (code: string) => townships.find((x) => x.code === code)?.name ?? code;
  const issues = preview?.issues ?? [];
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const message = (issue: ImportIssue) => {
    const render = (t.issues as Record<string, (raw: string, detail?: string) => string>)[issue.code];
    return render ? render(issue.raw ?? '', issue.detail) : issue.code;
  };

  // Questions stay on the card once answered, so an answer can be changed: those the file asks
  // now, and those it asked before that this file or another answered.
  const townshipAnswer = (name: string) =>
    file.choices.townshipAliases[name] ?? file.readWith?.townshipAliases[name];
  const indicatorAnswer = (key: string) => file.choices.mappings[key] ?? file.readWith?.mappings[key];
  const unknownNow = new Set(preview?.unknownTownships.map((u) => u.name));
  const customNow = new Set(preview?.customIndicators.map((c) => c.id));
  const townshipQuestions = (file.asked?.townships ?? preview?.unknownTownships ?? []).filter(
    (u) => unknownNow.has(u.name) || townshipAnswer(u.name) !== undefined,
  );
  const indicatorQuestions = (file.asked?.indicators ?? preview?.customIndicators ?? []).filter(
    (c) => customNow.has(c.id) || indicatorAnswer(customIndicatorKey(c.id)) !== undefined,
  );

  return (
    <article className={`import-card status-${file.status}`} aria-label={file.fileName}>
      <header>
        <h3>{file.fileName}</h3>
        <button type="button" onClick={props.onDismiss}>
          {m.dismiss}
        </button>
      </header>
      {file.status === 'reading' && <p role="status">{m.reading}</p>}
      {file.status === 'committing' && <p role="status">{m.committing}</p>}
      {file.status === 'committed' && (
        <p role="status" className="ok">
          {m.committed(file.committedFacts ?? 0)}
        </p>
      )}
      {file.status === 'duplicate' && file.previousImport && (
        <p role="status" className="notice">
          {m.duplicate(file.previousImport.fileName, file.previousImport.importedAt)}
        </p>
      )}
      {file.status === 'failed' && (
        <p role="alert" className="error">
          {m.failed(
            file.storageFull ? m.storageFull : file.unreadable ? m.fileUnreadable : (file.failure ?? ''),
          )}
        </p>
      )}
      {preview && file.status !== 'committed' && file.status !== 'duplicate' && (
        <>
          <dl className="detected">
            <div>
              <dt>{m.encoding}</dt>
              <dd>
                <select
                  aria-label={m.encoding}
                  value={preview.encoding ?? ''}
                  onChange={(event) => onChoose({ encoding: event.target.value as FileChoices['encoding'] })}
                >
                  {preview.encoding === null && <option value="">—</option>}
                  {ENCODINGS.map((e) => (
                    <option key={e} value={e}>
                      {m.encodings[e]}
                    </option>
                  ))}
                </select>
                {preview.encoding !== null &&
                  (preview.encodingDetected ? m.encodingDetected : m.encodingChosen)}
              </dd>
            </div>
            <div>
              <dt>{m.layout}</dt>
              <dd>{m.layouts[preview.layout]}</dd>
            </div>
            {(preview.yearSource === 'header' ||
              preview.yearSource === 'tables' ||
              (preview.yearSource === 'column' && preview.facts.length > 0)) && (
              <div>
                <dt>{m.year}</dt>
                <dd>
                  {[...new Set(preview.facts.map((f) => f.year))].sort().join(t.viewText.listSeparator)}{' '}
                  {m.yearSources[preview.yearSource]}
                </dd>
              </div>
            )}
            {((preview.layout !== 'long' &&
              preview.layout !== 'unknown' &&
              preview.yearSource !== 'header' &&
              preview.yearSource !== 'tables' &&
              preview.yearSource !== 'column') ||
              wantsFileYear) && (
              <div>
                <dt>{m.year}</dt>
                <dd>
                  <input
                    aria-label={m.year}
                    type="number"
                    min={1990}
                    max={2100}
                    defaultValue={preview.year ?? file.choices.year ?? ''}
                    placeholder={m.yearMissing}
                    onBlur={(event) => {
                      const year = Number(event.target.value);
                      const current = preview.year ?? file.choices.year;
                      if (Number.isInteger(year) && year !== current && year >= 1990 && year <= 2100)
                        onChoose({ year });
                    }}
                  />
                  {file.choices.year !== undefined
                    ? ` ${m.yearSources.option}`
                    : preview.yearSource && ` ${m.yearSources[preview.yearSource] ?? ''}`}
                </dd>
              </div>
            )}
            {preview.layout === 'sheet' && (
              <div>
                <dt>{m.township}</dt>
                <dd>
                  <select
                    aria-label={m.township}
                    value={preview.township?.code ?? ''}
                    onChange={(event) => onChoose({ township: event.target.value })}
                  >
                    <option value="">{m.chooseTownship}</option>
                    {townships.map((x) => (
                      <option key={x.code} value={x.code}>
                        {x.name}
                      </option>
                    ))}
                  </select>
                  {preview.townshipSource && ` ${m.townshipSources[preview.townshipSource] ?? ''}`}
                </dd>
              </div>
            )}
            <div>
              <dt>{m.amount}</dt>
              <dd>{m.rows(preview.rowCount, file.factCount)}</dd>
            </div>
          </dl>

          {townshipQuestions.length > 0 && (
            <section className="unknown-townships">
              <h4>{m.unknownTitle}</h4>
              <ul>
                {townshipQuestions.map((u) => (
                  <li key={u.name}>
                    <strong>{u.name}</strong> {m.unknownRows(u.lines.join('、'))}{' '}
                    <label>
                      {m.mapTownship}{' '}
                      <select
                        aria-label={`${m.mapTownship} ${u.name}`}
                        value={townshipAnswer(u.name) ?? ''}
                        onChange={(event) =>
                          onChoose({
                            townshipAliases: {
                              ...file.choices.townshipAliases,
                              [u.name]: event.target.value,
                            },
                          })
                        }
                      >
                        <option value="">{m.chooseTownship}</option>
                        {[
                          ...u.suggestions,
                          ...townships.filter((x) => !u.suggestions.some((s) => s.code === x.code)),
                        ].map((x) => (
                          <option key={x.code} value={x.code}>
                            {x.name}
                          </option>
                        ))}
                      </select>
                    </label>{' '}
                    <button type="button" onClick={() => props.onAddTownship(u.name)}>
                      {m.addTownship}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {preview.columns.length > 0 && preview.layout !== 'long' && (
            <details className="columns" open={preview.columns.some((c) => c.source === 'custom')}>
              <summary>{m.columnsTitle}</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{m.columnLetter}</th>
                    <th scope="col">{m.header}</th>
                    <th scope="col">{m.mappedTo}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.columns.map((c) => (
                    <tr key={`${c.column}:${c.headerKey}`}>
                      <td>{c.column}</td>
                      <td>{c.header}</td>
                      <td>
                        {c.source === 'role' ? (
                          m.roleColumn
                        ) : (
                          <IndicatorSelect
                            label={`${m.mappedTo} ${c.header}`}
                            value={c.source === 'ignored' ? 'ignore' : (c.indicatorId ?? '')}
                            custom={
                              c.source === 'custom' && c.indicatorId
                                ? { id: c.indicatorId, label: customLabel(c.indicatorId, c.header) }
                                : null
                            }
                            indicators={indicators}
                            stored={stored}
                            indicatorName={indicatorName}
                            ignoreLabel={m.ignoreColumn}
                            onChange={(value) =>
                              onChoose({ mappings: { ...file.choices.mappings, [c.headerKey]: value } })
                            }
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}

          {preview.layout !== 'wide' && indicatorQuestions.length > 0 && (
            <section className="custom-indicators">
              <h4>{m.newIndicatorsTitle}</h4>
              <table>
                <tbody>
                  {indicatorQuestions.map((c) => {
                    const key = customIndicatorKey(c.id);
                    return (
                      <tr key={c.id}>
                        <td>{c.label}</td>
                        <td>
                          <IndicatorSelect
                            label={`${m.mappedTo} ${c.label}`}
                            value={indicatorAnswer(key) ?? c.id}
                            custom={{ id: c.id, label: customLabel(c.id, c.label) }}
                            indicators={indicators}
                            stored={stored}
                            indicatorName={indicatorName}
                            ignoreLabel={m.ignoreColumn}
                            onChange={(value) =>
                              onChoose({ mappings: { ...file.choices.mappings, [key]: value } })
                            }
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          )}

          {issues.length > 0 && (
            <section className="issues">
              <h4>{m.issuesTitle(errors.length, warnings.length)}</h4>
              <ul>
                {issues.map((issue) => (
                  <li
                    key={`${issue.code}-${issue.line ?? 0}-${issue.column ?? ''}-${issue.raw ?? ''}`}
                    className={issue.severity}
                  >
                    <span className="badge">{issue.severity === 'error' ? m.error : m.warning}</span>{' '}
                    <span className="where">{t.issueLocation(file.fileName, issue.line, issue.column)}</span>
                    {t.viewText.colon}
                    {message(issue)}
                    {issue.raw !== undefined && issue.raw !== '' && (
                      <span className="raw"> {m.rawText(issue.raw)}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}

          {file.conflicts.length > 0 && (
            <section className="conflicts">
              <h4>{m.conflictsTitle(file.conflictTotal)}</h4>
              {file.conflictsChanged && (
                <p className="conflicts-changed" role="status">
                  {m.conflictsChanged}
                </p>
              )}
              {file.conflictTotal > file.conflicts.length && <p>{m.firstShown(file.conflicts.length)}</p>}
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.township}</th>
                    <th scope="col">{t.year}</th>
                    <th scope="col">{t.indicator}</th>
                    <th scope="col">{m.oldValue}</th>
                    <th scope="col">{m.newValue}</th>
                  </tr>
                </thead>
                <tbody>
                  {file.conflicts.map((c) => (
                    <tr key={`${c.townshipCode}-${c.year}-${c.indicatorId}`}>
                      <td>{c.townshipName}</td>
                      <td>{c.year}</td>
                      <td>{indicatorName(c.indicatorId)}</td>
                      <td title={c.oldFile ?? ''}>{c.oldText ?? c.oldValue}</td>
                      <td>{c.newText}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <fieldset>
                <label>
                  <input
                    type="radio"
                    name={`conflict-${file.key}`}
                    checked={file.choices.onConflict === 'replace'}
                    onChange={() => onChoose({ onConflict: 'replace' })}
                  />
                  {m.replace}
                </label>
                <label>
                  <input
                    type="radio"
                    name={`conflict-${file.key}`}
                    checked={file.choices.onConflict === 'keep'}
                    onChange={() => onChoose({ onConflict: 'keep' })}
                  />
                  {m.keep}
                </label>
              </fieldset>
            </section>
          )}

          {preview.facts.length > 0 && (
            <details className="facts">
              <summary>{m.factsTitle}</summary>
              {file.factCount > preview.facts.length && <p>{m.firstShown(preview.facts.length)}</p>}
              <ul>
                {groupFacts(preview.facts).map((g) => (
                  <li key={`${g.township}-${g.year}`}>
                    <strong>
                      {townshipName(g.township)} {g.year}
                    </strong>
                    {t.viewText.colon}
                    {g.facts
                      .map(
                        (f) =>
                          `${indicatorName(f.indicatorId)} ${f.approximate ? t.approxMark : ''}${f.value}`,
                      )
                      .join('，')}
                  </li>
                ))}
              </ul>
            </details>
          )}

          <footer>
            {errors.length > 0 && <p className="error">{m.commitBlocked}</p>}
            <button
              type="button"
              className="primary"
              disabled={errors.length > 0 || file.status !== 'ready'}
              onClick={props.onCommit}
            >
              {m.commit}
            </button>
          </footer>
        </>
      )}
    </article>
  );
}
