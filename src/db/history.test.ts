import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TONGNAN } from '../district/tongnan.ts';
import type { Fact } from '../import/fact.ts';
import type { DbClient } from './client.ts';
import { type CommitOptions, commitImport, type ImportRecord } from './commit-import.ts';
import { listImports, undoImport } from './history.ts';
import { openNodeDb } from './node-client.ts';
import { applySchema, replaceTownships } from './schema.ts';

const BAOLONG = '500152104';
let db: DbClient;
/** A second database where the remaining imports are committed afresh: what undo must arrive at. */
let replay: DbClient;

async function clear(target: DbClient): Promise<void> {
  for (const table of ['facts', 'imports', 'replaced_facts', 'header_mappings', 'township_aliases']) {
    await target.run(`DELETE FROM ${table}`);
  }
}

beforeAll(async () => {
  [db, replay] = await Promise.all([openNodeDb(), openNodeDb()]);
  for (const target of [db, replay]) {
    await applySchema(target);
    await replaceTownships(target, TONGNAN.townships);
  }
});
beforeEach(() => clear(db));
afterAll(async () => {
  await Promise.all([db.close(), replay.close()]);
});

function fact(indicatorId: string, value: number, line: number, rawText = String(value)): Fact {
  return {
    townshipCode: BAOLONG,
    year: 2021,
    indicatorId,
    value,
    approximate: rawText !== String(value),
    rawText,
    note: rawText === String(value) ? null : '含电子版',
    line,
    column: 'D',
  };
}
const record = (fileName: string, isSample = false): ImportRecord => ({
  fileName,
  contentHash: `hash-${fileName}`,
  encoding: 'utf-8',
  layout: 'long',
  rowCount: 3,
  isSample,
});

interface TestImport {
  readonly fileName: string;
  readonly facts: readonly Fact[];
  readonly options?: CommitOptions;
}
const A: TestImport = {
  fileName: 'a.csv',
  facts: [fact('disputes_mediated', 94, 2), fact('disputes_resolved', 92, 3)],
};
const B: TestImport = {
  fileName: 'b.csv',
  facts: [fact('disputes_mediated', 96, 5), fact('leaflets_distributed', 6000, 6, '6000余')],
};
const C: TestImport = {
  fileName: 'c.csv',
  facts: [fact('disputes_mediated', 98, 8), fact('disputes_resolved', 90, 9)],
};

async function commitAll(target: DbClient, imports: readonly TestImport[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const i of imports)
    ids.set(i.fileName, await commitImport(target, record(i.fileName), i.facts, i.options));
  return ids;
}

/** Stored values with the file they came from (import ids differ between databases). */
async function stored(target: DbClient) {
  return target.query(
    `SELECT f.indicator_id, f.value, f.approximate, f.raw_text, f.note, i.file_name, f.source_line, f.source_column
     FROM facts f LEFT JOIN imports i ON i.id = f.import_id ORDER BY f.indicator_id`,
  );
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('undoing an import', () => {
  it('restores the value it replaced exactly: value, raw text, note, file, line and column', async () => {
    const ids = await commitAll(db, [
      { fileName: 'a.csv', facts: [fact('leaflets_distributed', 6000, 4, '6000余')] },
      { fileName: 'b.csv', facts: [fact('leaflets_distributed', 6500, 7)] },
    ]);
    expect(await undoImport(db, ids.get('b.csv') ?? 0)).toEqual({ ok: true, removed: 1, restored: 1 });
    expect(await db.query('SELECT * FROM facts')).toEqual([
      {
        township_code: BAOLONG,
        year: 2021,
        indicator_id: 'leaflets_distributed',
        value: 6000,
        approximate: true,
        raw_text: '6000余',
        note: '含电子版',
        import_id: ids.get('a.csv'),
        source_line: 4,
        source_column: 'D',
      },
    ]);
    expect(await db.query('SELECT * FROM replaced_facts')).toEqual([]);
    expect((await listImports(db)).map((i) => i.fileName)).toEqual(['a.csv']);
  });

  it('A then B replacing 94 by 96: undo B gives A’s 94 back', async () => {
    const ids = await commitAll(db, [A, B]);
    await undoImport(db, ids.get('b.csv') ?? 0);
    expect(await stored(db)).toEqual([
      expect.objectContaining({
        indicator_id: 'disputes_mediated',
        value: 94,
        file_name: 'a.csv',
        source_line: 2,
      }),
      expect.objectContaining({ indicator_id: 'disputes_resolved', value: 92, file_name: 'a.csv' }),
    ]);
  });

  it('undo A after B keeps B’s 96; undoing B afterwards leaves no value where A was replaced', async () => {
    const ids = await commitAll(db, [A, B]);
    expect(await undoImport(db, ids.get('a.csv') ?? 0)).toEqual({ ok: true, removed: 1, restored: 0 });
    expect(await stored(db)).toEqual([
      expect.objectContaining({ indicator_id: 'disputes_mediated', value: 96, file_name: 'b.csv' }),
      expect.objectContaining({ indicator_id: 'leaflets_distributed', value: 6000, file_name: 'b.csv' }),
    ]);
    expect(await db.query('SELECT * FROM replaced_facts')).toEqual([]);
    expect(await undoImport(db, ids.get('b.csv') ?? 0)).toEqual({ ok: true, removed: 2, restored: 0 });
    expect(await stored(db)).toEqual([]);
    expect(await db.query('SELECT * FROM imports')).toEqual([]);
  });

  const orders = permutations(['a.csv', 'b.csv', 'c.csv']);
  it.each(orders.map((order) => [order.join(' → '), order] as const))(
    'any order (%s) leaves exactly what the remaining imports imply',
    async (_, order) => {
      const ids = await commitAll(db, [A, B, C]);
      for (let undone = 1; undone <= order.length; undone++) {
        const name = order[undone - 1] ?? '';
        expect(await undoImport(db, ids.get(name) ?? 0)).toMatchObject({ ok: true });
        const left = new Set(order.slice(undone));
        await clear(replay);
        await commitAll(
          replay,
          [A, B, C].filter((i) => left.has(i.fileName)),
        );
        expect(await stored(db)).toEqual(await stored(replay));
      }
      expect(await db.query('SELECT * FROM replaced_facts')).toEqual([]);
    },
  );

  it('a “keep” import takes only its new values with it', async () => {
    const ids = await commitAll(db, [
      A,
      {
        fileName: 'k.csv',
        facts: [fact('disputes_mediated', 96, 5), fact('leaflets_distributed', 6000, 6, '6000余')],
        options: { onConflict: 'keep' },
      },
    ]);
    expect(await undoImport(db, ids.get('k.csv') ?? 0)).toEqual({ ok: true, removed: 1, restored: 0 });
    expect(await stored(db)).toEqual([
      expect.objectContaining({ indicator_id: 'disputes_mediated', value: 94, file_name: 'a.csv' }),
      expect.objectContaining({ indicator_id: 'disputes_resolved', value: 92, file_name: 'a.csv' }),
    ]);
  });

  it('the sample district is an import like any other', async () => {
    const sample = await commitImport(db, record('sample-district.csv', true), A.facts);
    const [listed] = await listImports(db);
    expect(listed).toMatchObject({ id: sample, isSample: true, factCount: 2 });
    expect(await undoImport(db, sample)).toEqual({ ok: true, removed: 2, restored: 0 });
    expect(await stored(db)).toEqual([]);
    expect(await listImports(db)).toEqual([]);
  });

  it('an import that does not exist is reported, and nothing changes', async () => {
    await commitAll(db, [A]);
    expect(await undoImport(db, 999)).toEqual({
      ok: false,
      reason: 'not-found',
      message: expect.any(String),
    });
    expect(await stored(db)).toHaveLength(2);
  });
});

describe('the import history', () => {
  it('lists every import, newest first, with what each replaced', async () => {
    const ids = await commitAll(db, [A, B, C]);
    const list = await listImports(db);
    expect(list.map((i) => [i.fileName, i.factCount, i.replacedCount, i.replacedFiles])).toEqual([
      ['c.csv', 2, 2, ['a.csv', 'b.csv']],
      ['b.csv', 2, 1, ['a.csv']],
      ['a.csv', 2, 0, []],
    ]);
    expect(list[2]).toMatchObject({
      id: ids.get('a.csv'),
      contentHash: 'hash-a.csv',
      encoding: 'utf-8',
      layout: 'long',
      rowCount: 3,
      isSample: false,
    });
    expect(list[2]?.importedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('counts only the values an import changed, not those it gave again as they were', async () => {
    const again: TestImport = {
      fileName: 'd.csv',
      facts: [fact('disputes_mediated', 98, 2), fact('disputes_resolved', 91, 3)],
    };
    await commitAll(db, [A, B, C, again]);
    const [d] = await listImports(db);
    // 98 was c.csv's value already; 91 replaced c.csv's 90.
    expect([d?.fileName, d?.factCount, d?.replacedCount, d?.replacedFiles]).toEqual([
      'd.csv',
      2,
      1,
      ['c.csv'],
    ]);
  });
});
