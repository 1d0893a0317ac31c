import { useCallback, useRef, useState } from 'react';
import type { DbClient } from '../db/client.ts';
import { commitImport } from '../db/commit-import.ts';
import {
  type FactConflict,
  findConflicts,
  findImportByHash,
  loadRememberedChoices,
  type PreviousImport,
} from '../db/import-checks.ts';
import { listTownships } from '../db/queries.ts';
import { MAX_FILE_BYTES, type TextEncodingName } from '../import/decode-bytes.ts';
import { hasErrors } from '../import/import-issue.ts';
import type { ImportPreview } from '../import/import-file.ts';
import { previewInWorker } from './preview-in-worker.ts';

/** What the user decided for one file in the preview; everything else comes from the file. */
export interface FileChoices {
  readonly encoding?: TextEncodingName;
  readonly year?: number;
  readonly township?: string;
  /** headerKey → indicator id or 'ignore', chosen in this preview. */
  readonly mappings: Readonly<Record<string, string>>;
  /** Written name → township code, chosen in this preview. */
  readonly townshipAliases: Readonly<Record<string, string>>;
  readonly onConflict: 'replace' | 'keep';
}

export type FileStatus = 'reading' | 'ready' | 'committing' | 'committed' | 'duplicate' | 'failed';

export interface PendingFile {
  readonly key: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly status: FileStatus;
  readonly choices: FileChoices;
  readonly preview?: ImportPreview;
  readonly previousImport?: PreviousImport;
  readonly conflicts: readonly FactConflict[];
  readonly failure?: string;
  readonly committedFacts?: number;
}

function refusedFile(key: number, fileName: string, code: 'too-large'): PendingFile {
  const preview: ImportPreview = {
    fileName,
    contentHash: '',
    encoding: null,
    encodingDetected: false,
    delimiter: null,
    layout: 'unknown',
    headerLine: null,
    rowCount: 0,
    year: null,
    yearSource: null,
    township: null,
    townshipSource: null,
    columns: [],
    customIndicators: [],
    unknownTownships: [],
    facts: [],
    issues: [{ severity: 'error', code }],
  };
  return {
    key,
    fileName,
    bytes: new Uint8Array(),
    status: 'ready',
    choices: NO_CHOICES,
    preview,
    conflicts: [],
  };
}

const NO_CHOICES: FileChoices = { mappings: {}, townshipAliases: {}, onConflict: 'replace' };

/**
 * The files being imported: each is read in the worker with the remembered choices plus the
 * user's, checked against the database (same bytes? values already stored?), and committed
 * only when the user says so.
 */
export function useImportSession(db: DbClient, onCommitted: () => void) {
  const [files, setFiles] = useState<readonly PendingFile[]>([]);
  const keyRef = useRef(0);

  const patch = useCallback((key: number, change: Partial<PendingFile>) => {
    setFiles((all) => all.map((f) => (f.key === key ? { ...f, ...change } : f)));
  }, []);

  const read = useCallback(
    async (key: number, fileName: string, bytes: Uint8Array, choices: FileChoices) => {
      patch(key, { status: 'reading', choices });
      try {
        const remembered = await loadRememberedChoices(db);
        const townships = await listTownships(db);
        const preview = await previewInWorker(bytes, {
          fileName,
          townships,
          encoding: choices.encoding,
          year: choices.year,
          township: choices.township,
          mappings: { ...remembered.mappings, ...choices.mappings },
          townshipAliases: { ...remembered.townshipAliases, ...choices.townshipAliases },
        });
        const previousImport = await findImportByHash(db, preview.contentHash);
        const conflicts = hasErrors(preview.issues) ? [] : await findConflicts(db, preview.facts);
        patch(key, { status: previousImport ? 'duplicate' : 'ready', preview, previousImport, conflicts });
      } catch (error) {
        patch(key, { status: 'failed', failure: error instanceof Error ? error.message : String(error) });
      }
    },
    [db, patch],
  );

  const addFiles = useCallback(
    async (list: readonly File[]) => {
      for (const file of list) {
        const key = ++keyRef.current;
        if (file.size > MAX_FILE_BYTES) {
          // Not even read: a file this size would only exhaust the tab's memory.
          setFiles((all) => [...all, refusedFile(key, file.name, 'too-large')]);
          continue;
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        setFiles((all) => [
          ...all,
          { key, fileName: file.name, bytes, status: 'reading', choices: NO_CHOICES, conflicts: [] },
        ]);
        void read(key, file.name, bytes, NO_CHOICES);
      }
    },
    [read],
  );

  const choose = useCallback(
    (key: number, change: Partial<FileChoices>) => {
      const file = files.find((f) => f.key === key);
      if (!file) return;
      const choices = { ...file.choices, ...change };
      if (Object.keys(change).every((k) => k === 'onConflict')) patch(key, { choices });
      else void read(key, file.fileName, file.bytes, choices);
    },
    [files, patch, read],
  );

  const commit = useCallback(
    async (key: number) => {
      const file = files.find((f) => f.key === key);
      const preview = file?.preview;
      if (!file || !preview || hasErrors(preview.issues)) return;
      patch(key, { status: 'committing' });
      try {
        await commitImport(
          db,
          {
            fileName: file.fileName,
            contentHash: preview.contentHash,
            encoding: preview.encoding ?? 'unknown',
            layout: preview.layout,
            rowCount: preview.rowCount,
            isSample: false,
          },
          preview.facts,
          {
            onConflict: file.choices.onConflict,
            customIndicators: preview.customIndicators.map((c) => ({
              id: c.id,
              label: c.label,
              unit: c.unit ?? '',
            })),
            mappings: file.choices.mappings,
            townshipAliases: file.choices.townshipAliases,
          },
        );
        await db.checkpoint();
        const [row] = await db.query<{ fact_count: number }>(
          'SELECT fact_count FROM imports WHERE content_hash = ? ORDER BY id DESC LIMIT 1',
          [preview.contentHash],
        );
        patch(key, { status: 'committed', committedFacts: row?.fact_count ?? 0 });
        onCommitted();
      } catch (error) {
        patch(key, { status: 'failed', failure: error instanceof Error ? error.message : String(error) });
      }
    },
    [db, files, patch, onCommitted],
  );

  const dismiss = useCallback((key: number) => setFiles((all) => all.filter((f) => f.key !== key)), []);

  return { files, addFiles, choose, commit, dismiss };
}
