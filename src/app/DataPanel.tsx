import { useState } from 'react';
import type { DbClient } from '../db/client.ts';
import { exportFactsCsv } from '../db/export-facts.ts';
import { listImports, undoImport } from '../db/history.ts';
import { describeData, resetAllData } from '../db/reset.ts';
import type { Messages } from '../messages/zh.ts';
import { downloadText } from './download-file.ts';
import { useAsync } from './use-db-query.ts';

interface DataPanelProps {
  readonly db: DbClient;
  readonly t: Messages;
  readonly revision: number;
  readonly onChanged: () => void;
}

/** A storage failure the user can act on, told apart from everything else. */
function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota|QuotaExceeded|No space|disk full|ENOSPC/i.test(text);
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

/** Import history with undo, backup and restore, export of all facts, and reset. */
export function DataPanel({ db, t, revision, onChanged }: DataPanelProps) {
  const m = t.data;
  const history = useAsync(() => listImports(db), [db, revision]);
  const [message, setMessage] = useState<{ readonly text: string; readonly error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(work: () => Promise<string | null>) {
    setBusy(true);
    try {
      const text = await work();
      if (text !== null) setMessage({ text, error: false });
    } catch (error) {
      setMessage({
        text: isQuotaError(error)
          ? m.quota
          : m.failed(error instanceof Error ? error.message : String(error)),
        error: true,
      });
    } finally {
      setBusy(false);
      onChanged();
    }
  }

  const years = (list: readonly number[]) =>
    list.length === 0 ? '—' : `${list[0]}–${list[list.length - 1]}`;

  return (
    <section className="data-panel" aria-label={m.title}>
      <h2>{m.title}</h2>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}

      <h3>{m.historyTitle}</h3>
      {history.status === 'ready' && history.data.length === 0 && <p>{m.noImports}</p>}
      {history.status === 'ready' && history.data.length > 0 && (
        <table className="history">
          <thead>
            <tr>
              <th scope="col">{m.file}</th>
              <th scope="col">{m.time}</th>
              <th scope="col">{m.encoding}</th>
              <th scope="col">{m.rows}</th>
              <th scope="col">{m.facts}</th>
              <th scope="col">{m.replaced}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {history.data.map((entry) => (
              <tr key={entry.id} data-import={entry.fileName}>
                <th scope="row" title={entry.contentHash}>
                  {entry.fileName}
                  {entry.isSample ? `（${m.sample}）` : ''}
                </th>
                <td>{entry.importedAt}</td>
                <td>{entry.encoding}</td>
                <td>{entry.rowCount}</td>
                <td>{entry.factCount}</td>
                <td>{m.replacedText(entry.replacedCount, entry.replacedFiles.join('、'))}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={`${m.undo}：${entry.fileName}`}
                    onClick={() => {
                      if (!window.confirm(m.confirmUndo(entry.fileName, entry.factCount))) return;
                      void act(async () => {
                        const result = await undoImport(db, entry.id);
                        if (!result.ok) throw new Error(result.message);
                        await db.checkpoint();
                        return m.undone(entry.fileName);
                      });
                    }}
                  >
                    {m.undo}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{m.exportTitle}</h3>
      <div className="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              downloadText(`全部指标数值-${today()}.csv`, await exportFactsCsv(db));
              return null;
            })
          }
        >
          {m.exportCsv}
        </button>
      </div>

      <h3>{m.resetTitle}</h3>
      <button
        type="button"
        className="danger"
        disabled={busy}
        onClick={() =>
          void act(async () => {
            const data = await describeData(db);
            if (!window.confirm(m.confirmReset(data.facts, data.imports, years(data.years)))) return null;
            await resetAllData(db);
            await db.checkpoint();
            return m.resetDone;
          })
        }
      >
        {m.reset}
      </button>
    </section>
  );
}
