import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbClient } from './client.ts';
import { LATEST_VERSION, MIGRATIONS } from './migrate.ts';
import { openNodeDb } from './node-client.ts';
import { applySchema, NEWER_DATABASE_MESSAGE, SCHEMA_VERSION } from './schema.ts';

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/v1.duckdb', import.meta.url));
const NEW_TABLES = ['replaced_facts', 'header_mappings', 'township_aliases'];

let dir: string;
let path: string;
/** A new database in memory, created once: what every migrated database must look like. */
let created: DbClient;
beforeAll(async () => {
  created = await openNodeDb();
});
afterAll(async () => {
  await created.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fazhi-migrate-'));
  path = join(dir, 'stored.duckdb');
  copyFileSync(FIXTURE, path);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function withDb<T>(work: (db: DbClient) => Promise<T>): Promise<T> {
  const db = await openNodeDb({ path });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const dump = (db: DbClient, table: string) => db.query(`SELECT * FROM ${table} ORDER BY ALL`);
const meta = async (db: DbClient) =>
  Object.fromEntries((await dump(db, 'meta')).map((row) => [row.key, row.value]));

/** Tables, columns, types, nullability and constraints: what a database is shaped like. */
async function shape(db: DbClient) {
  const columns = await db.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main' ORDER BY ALL`,
  );
  const constraints = await db.query(
    `SELECT table_name, constraint_type, constraint_column_names::VARCHAR AS columns FROM duckdb_constraints()
     WHERE database_name = current_database() AND schema_name = 'main' ORDER BY ALL`,
  );
  return { columns, constraints };
}

// Each test opens DuckDB on the fixture's copy, seconds each on a busy machine.
describe('schema versions', { timeout: 90_000 }, () => {
  it('the app writes the last migration’s version, and versions only grow', () => {
    expect(SCHEMA_VERSION).toBe(3);
    expect(LATEST_VERSION).toBe(SCHEMA_VERSION);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 2));
  });

  it('creates the current schema in an empty database', async () => {
    expect(await applySchema(created)).toEqual({ ok: true, from: 0, to: 3 });
    expect(await meta(created)).toEqual({ schema_version: '3' });
  });

  it('migrates a version 1 database with its data intact', async () => {
    await withDb(async (db) => {
      const before = { facts: await dump(db, 'facts'), imports: await dump(db, 'imports') };
      expect(before.facts).toHaveLength(3);

      expect(await applySchema(db)).toEqual({ ok: true, from: 1, to: 3 });
      expect(await dump(db, 'facts')).toEqual(before.facts);
      expect(await dump(db, 'imports')).toEqual(before.imports);
      expect(await meta(db)).toEqual({
        schema_version: '3',
        district_code: '500152',
        district_name: '重庆市潼南区',
      });
      for (const table of NEW_TABLES) expect(await dump(db, table)).toEqual([]);

      const [rate] = await db.query<{ value: number }>(
        `SELECT value FROM all_facts
         WHERE township_code = '500152104' AND year = 2021 AND indicator_id = 'mediation_success_rate'`,
      );
      expect(rate?.value).toBeCloseTo(97.87, 2);
      const [leaflets] = await db.query(
        `SELECT value, approximate, raw_text, note, import_id, source_line, source_column FROM facts
         WHERE indicator_id = 'leaflets_distributed'`,
      );
      expect(leaflets).toEqual({
        value: 6000,
        approximate: true,
        raw_text: '6000余',
        note: '含电子版',
        import_id: 1,
        source_line: 5,
        source_column: 'B',
      });
    });
  });

  it('a migrated database has exactly the shape of a new one', async () => {
    await applySchema(created);
    const migrated = await withDb(async (db) => {
      await applySchema(db);
      return shape(db);
    });
    expect(migrated).toEqual(await shape(created));
  });

  it('applying the schema again changes nothing, and the upgrade is stored in the file', async () => {
    await withDb(async (db) => {
      await applySchema(db);
    });
    await withDb(async (db) => {
      const tables = ['meta', 'townships', 'indicators', 'imports', 'facts', ...NEW_TABLES];
      const before = await Promise.all(tables.map((t) => dump(db, t)));
      expect(await applySchema(db)).toEqual({ ok: true, from: 3, to: 3 });
      expect(await Promise.all(tables.map((t) => dump(db, t)))).toEqual(before);
    });
  });

  it('refuses a database written by a newer app, and leaves it untouched', async () => {
    await withDb(async (db) => {
      await db.run(`UPDATE meta SET value = '99' WHERE key = 'schema_version'`);
      const before = await shape(db);
      expect(await applySchema(db)).toEqual({
        ok: false,
        reason: 'newer',
        version: 99,
        message: NEWER_DATABASE_MESSAGE,
      });
      expect(await shape(db)).toEqual(before);
      expect(await meta(db)).toEqual({ schema_version: '99' });
    });
  });
});
