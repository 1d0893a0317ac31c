import { useCallback, useEffect, useRef, useState } from 'react';
import {
  commitStagedImport,
  dropStagedImport,
  type StagedImport,
  stagedFacts,
  stageLongImport,
} from '../db/bulk-import.ts';
import type { DbClient } from '../db/client.ts';
import { isStorageFullError } from '../db/storage-failure.ts';
import { type CommitOptions, commitImport, type ImportRecord } from '../db/commit-import.ts';
import {
  type FactConflict,
  findConflicts,
  findConflictsIn,
  findImportByHash,
  loadRememberedChoices,
  type PreviousImport,
} from '../db/import-checks.ts';
import { listTownships } from '../db/queries.ts';
import { MAX_FILE_BYTES, type TextEncodingName } from '../import/decode-bytes.ts';
import { hasErrors } from '../import/import-issue.ts';
import type { ImportOptions, ImportPreview } from '../import/import-file.ts';
import { previewInWorker, workerByteWork } from './import-worker-client.ts';

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
  /** Values the file gives: all of them; `preview.facts` may hold only the first of a large file. */
  readonly factCount: number;
  /** The first conflicts (all of them for a small file) and how many there are. */
  readonly conflicts: readonly FactConflict[];
  readonly conflictTotal: number;
  readonly failure?: string;
  /** The browser refused to store the file for lack of space (the earlier data is intact). */
  readonly storageFull?: boolean;
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
    factCount: 0,
    conflicts: [],
    conflictTotal: 0,
  };
}

const NO_CHOICES: FileChoices = { mappings: {}, townshipAliases: {}, onConflict: 'replace' };

/**
 * Files at least this large are first offered to the bulk path: DuckDB's own CSV reader loads
 * the rows and the pipeline's rules run on distinct texts. It takes long-layout files; any other
 * file, or one it would read differently, goes through the pipeline in its worker.
 */
export const BULK_MIN_BYTES = 2 * 1024 * 1024;

/** Reads a large file with the bulk path, or undefined when the pipeline must read it. */
async function tryBulk(db: DbClient, bytes: Uint8Array, options: ImportOptions) {
  if (bytes.length < BULK_MIN_BYTES) return undefined;
  try {
    return await stageLongImport(db, bytes, options, workerByteWork);
  } catch {
    return undefined;
  }
}

function recordOf(file: PendingFile, preview: ImportPreview): ImportRecord {
  return {
    fileName: file.fileName,
    contentHash: preview.contentHash,
    encoding: preview.encoding ?? 'unknown',
    layout: preview.layout,
    rowCount: preview.rowCount,
    isSample: false,
  };
}

function commitOptionsOf(file: PendingFile, preview: ImportPreview): CommitOptions {
  return {
    onConflict: file.choices.onConflict,
    customIndicators: preview.customIndicators.map((c) => ({ id: c.id, label: c.label, unit: c.unit ?? '' })),
    mappings: file.choices.mappings,
    townshipAliases: file.choices.townshipAliases,
  };
}

export type CommitOutcome = 'committed' | 'skipped' | 'failed';

/** A file read without an error and not stored yet: its commit button is enabled. */
export function isReady(file: PendingFile): boolean {
  return file.status === 'ready' && file.preview !== undefined && !hasErrors(file.preview.issues);
}

/**
 * The files being imported: each is read in the worker with the remembered choices plus the
 * user's, checked against the database (same bytes? values already stored?), and committed
 * only when the user says so.
 */
export function useImportSession(db: DbClient, onCommitted: () => void) {
  const [files, setFiles] = useState<readonly PendingFile[]>([]);
  const [committingAll, setCommittingAll] = useState(false);
  /** The files as last set, for a batch that outlives the render it started in. */
  const filesRef = useRef(files);
  /** Files stored or being stored: none is stored twice, whichever button asked. */
  const claimedRef = useRef(new Set<number>());
  const keyRef = useRef(0);
  /** Large files read by the bulk path wait in DuckDB's temporary tables until committed or dismissed. */
  const stagedRef = useRef(new Map<number, StagedImport>());

  const release = useCallback(
    async (key: number) => {
      const staged = stagedRef.current.get(key);
      if (!staged) return;
      stagedRef.current.delete(key);
      await dropStagedImport(db, staged).catch(() => undefined);
    },
    [db],
  );
  useEffect(() => {
    const staged = stagedRef.current;
    return () => {
      for (const s of staged.values()) void dropStagedImport(db, s).catch(() => undefined);
      staged.clear();
    };
  }, [db]);

  const update = useCallback((change: (all: readonly PendingFile[]) => readonly PendingFile[]) => {
    setFiles((all) => {
      const next = change(all);
      filesRef.current = next;
      return next;
    });
  }, []);
  const patch = useCallback(
    (key: number, change: Partial<PendingFile>) =>
      update((all) => all.map((f) => (f.key === key ? { ...f, ...change } : f))),
    [update],
  );

  const read = useCallback(
    async (key: number, fileName: string, bytes: Uint8Array, choices: FileChoices) => {
      patch(key, { status: 'reading', choices });
      try {
        await release(key);
        const remembered = await loadRememberedChoices(db);
        const townships = await listTownships(db);
        const options: ImportOptions = {
          fileName,
          townships,
          encoding: choices.encoding,
          year: choices.year,
          township: choices.township,
          mappings: { ...remembered.mappings, ...choices.mappings },
          townshipAliases: { ...remembered.townshipAliases, ...choices.townshipAliases },
        };
        const staged = await tryBulk(db, bytes, options);
        if (staged) stagedRef.current.set(key, staged);
        const preview = staged?.preview ?? (await previewInWorker(bytes, options));
        const previousImport = await findImportByHash(db, preview.contentHash);
        const found = hasErrors(preview.issues)
          ? { conflicts: [], total: 0 }
          : staged
            ? await findConflictsIn(db, stagedFacts(staged))
            : await findConflicts(db, preview.facts).then((conflicts) => ({
                conflicts,
                total: conflicts.length,
              }));
        patch(key, {
          status: previousImport ? 'duplicate' : 'ready',
          preview,
          previousImport,
          factCount: staged?.factCount ?? preview.facts.length,
          conflicts: found.conflicts,
          conflictTotal: found.total,
        });
      } catch (error) {
        patch(key, { status: 'failed', failure: error instanceof Error ? error.message : String(error) });
      }
    },
    [db, patch, release],
  );

  const addFiles = useCallback(
    async (list: readonly File[]) => {
      for (const file of list) {
        const key = ++keyRef.current;
        if (file.size > MAX_FILE_BYTES) {
          // Not even read: a file this size would only exhaust the tab's memory.
          update((all) => [...all, refusedFile(key, file.name, 'too-large')]);
          continue;
        }
        const bytes = new Uint8Array(await file.arrayBuffer());
        update((all) => [
          ...all,
          {
            key,
            fileName: file.name,
            bytes,
            status: 'reading',
            choices: NO_CHOICES,
            factCount: 0,
            conflicts: [],
            conflictTotal: 0,
          },
        ]);
        void read(key, file.name, bytes, NO_CHOICES);
      }
    },
    [read, update],
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
    async (key: number): Promise<CommitOutcome> => {
      const file = filesRef.current.find((f) => f.key === key);
      const preview = file?.preview;
      if (!file || !preview || !isReady(file) || claimedRef.current.has(key)) return 'skipped';
      claimedRef.current.add(key);
      patch(key, { status: 'committing' });
      try {
        // The same bytes may have been stored since the file was read: from another card, or
        // an earlier file of the same batch.
        const previousImport = await findImportByHash(db, preview.contentHash);
        if (previousImport) {
          await release(key);
          claimedRef.current.delete(key);
          patch(key, { status: 'duplicate', previousImport });
          return 'skipped';
        }
        const staged = stagedRef.current.get(key);
        if (staged) {
          await commitStagedImport(db, staged, recordOf(file, preview), commitOptionsOf(file, preview));
          await release(key);
        } else {
          await commitImport(db, recordOf(file, preview), preview.facts, commitOptionsOf(file, preview));
        }
        await db.checkpoint();
        const [row] = await db.query<{ fact_count: number }>(
          'SELECT fact_count FROM imports WHERE content_hash = ? ORDER BY id DESC LIMIT 1',
          [preview.contentHash],
        );
        patch(key, { status: 'committed', committedFacts: row?.fact_count ?? 0 });
        onCommitted();
        return 'committed';
      } catch (error) {
        claimedRef.current.delete(key);
        patch(key, {
          status: 'failed',
          failure: error instanceof Error ? error.message : String(error),
          storageFull: isStorageFullError(error),
        });
        return 'failed';
      }
    },
    [db, patch, onCommitted, release],
  );

  /**
   * Every file ready to store, one after the other in the list's order, each in its own
   * transaction as if its own button were pressed. Stops at a file that fails: what failed it
   * (a full disk, a broken database) would fail the next ones too.
   */
  const commitAll = useCallback(async () => {
    setCommittingAll(true);
    try {
      for (const file of filesRef.current.filter(isReady)) {
        if ((await commit(file.key)) === 'failed') break;
      }
    } finally {
      setCommittingAll(false);
    }
  }, [commit]);

  const dismiss = useCallback(
    (key: number) => {
      void release(key);
      update((all) => all.filter((f) => f.key !== key));
    },
    [release, update],
  );

  return { files, addFiles, choose, commit, commitAll, committingAll, dismiss };
}
