import { useCallback, useEffect, useRef, useState } from 'react';
import {
  commitStagedImport,
  dropStagedImport,
  type StagedImport,
  stagedFacts,
  stageLongImport,
} from '../db/bulk-import.ts';
import type { DbClient } from '../db/client.ts';
import { type CommitOptions, commitImport, ImportHeld, type ImportRecord } from '../db/commit-import.ts';
import {
  CONFLICT_LIST_LIMIT,
  type Conflicts,
  conflictsOf,
  findConflicts,
  findConflictsIn,
  findImportByHash,
  loadRememberedChoices,
  type PreviousImport,
} from '../db/import-checks.ts';
import { readDistrictName } from '../db/backup.ts';
import { listTownships } from '../db/queries.ts';
import { isStorageFullError } from '../db/storage-failure.ts';
import { MAX_FILE_BYTES } from '../import/decode-bytes.ts';
import type { ImportOptions, ImportPreview } from '../import/import-file.ts';
import { hasErrors } from '../import/import-issue.ts';
import { useAskBeforeLeaving } from './ask-before-leaving.ts';
import { isFileUnreadable, previewInWorker, workerByteWork } from './import-worker-client.ts';
import {
  askedSoFar,
  type FileChoices,
  followsChangedAnswer,
  isReady,
  isUnsaved,
  NO_CHOICES,
  newEntries,
  type PendingFile,
  refusedFile,
  type SessionAnswers,
  sameConflicts,
  sharedAnswers,
  withoutAnswersOf,
} from './pending-files.ts';

/**
 * Files at least this large are first offered to the bulk path: DuckDB's own CSV reader loads
 * the rows and the pipeline's rules run on distinct texts. It takes long-layout files; any other
 * file, or one it would read differently, goes through the pipeline in its worker.
 */
export const BULK_MIN_BYTES = 2 * 1024 * 1024;

/** Reads a large file with the bulk path, or undefined when the pipeline must read it. */
async function tryBulk(db: DbClient, source: Blob, options: ImportOptions) {
  if (source.size < BULK_MIN_BYTES) return undefined;
  try {
    return await stageLongImport(db, source, options, workerByteWork);
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

/**
 * 'held': the stored data changed since the user last saw the file's conflicts; the new ones are
 * shown and the file waits for the user to look and press its button again.
 */
export type CommitOutcome = 'committed' | 'skipped' | 'held' | 'failed';

interface DbCheck extends Conflicts {
  readonly previousImport: PreviousImport | undefined;
}

/** What the database holds against a read file: the same bytes stored before, values it would change. */
async function checkAgainstDb(
  db: DbClient,
  preview: ImportPreview,
  staged: StagedImport | undefined,
): Promise<DbCheck> {
  const previousImport = await findImportByHash(db, preview.contentHash);
  if (hasErrors(preview.issues)) return { previousImport, conflicts: [], total: 0 };
  if (staged) return { previousImport, ...(await findConflictsIn(db, stagedFacts(staged))) };
  const conflicts = await findConflicts(db, preview.facts);
  return { previousImport, conflicts, total: conflicts.length };
}

/**
 * The files being imported: each is read in the worker with the remembered choices plus the
 * user's, checked against the database (same bytes? values already stored?), and committed
 * only when the user says so.
 */
export function useImportSession(
  db: DbClient,
  data: {
    /** Bumped whenever the stored data change. */
    readonly revision: number;
    /** The district's township list (codes and names), as the files were read against it. */
    readonly townshipList: string;
  },
  onCommitted: () => void,
) {
  const { revision, townshipList } = data;
  const [files, setFiles] = useState<readonly PendingFile[]>([]);
  const [committingAll, setCommittingAll] = useState(false);
  /** The files as last set, for a batch that outlives the render it started in. */
  const filesRef = useRef(files);
  /** Files stored or being stored: none is stored twice, whichever button asked. */
  const claimedRef = useRef(new Set<number>());
  const keyRef = useRef(0);
  /** Large files read by the bulk path wait in DuckDB's temporary tables until committed or dismissed. */
  const stagedRef = useRef(new Map<number, StagedImport>());
  /** How often each file was read: a check begun before a file was read again is not applied. */
  const readsRef = useRef(new Map<number, number>());
  /** Header mappings and township matches the user chose in any file of this session, latest last. */
  const answersRef = useRef<SessionAnswers>({
    mappings: {},
    townshipAliases: {},
  });
  /** Commits run one at a time, each checking the data as the one before left them. */
  const commitsRef = useRef<Promise<unknown>>(Promise.resolve());

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
    async (key: number, fileName: string, source: Blob, choices: FileChoices) => {
      // A file read again while a read of it runs: only the last read's answer is shown.
      const generation = (readsRef.current.get(key) ?? 0) + 1;
      readsRef.current.set(key, generation);
      const current = () => readsRef.current.get(key) === generation;
      patch(key, { status: 'reading', choices });
      let staged: StagedImport | undefined;
      const readWith = answersRef.current;
      try {
        await release(key);
        const remembered = await loadRememberedChoices(db);
        const townships = await listTownships(db);
        const districtName = await readDistrictName(db);
        const options: ImportOptions = {
          fileName,
          townships,
          ...(districtName === null ? {} : { districtName }),
          encoding: choices.encoding,
          year: choices.year,
          township: choices.township,
          // The answers given in this session's other files count as remembered ones.
          mappings: { ...remembered.mappings, ...readWith.mappings, ...choices.mappings },
          townshipAliases: {
            ...remembered.townshipAliases,
            ...readWith.townshipAliases,
            ...choices.townshipAliases,
          },
        };
        staged = await tryBulk(db, source, options);
        const preview = staged?.preview ?? (await previewInWorker(source, options));
        const found = await checkAgainstDb(db, preview, staged);
        if (!current()) {
          if (staged) await dropStagedImport(db, staged).catch(() => undefined);
          return;
        }
        // An answer given in another file while this one was read: read it again with it.
        if (answersRef.current !== readWith) {
          if (staged) await dropStagedImport(db, staged).catch(() => undefined);
          void read(key, fileName, source, choices);
          return;
        }
        if (staged) stagedRef.current.set(key, staged);
        patch(key, {
          status: found.previousImport ? 'duplicate' : 'ready',
          readWith,
          asked: askedSoFar(filesRef.current.find((f) => f.key === key)?.asked, preview),
          preview,
          previousImport: found.previousImport,
          factCount: staged?.factCount ?? preview.facts.length,
          conflicts: found.conflicts,
          conflictTotal: found.total,
          conflictsChanged: false,
        });
      } catch (error) {
        if (staged && stagedRef.current.get(key) !== staged)
          await dropStagedImport(db, staged).catch(() => undefined);
        if (!current()) return;
        patch(key, {
          status: 'failed',
          unreadable: isFileUnreadable(error),
          failure: error instanceof Error ? error.message : String(error),
        });
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
        update((all) => [
          ...all,
          {
            key,
            fileName: file.name,
            source: file,
            status: 'reading',
            choices: NO_CHOICES,
            factCount: 0,
            conflicts: [],
            conflictTotal: 0,
          },
        ]);
        void read(key, file.name, file, NO_CHOICES);
      }
    },
    [read, update],
  );

  const choose = useCallback(
    (key: number, change: Partial<FileChoices>) => {
      const file = files.find((f) => f.key === key);
      if (!file) return;
      const choices = { ...file.choices, ...change };
      answersRef.current = {
        mappings: { ...answersRef.current.mappings, ...newEntries(file.choices.mappings, change.mappings) },
        townshipAliases: {
          ...answersRef.current.townshipAliases,
          ...newEntries(file.choices.townshipAliases, change.townshipAliases),
        },
      };
      if (Object.keys(change).every((k) => k === 'onConflict')) patch(key, { choices });
      else void read(key, file.fileName, file.source, choices);
      // The same new header or unknown township name in the other waiting files takes the same
      // answer, unless the user answered otherwise there: a batch stores them all one way.
      for (const other of files) {
        if (other.key === key) continue;
        const shared = sharedAnswers(file.choices, change, other);
        if (shared) void read(other.key, other.fileName, other.source, shared);
        else if (followsChangedAnswer(other, answersRef.current))
          void read(other.key, other.fileName, other.source, other.choices);
      }
    },
    [files, patch, read],
  );

  const store = useCallback(
    async (key: number, batch: boolean): Promise<CommitOutcome> => {
      const file = filesRef.current.find((f) => f.key === key);
      const preview = file?.preview;
      if (!file || !preview || !isReady(file) || claimedRef.current.has(key)) return 'skipped';
      // Conflicts the data changed to are confirmed by the file's own button, not by the batch's.
      if (batch && file.conflictsChanged) return 'held';
      claimedRef.current.add(key);
      patch(key, { status: 'committing' });
      try {
        const staged = stagedRef.current.get(key);
        // Another card or an earlier file of the same batch may have stored the same bytes.
        const previousImport = await findImportByHash(db, preview.contentHash);
        if (previousImport) {
          await release(key);
          claimedRef.current.delete(key);
          patch(key, { status: 'duplicate', previousImport });
          return 'skipped';
        }
        if (!staged && file.factCount !== preview.facts.length)
          throw new Error(`${file.fileName}: the file's staged rows are gone; read it again.`);
        // Or values the file would replace or keep: checked in the commit's transaction, on the
        // facts about to be stored. Others than the user saw hold the file.
        let found: Conflicts | undefined;
        const options: CommitOptions = {
          ...commitOptionsOf(file, preview),
          confirm: async (tx, source) => {
            found = await conflictsOf(tx, source, staged ? CONFLICT_LIST_LIMIT : undefined);
            return (
              found.total === 0 ||
              sameConflicts({ conflicts: file.conflicts, total: file.conflictTotal }, found)
            );
          },
        };
        try {
          if (staged) {
            await commitStagedImport(db, staged, recordOf(file, preview), options);
            await release(key);
          } else {
            await commitImport(db, recordOf(file, preview), preview.facts, options);
          }
        } catch (error) {
          if (!(error instanceof ImportHeld) || !found) throw error;
          claimedRef.current.delete(key);
          patch(key, {
            status: 'ready',
            conflicts: found.conflicts,
            conflictTotal: found.total,
            conflictsChanged: true,
          });
          return 'held';
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
  const commit = useCallback(
    (key: number, batch = false): Promise<CommitOutcome> => {
      const next = commitsRef.current.then(() => store(key, batch));
      commitsRef.current = next.catch(() => undefined);
      return next;
    },
    [store],
  );

  // After the data changed (a file stored, an import undone), every file waiting for the user
  // is checked again, so its card shows the values it would meet now. A batch checks each file
  // as its turn comes: the others are checked once, when it ends.
  useEffect(() => {
    if (revision === 0 || committingAll) return;
    for (const file of filesRef.current) {
      const preview = file.preview;
      if (!preview || (file.status !== 'ready' && file.status !== 'duplicate')) continue;
      const reads = readsRef.current.get(file.key);
      void checkAgainstDb(db, preview, stagedRef.current.get(file.key)).then(
        (found) => {
          const now = filesRef.current.find((f) => f.key === file.key);
          if (!now || readsRef.current.get(file.key) !== reads) return;
          if (now.status !== 'ready' && now.status !== 'duplicate') return;
          // The copy it duplicated was undone: read again, since a large file's rows were let go.
          if (now.status === 'duplicate' && !found.previousImport) {
            void read(now.key, now.fileName, now.source, now.choices);
            return;
          }
          const changed = !sameConflicts({ conflicts: now.conflicts, total: now.conflictTotal }, found);
          patch(file.key, {
            status: found.previousImport ? 'duplicate' : 'ready',
            previousImport: found.previousImport,
            conflicts: found.conflicts,
            conflictTotal: found.total,
            conflictsChanged: now.conflictsChanged || (changed && found.total > 0),
          });
        },
        () => undefined,
      );
    }
  }, [db, revision, committingAll, patch, read]);

  /**
   * Every file ready to store, one after the other in the list's order, each in its own
   * transaction as if its own button were pressed. Stops at a file that fails: what failed it
   * (a full disk, a broken database) would fail the next ones too.
   */
  const commitAll = useCallback(async () => {
    setCommittingAll(true);
    try {
      for (const file of filesRef.current.filter(isReady)) {
        // A file held for its changed conflicts waits for the user; the others go on.
        if ((await commit(file.key, true)) === 'failed') break;
      }
    } finally {
      setCommittingAll(false);
    }
  }, [commit]);

  const dismiss = useCallback(
    (key: number) => {
      // A read still running for it ends unseen, and lets go of what it staged.
      readsRef.current.set(key, (readsRef.current.get(key) ?? 0) + 1);
      void release(key);
      update((all) => all.filter((f) => f.key !== key));
      // Its unstored answers go with it; the files read with them ask again.
      const gone = filesRef.current.find((f) => f.key === key);
      if (!gone) return;
      answersRef.current = withoutAnswersOf(answersRef.current, gone);
      for (const other of filesRef.current)
        if (other.key !== key && followsChangedAnswer(other, answersRef.current))
          void read(other.key, other.fileName, other.source, other.choices);
    },
    [read, release, update],
  );

  // A township added, renamed or removed (from a card or the district setup) changes what the
  // waiting files' names match: each is read again against the new list.
  const listRef = useRef(townshipList);
  useEffect(() => {
    if (listRef.current === townshipList) return;
    listRef.current = townshipList;
    for (const file of filesRef.current) {
      if (!file.preview || file.source.size === 0) continue;
      if (file.status === 'ready' || file.status === 'duplicate')
        void read(file.key, file.fileName, file.source, file.choices);
    }
  }, [townshipList, read]);

  // Files read and not stored (with the user's choices for them) are gone after a reload or a
  // close: the browser asks first, as for any unsaved form.
  const unsaved = files.some(isUnsaved);
  useAskBeforeLeaving(unsaved);

  return { files, addFiles, choose, commit, commitAll, committingAll, dismiss };
}
