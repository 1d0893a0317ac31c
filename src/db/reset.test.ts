import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TONGNAN } from '../district/tongnan.ts';
import type { Fact } from '../import/fact.ts';
import type { DbClient } from './client.ts';
import { commitImport } from './commit-import.ts';
import { listIndicators, listTownships } from './queries.ts';
import { declineSample, describeData, isSampleDeclined, resetAllData } from './reset.ts';
import { applySchema, replaceTownships } from './schema.ts';
import { openNodeDb } from './node-client.ts';

let db: DbClient;

const fact = (townshipCode: string, year: number, indicatorId: string, value: number): Fact => ({
  townshipCode,
  year,
  indicatorId,
  value,
  approximate: false,
  rawText: String(value),
  note: null,
  line: 2,
  column: 'C',
});

beforeAll(async () => {
  db = await openNodeDb();
  await applySchema(db);
  await replaceTownships(db, TONGNAN.townships, { code: TONGNAN.code, name: TONGNAN.fullName });
});
afterAll(async () => {
  await db.close();
});

describe('clearing all data', () => {
  it('describes what there is, then deletes it all but the township list and the catalog', async () => {
    const record = { encoding: 'utf-8', layout: 'long', rowCount: 3, isSample: false } as const;
    await commitImport(
      db,
      { ...record, fileName: 'a.csv', contentHash: 'a' },
      [
        fact('500152104', 2021, 'disputes_mediated', 94),
        fact('500152104', 2022, 'disputes_mediated', 90),
        fact('500152001', 2022, 'custom:网格员培训', 3),
      ],
      {
        onConflict: 'replace',
        customIndicators: [{ id: 'custom:网格员培训', label: '网格员培训', unit: '场' }],
        mappings: { 调处纠纷: 'disputes_mediated' },
        townshipAliases: { 宝垅镇: '500152104' },
      },
    );
    await commitImport(db, { ...record, fileName: 'b.csv', contentHash: 'b' }, [
      fact('500152104', 2021, 'disputes_mediated', 96),
    ]);
    const catalog = (await listIndicators(db)).filter((i) => i.kind !== 'custom');
    expect(await describeData(db)).toEqual({
      facts: 3,
      imports: 2,
      townships: TONGNAN.townships.length,
      townshipsWithData: 2,
      years: [2021, 2022],
    });
    expect(await isSampleDeclined(db)).toBe(false);

    await resetAllData(db);
    for (const table of ['facts', 'imports', 'replaced_facts', 'header_mappings', 'township_aliases']) {
      expect(await db.query(`SELECT * FROM ${table}`)).toEqual([]);
    }
    expect(await describeData(db)).toEqual({
      facts: 0,
      imports: 0,
      townships: TONGNAN.townships.length,
      townshipsWithData: 0,
      years: [],
    });
    expect(await listTownships(db)).toHaveLength(TONGNAN.townships.length);
    expect(await listIndicators(db)).toEqual(catalog);
    expect(await isSampleDeclined(db)).toBe(true);
    expect(await db.query(`SELECT value FROM meta WHERE key = 'district_name'`)).toEqual([
      { value: TONGNAN.fullName },
    ]);
  });

  it('remembers that the user declined the sample district', async () => {
    await db.run(`DELETE FROM meta WHERE key = 'sample_declined'`);
    expect(await isSampleDeclined(db)).toBe(false);
    await declineSample(db);
    await declineSample(db);
    expect(await isSampleDeclined(db)).toBe(true);
  });
});
