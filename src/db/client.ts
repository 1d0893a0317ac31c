/**
 * The database client: the one interface the rest of the app uses to reach DuckDB.
 * It has a browser implementation (DuckDB-WASM in a Web Worker) and a Node implementation
 * (the package's Node bindings), so the same SQL runs in the app and in unit tests.
 *
 * Values from files never become SQL: every value is a bound parameter, and bulk rows
 * arrive as registered CSV text read by DuckDB's own reader.
 */

export type SqlParam = string | number | boolean | null;
export type Row = Record<string, unknown>;

/** What a raw DuckDB connection can do; implementations provide this. */
export interface SqlExecutor {
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  run(sql: string, params?: readonly SqlParam[]): Promise<void>;
  /** Makes `text` readable by name in SQL, e.g. `read_csv($name)`. */
  registerText(name: string, text: string): Promise<void>;
  /** Makes bytes (e.g. a DuckDB database file) readable by name, for ATTACH or read_csv. */
  registerBuffer(name: string, bytes: Uint8Array): Promise<void>;
  /** The bytes of a file in DuckDB's virtual file system, e.g. one written by COPY or ATTACH. */
  exportFile(name: string): Promise<Uint8Array>;
  dropFile(name: string): Promise<void>;
  /** Makes committed changes durable in the stored database file (no-op in memory). */
  checkpoint(): Promise<void>;
}

export interface DbClient extends SqlExecutor {
  /**
   * Runs `work` inside BEGIN … COMMIT; anything thrown rolls the whole unit back.
   * Other calls wait until it is done, so nothing sees half a transaction.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface RawConnection extends SqlExecutor {
  close(): Promise<void>;
}

/**
 * Serialises all work on the single connection: DuckDB-WASM gives one connection per
 * client, and a query slipped between BEGIN and COMMIT would join the transaction.
 */
export function createQueuedClient(raw: RawConnection): DbClient {
  let tail: Promise<unknown> = Promise.resolve();
  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  }
  return {
    query: (sql, params) => enqueue(() => raw.query(sql, params)),
    run: (sql, params) => enqueue(() => raw.run(sql, params)),
    registerText: (name, text) => enqueue(() => raw.registerText(name, text)),
    registerBuffer: (name, bytes) => enqueue(() => raw.registerBuffer(name, bytes)),
    exportFile: (name) => enqueue(() => raw.exportFile(name)),
    dropFile: (name) => enqueue(() => raw.dropFile(name)),
    checkpoint: () => enqueue(() => raw.checkpoint()),
    transaction: (work) =>
      enqueue(async () => {
        await raw.run('BEGIN TRANSACTION');
        try {
          const result = await work(raw);
          await raw.run('COMMIT');
          return result;
        } catch (error) {
          // A failed rollback (the database was reopened meanwhile) must not hide why the work failed.
          await raw.run('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    close: () => enqueue(() => raw.close()),
  };
}

/** Statements run right after opening: this app never fetches DuckDB extensions. */
export const OFFLINE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
] as const;

/** What DuckDB-WASM returns for a query: an Arrow table, read here column by column. */
export interface ColumnarResult {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  getChildAt(index: number): Iterable<unknown> | null;
}

/**
 * An Arrow table to plain row objects; BIGINT and DECIMAL already arrive as doubles (open config),
 * any other bigint becomes a number. Each column is decoded once as a whole (NULL stays null),
 * several times faster than asking every row for every field.
 */
export function toPlainRows<T extends Row>(table: ColumnarResult): T[] {
  const names = table.schema.fields.map((field) => field.name);
  const columns = names.map((_, index) => {
    const vector = table.getChildAt(index);
    return vector ? Array.from(vector, (value) => (typeof value === 'bigint' ? Number(value) : value)) : [];
  });
  const rows: T[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c] as string] = columns[c]?.[r] ?? null;
    rows[r] = row as T;
  }
  return rows;
}
