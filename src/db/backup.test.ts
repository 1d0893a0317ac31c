import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TONGNAN } from '../district/tongnan.ts';
import type { Fact } from '../import/fact.ts';
import {
  BackupVerificationError,
  backupFileName,
  createBackup,
  exportDatabaseFile,
  inspectBackup,
  readDistrictName,
  restoreBackup,
} from './backup.ts';
import type { DbClient } from './client.ts';
import { commitImport } from './commit-import.ts';
import { openNodeDb } from './node-client.ts';
import { declineSample, resetAllData } from './reset.ts';
import { applySchema, replaceTownships, SCHEMA_VERSION } from './schema.ts';

const BAOLONG = '500152104';
const TABLES = [
  'facts',
  'imports',
  'townships',
  'replaced_facts',
  'header_mappings',
  'township_aliases',
  'meta',
] as const;

let db: DbClient;

function fact(indicatorId: string, value: number, rawText = String(value), year = 2021): Fact {
  return {
    townshipCode: BAOLONG,
    year,
    indicatorId,
    value,
    approximate: rawText !== String(value),
    rawText,
    note: rawText === String(value) ? null : '含电子版',
    line: 3,
    column: 'C',
  };
}

async function fillDistrict(target: DbClient): Promise<void> {
  await applySchema(target);
  await replaceTownships(target, TONGNAN.townships, { code: TONGNAN.code, name: TONGNAN.fullName });
  const record = { encoding: 'gbk', layout: 'wide', rowCount: 31, isSample: false } as const;
  await commitImport(target, { ...record, fileName: '2021年.csv', contentHash: 'h1' }, [
    fact('disputes_mediated', 94),
    fact('disputes_resolved', 92),
    fact('leaflets_distributed', 6000, '6000余'),
    fact('disputes_mediated', 80, '80', 2020),
  ]);
  await commitImport(
    target,
    { ...record, fileName: '2021年（更正）.csv', contentHash: 'h2' },
    [fact('disputes_mediated', 96), fact('custom:网格员培训', 3)],
    {
      onConflict: 'replace',
      customIndicators: [{ id: 'custom:网格员培训', label: '网格员培训', unit: '场' }],
      mappings: { 调处纠纷: 'disputes_mediated' },
      townshipAliases: { 宝垅镇: BAOLONG },
    },
  );
  await declineSample(target);
}

/** Every row of every table the user's data lives in, in a fixed order. */
async function dumpAll(target: DbClient) {
  const tables = await Promise.all(TABLES.map((t) => target.query(`SELECT * FROM ${t} ORDER BY ALL`)));
  const custom = await target.query(`SELECT * FROM indicators WHERE kind = 'custom' ORDER BY ALL`);
  return { ...Object.fromEntries(TABLES.map((t, i) => [t, tables[i]])), custom };
}

beforeAll(async () => {
  db = await openNodeDb();
});
beforeEach(async () => {
  await resetAllData(db).catch(() => undefined);
  await fillDistrict(db);
});
afterAll(async () => {
  await db.close();
});

// Tests that open a second DuckDB take seconds each on a busy machine.
describe('backup and restore', { timeout: 90_000 }, () => {
  it('exports a standalone DuckDB file that a plain DuckDB opens', async () => {
    const bytes = await exportDatabaseFile(db);
    expect(new TextDecoder().decode(bytes.subarray(8, 12))).toBe('DUCK');
    const plain = await openNodeDb();
    try {
      await plain.registerBuffer('district.duckdb', bytes);
      await plain.registerBuffer('district.duckdb.wal', new Uint8Array());
      await plain.run(`ATTACH 'district.duckdb' AS district (READ_ONLY)`);
      const [rate] = await plain.query<{ value: number }>(
        `SELECT value FROM district.all_facts
         WHERE township_code = ? AND year = 2021 AND indicator_id = 'mediation_success_rate'`,
        [BAOLONG],
      );
      expect(rate?.value).toBeCloseTo((100 * 92) / 96, 6);
      expect(await plain.query('SELECT count(*) AS n FROM district.facts')).toEqual([{ n: 5 }]);
    } finally {
      await plain.close();
    }
  });

  it('backup → reset → restore gives back every row of every table', async () => {
    const before = await dumpAll(db);
    const bytes = await exportDatabaseFile(db);
    await resetAllData(db);
    expect(await db.query('SELECT * FROM facts')).toEqual([]);

    const summary = {
      ok: true,
      schemaVersion: SCHEMA_VERSION,
      counts: {
        facts: 5,
        imports: 2,
        townships: TONGNAN.townships.length,
        townshipsWithData: 1,
        years: [2020, 2021],
      },
      districtName: '重庆市潼南区',
    };
    expect(await inspectBackup(db, bytes)).toEqual(summary);
    expect(await restoreBackup(db, bytes)).toEqual(summary);
    expect(await dumpAll(db)).toEqual(before);
    expect(await db.query('SELECT database_name FROM duckdb_databases() WHERE NOT internal')).toHaveLength(1);
  });

  it('restores into a new, empty database (another computer)', async () => {
    const bytes = await exportDatabaseFile(db);
    const other = await openNodeDb();
    try {
      await applySchema(other);
      expect(await restoreBackup(other, bytes)).toMatchObject({ ok: true, counts: { facts: 5 } });
      expect(await dumpAll(other)).toEqual(await dumpAll(db));
    } finally {
      await other.close();
    }
  });

  it('restores a backup written by version 1 of the app, migrating it', async () => {
    const v1 = new Uint8Array(
      readFileSync(fileURLToPath(new URL('../../test/fixtures/v1.duckdb', import.meta.url))),
    );
    const expected = {
      ok: true,
      schemaVersion: 1,
      counts: { facts: 3, imports: 1, townships: 3, townshipsWithData: 1, years: [2021] },
      districtName: null,
    };
    expect(await inspectBackup(db, v1)).toEqual(expected);
    expect(await restoreBackup(db, v1)).toEqual({
      ...expected,
      schemaVersion: SCHEMA_VERSION,
      districtName: '重庆市潼南区',
    });
    const [rate] = await db.query<{ value: number }>(
      `SELECT value FROM all_facts WHERE year = 2021 AND indicator_id = 'mediation_success_rate'`,
    );
    expect(rate?.value).toBeCloseTo(97.87, 2);
    expect(await db.query(`SELECT value FROM meta WHERE key = 'schema_version'`)).toEqual([
      { value: String(SCHEMA_VERSION) },
    ]);
    expect(await db.query('SELECT * FROM replaced_facts')).toEqual([]);
    expect(await db.query(`SELECT count(*) AS n FROM indicators WHERE kind = 'custom'`)).toEqual([{ n: 0 }]);
  });
});

/** A DuckDB file written by `build` in a database of its own. */
async function duckdbFile(build: (other: DbClient) => Promise<void>): Promise<Uint8Array> {
  const other = await openNodeDb();
  try {
    await build(other);
    return await exportDatabaseFile(other);
  } finally {
    await other.close();
  }
}

describe('a file that is not a backup this app can restore', { timeout: 90_000 }, () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(120).fill(7)]);
  const random = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 2_654_435_761) >>> 24);

  it.each([
    ['a PNG image', async () => png, 'not-duckdb'],
    ['random bytes', async () => random, 'not-duckdb'],
    ['an empty file', async () => new Uint8Array(), 'not-duckdb'],
    ['a backup cut inside its header', async () => (await exportDatabaseFile(db)).slice(0, 100), 'corrupt'],
    ['a backup cut inside a block', async () => (await exportDatabaseFile(db)).slice(0, 400_000), 'corrupt'],
    [
      'a backup cut after a whole block',
      async () => (await exportDatabaseFile(db)).slice(0, 12_288 + 262_144),
      'corrupt',
    ],
    [
      'a backup with damaged data',
      async () => {
        const bytes = await exportDatabaseFile(db);
        for (let i = 12_288; i < bytes.length; i += 97) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
        return bytes;
      },
      'corrupt',
    ],
    [
      'another application’s DuckDB file',
      () => duckdbFile((other) => other.run('CREATE TABLE orders AS SELECT 1 AS id, 9.5 AS amount')),
      'foreign',
    ],
    [
      'a database with these tables but no schema version',
      () =>
        duckdbFile(async (other) => {
          await applySchema(other);
          await other.run(`DELETE FROM meta`);
        }),
      'foreign',
    ],
    [
      'a backup from a newer version of the app',
      () =>
        duckdbFile(async (other) => {
          await applySchema(other);
          await other.run(`UPDATE meta SET value = ? WHERE key = 'schema_version'`, [
            String(SCHEMA_VERSION + 1),
          ]);
        }),
      'newer',
    ],
  ] as const)('refuses %s and leaves the current data untouched', async (_, make, reason) => {
    const bytes = await make();
    const before = await dumpAll(db);
    const inspected = await inspectBackup(db, bytes);
    expect(inspected).toMatchObject({ ok: false, reason });
    expect(inspected.ok ? '' : inspected.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await restoreBackup(db, bytes)).toMatchObject({ ok: false, reason });
    expect(await dumpAll(db)).toEqual(before);
    expect(await db.query('SELECT database_name FROM duckdb_databases() WHERE NOT internal')).toHaveLength(1);
  });
});

describe('a backup handed to the user', { timeout: 90_000 }, () => {
  it('is named after the district and the local date, without characters Windows refuses', () => {
    const day = new Date(2025, 2, 7, 23, 59);
    expect(backupFileName('重庆市潼南区', day)).toBe('法治指标备份_重庆市潼南区_20250307.duckdb');
    expect(backupFileName('某市/某区: "新区"', day)).toBe('法治指标备份_某市某区新区_20250307.duckdb');
    expect(backupFileName(null, day)).toBe('法治指标备份_20250307.duckdb');
    expect(backupFileName('  ', day)).toBe('法治指标备份_20250307.duckdb');
  });

  it('reads the district’s name from the database', async () => {
    expect(await readDistrictName(db)).toBe('重庆市潼南区');
  });

  it('is read back before it is handed out, and holds what the database held', async () => {
    const backup = await createBackup(db);
    expect(backup.summary).toEqual(await inspectBackup(db, backup.bytes));
    expect(backup.summary.counts).toMatchObject({ facts: 5, imports: 2, years: [2020, 2021] });
  });

  it('is refused when the exported file does not read back', async () => {
    const damaging: DbClient = {
      ...db,
      exportFile: async (name) => {
        const bytes = await db.exportFile(name);
        for (let i = 12_288; i < bytes.length; i += 97) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
        return bytes;
      },
    };
    await expect(createBackup(damaging)).rejects.toBeInstanceOf(BackupVerificationError);
    expect(await db.query('SELECT database_name FROM duckdb_databases() WHERE NOT internal')).toHaveLength(1);
  });
});
