/**
 * The browser implementation of the database client: DuckDB-WASM in its own Web Worker.
 * The wasm and worker files are emitted by Vite and served from the app's own origin.
 *
 * With `persistent`, the database lives in the origin-private file system (OPFS) and is
 * checkpointed after every change, so it survives reloads and browser restarts. If the
 * worker dies, it is restarted on the same stored database: committed data is never lost,
 * and calls that were in flight fail with WorkerRestartedError instead of hanging.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import type { DbClient, RawConnection, Row, SqlParam } from './client.ts';
import { createQueuedClient, OFFLINE_SETTINGS, toPlainRows } from './client.ts';
import { createStatementCache, STATEMENT_CACHE_SIZE } from './statement-cache.ts';
import { isStorageFullError } from './storage-failure.ts';
import { cutTornWal, tornWalLength } from './wal-recovery.ts';

export const OPFS_PATH = 'opfs://fazhi-dashboard.duckdb';

export class WorkerRestartedError extends Error {
  constructor() {
    super('The database worker stopped and was restarted; the last action was not completed.');
  }
}

interface Instance {
  readonly worker: Worker;
  readonly db: duckdb.AsyncDuckDB;
  readonly conn: duckdb.AsyncDuckDBConnection;
}

async function start(path: string): Promise<Instance> {
  const worker = new Worker(ehWorkerUrl);
  try {
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(ehWasmUrl);
    await db.open({
      path,
      accessMode: path === ':memory:' ? undefined : duckdb.DuckDBAccessMode.READ_WRITE,
      query: { castBigIntToDouble: true, castDecimalToDouble: true },
    });
    const conn = await db.connect();
    for (const statement of OFFLINE_SETTINGS) await conn.query(statement);
    return { worker, db, conn };
  } catch (error) {
    // A failed attempt must not leave a worker behind that might hold the stored file.
    worker.terminate();
    throw error;
  }
}

/**
 * Opens the stored database; a write-ahead log torn by a page closed mid-COMMIT is cut back to its
 * last whole entry first (see wal-recovery.ts): the unfinished change is absent, the rest is there.
 */
async function openStored(path: string): Promise<Instance> {
  try {
    return await start(path);
  } catch (error) {
    const length = path.startsWith('opfs://') ? tornWalLength(error) : null;
    if (length === null) throw error;
    // The failed worker's hold on the file is released a moment after it is terminated.
    for (let attempt = 1; ; attempt++) {
      try {
        await cutTornWal(path, length);
        break;
      } catch (cutError) {
        if (attempt >= 40) throw cutError;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    return start(path);
  }
}

async function startWithRetry(path: string): Promise<Instance> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openStored(path);
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}

/**
 * How often the worker is asked whether it is still alive, and how long it may take to answer:
 * an idle worker answers at once, a busy one only after its current query, so a worker with
 * queries running is given much longer before it is judged dead.
 */
const HEARTBEAT_MS = 2_000;
const IDLE_PING_TIMEOUT_MS = 8_000;
const BUSY_PING_TIMEOUT_MS = 120_000;
const PING_CHECK_MS = 500;

/** Why the database was reopened: its worker died, or storage ran out mid-write. */
export type RestartReason = 'crashed' | 'storage-full';

export interface BrowserDbOptions {
  readonly persistent: boolean;
  /** Called after the database was reopened on the stored file. */
  readonly onRestart?: (reason: RestartReason) => void;
}

export interface BrowserDb {
  readonly client: DbClient;
  /** The stored database file's bytes are in OPFS; false = memory only. */
  readonly persistent: boolean;
  close(): Promise<void>;
}

export async function openBrowserDb(options: BrowserDbOptions): Promise<BrowserDb> {
  const path = options.persistent ? OPFS_PATH : ':memory:';
  let instance = await openStored(path);
  let restarting: Promise<Instance> | null = null;
  let inFlight = 0;
  /** Counts of calls started and settled: any answer from the worker proves it is alive. */
  let started = 0;
  let settled = 0;
  let pinging = false;
  let closed = false;
  const rejecters = new Set<(error: Error) => void>();
  const statements = createStatementCache<duckdb.AsyncPreparedStatement>(STATEMENT_CACHE_SIZE, (statement) =>
    statement.close(),
  );
  /** The worker the kept statements were prepared on. */
  let statementsOf = instance;

  /** Runs one call on the current worker; a restart rejects it rather than leaving it hanging. */
  function call<T>(work: (i: Instance) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const current = restarting ?? Promise.resolve(instance);
      rejecters.add(reject);
      inFlight++;
      started++;
      current
        .then(work)
        .then(resolve, (error: unknown) => {
          // A write refused for lack of space leaves the running database ahead of the stored one
          // (storage-failure.ts): reopen the stored file, so the page shows what is really kept.
          rejecters.delete(reject);
          if (options.persistent && isStorageFullError(error)) void restart('storage-full');
          reject(error);
        })
        .finally(() => {
          inFlight--;
          settled++;
          rejecters.delete(reject);
        });
    });
  }

  async function restart(reason: RestartReason = 'crashed'): Promise<void> {
    if (restarting || closed) return;
    for (const reject of rejecters) reject(new WorkerRestartedError());
    rejecters.clear();
    // The dead worker still holds the OPFS file's access handle until it is terminated, and the
    // browser releases it a moment later: terminate first, then reopen, retrying briefly.
    instance.worker.terminate();
    restarting = startWithRetry(path);
    try {
      instance = await restarting;
    } finally {
      restarting = null;
    }
    watch(instance);
    options.onRestart?.(reason);
  }

  function watch(watched: Instance): void {
    watched.worker.addEventListener('error', () => {
      if (watched === instance) void restart();
    });
  }
  watch(instance);

  // A worker that died (crash, out of memory, closed) never answers again. It is restarted only
  // when nothing at all came back from it for the whole waiting time, so a slow or busy worker on
  // a loaded machine is never mistaken for a dead one.
  const heartbeat = setInterval(() => {
    if (pinging || restarting || closed) return;
    pinging = true;
    const pinged = instance;
    const sentAt = Date.now();
    const settledBefore = settled;
    const startedBefore = started;
    let answered = false;
    pinged.db.getVersion().then(
      () => {
        answered = true;
      },
      () => {
        answered = true;
      },
    );
    const check = () => {
      if (closed || answered || settled !== settledBefore || instance !== pinged || restarting) {
        pinging = false;
        return;
      }
      const busy = inFlight > 0 || started !== startedBefore;
      if (Date.now() - sentAt >= (busy ? BUSY_PING_TIMEOUT_MS : IDLE_PING_TIMEOUT_MS)) {
        pinging = false;
        void restart();
        return;
      }
      setTimeout(check, PING_CHECK_MS);
    };
    setTimeout(check, PING_CHECK_MS);
  }, HEARTBEAT_MS);

  const raw: RawConnection = {
    query<T extends Row>(sql: string, params?: readonly SqlParam[]) {
      return call(async (current) => {
        const { conn } = current;
        if (!params || params.length === 0) return toPlainRows<T>(await conn.query(sql));
        if (statementsOf !== current) {
          statements.forget();
          statementsOf = current;
        }
        return toPlainRows<T>(
          await statements.run(
            sql,
            () => conn.prepare(sql),
            (statement) => statement.query(...params),
          ),
        );
      });
    },
    async run(sql, params) {
      await raw.query(sql, params);
    },
    registerText(name, text) {
      return call(({ db }) => db.registerFileText(name, text));
    },
    registerBuffer(name, bytes) {
      return call(({ db }) => db.registerFileBuffer(name, bytes));
    },
    exportFile(name) {
      return call(({ db }) => db.copyFileToBuffer(name));
    },
    async dropFile(name) {
      await call(({ db }) => db.dropFile(name));
    },
    async checkpoint() {
      if (options.persistent) await raw.run('CHECKPOINT');
    },
    async close() {
      closed = true;
      clearInterval(heartbeat);
      if (options.persistent) await raw.run('CHECKPOINT').catch(() => undefined);
      await instance.conn.close().catch(() => undefined);
      await instance.db.terminate();
    },
  };
  const client = createQueuedClient(raw);
  return { client, persistent: options.persistent, close: () => client.close() };
}
