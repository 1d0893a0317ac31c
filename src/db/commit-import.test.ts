import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TONGNAN } from '../district/tongnan.ts';
import type { Fact } from '../import/fact.ts';
import type { DbClient } from './client.ts';
import { commitImport, ImportHeld, type ImportRecord } from './commit-import.ts';
import { undoImport } from './history.ts';
import {
  type Conflicts,
  conflictsOf,
  findConflicts,
  findImportByHash,
  loadRememberedChoices,
} from './import-checks.ts';
import { openNodeDb } from './node-client.ts';
import { applySchema, replaceTownships } from './schema.ts';

const BAOLONG = '500152104';
let db: DbClient;

beforeAll(async () => {
  db = await openNodeDb();
  await applySchema(db);
  await replaceTownships(db, TONGNAN.townships);
});
beforeEach(async () => {
  for (const table of ['facts', 'imports', 'replaced_facts', 'header_mappings', 'township_aliases']) {
    await db.run(`DELETE FROM ${table}`);
  }
});
afterAll(async () => {
  await db.close();
});

function fact(indicatorId: string, value: number, rawText = String(value), line = 2): Fact {
  return {
    townshipCode: BAOLONG,
    year: 2021,
    indicatorId,
    value,
    approximate: false,
    rawText,
    note: null,
    line,
    column: 'D',
  };
}
const record = (fileName: string, contentHash: string): ImportRecord => ({
  fileName,
  contentHash,
  encoding: 'utf-8',
  layout: 'long',
  rowCount: 2,
  isSample: false,
});

async function stored(): Promise<{ indicator_id: string; value: number; import_id: number }[]> {
  return db.query('SELECT indicator_id, value, import_id FROM facts ORDER BY indicator_id');
}

describe('committing an import', () => {
  it('refuses facts that repeat a township, year and indicator, and stores nothing', async () => {
    await expect(
      commitImport(db, record('a.csv', 'hash-a'), [
        fact('disputes_mediated', 94),
        fact('disputes_mediated', 90),
      ]),
    ).rejects.toThrow(/repeat/);
    expect(await stored()).toEqual([]);
    expect(await db.query('SELECT * FROM imports')).toEqual([]);
  });

  it('replacing and undoing keep one fact per township, year and indicator', async () => {
    await commitImport(db, record('a.csv', 'hash-a'), [fact('disputes_mediated', 90)]);
    const second = await commitImport(db, record('b.csv', 'hash-b'), [fact('disputes_mediated', 94)]);
    await commitImport(db, record('c.csv', 'hash-c'), [fact('disputes_mediated', 95)], {
      onConflict: 'keep',
    });
    expect(await stored()).toEqual([{ indicator_id: 'disputes_mediated', value: 94, import_id: second }]);
    await undoImport(db, second);
    expect((await stored()).map((row) => row.value)).toEqual([90]);
  });

  it('stores facts with their import, and finds the same bytes again by hash', async () => {
    const id = await commitImport(db, record('a.csv', 'hash-a'), [
      fact('disputes_mediated', 94),
      fact('disputes_resolved', 92),
    ]);
    expect(await stored()).toEqual([
      { indicator_id: 'disputes_mediated', value: 94, import_id: id },
      { indicator_id: 'disputes_resolved', value: 92, import_id: id },
    ]);
    expect(await findImportByHash(db, 'hash-a')).toMatchObject({ id, fileName: 'a.csv' });
    expect(await findImportByHash(db, 'hash-b')).toBeUndefined();
  });

  it('lists values that differ from stored ones, old beside new', async () => {
    await commitImport(db, record('a.csv', 'h1'), [
      fact('disputes_mediated', 94),
      fact('disputes_resolved', 92),
    ]);
    const conflicts = await findConflicts(db, [
      fact('disputes_mediated', 96, '96', 5),
      fact('disputes_resolved', 92),
    ]);
    expect(conflicts).toEqual([
      expect.objectContaining({
        townshipName: '宝龙镇',
        indicatorId: 'disputes_mediated',
        oldValue: 94,
        oldFile: 'a.csv',
        newValue: 96,
        line: 5,
      }),
    ]);
  });

  it('replace: takes the new values and keeps the replaced ones for undo', async () => {
    const first = await commitImport(db, record('a.csv', 'h1'), [fact('disputes_mediated', 94)]);
    const second = await commitImport(db, record('b.csv', 'h2'), [fact('disputes_mediated', 96)], {
      onConflict: 'replace',
    });
    expect(await stored()).toEqual([{ indicator_id: 'disputes_mediated', value: 96, import_id: second }]);
    const replaced = await db.query('SELECT replaced_by, value, import_id FROM replaced_facts');
    expect(replaced).toEqual([{ replaced_by: second, value: 94, import_id: first }]);
  });

  it('keep: leaves stored values alone and adds only new facts', async () => {
    const first = await commitImport(db, record('a.csv', 'h1'), [fact('disputes_mediated', 94)]);
    const second = await commitImport(
      db,
      record('b.csv', 'h2'),
      [fact('disputes_mediated', 96), fact('disputes_resolved', 92)],
      {
        onConflict: 'keep',
      },
    );
    expect(await stored()).toEqual([
      { indicator_id: 'disputes_mediated', value: 94, import_id: first },
      { indicator_id: 'disputes_resolved', value: 92, import_id: second },
    ]);
    const [row] = await db.query<{ fact_count: number }>('SELECT fact_count FROM imports WHERE id = ?', [
      second,
    ]);
    expect(row?.fact_count).toBe(1);
  });

  it('keep: a figure the new file gives again unchanged is its own too, so undoing the earlier import leaves it', async () => {
    const first = await commitImport(db, record('a.csv', 'h1'), [
      fact('disputes_mediated', 94),
      fact('disputes_resolved', 92, '92', 3),
      fact('legal_consultations', 500, '500', 4),
    ]);
    const second = await commitImport(
      db,
      record('a.csv', 'h2'),
      [
        fact('disputes_mediated', 94),
        fact('disputes_resolved', 90, '90', 3),
        fact('legal_consultations', 500, '500', 4),
      ],
      { onConflict: 'keep' },
    );
    expect(await stored()).toEqual([
      { indicator_id: 'disputes_mediated', value: 94, import_id: second },
      { indicator_id: 'disputes_resolved', value: 92, import_id: first },
      { indicator_id: 'legal_consultations', value: 500, import_id: second },
    ]);
    await undoImport(db, first);
    // The corrected file still says 94 and 500; the 92 it was not allowed to replace goes with its file.
    expect(await stored()).toEqual([
      { indicator_id: 'disputes_mediated', value: 94, import_id: second },
      { indicator_id: 'legal_consultations', value: 500, import_id: second },
    ]);
    await undoImport(db, second);
    expect(await stored()).toEqual([]);
  });

  it('asks `confirm` inside the transaction with the facts about to be stored; a refusal stores nothing', async () => {
    const first = await commitImport(db, record('a.csv', 'h1'), [fact('disputes_mediated', 94)]);
    const incoming = [fact('disputes_mediated', 96, '96', 5), fact('disputes_resolved', 92)];
    let seen: Conflicts | undefined;
    const refuse = {
      onConflict: 'replace',
      confirm: async (tx, source) => {
        seen = await conflictsOf(tx, source);
        return false;
      },
    } satisfies Parameters<typeof commitImport>[3];
    await expect(commitImport(db, record('b.csv', 'h2'), incoming, refuse)).rejects.toBeInstanceOf(
      ImportHeld,
    );
    // What the user would now be shown: the stored 94 from a.csv against the file's 96.
    expect(seen?.total).toBe(1);
    expect(seen?.conflicts).toEqual(await findConflicts(db, incoming));
    expect(seen?.conflicts[0]).toEqual(
      expect.objectContaining({ oldValue: 94, oldFile: 'a.csv', newValue: 96, line: 5 }),
    );
    expect(await stored()).toEqual([{ indicator_id: 'disputes_mediated', value: 94, import_id: first }]);
    expect(await db.query('SELECT file_name FROM imports')).toEqual([{ file_name: 'a.csv' }]);
    expect(await db.query('SELECT * FROM replaced_facts')).toEqual([]);

    const second = await commitImport(db, record('b.csv', 'h2'), incoming, {
      ...refuse,
      confirm: async () => true,
    });
    expect(await stored()).toEqual([
      { indicator_id: 'disputes_mediated', value: 96, import_id: second },
      { indicator_id: 'disputes_resolved', value: 92, import_id: second },
    ]);
  });

  it('is all or nothing: a failure inside leaves no import record and no facts', async () => {
    const broken = { ...fact('disputes_mediated', 94), year: Number.NaN };
    await expect(
      commitImport(db, record('bad.csv', 'h3'), [fact('disputes_resolved', 92), broken]),
    ).rejects.toThrow();
    expect(await stored()).toEqual([]);
    expect(await db.query('SELECT * FROM imports')).toEqual([]);
  });

  it('remembers header mappings, township aliases and custom indicators', async () => {
    await commitImport(db, record('a.csv', 'h1'), [fact('custom:网格员培训', 3)], {
      onConflict: 'replace',
      customIndicators: [{ id: 'custom:网格员培训', label: '网格员培训', unit: '场' }],
      mappings: { 调处纠纷: 'disputes_mediated' },
      townshipAliases: { 宝垅镇: BAOLONG },
    });
    expect(await loadRememberedChoices(db)).toEqual({
      mappings: { 调处纠纷: 'disputes_mediated' },
      townshipAliases: { 宝垅镇: BAOLONG },
    });
    const [custom] = await db.query('SELECT name_zh, unit_zh, kind FROM indicators WHERE id = ?', [
      'custom:网格员培训',
    ]);
    expect(custom).toEqual({ name_zh: '网格员培训', unit_zh: '场', kind: 'custom' });
  });
});
