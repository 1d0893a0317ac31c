/**
 * The IndexedDB store: where the district's data is kept when OPFS is unavailable (a page served
 * over plain http from an intranet host is not a secure context). It holds one record, the last
 * snapshot (snapshot.ts), replaced whole in one IndexedDB transaction: a page closed mid-write
 * leaves the previous snapshot. It also holds a lease saying which tab may write, since Web Locks
 * do not exist where this store is needed.
 */
import { isSnapshot, type Snapshot } from './snapshot.ts';

const DB_NAME = 'fazhi-dashboard';
const STORE = 'state';
const SNAPSHOT_KEY = 'snapshot';
const UNREADABLE_KEY = 'snapshot-unreadable';
const LEASE_KEY = 'holder';

interface Lease {
  readonly id: string;
  readonly since: string;
}

export interface SnapshotStore {
  /** The stored snapshot, undefined when there is none; anything else stored throws. */
  read(): Promise<unknown>;
  /**
   * Replaces the stored snapshot in one transaction. With `holder`, only while that tab holds the
   * lease: false (and nothing written) when another tab has taken it.
   */
  write(snapshot: Snapshot, holder?: string): Promise<boolean>;
  /** Keeps a snapshot that could not be loaded aside, so it is not overwritten. */
  setAside(value: unknown): Promise<void>;
  /**
   * Makes `holder` the tab that writes. A lease another tab holds is taken over only when
   * `isAlive` says that tab is gone. False when a live tab holds it.
   */
  claim(holder: string, isAlive: (other: string) => Promise<boolean>): Promise<boolean>;
  release(holder: string): Promise<void>;
  close(): void;
}

export function indexedDbAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

export function openSnapshotStore(): Promise<SnapshotStore> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened.'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab.'));
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(createStore(db));
    };
  });
}

/**
 * Runs `body` in one transaction and resolves with what it decided once the transaction has
 * committed (durably: 'strict' waits for the disk). Anything failing aborts the whole of it.
 */
function inTransaction<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  body: (store: IDBObjectStore, decide: (value: T) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode, { durability: 'strict' });
    let decided: { value: T } | undefined;
    tx.oncomplete = () => {
      if (decided) resolve(decided.value);
      else reject(new Error('IndexedDB transaction ended without an answer.'));
    };
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction was aborted.'));
    tx.onerror = () => undefined;
    try {
      body(tx.objectStore(STORE), (value) => {
        decided = { value };
      });
    } catch (error) {
      tx.abort();
      reject(error);
    }
  });
}

function createStore(db: IDBDatabase): SnapshotStore {
  return {
    read() {
      return inTransaction<unknown>(db, 'readonly', (store, decide) => {
        const get = store.get(SNAPSHOT_KEY);
        get.onsuccess = () => decide(get.result);
      });
    },
    async write(snapshot, holder) {
      if (!isSnapshot(snapshot)) throw new Error('Not a snapshot.');
      return inTransaction<boolean>(db, 'readwrite', (store, decide) => {
        if (holder === undefined) {
          store.put(snapshot, SNAPSHOT_KEY);
          decide(true);
          return;
        }
        const lease = store.get(LEASE_KEY);
        lease.onsuccess = () => {
          if ((lease.result as Lease | undefined)?.id !== holder) {
            decide(false);
            return;
          }
          store.put(snapshot, SNAPSHOT_KEY);
          decide(true);
        };
      });
    },
    async setAside(value) {
      await inTransaction<true>(db, 'readwrite', (store, decide) => {
        store.put({ keptAt: new Date().toISOString(), value }, UNREADABLE_KEY);
        store.delete(SNAPSHOT_KEY);
        decide(true);
      });
    },
    async claim(holder, isAlive) {
      for (let attempt = 0; attempt < 5; attempt++) {
        // Taken at once when free (or already ours); otherwise the holder's id.
        const other = await inTransaction<string | null>(db, 'readwrite', (store, decide) => {
          const get = store.get(LEASE_KEY);
          get.onsuccess = () => {
            const lease = get.result as Lease | undefined;
            if (lease && lease.id !== holder) {
              decide(lease.id);
              return;
            }
            store.put({ id: holder, since: new Date().toISOString() } satisfies Lease, LEASE_KEY);
            decide(null);
          };
        });
        if (other === null) return true;
        if (await isAlive(other)) return false;
        // That tab is gone: take its lease, unless a third tab did in the meantime.
        const taken = await inTransaction<boolean>(db, 'readwrite', (store, decide) => {
          const get = store.get(LEASE_KEY);
          get.onsuccess = () => {
            const lease = get.result as Lease | undefined;
            if (lease && lease.id !== other && lease.id !== holder) {
              decide(false);
              return;
            }
            store.put({ id: holder, since: new Date().toISOString() } satisfies Lease, LEASE_KEY);
            decide(true);
          };
        });
        if (taken) return true;
      }
      return false;
    },
    async release(holder) {
      await inTransaction<true>(db, 'readwrite', (store, decide) => {
        const get = store.get(LEASE_KEY);
        get.onsuccess = () => {
          if ((get.result as Lease | undefined)?.id === holder) store.delete(LEASE_KEY);
          decide(true);
        };
      });
    },
    close() {
      db.close();
    },
  };
}
