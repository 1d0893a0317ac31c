/**
 * The browser implementation of the database client: DuckDB-WASM in its own Web Worker.
 * The wasm and worker files are emitted by Vite and served from the app's own origin.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import type { DbClient, RawConnection, Row, SqlParam } from './client.ts';
import { createQueuedClient, OFFLINE_SETTINGS, toPlainRows } from './client.ts';

export async function openBrowserDb(): Promise<DbClient> {
  const worker = new Worker(ehWorkerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(ehWasmUrl);
  await db.open({ path: ':memory:', query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  for (const statement of OFFLINE_SETTINGS) await conn.query(statement);

  const raw: RawConnection = {
    async query<T extends Row>(sql: string, params?: readonly SqlParam[]) {
      if (!params || params.length === 0) return toPlainRows<T>((await conn.query(sql)).toArray());
      const statement = await conn.prepare(sql);
      try {
        return toPlainRows<T>((await statement.query(...params)).toArray());
      } finally {
        await statement.close();
      }
    },
    async run(sql, params) {
      await raw.query(sql, params);
    },
    async registerText(name, text) {
      await db.registerFileText(name, text);
    },
    async dropFile(name) {
      await db.dropFile(name);
    },
    async close() {
      await conn.close();
      await db.terminate();
    },
  };
  return createQueuedClient(raw);
}
