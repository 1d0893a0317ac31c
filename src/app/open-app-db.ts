import sampleUrl from '../../data/sample-district.csv?url';
import { openBrowserDb } from '../db/browser-client.ts';
import type { DbClient } from '../db/client.ts';
import { countFacts, listTownships } from '../db/queries.ts';
import { isSampleDeclined } from '../db/reset.ts';
import { applySchema, replaceTownships } from '../db/schema.ts';
import { TONGNAN } from '../district/tongnan.ts';
import { loadFile } from './load-file.ts';

/** Where the district's data lives in this browser. */
export type StorageKind = 'opfs' | 'memory';

export interface AppDb {
  readonly db: DbClient;
  readonly storage: StorageKind;
  /** Why the data is not stored, when it is not (shown to the user). */
  readonly storageProblem: string | null;
}

export type OpenResult =
  | { readonly kind: 'open'; readonly appDb: AppDb }
  /** Another tab of the app holds the stored database. */
  | { readonly kind: 'locked' }
  /** The stored database was written by a newer version of the app. */
  | { readonly kind: 'refused'; readonly message: string };

const LOCK_NAME = 'fazhi-dashboard-database';
/** Fired on window after the database worker died and was restarted on the stored data. */
export const DB_RESTARTED_EVENT = 'fazhi-db-restarted';
/** Fired instead when the restarted database was in memory only, so what it held is gone. */
export const DB_LOST_EVENT = 'fazhi-db-lost';
const onRestart = () => window.dispatchEvent(new CustomEvent(DB_RESTARTED_EVENT));
const onLost = () => window.dispatchEvent(new CustomEvent(DB_LOST_EVENT));
const CHANNEL_NAME = 'fazhi-dashboard';

let opening: Promise<OpenResult> | undefined;
let releaseLock: (() => void) | undefined;

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
 * Only one tab can hold the OPFS database file. A Web Lock says which: the tab that gets it
 * keeps it until it closes (or hands it over); another tab is told the data is open elsewhere.
 */
function acquireLock(): Promise<boolean> {
  if (!navigator.locks) return Promise.resolve(true);
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
  let storage: StorageKind = 'memory';
  let storageProblem: string | null = null;
  let db: DbClient | undefined;
  if (opfsAvailable()) {
    if (!(await acquireLock())) return { kind: 'locked' };
    try {
      db = (await openBrowserDb({ persistent: true, onRestart })).client;
      storage = 'opfs';
      listenForTakeover(db);
    } catch (error) {
      storageProblem = error instanceof Error ? error.message : String(error);
    }
  } else {
    storageProblem = 'opfs-unavailable';
  }
  db ??= (await openBrowserDb({ persistent: false, onRestart: onLost })).client;

  const schema = await applySchema(db);
  if (!schema.ok) return { kind: 'refused', message: schema.message };
  if ((await listTownships(db)).length === 0) {
    await replaceTownships(db, TONGNAN.townships, { code: TONGNAN.code, name: TONGNAN.fullName });
  }
  const counts = await countFacts(db);
  if (counts.imports === 0 && !(await isSampleDeclined(db))) await loadSample(db);
  await db.checkpoint();
  void navigator.storage?.persist?.();
  return { kind: 'open', appDb: { db, storage, storageProblem } };
}

/**
 * A second tab may ask this one to hand the database over: checkpoint, close, release the
 * lock, and tell the user this tab no longer holds the data.
 */
function listenForTakeover(db: DbClient): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = async (event: MessageEvent<{ type: string }>) => {
    if (event.data.type !== 'takeover-request') return;
    await db.checkpoint();
    await db.close();
    releaseLock?.();
    window.dispatchEvent(new CustomEvent('fazhi-handed-over'));
  };
}

/** From a second tab: asks the tab holding the database to hand it over, then reloads. */
export async function takeOver(): Promise<void> {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage({ type: 'takeover-request' });
  await navigator.locks.request(LOCK_NAME, async () => undefined);
  channel.close();
  window.location.reload();
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
