/**
 * The Node implementation of the database client, for unit tests and command-line tools.
 * It runs the same DuckDB-WASM build as the browser, through the package's Node bindings.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { DbClient, RawConnection, Row, SqlParam } from './client.ts';
import { createQueuedClient, OFFLINE_SETTINGS, toPlainRows } from './client.ts';
import { emptyDatabaseFile } from './empty-database.ts';
import { createStatementCache, STATEMENT_CACHE_SIZE } from './statement-cache.ts';

const require = createRequire(import.meta.url);

type NodeDuckDB = typeof import('@duckdb/duckdb-wasm/blocking');

export interface NodeDbOptions {
  /**
   * A database file, read when opened and written back whole by checkpoint() and close(). The
   * package's Node runtime cannot keep a file up to date in place (a checkpoint writes its header
   * past the end of the file, and an existing file opens as empty), so the file and its WAL are
   * in-memory buffers holding DuckDB's own file bytes.
   */
  readonly path?: string;
}

export async function openNodeDb(options: NodeDbOptions = {}): Promise<DbClient> {
  const duckdb = require('@duckdb/duckdb-wasm/blocking') as NodeDuckDB;
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const file = options.path === undefined ? undefined : { path: options.path, name: basename(options.path) };
  if (file) {
    db.registerFileBuffer(
      file.name,
      existsSync(file.path) ? new Uint8Array(readFileSync(file.path)) : emptyDatabaseFile(),
    );
    db.registerFileBuffer(`${file.name}.wal`, new Uint8Array());
  }
  db.open({
    path: file?.name ?? ':memory:',
    accessMode: file ? duckdb.DuckDBAccessMode.READ_WRITE : undefined,
    query: { castBigIntToDouble: true, castDecimalToDouble: true },
  });
  const conn = db.connect();
  for (const statement of OFFLINE_SETTINGS) conn.query(statement);

  const statements = createStatementCache<ReturnType<typeof conn.prepare>>(
    STATEMENT_CACHE_SIZE,
    (statement) => statement.close(),
  );
  const raw: RawConnection = {
    async query<T extends Row>(sql: string, params?: readonly SqlParam[]) {
      if (!params || params.length === 0) return toPlainRows<T>(conn.query(sql));
      // Repeated queries keep their prepared statement, as in the browser (statement-cache.ts).
      return toPlainRows<T>(
        await statements.run(
          sql,
          () => conn.prepare(sql),
          (statement) => statement.query(...params),
        ),
      );
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
      if (file) writeFileSync(file.path, db.copyFileToBuffer(file.name));
    },
    async close() {
      if (file) await raw.checkpoint();
      conn.close();
      db.reset();
    },
  };
  return createQueuedClient(raw);
}
