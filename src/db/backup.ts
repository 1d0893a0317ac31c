/**
 * Backup and restore: the whole database as one standalone DuckDB file. A file to restore is
 * checked before anything is replaced, and is only ever read through a copy attached read-only.
 */
import type { DbClient, SqlExecutor } from './client.ts';
import { emptyDatabaseFile } from './empty-database.ts';
import { quoteIdentifier, readSchemaVersion } from './migrate.ts';
import { type DataSummary, describeData } from './reset.ts';
import { createTables, SCHEMA_VERSION, upgradeSchema, VERSION_1_TABLE_NAMES } from './schema.ts';

export interface BackupSummary {
  readonly ok: true;
  readonly schemaVersion: number;
  readonly counts: DataSummary;
  /** As stored; a version 1 file has none (restoring it sets Tongnan's, the only district it knew). */
  readonly districtName: string | null;
}

export type BackupRefusalReason = 'not-duckdb' | 'foreign' | 'newer' | 'corrupt';

export interface BackupRefusal {
  readonly ok: false;
  readonly reason: BackupRefusalReason;
  readonly message: string;
  /** DuckDB's own words when it could not read the file, for a support request. */
  readonly detail?: string;
}

export type BackupCheck = BackupSummary | BackupRefusal;

const MESSAGES: Readonly<Record<BackupRefusalReason, string>> = {
  'not-duckdb': '所选文件不是本程序导出的备份文件。',
  foreign: '所选文件是其他程序的数据库，不是本程序的备份。',
  newer: '此备份由更新版本的程序创建，请升级后再恢复。',
  corrupt: '备份文件已损坏或不完整，无法读取。',
};

let counter = 0;

/**
 * The name a backup is saved under, e.g. `法治指标备份_重庆市潼南区_20250301.duckdb` (local date).
 * Characters Windows refuses in file names are left out of the district's name.
 */
export function backupFileName(districtName: string | null, date: Date): string {
  const district = (districtName ?? '').replace(/[\\/:*?"<>|\p{Cc}\s]+/gu, '').slice(0, 40);
  const day = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
  return district === '' ? `法治指标备份_${day}.duckdb` : `法治指标备份_${district}_${day}.duckdb`;
}

/** The district's name as the database records it: for the backup's file name, and the import's total rows. */
export async function readDistrictName(db: SqlExecutor): Promise<string | null> {
  const [row] = await db.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'district_name'`);
  return row?.value ?? null;
}

/** The whole database (every table, the view) as the bytes of a DuckDB file that opens anywhere. */
export async function exportDatabaseFile(db: DbClient): Promise<Uint8Array> {
  return (await exportCopy(db, async () => undefined)).bytes;
}

export interface Backup {
  readonly bytes: Uint8Array;
  /** What the file holds, read back from the file itself. */
  readonly summary: BackupSummary;
}

/** The exported file could not be read back as a backup of the data it was made from. */
export class BackupVerificationError extends Error {
  constructor(readonly check: BackupCheck) {
    super(`The exported backup did not read back: ${JSON.stringify(check)}`);
    this.name = 'BackupVerificationError';
  }
}

/**
 * A backup that is known to restore: the exported file is read back the way a restore reads it, and
 * must hold as many imports, values, townships and years as the database had when it was copied.
 * A file that does not is never handed out (BackupVerificationError).
 */
export async function createBackup(db: DbClient): Promise<Backup> {
  const { bytes, counts } = await exportCopy(db, describeData);
  const check = await inspectBackup(db, bytes);
  if (!check.ok || JSON.stringify(check.counts) !== JSON.stringify(counts)) {
    throw new BackupVerificationError(check);
  }
  return { bytes, summary: check };
}

/** The database copied into a new file, and what `describe` saw in the same transaction. */
async function exportCopy<T>(
  db: DbClient,
  describe: (tx: SqlExecutor) => Promise<T>,
): Promise<{ bytes: Uint8Array; counts: T }> {
  const n = ++counter;
  const file = `export-${n}.duckdb`;
  const alias = `export_${n}`;
  await db.registerBuffer(file, emptyDatabaseFile());
  await db.registerBuffer(`${file}.wal`, new Uint8Array());
  try {
    // One unit: an import committed while the copy is attached would see its tables in the catalog.
    const counts = await db.transaction(async (tx) => {
      const [current] = await tx.query<{ name: string }>('SELECT current_database() AS name');
      if (!current) throw new Error('DuckDB named no current database.');
      await tx.run(`ATTACH '${file}' AS ${alias}`);
      await tx.run(`COPY FROM DATABASE ${quoteIdentifier(current.name)} TO ${alias}`);
      await tx.run(`DETACH ${alias}`);
      return describe(tx);
    });
    return { bytes: await db.exportFile(file), counts };
  } finally {
    await cleanUp(db, file, alias);
  }
}

/** What restoring `bytes` would bring back, or why it cannot; the current data is not touched. */
export async function inspectBackup(db: DbClient, bytes: Uint8Array): Promise<BackupCheck> {
  return withBackup(db, bytes, (tx, alias, schemaVersion) => summarize(tx, alias, schemaVersion));
}

/**
 * Replaces the whole database with the backup in one transaction: every table is rebuilt as the
 * backup's version had it, filled with the backup's rows and migrated on to SCHEMA_VERSION. The
 * catalog comes from the app, custom indicators from the backup. A refused file leaves the
 * current data as it was. The caller checkpoints afterwards.
 */
export async function restoreBackup(db: DbClient, bytes: Uint8Array): Promise<BackupCheck> {
  return withBackup(db, bytes, async (tx, alias, schemaVersion) => {
    const source = (table: string) => `${quoteIdentifier(alias)}.main.${quoteIdentifier(table)}`;
    const backupTables = new Set(await tableNames(tx, alias));
    await tx.run('DROP VIEW IF EXISTS all_facts');
    for (const table of await tableNames(tx)) await tx.run(`DROP TABLE ${quoteIdentifier(table)}`);
    await createTables(tx, schemaVersion);
    for (const table of await tableNames(tx)) {
      if (!backupTables.has(table)) continue;
      const only = table === 'indicators' ? ` WHERE kind = 'custom'` : '';
      await tx.run(`INSERT INTO ${quoteIdentifier(table)} BY NAME SELECT * FROM ${source(table)}${only}`);
    }
    await upgradeSchema(tx, schemaVersion);
    return summarize(tx, undefined, SCHEMA_VERSION);
  });
}

async function summarize(tx: SqlExecutor, database: string | undefined, schemaVersion: number) {
  const meta = database === undefined ? 'meta' : `${quoteIdentifier(database)}.main.meta`;
  const [district] = await tx.query<{ value: string }>(
    `SELECT value FROM ${meta} WHERE key = 'district_name'`,
  );
  return {
    ok: true,
    schemaVersion,
    counts: await describeData(tx, database),
    districtName: district?.value ?? null,
  } as const;
}

class Refused extends Error {
  constructor(
    readonly reason: BackupRefusalReason,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

/**
 * Runs `work` in one transaction with a copy of `bytes` attached read-only as `alias`, once the
 * file is known to be a backup this app can read; anything DuckDB cannot read in it refuses the
 * file, rolling back whatever `work` did.
 */
async function withBackup(
  db: DbClient,
  bytes: Uint8Array,
  work: (tx: SqlExecutor, alias: string, schemaVersion: number) => Promise<BackupSummary>,
): Promise<BackupCheck> {
  const unreadable = checkFileLayout(bytes);
  if (unreadable) return refusal(unreadable);
  const n = ++counter;
  const file = `backup-${n}.duckdb`;
  const alias = `backup_${n}`;
  await db.registerBuffer(file, padToBlocks(bytes));
  await db.registerBuffer(`${file}.wal`, new Uint8Array());
  try {
    return await db.transaction(async (tx) => {
      try {
        await tx.run(`ATTACH '${file}' AS ${alias} (READ_ONLY)`);
      } catch (error) {
        throw new Refused('corrupt', String(error));
      }
      const schemaVersion = await readBackupVersion(tx, alias);
      const result = await work(tx, alias, schemaVersion);
      await tx.run(`DETACH ${alias}`);
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return refusal(error.reason, error.detail);
    return refusal('corrupt', String(error));
  } finally {
    await cleanUp(db, file, alias);
  }
}

async function readBackupVersion(tx: SqlExecutor, alias: string): Promise<number> {
  const tables = new Set(await tableNames(tx, alias));
  if (!VERSION_1_TABLE_NAMES.every((table) => tables.has(table))) throw new Refused('foreign');
  const version = await readSchemaVersion(tx, alias);
  if (version === undefined || version === 0) throw new Refused('foreign');
  if (version > SCHEMA_VERSION) throw new Refused('newer');
  if (version === SCHEMA_VERSION) {
    const differing = await tx.query(
      `SELECT table_name, column_name, data_type FROM duckdb_columns()
       WHERE database_name = current_database() AND schema_name = 'main'
         AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE database_name = current_database())
       EXCEPT
       SELECT table_name, column_name, data_type FROM duckdb_columns()
       WHERE database_name = ? AND schema_name = 'main'`,
      [alias],
    );
    if (differing.length > 0) throw new Refused('foreign');
  }
  return version;
}

/** Tables of the app's database, or of the attached one `database` names. */
async function tableNames(tx: SqlExecutor, database?: string): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables()
     WHERE database_name = COALESCE(?, current_database()) AND schema_name = 'main' ORDER BY table_name`,
    [database ?? null],
  );
  return rows.map((row) => row.name);
}

async function cleanUp(db: DbClient, file: string, alias: string): Promise<void> {
  await db.run(`DETACH DATABASE IF EXISTS ${alias}`);
  await db.dropFile(file);
  await db.dropFile(`${file}.wal`);
}

function refusal(reason: BackupRefusalReason, detail?: string): BackupRefusal {
  return detail === undefined
    ? { ok: false, reason, message: MESSAGES[reason] }
    : { ok: false, reason, message: MESSAGES[reason], detail };
}

/** A main header and two database headers, then whole blocks. */
const HEADERS_SIZE = 12_288;
const DATABASE_HEADERS = [4096, 8192] as const;
/** Older DuckDB files leave the block size at 0 in their headers: theirs was always this. */
const DEFAULT_BLOCK_SIZE = 262_144;

/**
 * Refuses bytes DuckDB must not be asked to read. DuckDB-WASM loops forever on a read that starts
 * inside an in-memory file and runs past its end, so a file cut short in the middle of a header or
 * block would hang the database for good; whole blocks are only ever read whole.
 */
function checkFileLayout(bytes: Uint8Array): BackupRefusalReason | undefined {
  const magic = String.fromCharCode(...bytes.subarray(8, 12));
  if (magic !== 'DUCK') return 'not-duckdb';
  if (bytes.length < HEADERS_SIZE) return 'corrupt';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blockSizes = DATABASE_HEADERS.map(
    (offset) => Number(view.getBigUint64(offset + 40, true)) || DEFAULT_BLOCK_SIZE,
  );
  const plausible = blockSizes.filter((size) => size >= 4096 && size <= 2 ** 30 && (size & (size - 1)) === 0);
  if (plausible.length === 0) return 'corrupt';
  return undefined;
}

/**
 * The bytes padded with zeros to whole blocks. A browser's copy of a database file can end short
 * of its last block, and a read past the end of an in-memory file would never return; a zeroed
 * block fails DuckDB's checksum instead, which refuses a truly cut-off file cleanly.
 */
function padToBlocks(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sizes = DATABASE_HEADERS.map(
    (offset) => Number(view.getBigUint64(offset + 40, true)) || DEFAULT_BLOCK_SIZE,
  );
  const block = Math.max(
    ...sizes.filter((size) => size >= 4096 && size <= 2 ** 30 && (size & (size - 1)) === 0),
  );
  const body = bytes.length - HEADERS_SIZE;
  const padded = HEADERS_SIZE + Math.ceil(body / block) * block;
  if (padded === bytes.length) return bytes.slice();
  const out = new Uint8Array(padded);
  out.set(bytes);
  return out;
}
