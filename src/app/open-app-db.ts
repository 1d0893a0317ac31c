import sampleUrl from '../../data/sample-district.csv?url';
import { openBrowserDb, type RestartReason } from '../db/browser-client.ts';
import type { DbClient } from '../db/client.ts';
import { countFacts, listTownships } from '../db/queries.ts';
import { isSampleDeclined } from '../db/reset.ts';
import { applySchema, NEWER_DATABASE_MESSAGE, replaceTownships } from '../db/schema.ts';
import { isSnapshot, loadSnapshot, type Snapshot, takeSnapshot } from '../db/snapshot.ts';
import { type SnapshotClient, withSnapshots } from '../db/snapshot-client.ts';
import { indexedDbAvailable, openSnapshotStore, type SnapshotStore } from '../db/snapshot-store.ts';
import { TONGNAN } from '../district/tongnan.ts';
import { zh } from '../messages/zh.ts';
import { loadFile } from './load-file.ts';

/**
 * Where the district's data lives in this browser: the DuckDB file in OPFS (secure contexts), an
 * in-memory DuckDB whose snapshot is kept in IndexedDB (plain http on an intranet), or memory only.
 */
export type StorageKind = 'opfs' | 'indexeddb' | 'memory';

export interface AppDb {
  readonly db: DbClient;
  readonly storage: StorageKind;
  /** Why the data is not stored in OPFS, when it is not. */
  readonly storageProblem: string | null;
  /** Whether the browser granted persistent storage; null where it cannot be asked (insecure context). */
  readonly persisted: boolean | null;
  /** A copy of the data another tab holds: nothing can be changed here. */
  readonly readOnly: boolean;
  /** When the read-only copy was taken (ISO time); null for the tab holding the data. */
  readonly snapshotTakenAt: string | null;
  /** Bytes the stored data takes; null when nothing is stored. */
  usage(): Promise<number | null>;
}

export type OpenResult =
  | { readonly kind: 'open'; readonly appDb: AppDb }
  /** Another tab of the app holds the stored database. */
  | { readonly kind: 'locked' }
  /** The stored database was written by a newer version of the app. */
  | { readonly kind: 'refused'; readonly message: string };

export type ReadOnlyResult =
  | OpenResult
  /** No tab answered: the one holding the data was closed. */
  | { readonly kind: 'holder-gone' }
  | { readonly kind: 'failed'; readonly message: string };

const LOCK_NAME = 'fazhi-dashboard-database';
/** Fired on window after the database worker died and was restarted on the stored data. */
export const DB_RESTARTED_EVENT = 'fazhi-db-restarted';
/**
 * Fired instead when the restarted database was in memory, so what it held in this page is gone;
 * `detail.saved` says whether the data is still stored (IndexedDB, or the tab holding it).
 */
export const DB_LOST_EVENT = 'fazhi-db-lost';
/** Fired when this tab stopped using the data because another tab took it over. */
export const HANDED_OVER_EVENT = 'fazhi-handed-over';
const onRestart = (reason: RestartReason) =>
  window.dispatchEvent(new CustomEvent<RestartReason>(DB_RESTARTED_EVENT, { detail: reason }));
const onLost = (saved: boolean) =>
  window.dispatchEvent(new CustomEvent(DB_LOST_EVENT, { detail: { saved } }));
const CHANNEL_NAME = 'fazhi-dashboard';

/** How long a tab holding the data has to answer before it is taken to be gone. */
const PING_TIMEOUT_MS = 3_000;
const SNAPSHOT_ACK_TIMEOUT_MS = 5_000;
const SNAPSHOT_REPLY_TIMEOUT_MS = 180_000;
const RELEASE_TIMEOUT_MS = 20_000;

/** What tabs of the app say to each other over the BroadcastChannel. */
type TabMessage =
  | { readonly type: 'takeover-request' }
  | { readonly type: 'released' }
  /** The tab holding the data checkpointed a change: read-only copies take a new snapshot. */
  | { readonly type: 'data-changed' }
  | { readonly type: 'holder-ping'; readonly id: string }
  | { readonly type: 'holder-pong'; readonly id: string }
  | { readonly type: 'snapshot-request'; readonly id: string }
  | { readonly type: 'snapshot-ack'; readonly id: string }
  | { readonly type: 'snapshot-reply'; readonly id: string; readonly snapshot: Snapshot }
  | { readonly type: 'snapshot-failed'; readonly id: string; readonly message: string };

/** What this tab holds while it is the one using the data. */
interface Holding {
  /** The client the app uses (checkpoints save the snapshot). */
  readonly db: DbClient;
  /** The database itself, for snapshots sent to a read-only tab. */
  readonly raw: DbClient;
  readonly snapshots?: SnapshotClient;
  readonly store?: SnapshotStore;
}

let opening: Promise<OpenResult> | undefined;
let releaseLock: (() => void) | undefined;
let holding: Holding | undefined;
/** This tab's id in the IndexedDB lease (where there are no Web Locks). */
let leaseId: string | undefined;
let handedOver = false;

/** DuckDB starts once per page; every caller shares this promise. */
export function openAppDb(): Promise<OpenResult> {
  opening ??= start();
  return opening;
}

function opfsAvailable(): boolean {
  return (
    globalThis.isSecureContext === true &&
    typeof navigator !== 'undefined' &&
    typeof navigator.storage?.getDirectory === 'function'
  );
}

/**
 * Only one tab can hold the stored database. A Web Lock says which: the tab that gets it
 * keeps it until it closes (or hands it over); another tab is told the data is open elsewhere.
 */
function acquireLock(): Promise<boolean> {
  return new Promise((resolve) => {
    void navigator.locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(false);
        return undefined;
      }
      resolve(true);
      return new Promise<void>((release) => {
        releaseLock = release;
      });
    });
  });
}

async function start(): Promise<OpenResult> {
  listen();
  // Web Locks exist only in secure contexts; elsewhere the IndexedDB lease below decides.
  const locks = typeof navigator !== 'undefined' && navigator.locks !== undefined;
  if (locks && !(await acquireLock())) return { kind: 'locked' };
  let storageProblem: string | null = null;
  if (opfsAvailable()) {
    let opfs: DbClient | undefined;
    try {
      opfs = (await openBrowserDb({ persistent: true, onRestart })).client;
    } catch (error) {
      storageProblem = error instanceof Error ? error.message : String(error);
    }
    if (opfs) return prepare({ db: opfs, raw: opfs }, 'opfs', null);
  } else {
    storageProblem = 'opfs-unavailable';
  }

  let store: SnapshotStore | undefined;
  if (indexedDbAvailable()) {
    try {
      store = await openSnapshotStore();
    } catch (error) {
      storageProblem = `${storageProblem}; indexeddb: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (store && !locks) {
    const id = newId();
    leaseId = id;
    if (!(await store.claim(id, pingHolder))) {
      store.close();
      return { kind: 'locked' };
    }
    const claimed = store;
    window.addEventListener('pagehide', () => void claimed.release(id).catch(() => undefined));
  }

  let snapshots: SnapshotClient | undefined;
  const raw = (
    await openBrowserDb({
      persistent: false,
      onRestart: () => {
        // The restarted worker is empty: it must never be saved over the stored snapshot.
        snapshots?.stop();
        onLost(snapshots !== undefined);
      },
    })
  ).client;
  if (!store) return prepare({ db: raw, raw }, 'memory', storageProblem);

  const saved = await store.read();
  let initial: Snapshot | undefined;
  if (saved !== undefined) {
    const loaded = await loadSnapshot(raw, saved);
    if (loaded.ok && isSnapshot(saved)) initial = saved;
    else if (!loaded.ok && loaded.reason === 'newer')
      return { kind: 'refused', message: NEWER_DATABASE_MESSAGE };
    else if (!loaded.ok) {
      // Kept aside, never overwritten: it may still be recovered.
      await store.setAside(saved);
      storageProblem = `snapshot-unreadable: ${loaded.detail}`;
      console.warn('The stored snapshot could not be read and was kept aside:', loaded.detail);
    }
  }
  const target = store;
  const id = leaseId;
  snapshots = withSnapshots(raw, {
    initial,
    save: async (snapshot) => {
      if (await target.write(snapshot, id)) return;
      // Another tab took the lease (this one was thought gone): it holds the data now.
      snapshots?.stop();
      if (!handedOver) {
        handedOver = true;
        window.dispatchEvent(new CustomEvent(HANDED_OVER_EVENT));
      }
      throw new Error(zh.tabs.notSaved);
    },
    onBackgroundError: (error) => console.error(error),
  });
  return prepare({ db: snapshots.client, raw, snapshots, store }, 'indexeddb', storageProblem);
}

/** Schema, township list and sample data, then the first checkpoint (which saves a snapshot). */
async function prepare(
  held: Holding,
  storage: StorageKind,
  storageProblem: string | null,
): Promise<OpenResult> {
  const { db, raw } = held;
  const schema = await applySchema(raw);
  if (!schema.ok) return { kind: 'refused', message: schema.message };
  if ((await listTownships(raw)).length === 0) {
    await replaceTownships(raw, TONGNAN.townships, { code: TONGNAN.code, name: TONGNAN.fullName });
  }
  const counts = await countFacts(raw);
  if (counts.imports === 0 && !(await isSampleDeclined(raw))) await loadSample(raw);
  await db.checkpoint();
  holding = held;
  // Every change the app makes ends with a checkpoint: then read-only tabs are told.
  const announcing: DbClient = {
    ...db,
    checkpoint: async () => {
      await db.checkpoint();
      if (!handedOver) post({ type: 'data-changed' });
    },
  };
  const persisted = storage === 'memory' ? null : await askPersistence();
  const usage = async (): Promise<number | null> => {
    if (storage === 'opfs') return (await navigator.storage.estimate()).usage ?? 0;
    if (storage === 'indexeddb') return held.snapshots?.savedBytes() ?? 0;
    return null;
  };
  return {
    kind: 'open',
    appDb: {
      db: announcing,
      storage,
      storageProblem,
      persisted,
      readOnly: false,
      snapshotTakenAt: null,
      usage,
    },
  };
}

/** Asks the browser not to clear this origin's storage under pressure; null where it cannot be asked. */
async function askPersistence(): Promise<boolean | null> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (typeof storage?.persist !== 'function') return null;
  try {
    if (await storage.persisted()) return true;
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3_000));
    return await Promise.race([storage.persist(), timeout]);
  } catch {
    return false;
  }
}

let channelInstance: BroadcastChannel | null | undefined;
const listeners = new Set<(message: TabMessage) => void>();

function channel(): BroadcastChannel | null {
  if (channelInstance === undefined) {
    channelInstance = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
    if (channelInstance) {
      channelInstance.onmessage = (event: MessageEvent<TabMessage>) => {
        for (const listener of [...listeners]) listener(event.data);
      };
    }
  }
  return channelInstance;
}

function post(message: TabMessage): void {
  channel()?.postMessage(message);
}

/** Resolves with the first message `match` accepts, or undefined after `ms`. */
function waitFor<T extends TabMessage>(match: (m: TabMessage) => m is T, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const listener = (message: TabMessage) => {
      if (!match(message)) return;
      clearTimeout(timer);
      listeners.delete(listener);
      resolve(message);
    };
    const timer = setTimeout(() => {
      listeners.delete(listener);
      resolve(undefined);
    }, ms);
    listeners.add(listener);
    channel();
  });
}

/** What the tab holding the data answers: liveness, hand-over, and snapshots for read-only tabs. */
function listen(): void {
  listeners.add((message) => {
    if (message.type === 'holder-ping') {
      if (message.id === leaseId && !handedOver) post({ type: 'holder-pong', id: message.id });
      return;
    }
    const held = holding;
    if (!held || handedOver) return;
    if (message.type === 'takeover-request') void handOver(held);
    if (message.type === 'snapshot-request') {
      const { id } = message;
      post({ type: 'snapshot-ack', id });
      takeSnapshot(held.raw).then(
        (snapshot) => post({ type: 'snapshot-reply', id, snapshot }),
        (error: unknown) =>
          post({
            type: 'snapshot-failed',
            id,
            message: error instanceof Error ? error.message : String(error),
          }),
      );
    }
  });
  channel();
}

/**
 * A second tab asked for the data: save, close, release the lock or lease, tell that tab, and
 * tell the user this tab no longer holds the data.
 */
async function handOver(held: Holding): Promise<void> {
  handedOver = true;
  await held.db.checkpoint().catch(() => undefined);
  held.snapshots?.stop();
  if (held.store && leaseId) await held.store.release(leaseId).catch(() => undefined);
  await held.db.close().catch(() => undefined);
  releaseLock?.();
  post({ type: 'released' });
  window.dispatchEvent(new CustomEvent(HANDED_OVER_EVENT));
}

/** Whether the tab holding lease `id` still answers. */
async function pingHolder(id: string): Promise<boolean> {
  if (!channel()) return false;
  const pong = waitFor(
    (m): m is Extract<TabMessage, { type: 'holder-pong' }> => m.type === 'holder-pong' && m.id === id,
    PING_TIMEOUT_MS,
  );
  post({ type: 'holder-ping', id });
  return (await pong) !== undefined;
}

/** From a second tab: asks the tab holding the database to hand it over, then reloads. */
export async function takeOver(): Promise<void> {
  const released = waitFor(
    (m): m is Extract<TabMessage, { type: 'released' }> => m.type === 'released',
    RELEASE_TIMEOUT_MS,
  );
  post({ type: 'takeover-request' });
  if (navigator.locks) await navigator.locks.request(LOCK_NAME, async () => undefined);
  else await released;
  window.location.reload();
}

/**
 * From a second tab: asks the tab holding the data for a snapshot and opens it in an in-memory
 * database of this tab's own, read-only. Nothing here is ever stored.
 */
export async function openReadOnly(): Promise<ReadOnlyResult> {
  if (!channel()) return { kind: 'holder-gone' };
  const id = newId();
  const ack = waitFor(
    (m): m is Extract<TabMessage, { type: 'snapshot-ack' }> => m.type === 'snapshot-ack' && m.id === id,
    SNAPSHOT_ACK_TIMEOUT_MS,
  );
  const reply = waitFor(
    (m): m is Extract<TabMessage, { type: 'snapshot-reply' | 'snapshot-failed' }> =>
      (m.type === 'snapshot-reply' || m.type === 'snapshot-failed') && m.id === id,
    SNAPSHOT_REPLY_TIMEOUT_MS,
  );
  post({ type: 'snapshot-request', id });
  if (!(await ack)) return { kind: 'holder-gone' };
  const answer = await reply;
  if (!answer) return { kind: 'holder-gone' };
  if (answer.type === 'snapshot-failed') return { kind: 'failed', message: answer.message };
  const db = (await openBrowserDb({ persistent: false, onRestart: () => onLost(true) })).client;
  const loaded = await loadSnapshot(db, answer.snapshot);
  if (!loaded.ok) {
    await db.close().catch(() => undefined);
    return loaded.reason === 'newer'
      ? { kind: 'refused', message: NEWER_DATABASE_MESSAGE }
      : { kind: 'failed', message: loaded.detail };
  }
  return {
    kind: 'open',
    appDb: {
      db,
      storage: 'memory',
      storageProblem: null,
      persisted: null,
      readOnly: true,
      snapshotTakenAt: answer.snapshot.takenAt,
      usage: async () => null,
    },
  };
}

/**
 * Calls `listener` whenever the tab holding the data has checkpointed a change, so a read-only
 * tab can take a new copy. Returns the function that stops it.
 */
export function onHolderDataChanged(listener: () => void): () => void {
  const onMessage = (message: TabMessage) => {
    if (message.type === 'data-changed') listener();
  };
  listeners.add(onMessage);
  channel();
  return () => listeners.delete(onMessage);
}

/** A random id; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The sample district arrives the way a user's file does: bytes through the import pipeline. */
export async function loadSample(db: DbClient): Promise<void> {
  const response = await fetch(sampleUrl);
  if (!response.ok) throw new Error(`Sample data could not be read: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const townships = await listTownships(db);
  const result = await loadFile(db, bytes, 'sample-district.csv', townships, true);
  if (!result.ok)
    throw new Error(`Sample data has errors: ${JSON.stringify(result.preview.issues.slice(0, 3))}`);
}
