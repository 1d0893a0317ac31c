import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TONGNAN } from '../district/tongnan.ts';
import type { Fact } from '../import/fact.ts';
import type { DbClient } from './client.ts';
import { commitImport } from './commit-import.ts';
import { quoteIdentifier } from './migrate.ts';
import { openNodeDb } from './node-client.ts';
import { declineSample } from './reset.ts';
import { applySchema, replaceTownships, SCHEMA_VERSION } from './schema.ts';
import { loadSnapshot, type Snapshot, sameSnapshot, takeSnapshot } from './snapshot.ts';

const BAOLONG = '500152104';
const open: DbClient[] = [];

async function fresh(): Promise<DbClient> {
  const db = await openNodeDb();
  open.push(db);
  return db;
}

function fact(indicatorId: string, value: number, rawText: string, note: string | null, year = 2021): Fact {
  return {
    townshipCode: BAOLONG,
    year,
    indicatorId,
    value,
    approximate: rawText !== String(value),
    rawText,
    note,
    line: 3,
    column: 'C',
  };
}

/** A district with every awkward kind of value the tables can hold. */
async function fillDistrict(db: DbClient): Promise<void> {
  await applySchema(db);
  await replaceTownships(db, TONGNAN.townships, { code: TONGNAN.code, name: TONGNAN.fullName });
  const record = { encoding: 'gbk', layout: 'wide', rowCount: 31, isSample: false } as const;
  await commitImport(db, { ...record, fileName: '2021年.csv', contentHash: 'h1' }, [
    fact('disputes_mediated', 94, '94', null),
    fact('leaflets_distributed', 6000, '6000余', '含电子版'),
    fact('legal_consultations', 0.1 + 0.2, '0.30000000000000004', ''),
    fact('disputes_resolved', 1 / 3, '1/3', 'a "quoted", comma\nnew line\r\nand CRLF'),
    fact('disputes_mediated', 123456789.12345679, '123456789.123456789', 'NULL', 2020),
    fact('leaflets_distributed', 1e-300, '1e-300', '\\N', 2020),
    fact('legal_consultations', -5.5, '−5.5', '  leading and trailing spaces  ', 2020),
  ]);
  await commitImport(
    db,
    { ...record, fileName: '2021年（更正）.csv', contentHash: 'h2' },
    [fact('disputes_mediated', 96, '96', null), fact('custom:网格员培训', 3, '3', '镇街自报')],
    {
      onConflict: 'replace',
      customIndicators: [{ id: 'custom:网格员培训', label: '网格员培训', unit: '场' }],
      mappings: { 调处纠纷: 'disputes_mediated' },
      townshipAliases: { 宝垅镇: BAOLONG },
    },
  );
  // A row with NULLs in every nullable column, and timestamps with microseconds.
  await db.run(
    `INSERT INTO facts VALUES ('500152105', 2019, 'disputes_mediated', 7, false, NULL, NULL, 1, NULL, NULL)`,
  );
  // Empty text is not NULL (the import pipeline never writes one, but the snapshot must keep it).
  await db.run(
    `INSERT INTO facts VALUES ('500152106', 2019, 'disputes_mediated', 8, true, '', '', 1, 0, '')`,
  );
  await db.run(`UPDATE imports SET imported_at = TIMESTAMP '2024-02-29 23:59:59.123456' WHERE id = 1`);
  await db.run(`UPDATE imports SET imported_at = TIMESTAMP '1999-12-31 00:00:00.000001' WHERE id = 2`);
  await declineSample(db);
}

/** Every table in a fixed order, as typed values and as DuckDB's own text of each cell. */
async function dump(db: DbClient) {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1`,
  );
  const out: Record<string, unknown> = {};
  for (const { name } of tables) {
    const table = quoteIdentifier(name);
    out[name] = await db.query(`SELECT * FROM ${table} ORDER BY ALL`);
    out[`${name}:text`] = await db.query(
      `SELECT CAST(COLUMNS(*) AS VARCHAR) FROM (SELECT * FROM ${table} ORDER BY ALL)`,
    );
  }
  return out;
}

let source: DbClient;
let snapshot: Snapshot;

beforeAll(async () => {
  source = await fresh();
  await fillDistrict(source);
  snapshot = await takeSnapshot(source);
});
afterAll(async () => {
  for (const db of open) await db.close();
});

describe('snapshots', () => {
  it('load into a fresh database with every row of every table exactly as it was', async () => {
    const target = await fresh();
    expect(await loadSnapshot(target, snapshot)).toEqual({ ok: true });
    const before = await dump(source);
    const after = await dump(target);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['facts', 'imports', 'replaced_facts', 'meta', 'townships', 'indicators']),
    );
    expect(after).toEqual(before);

    // The awkward values, checked by name rather than only by equality of the two dumps.
    const facts = await target.query<{ value: number; raw_text: string | null; note: string | null }>(
      `SELECT value, raw_text, note, approximate, source_line FROM facts ORDER BY year, indicator_id, township_code`,
    );
    expect(facts.map((f) => f.value)).toEqual(
      expect.arrayContaining([0.1 + 0.2, 1 / 3, 123456789.12345679, 1e-300, -5.5]),
    );
    expect(facts.map((f) => f.note)).toEqual(
      expect.arrayContaining([null, '', 'NULL', '\\N', 'a "quoted", comma\nnew line\r\nand CRLF']),
    );
    const nulls = await target.query(
      `SELECT raw_text, note, source_line, source_column FROM facts WHERE township_code = '500152105'`,
    );
    expect(nulls).toEqual([{ raw_text: null, note: null, source_line: null, source_column: null }]);
    const times = await target.query<{ t: string }>(
      `SELECT CAST(imported_at AS VARCHAR) AS t FROM imports ORDER BY id`,
    );
    expect(times.map((r) => r.t)).toEqual(['2024-02-29 23:59:59.123456', '1999-12-31 00:00:00.000001']);
    const approximate = await target.query(`SELECT count(*) AS n FROM facts WHERE approximate`);
    expect(approximate).toEqual([{ n: 5 }]);
    const views = await target.query(`SELECT count(*) AS n FROM all_facts`);
    expect(views).toEqual(await source.query(`SELECT count(*) AS n FROM all_facts`));

    // Taken again from the loaded copy, the snapshot is the same bytes.
    expect(sameSnapshot(await takeSnapshot(target), snapshot)).toBe(true);
  });

  it('replaces whatever the database held before', async () => {
    const target = await fresh();
    await applySchema(target);
    await replaceTownships(target, [{ code: 'x', name: '别的镇' }]);
    expect(await loadSnapshot(target, snapshot)).toEqual({ ok: true });
    expect(await dump(target)).toEqual(await dump(source));
  });

  it('refuses a snapshot from a newer version and a damaged one, leaving the database untouched', async () => {
    const target = await fresh();
    await applySchema(target);
    await replaceTownships(target, [{ code: 'x', name: '别的镇' }]);
    const before = await dump(target);
    const newer = await loadSnapshot(target, { ...snapshot, schemaVersion: SCHEMA_VERSION + 1 });
    expect(newer).toMatchObject({ ok: false, reason: 'newer' });
    const facts = snapshot.tables.find((t) => t.name === 'facts');
    if (!facts) throw new Error('no facts table');
    const cut = { ...facts, csv: facts.csv.subarray(0, Math.floor(facts.csv.length / 2)) };
    const damaged = await loadSnapshot(target, {
      ...snapshot,
      tables: snapshot.tables.map((t) => (t === facts ? cut : t)),
    });
    expect(damaged).toMatchObject({ ok: false, reason: 'corrupt' });
    const foreign = await loadSnapshot(target, {
      ...snapshot,
      tables: [...snapshot.tables, { ...facts, name: 'not_ours' }],
    });
    expect(foreign).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(await loadSnapshot(target, { format: 1 })).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(await dump(target)).toEqual(before);
  });

  it('is never taken from a database without a schema (an empty restarted worker)', async () => {
    const empty = await fresh();
    await expect(takeSnapshot(empty)).rejects.toThrow(/no schema version/);
  });
});
