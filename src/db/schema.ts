import { CATALOG } from '../indicators/catalog.ts';
import type { Township } from '../district/district.ts';
import type { DbClient, SqlExecutor } from './client.ts';
import { LATEST_VERSION, readSchemaVersion, runMigrations } from './migrate.ts';

/**
 * The schema version this app writes. A stored database is never dropped to upgrade it: a newer
 * version is one more step in MIGRATIONS (migrate.ts).
 */
export const SCHEMA_VERSION = LATEST_VERSION;

/**
 * Version 1, the first release's tables exactly as it created them. Every later table and change
 * is a step in MIGRATIONS, so a new database and an upgraded one are built the same way.
 */
const VERSION_1_TABLES = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS townships (
     code VARCHAR PRIMARY KEY,
     name VARCHAR NOT NULL,
     sort_order INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS indicators (
     id VARCHAR PRIMARY KEY,
     name_zh VARCHAR NOT NULL,
     name_en VARCHAR NOT NULL,
     unit_zh VARCHAR NOT NULL,
     unit_en VARCHAR NOT NULL,
     kind VARCHAR NOT NULL,
     better VARCHAR NOT NULL,
     additive BOOLEAN NOT NULL,
     numerator_id VARCHAR,
     denominator_id VARCHAR,
     sort_order INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS imports (
     id INTEGER PRIMARY KEY,
     file_name VARCHAR NOT NULL,
     content_hash VARCHAR NOT NULL,
     encoding VARCHAR NOT NULL,
     layout VARCHAR NOT NULL,
     row_count INTEGER NOT NULL,
     fact_count INTEGER NOT NULL,
     imported_at TIMESTAMP NOT NULL,
     is_sample BOOLEAN NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS facts (
     township_code VARCHAR NOT NULL,
     year INTEGER NOT NULL,
     indicator_id VARCHAR NOT NULL,
     value DOUBLE NOT NULL,
     approximate BOOLEAN NOT NULL,
     raw_text VARCHAR,
     note VARCHAR,
     import_id INTEGER NOT NULL,
     source_line INTEGER,
     source_column VARCHAR,
     PRIMARY KEY (township_code, year, indicator_id)
   )`,
] as const;

/** Tables every version has: what makes a database file this app's. */
export const VERSION_1_TABLE_NAMES = ['meta', 'townships', 'indicators', 'imports', 'facts'] as const;

// Derived rates come from their counts here, never from what a township wrote.
const ALL_FACTS_VIEW = `CREATE OR REPLACE VIEW all_facts AS
  SELECT township_code, year, indicator_id, value, approximate, raw_text, note,
         import_id, source_line, source_column
  FROM facts
  UNION ALL
  SELECT n.township_code, n.year, i.id, 100.0 * n.value / d.value,
         n.approximate OR d.approximate, NULL, NULL, n.import_id, n.source_line, NULL
  FROM indicators i
  JOIN facts n ON n.indicator_id = i.numerator_id
  JOIN facts d ON d.indicator_id = i.denominator_id
              AND d.township_code = n.township_code AND d.year = n.year
  WHERE i.kind = 'derived-rate' AND d.value > 0`;

export type SchemaResult =
  | {
      readonly ok: true;
      /** The version the database had; 0 for a new one. */
      readonly from: number;
      readonly to: number;
    }
  | { readonly ok: false; readonly reason: 'newer'; readonly version: number; readonly message: string };

export const NEWER_DATABASE_MESSAGE = '此数据由更新版本的程序创建，请升级后再打开';

/**
 * Brings the database to SCHEMA_VERSION in one transaction: a new one is created, an older one
 * is migrated with its data, and the catalog mirror and the view are refreshed. A database
 * written by a newer app is refused untouched: this app would not know what its tables mean.
 */
export async function applySchema(db: DbClient): Promise<SchemaResult> {
  return db.transaction(async (tx) => {
    const stored = await readSchemaVersion(tx);
    if (stored === undefined) throw new Error('The database has a meta table without a schema version.');
    if (stored > SCHEMA_VERSION) {
      return { ok: false, reason: 'newer', version: stored, message: NEWER_DATABASE_MESSAGE } as const;
    }
    await upgradeSchema(tx, stored);
    return { ok: true, from: stored, to: SCHEMA_VERSION } as const;
  });
}

/**
 * Creates the tables of schema `version` in an empty database (a restore fills them and then
 * upgrades); call inside a transaction.
 */
export async function createTables(tx: SqlExecutor, version: number): Promise<void> {
  for (const statement of VERSION_1_TABLES) await tx.run(statement);
  await runMigrations(tx, 1, version);
}

/** From version `from` (0 = empty) to SCHEMA_VERSION, with the catalog and view refreshed. */
export async function upgradeSchema(tx: SqlExecutor, from: number): Promise<void> {
  if (from === 0) await createTables(tx, 1);
  await runMigrations(tx, Math.max(from, 1));
  await tx.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)`, [String(SCHEMA_VERSION)]);
  await tx.run(ALL_FACTS_VIEW);
  await syncCatalog(tx);
}

/** The catalog in code is the truth; the table mirrors it so SQL can join on formulas. */
async function syncCatalog(tx: SqlExecutor): Promise<void> {
  let order = 0;
  for (const indicator of CATALOG) {
    const formula = 'formula' in indicator ? indicator.formula : undefined;
    await tx.run(`INSERT OR REPLACE INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      indicator.id,
      indicator.name.zh,
      indicator.name.en,
      indicator.unit.zh,
      indicator.unit.en,
      indicator.kind,
      indicator.better,
      indicator.additive,
      formula?.numerator ?? null,
      formula?.denominator ?? null,
      order++,
    ]);
  }
}

/** The district's township list (and its name) is replaced whole; facts keep their township codes. */
export async function replaceTownships(
  db: DbClient,
  townships: readonly Township[],
  district?: { readonly code: string; readonly name: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (district) {
      await tx.run(`INSERT OR REPLACE INTO meta VALUES ('district_code', ?)`, [district.code]);
      await tx.run(`INSERT OR REPLACE INTO meta VALUES ('district_name', ?)`, [district.name]);
    }
    await tx.run('DELETE FROM townships');
    let order = 0;
    for (const township of townships) {
      await tx.run('INSERT INTO townships VALUES (?, ?, ?)', [township.code, township.name, order++]);
    }
  });
}
