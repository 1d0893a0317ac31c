import { useRef, useState } from 'react';
import {
  type BackupSummary,
  BackupVerificationError,
  backupFileName,
  createBackup,
  inspectBackup,
  readDistrictName,
  restoreBackup,
} from '../db/backup.ts';
import type { DbClient } from '../db/client.ts';
import { exportFactsCsv } from '../db/export-facts.ts';
import { listImports, undoImport } from '../db/history.ts';
import { describeData, resetAllData } from '../db/reset.ts';
import { isStorageFullError } from '../db/storage-failure.ts';
import type { Messages } from '../messages/zh.ts';
import { downloadBytes, downloadText } from './download-file.ts';
import { useAsync } from './use-db-query.ts';

interface DataPanelProps {
  readonly db: DbClient;
  readonly t: Messages;
  readonly revision: number;
  readonly onChanged: () => void;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

/** Import history with undo, backup and restore, export of all facts, and reset. */
export function DataPanel({ db, t, revision, onChanged }: DataPanelProps) {
  const m = t.data;
  const history = useAsync(() => listImports(db), [db, revision]);
  // While a refresh runs, the previous list stays on screen.
  const entries = history.status === 'error' ? undefined : history.data;
  const [message, setMessage] = useState<{
    readonly text: string;
    readonly error: boolean;
    /** The running database no longer matches the stored one: only a reload shows the truth. */
    readonly reload?: boolean;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  /** A checked backup waiting for the user's yes or no; nothing has been replaced yet. */
  const [pending, setPending] = useState<{
    readonly fileName: string;
    readonly bytes: Uint8Array;
    readonly summary: BackupSummary;
    readonly current: { readonly facts: number; readonly imports: number };
  } | null>(null);
  const restoreInput = useRef<HTMLInputElement>(null);

  async function act(work: () => Promise<string | null>) {
    setBusy(true);
    try {
      const text = await work();
      if (text !== null) setMessage({ text, error: false });
    } catch (error) {
      if (isStorageFullError(error)) {
        // The stored file still holds the data as before; the running database holds the change it
        // could not store. Nothing more is done with it (the buttons stay disabled) until a reload.
        setMessage({ text: m.storageFull, error: true, reload: true });
        return;
      }
      setMessage({ text: m.failed(error instanceof Error ? error.message : String(error)), error: true });
    }
    setBusy(false);
    onChanged();
  }

  const years = (list: readonly number[]) =>
    list.length === 0 ? '—' : `${list[0]}–${list[list.length - 1]}`;

  /** Reads and checks a chosen backup; the current data is not touched until the user confirms. */
  async function check(file: File) {
    setPending(null);
    setBusy(true);
    setMessage({ text: m.checkingBackup(file.name), error: false });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await inspectBackup(db, bytes);
      if (!result.ok) {
        setMessage({ text: m.restoreInvalid(m.backupRefused[result.reason] ?? result.message), error: true });
        return;
      }
      const current = await describeData(db);
      setPending({ fileName: file.name, bytes, summary: result, current });
      setMessage(null);
    } catch (error) {
      setMessage({
        text: m.restoreInvalid(error instanceof Error ? error.message : String(error)),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="data-panel" aria-label={m.title}>
      <h2>{m.title}</h2>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'}>
          {message.text}
          {message.reload && (
            <>
              {' '}
              <button type="button" onClick={() => window.location.reload()}>
                {t.tabs.reload}
              </button>
            </>
          )}
        </p>
      )}

      <h3>{m.historyTitle}</h3>
      {entries?.length === 0 && <p>{m.noImports}</p>}
      {entries !== undefined && entries.length > 0 && (
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
            {entries.map((entry) => (
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

      <h3>{m.backupTitle}</h3>
      <p className="hint">{m.backupHint}</p>
      <div className="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const name = backupFileName(await readDistrictName(db), new Date());
              const backup = await createBackup(db).catch((error: unknown) => {
                throw error instanceof BackupVerificationError ? new Error(m.backupUnverified) : error;
              });
              downloadBytes(name, backup.bytes);
              return m.backupSaved(name);
            })
          }
        >
          {m.backup}
        </button>
        <button type="button" disabled={busy} onClick={() => restoreInput.current?.click()}>
          {m.restore}
        </button>
        <input
          ref={restoreInput}
          type="file"
          accept=".duckdb,application/octet-stream"
          hidden
          aria-label={m.restore}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void check(file);
          }}
        />
      </div>
      {pending && (
        <section className="backup-contents" aria-label={m.backupContents(pending.fileName)}>
          <h4>{m.backupContents(pending.fileName)}</h4>
          <dl>
            <div>
              <dt>{m.backupDistrict}</dt>
              <dd>{pending.summary.districtName ?? m.backupNoDistrict}</dd>
            </div>
            <div>
              <dt>{m.backupImports}</dt>
              <dd>{m.backupCount(pending.summary.counts.imports)}</dd>
            </div>
            <div>
              <dt>{m.backupFacts}</dt>
              <dd>{m.backupFactCount(pending.summary.counts.facts)}</dd>
            </div>
            <div>
              <dt>{m.backupTownships}</dt>
              <dd>
                {m.backupTownshipCount(
                  pending.summary.counts.townships,
                  pending.summary.counts.townshipsWithData,
                )}
              </dd>
            </div>
            <div>
              <dt>{m.backupYears}</dt>
              <dd>{years(pending.summary.counts.years)}</dd>
            </div>
          </dl>
          <p className="error">{m.restoreWarning(pending.current.facts, pending.current.imports)}</p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                const { bytes } = pending;
                setPending(null);
                setMessage({ text: m.restoring, error: false });
                void act(async () => {
                  const result = await restoreBackup(db, bytes);
                  if (!result.ok) throw new Error(m.backupRefused[result.reason] ?? result.message);
                  await db.checkpoint();
                  return m.restored(result.counts.facts);
                });
              }}
            >
              {m.confirmRestoreButton}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setPending(null);
                setMessage({ text: m.restoreCancelled, error: false });
              }}
            >
              {m.cancelRestore}
            </button>
          </div>
        </section>
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
