/**
 * A database client that keeps a snapshot of an in-memory database up to date: after every
 * checkpoint (the app calls it after each committed import, undo, reset, restore) the whole
 * database is snapshotted and saved, and the checkpoint resolves only once it is saved. A
 * committed transaction that no checkpoint follows (e.g. a township added during an import) is
 * saved a moment later. Saves run one at a time, in order; an unchanged database is not saved again.
 */
import type { DbClient } from './client.ts';
import { type Snapshot, sameSnapshot, snapshotSize, takeSnapshot } from './snapshot.ts';

/** How long after a committed transaction a save starts, unless a checkpoint's save starts first. */
const AFTER_TRANSACTION_MS = 300;

export interface SnapshotClient {
  readonly client: DbClient;
  /** No more saves (the tab handed the data over, or its database was lost). */
  stop(): void;
  /** Bytes of the last snapshot saved or loaded; 0 before any. */
  savedBytes(): number;
}

export interface SnapshotClientOptions {
  /** Stores one snapshot; throws when it could not be stored. */
  readonly save: (snapshot: Snapshot) => Promise<void>;
  /** The snapshot the database was loaded from, so an unchanged database is not saved again. */
  readonly initial?: Snapshot;
  /** A save that failed after a transaction, with no caller to tell. */
  readonly onBackgroundError?: (error: unknown) => void;
}

export function withSnapshots(inner: DbClient, options: SnapshotClientOptions): SnapshotClient {
  let stopped = false;
  let last: Snapshot | undefined = options.initial;
  let started = 0;
  /** The save that has been asked for but has not started: later requests join it. */
  let waiting: Promise<void> | null = null;
  let tail: Promise<void> = Promise.resolve();

  async function saveOnce(): Promise<void> {
    if (stopped) return;
    const snapshot = await takeSnapshot(inner);
    if (stopped || (last && sameSnapshot(snapshot, last))) return;
    await options.save(snapshot);
    last = snapshot;
  }

  function requestSave(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (waiting) return waiting;
    const next = tail.then(() => {
      waiting = null;
      started++;
      return saveOnce();
    });
    waiting = next;
    tail = next.catch(() => undefined);
    return next;
  }

  function saveSoon(): void {
    const startedAtCommit = started;
    setTimeout(() => {
      // A save that started after the commit has it already.
      if (started !== startedAtCommit || stopped) return;
      requestSave().catch((error: unknown) => options.onBackgroundError?.(error));
    }, AFTER_TRANSACTION_MS);
  }

  const client: DbClient = {
    query: (sql, params) => inner.query(sql, params),
    run: (sql, params) => inner.run(sql, params),
    registerText: (name, text) => inner.registerText(name, text),
    registerBuffer: (name, bytes) => inner.registerBuffer(name, bytes),
    exportFile: (name) => inner.exportFile(name),
    dropFile: (name) => inner.dropFile(name),
    async checkpoint() {
      await inner.checkpoint();
      await requestSave();
    },
    async transaction(work) {
      const result = await inner.transaction(work);
      saveSoon();
      return result;
    },
    close: () => inner.close(),
  };

  return {
    client,
    stop() {
      stopped = true;
    },
    savedBytes: () => (last ? snapshotSize(last) : 0),
  };
}
