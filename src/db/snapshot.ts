/**
 * A snapshot: every table of the database, row for row, as CSV text written by DuckDB's own CSV
 * writer and read back by its own reader with the column types the schema gives. It is what the
 * IndexedDB store keeps where OPFS is unavailable, and what a read-only second tab is sent.
 *
 * Exactness: every cell is quoted except NULL, which is written as nothing and read back with
 * `allow_quoted_nulls=false`, so an empty string stays an empty string and NULL stays NULL;
 * doubles are written in DuckDB's shortest round-trip form, timestamps with their microseconds.
 * No value is ever spliced into SQL: the files are registered with DuckDB, and the only names
 * in the SQL are tables and columns the app's own schema created.
 */
import type { DbClient, SqlExecutor } from './client.ts';
import { quoteIdentifier, readSchemaVersion } from './migrate.ts';
import { createTables, SCHEMA_VERSION, upgradeSchema } from './schema.ts';

export interface SnapshotColumn {
  readonly name: string;
  readonly type: string;
}

export interface SnapshotTable {
  readonly name: string;
  readonly columns: readonly SnapshotColumn[];
  readonly rowCount: number;
  /** UTF-8 CSV, no header, every non-NULL cell quoted. */
  readonly csv: Uint8Array;
}

export interface Snapshot {
  readonly format: 1;
  /** meta.schema_version of the database the snapshot was taken from. */
  readonly schemaVersion: number;
  readonly takenAt: string;
  readonly tables: readonly SnapshotTable[];
}

export type SnapshotLoad =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'newer' | 'corrupt'; readonly detail: string };

let counter = 0;

/** Bytes of all tables' CSV together. */
export function snapshotSize(snapshot: Snapshot): number {
  return snapshot.tables.reduce((sum, table) => sum + table.csv.byteLength, 0);
}

/** Same schema version and the same bytes in every table (the time taken is not compared). */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  if (a.schemaVersion !== b.schemaVersion || a.tables.length !== b.tables.length) return false;
  return a.tables.every((table, i) => {
    const other = b.tables[i];
    if (!other || other.name !== table.name || other.rowCount !== table.rowCount) return false;
    if (JSON.stringify(other.columns) !== JSON.stringify(table.columns)) return false;
    if (other.csv.byteLength !== table.csv.byteLength) return false;
    for (let k = 0; k < table.csv.byteLength; k++) if (table.csv[k] !== other.csv[k]) return false;
    return true;
  });
}

/** Every table of the app's database, in one transaction so no change lands half-way. */
export async function takeSnapshot(db: DbClient): Promise<Snapshot> {
  const n = ++counter;
  return db.transaction(async (tx) => {
    const schemaVersion = await readSchemaVersion(tx);
    // An empty database (a worker restarted in memory) must never replace a stored snapshot.
    if (!schemaVersion) throw new Error('The database has no schema version; no snapshot was taken.');
    const tables: SnapshotTable[] = [];
    for (const [i, [name, columns]] of [...(await tableColumns(tx))].entries()) {
      const file = `snapshot-${n}-${i}.csv`;
      const list = columns.map((c) => quoteIdentifier(c.name)).join(', ');
      await tx.registerBuffer(file, new Uint8Array());
      try {
        // USE_TMP_FILE false: the file is written in place (a rename does not work on a registered buffer).
        await tx.run(
          `COPY (SELECT ${list} FROM ${quoteIdentifier(name)} ORDER BY ALL) TO '${file}'
           (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"', FORCE_QUOTE *, USE_TMP_FILE false)`,
        );
        const csv = await tx.exportFile(file);
        const [count] = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdentifier(name)}`);
        tables.push({ name, columns, rowCount: count?.n ?? 0, csv });
      } finally {
        await tx.dropFile(file);
      }
    }
    return { format: 1, schemaVersion, takenAt: new Date().toISOString(), tables } as const;
  });
}

/**
 * Replaces the whole database with the snapshot in one transaction: the tables of the snapshot's
 * schema version are created, filled with its rows and migrated on to SCHEMA_VERSION (the catalog
 * comes from the app, custom indicators from the snapshot, as a restore does). A snapshot that
 * cannot be read leaves the database as it was.
 */
export async function loadSnapshot(db: DbClient, snapshot: unknown): Promise<SnapshotLoad> {
  if (!isSnapshot(snapshot)) return { ok: false, reason: 'corrupt', detail: 'not a snapshot' };
  if (snapshot.schemaVersion > SCHEMA_VERSION) {
    return { ok: false, reason: 'newer', detail: `schema version ${snapshot.schemaVersion}` };
  }
  const n = ++counter;
  const files: string[] = [];
  try {
    await db.transaction(async (tx) => {
      await tx.run('DROP VIEW IF EXISTS all_facts');
      for (const table of (await tableColumns(tx)).keys())
        await tx.run(`DROP TABLE ${quoteIdentifier(table)}`);
      await createTables(tx, snapshot.schemaVersion);
      const created = await tableColumns(tx);
      for (const [i, table] of snapshot.tables.entries()) {
        const known = created.get(table.name);
        if (!known) throw new Error(`The snapshot has a table this version does not know: ${table.name}`);
        const columns = table.columns.map((column) => {
          const match = known.find((k) => k.name === column.name);
          if (!match || match.type !== column.type)
            throw new Error(`The snapshot's column ${table.name}.${column.name} does not match the schema.`);
          return match;
        });
        const file = `snapshot-load-${n}-${i}.csv`;
        files.push(file);
        // A copy: registering a buffer hands its memory to the DuckDB worker.
        await tx.registerBuffer(file, table.csv.slice());
        const source = readCsv(file, columns);
        const [count] = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${source}`);
        if (count?.n !== table.rowCount)
          throw new Error(`The snapshot's table ${table.name} has ${count?.n} rows, not ${table.rowCount}.`);
        const list = columns.map((c) => quoteIdentifier(c.name)).join(', ');
        const only = table.name === 'indicators' ? ` WHERE kind = 'custom'` : '';
        await tx.run(
          `INSERT INTO ${quoteIdentifier(table.name)} (${list}) SELECT ${list} FROM ${source}${only}`,
        );
      }
      await upgradeSchema(tx, snapshot.schemaVersion);
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    for (const file of files) await db.dropFile(file).catch(() => undefined);
  }
}

/** Checks the shape of something read from IndexedDB or sent by another tab. */
export function isSnapshot(value: unknown): value is Snapshot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Snapshot>;
  return (
    s.format === 1 &&
    typeof s.schemaVersion === 'number' &&
    Number.isInteger(s.schemaVersion) &&
    s.schemaVersion >= 1 &&
    typeof s.takenAt === 'string' &&
    Array.isArray(s.tables) &&
    s.tables.every(
      (t: Partial<SnapshotTable>) =>
        typeof t === 'object' &&
        t !== null &&
        typeof t.name === 'string' &&
        typeof t.rowCount === 'number' &&
        t.csv instanceof Uint8Array &&
        Array.isArray(t.columns) &&
        t.columns.every(
          (c: Partial<SnapshotColumn>) => typeof c?.name === 'string' && typeof c.type === 'string',
        ),
    )
  );
}

function readCsv(file: string, columns: readonly SnapshotColumn[]): string {
  // Names and types here are the schema's own (checked against duckdb_columns above).
  const types = columns.map((c) => `${quoteString(c.name)}: ${quoteString(c.type)}`).join(', ');
  return `read_csv('${file}', columns = {${types}}, header = false, auto_detect = false, delim = ',',
    quote = '"', escape = '"', allow_quoted_nulls = false)`;
}

function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The app's tables (main schema) and their columns in order. */
async function tableColumns(tx: SqlExecutor): Promise<Map<string, SnapshotColumn[]>> {
  const rows = await tx.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT c.table_name, c.column_name, c.data_type
     FROM duckdb_columns() c
     JOIN duckdb_tables() t ON t.database_name = c.database_name AND t.schema_name = c.schema_name
                           AND t.table_name = c.table_name
     WHERE c.database_name = current_database() AND c.schema_name = 'main'
     ORDER BY c.table_name, c.column_index`,
  );
  const tables = new Map<string, SnapshotColumn[]>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? [];
    columns.push({ name: row.column_name, type: row.data_type });
    tables.set(row.table_name, columns);
  }
  return tables;
}
