import { useRef, useState } from 'react';
import type { DbClient } from '../db/client.ts';
import { addTownship, type TownshipRow } from '../db/queries.ts';
import { writeTemplateCsv } from '../export/write-template.ts';
import { customIndicatorKey } from '../import/match-header.ts';
import { CATALOG, findIndicator, isStored } from '../indicators/catalog.ts';
import type { Messages } from '../messages/zh.ts';
import { downloadText } from './download-file.ts';
import { ImportFileCard } from './ImportFileCard.tsx';
import { isReady } from './pending-files.ts';
import type { useImportSession } from './use-import-session.ts';

interface ImportPanelProps {
  readonly db: DbClient;
  readonly t: Messages;
  readonly lang: 'zh' | 'en';
  readonly session: ReturnType<typeof useImportSession>;
  readonly townships: readonly TownshipRow[];
  readonly defaultYear: number;
  readonly customNames: Readonly<Record<string, string>>;
  readonly onTownshipsChanged: () => void;
}

export function ImportPanel({
  db,
  t,
  lang,
  session,
  townships,
  defaultYear,
  customNames,
  onTownshipsChanged,
}: ImportPanelProps) {
  const m = t.importer;
  const input = useRef<HTMLInputElement>(null);
  const [templateYear, setTemplateYear] = useState(defaultYear);
  const [dragging, setDragging] = useState(false);
  const indicators = CATALOG.filter(isStored);
  const stored = {
    label: m.storedIndicatorsGroup,
    indicators: Object.entries(customNames).map(([id, name]) => ({ id, name })),
  };
  const ready = session.files.filter(isReady);
  // Read, but with an error: left out of the batch.
  const blocked = session.files.filter((file) => file.status === 'ready' && !isReady(file)).length;
  const indicatorName = (id: string) => {
    const indicator = findIndicator(id);
    if (indicator) return lang === 'en' ? indicator.name.en : indicator.name.zh;
    return customNames[id] ?? customIndicatorKey(id);
  };

  return (
    <section className="import-panel" aria-label={m.title}>
      <h2>{m.title}</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the button inside is the keyboard way */}
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void session.addFiles([...event.dataTransfer.files]);
        }}
      >
        <p>
          {m.dropHint}{' '}
          <button type="button" onClick={() => input.current?.click()}>
            {m.choose}
          </button>
        </p>
        <p className="hint">{m.accepts}</p>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          multiple
          hidden
          aria-label={m.choose}
          onChange={(event) => {
            void session.addFiles([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
      </div>
      <div className="template">
        <label>
          {m.templateYear}{' '}
          <input
            type="number"
            min={1990}
            max={2100}
            value={templateYear}
            onChange={(event) => setTemplateYear(Number(event.target.value))}
          />
        </label>{' '}
        <button
          type="button"
          onClick={() =>
            downloadText(
              `${templateYear}年度镇街法治指标填报模板.csv`,
              writeTemplateCsv({ townships, year: templateYear }),
            )
          }
        >
          {m.template}
        </button>
      </div>
      {(ready.length > 1 || session.committingAll) && (
        <div className="commit-all">
          <button
            type="button"
            className="primary"
            disabled={session.committingAll}
            onClick={() => void session.commitAll()}
          >
            {session.committingAll ? m.committingAll : m.commitAll(ready.length)}
          </button>
          <p className="hint">{m.commitAllHint(blocked)}</p>
        </div>
      )}
      {session.files.map((file) => (
        <ImportFileCard
          key={file.key}
          file={file}
          t={t}
          townships={townships}
          indicators={indicators}
          stored={stored}
          indicatorName={indicatorName}
          onChoose={(change) => session.choose(file.key, change)}
          onAddTownship={async (name) => {
            const code = await addTownship(db, name);
            await db.checkpoint();
            onTownshipsChanged();
            session.choose(file.key, { townshipAliases: { ...file.choices.townshipAliases, [name]: code } });
          }}
          onCommit={() => void session.commit(file.key)}
          onDismiss={() => session.dismiss(file.key)}
        />
      ))}
    </section>
  );
}
