import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../app/load-file.ts';
import { TONGNAN } from '../district/tongnan.ts';
import type { DbClient } from './client.ts';
import { openNodeDb } from './node-client.ts';
import { loadRanking } from './queries.ts';
import { loadRankingWithChange } from './ranking-queries.ts';
import { applySchema, replaceTownships } from './schema.ts';

const FIXTURE = new URL('../../test/fixtures/trend-small.csv', import.meta.url);
const NAMES = ['桂林街道', '古溪镇', '宝龙镇', '玉溪镇'];
const TOWNSHIPS = TONGNAN.townships.filter((t) => NAMES.includes(t.name));
let db: DbClient;

beforeAll(async () => {
  db = await openNodeDb();
  await applySchema(db);
  await replaceTownships(db, TOWNSHIPS);
  const result = await loadFile(db, readFileSync(FIXTURE), 'trend-small.csv', TOWNSHIPS, false);
  expect(result.ok, JSON.stringify(result.preview.issues)).toBe(true);
});

afterAll(async () => {
  await db.close();
});

const summary = (rows: readonly { townshipName: string; value: number; rank: number }[]) =>
  rows.map((r) => [r.townshipName, r.value, r.rank]);

describe('loadRankingWithChange', () => {
  it('ranks best first, ties share a rank, and compares with the year before (法律咨询 2023)', async () => {
    const ranking = await loadRankingWithChange(db, 'legal_consultations', 2023);
    // 2022 ranks: 桂林街道 640 → 1, 宝龙镇 520 → 2, 玉溪镇 420 → 3, 古溪镇 did not report.
    expect(
      ranking.rows.map((r) => [
        r.townshipName,
        r.value,
        r.rank,
        r.previousValue,
        r.change,
        r.previousRank,
        r.rankChange,
      ]),
    ).toEqual([
      ['玉溪镇', 720, 1, 420, 300, 3, 2],
      ['桂林街道', 700, 2, 640, 60, 1, -1],
      ['古溪镇', 560, 3, null, null, null, null],
      ['宝龙镇', 560, 3, 520, 40, 2, -1],
    ]);
    expect(ranking.average).toBe(635);
    expect(ranking.median).toBe(630);
    expect(ranking.missing).toEqual([]);
    expect([ranking.year, ranking.previousYear]).toEqual([2023, 2022]);
  });

  it('lists townships without a value as missing and ranks among those that reported (2022)', async () => {
    const ranking = await loadRankingWithChange(db, 'legal_consultations', 2022);
    // 2021: 桂林街道 600 → 1, 宝龙镇 500多 and 玉溪镇 500 → both 2.
    expect(ranking.rows.map((r) => [r.townshipName, r.rank, r.previousRank, r.rankChange])).toEqual([
      ['桂林街道', 1, 1, 0],
      ['宝龙镇', 2, 2, 0],
      ['玉溪镇', 3, 2, -1],
    ]);
    expect(ranking.missing).toEqual(['古溪镇']);
    expect(ranking.median).toBe(520);
    expect(ranking.average).toBeCloseTo(1580 / 3, 10);
    const baolong = ranking.rows.find((r) => r.townshipName === '宝龙镇');
    expect(baolong).toMatchObject({ previousValue: 500, previousApproximate: true, change: 20 });
    expect(baolong?.relativeChange).toBeCloseTo(0.04, 12);
  });

  it('agrees with loadRanking on order, ranks, average and missing', async () => {
    for (const year of [2021, 2022, 2023]) {
      const plain = await loadRanking(db, 'legal_consultations', year);
      const withChange = await loadRankingWithChange(db, 'legal_consultations', year);
      expect(summary(withChange.rows)).toEqual(summary(plain.rows));
      expect(withChange.average).toBe(plain.average);
      expect(withChange.missing).toEqual(plain.missing);
    }
  });

  it('has no previous year for the first year with data', async () => {
    const ranking = await loadRankingWithChange(db, 'legal_consultations', 2021);
    for (const row of ranking.rows) {
      expect([row.previousValue, row.change, row.previousRank, row.rankChange]).toEqual([
        null,
        null,
        null,
        null,
      ]);
    }
  });

  it('ranks the lowest first when lower is better (信访 2023)', async () => {
    const ranking = await loadRankingWithChange(db, 'petitions', 2023);
    // 2022: 宝龙镇 5 → 1, 古溪镇 8 → 2, 玉溪镇 9 → 3, 桂林街道 12 → 4.
    expect(ranking.rows.map((r) => [r.townshipName, r.value, r.rank, r.change, r.rankChange])).toEqual([
      ['玉溪镇', 4, 1, -5, 2],
      ['宝龙镇', 7, 2, 2, -1],
      ['古溪镇', 9, 3, 1, -1],
      ['桂林街道', 10, 4, -2, 0],
    ]);
    expect(ranking.median).toBe(8);
    expect(ranking.average).toBe(7.5);
  });

  it('ranks derived rates by the computed value (调解成功率 2022)', async () => {
    const ranking = await loadRankingWithChange(db, 'mediation_success_rate', 2022);
    expect(ranking.rows.map((r) => [r.townshipName, r.rank, r.rankChange])).toEqual([
      ['宝龙镇', 1, 0],
      ['桂林街道', 2, 0],
    ]);
    expect(ranking.rows[0]?.change).toBeCloseTo(9200 / 94 - 8800 / 91, 10);
    expect(ranking.median).toBeCloseTo((9200 / 94 + 12600 / 130) / 2, 10);
    expect(ranking.missing).toEqual(['古溪镇', '玉溪镇']);
  });

  it('returns an empty ranking for a year nobody reported', async () => {
    const ranking = await loadRankingWithChange(db, 'petitions', 2021);
    expect(ranking.rows).toEqual([]);
    expect([ranking.average, ranking.median]).toEqual([null, null]);
    expect(ranking.missing).toEqual(NAMES);
  });
});
