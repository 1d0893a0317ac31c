/**
 * The Node implementation of the database client, for unit tests and command-line tools.
 * It runs the same DuckDB-WASM build as the browser, through the package's Node bindings.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DbClient, RawConnection, Row, SqlParam } from './client.ts';
import { createQueuedClient, OFFLINE_SETTINGS, toPlainRows } from './client.ts';

const require = createRequire(import.meta.url);

type NodeDuckDB = typeof import('@duckdb/duckdb-wasm/blocking');

export async function openNodeDb(): Promise<DbClient> {
  const duckdb = require('@duckdb/duckdb-wasm/blocking') as NodeDuckDB;
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ path: ':memory:', query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = db.connect();
  for (const statement of OFFLINE_SETTINGS) conn.query(statement);

  const raw: RawConnection = {
    async query<T extends Row>(sql: string, params?: readonly SqlParam[]) {
      if (!params || params.length === 0) return toPlainRows<T>(conn.query(sql).toArray());
      const statement = conn.prepare(sql);
      try {
        return toPlainRows<T>(statement.query(...params).toArray());
      } finally {
        statement.close();
      }
    },
    async run(sql, params) {
      await raw.query(sql, params);
    },
    async registerText(name, text) {
      db.registerFileText(name, text);
    },
    async registerBuffer(name, bytes) {
      db.registerFileBuffer(name, bytes);
    },
    async exportFile(name) {
      return db.copyFileToBuffer(name);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async checkpoint() {
      conn.query('CHECKPOINT');
    },
    async close() {
      conn.close();
      db.reset();
    },
  };
  return createQueuedClient(raw);
}
