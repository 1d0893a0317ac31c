/**
 * Schema versions after the first. A stored database is upgraded by running the steps after its
 * version in one transaction, never by dropping it. A step is history: once released it is never
 * edited, and a new version is one more entry at the end.
 */
import type { SqlExecutor } from './client.ts';

export interface Migration {
  /** The schema version the database has after this step. */
  readonly version: number;
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 2,
    statements: [
      // Values an import replaced, so undoing that import can restore them exactly.
      `CREATE TABLE IF NOT EXISTS replaced_facts (
         replaced_by INTEGER NOT NULL,
         township_code VARCHAR NOT NULL,
         year INTEGER NOT NULL,
         indicator_id VARCHAR NOT NULL,
         value DOUBLE NOT NULL,
         approximate BOOLEAN NOT NULL,
         raw_text VARCHAR,
         note VARCHAR,
         import_id INTEGER NOT NULL,
         source_line INTEGER,
         source_column VARCHAR
       )`,
      // A header the user mapped to an indicator once is mapped the same way in later imports.
      `CREATE TABLE IF NOT EXISTS header_mappings (header_key VARCHAR PRIMARY KEY, indicator_id VARCHAR NOT NULL)`,
      // A township name the user resolved once (a typo, a pinyin name) resolves the same way later.
      `CREATE TABLE IF NOT EXISTS township_aliases (alias VARCHAR PRIMARY KEY, township_code VARCHAR NOT NULL)`,
      // Version 1 had no district choice: the township list it stored was always Tongnan's.
      `INSERT INTO meta SELECT 'district_code', '500152' WHERE EXISTS (SELECT 1 FROM townships)
       ON CONFLICT DO NOTHING`,
      `INSERT INTO meta SELECT 'district_name', '重庆市潼南区' WHERE EXISTS (SELECT 1 FROM townships)
       ON CONFLICT DO NOTHING`,
    ],
  },
  {
    version: 3,
    statements: [
      // Facts without a primary key. DuckDB checks a key by building an index over every stored
      // fact at COMMIT, which made committing a million-row file take seconds. One township, year
      // and indicator still have at most one fact: every write goes through storeFacts
      // (commit-import.ts) or undoImport (history.ts), which remove a key before they write it.
      `CREATE TABLE facts_v3 (
         township_code VARCHAR NOT NULL,
         year INTEGER NOT NULL,
         indicator_id VARCHAR NOT NULL,
         value DOUBLE NOT NULL,
         approximate BOOLEAN NOT NULL,
         raw_text VARCHAR,
         note VARCHAR,
         import_id INTEGER NOT NULL,
         source_line INTEGER,
         source_column VARCHAR
       )`,
      'INSERT INTO facts_v3 SELECT * FROM facts',
      'DROP VIEW IF EXISTS all_facts',
      'DROP TABLE facts',
      'ALTER TABLE facts_v3 RENAME TO facts',
    ],
  },
];

/** The version this app writes: the last step's. */
export const LATEST_VERSION = MIGRATIONS.reduce((latest, step) => Math.max(latest, step.version), 1);

/** Runs every step after version `from` up to `to`, in order; call inside a transaction. */
export async function runMigrations(tx: SqlExecutor, from: number, to = LATEST_VERSION): Promise<void> {
  for (const step of MIGRATIONS) {
    if (step.version <= from || step.version > to) continue;
    for (const statement of step.statements) await tx.run(statement);
  }
}

/**
 * The schema version stored in a database (`main` unless another attached one is named):
 * 0 when it has no `meta` table yet, undefined when `meta` holds no whole-number version.
 */
export async function readSchemaVersion(tx: SqlExecutor, database?: string): Promise<number | undefined> {
  const [meta] = await tx.query<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_tables()
     WHERE database_name = COALESCE(?, current_database()) AND schema_name = 'main' AND table_name = 'meta'`,
    [database ?? null],
  );
  if ((meta?.n ?? 0) === 0) return 0;
  const table = database === undefined ? 'meta' : `${quoteIdentifier(database)}.main.meta`;
  const [row] = await tx.query<{ value: string }>(`SELECT value FROM ${table} WHERE key = 'schema_version'`);
  const version = Number(row?.value);
  return Number.isInteger(version) && version >= 1 ? version : undefined;
}

/** A database or table name as SQL reads it; the names quoted here are the app's own, never a file's. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
