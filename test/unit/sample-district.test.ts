import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from '../../src/db/client.ts';
import { listYears, loadRanking, loadTrend, loadYearCells } from '../../src/db/queries.ts';
import { TONGNAN } from '../../src/district/tongnan.ts';
import { importFile } from '../../src/import/import-file.ts';
import { formatSampleCsv, generateSampleRows, SAMPLE_PATH } from '../../scripts/generate-sample.ts';
import { openSampleDb } from '../sample-district-db.ts';

const BAOLONG = '500152104';
let db: DbClient;

beforeAll(async () => {
  db = await openSampleDb();
});

afterAll(async () => {
  await db.close();
});

describe('the committed sample file', () => {
  it('is exactly what the deterministic generator writes', () => {
    expect(readFileSync(SAMPLE_PATH, 'utf8')).toBe(formatSampleCsv(generateSampleRows()));
  });

  it('imports without any problem', async () => {
    const preview = await importFile(readFileSync(SAMPLE_PATH), {
      fileName: 'x.csv',
      townships: TONGNAN.townships,
    });
    expect(preview.issues).toEqual([]);
    expect(preview.encoding).toBe('utf-8-bom');
    expect(preview.layout).toBe('long');
    expect(preview.facts).toHaveLength(generateSampleRows().length);
  });

  it('covers the 23 townships for 2019–2024', async () => {
    expect(await listYears(db)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    const [row] = await db.query<{ n: number }>('SELECT count(DISTINCT township_code) AS n FROM facts');
    expect(row?.n).toBe(23);
  });
});

describe('宝龙镇 2021 reproduces its report (宝龙府〔2022〕1号)', () => {
  it.each([
    ['study_sessions', 15, false],
    ['officials_trained', 12, false],
    ['constitution_lectures', 2, false],
    ['vice_principals_per_school', 1, false],
    ['leaflets_distributed', 6000, true],
    ['law_books_given', 200, true],
    ['slogans_posted', 18, false],
    ['legal_consultations', 500, true],
    ['disputes_mediated', 94, false],
    ['disputes_resolved', 92, false],
    ['mediation_success_rate_reported', 97, false],
    ['exam_due', 93, false],
    ['exam_taken', 93, false],
    ['exam_pass_rate_reported', 100, false],
    ['mass_incidents', 0, false],
  ])('%s = %d (approximate: %s)', async (indicatorId, value, approximate) => {
    const rows = await db.query<{ value: number; approximate: boolean }>(
      'SELECT value, approximate FROM facts WHERE township_code = ? AND year = 2021 AND indicator_id = ?',
      [BAOLONG, indicatorId],
    );
    expect(rows).toEqual([{ value, approximate }]);
  });

  it('has no figure the report does not state', async () => {
    const [row] = await db.query<{ n: number }>(
      'SELECT count(*) AS n FROM facts WHERE township_code = ? AND year = 2021',
      [BAOLONG],
    );
    expect(row?.n).toBe(15);
  });

  it('computes the success rate from the counts (92/94 = 97.87 %), apart from the reported 97 %', async () => {
    const rows = await db.query<{ indicator_id: string; value: number }>(
      `SELECT indicator_id, value FROM all_facts WHERE township_code = ? AND year = 2021
       AND indicator_id IN ('mediation_success_rate', 'mediation_success_rate_reported') ORDER BY indicator_id`,
      [BAOLONG],
    );
    expect(rows[0]?.indicator_id).toBe('mediation_success_rate');
    expect(rows[0]?.value).toBeCloseTo((100 * 92) / 94, 10);
    expect(rows[1]).toEqual({ indicator_id: 'mediation_success_rate_reported', value: 97 });
  });
});

describe('queries behind the charts and the table', () => {
  it('trend: one point per township and year, gaps as null', async () => {
    const points = await loadTrend(db, 'mediation_success_rate');
    expect(points).toHaveLength(23 * 6);
    const baolong2021 = points.find((p) => p.townshipCode === BAOLONG && p.year === 2021);
    expect(baolong2021?.value).toBeCloseTo(97.872, 3);
    const [expectedGaps] = await db.query<{ n: number }>(
      `SELECT 23 * 6 - count(*) AS n FROM facts WHERE indicator_id = 'disputes_mediated'`,
    );
    expect(points.filter((p) => p.value === null)).toHaveLength(expectedGaps?.n ?? -1);
  });

  it('ranking: sorted best first, ranks match the order, average = mean of reported values', async () => {
    const ranking = await loadRanking(db, 'mediation_success_rate', 2021);
    const values = ranking.rows.map((r) => r.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(ranking.rows[0]?.rank).toBe(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(ranking.average).toBeCloseTo(mean, 10);
    expect(ranking.rows.length + ranking.missing.length).toBe(23);
    const baolong = ranking.rows.find((r) => r.townshipName === '宝龙镇');
    expect(baolong?.rank).toBe(1 + values.filter((v) => v > (baolong?.value ?? 0)).length);
  });

  it('ranking: lower-is-better indicators rank the lowest first', async () => {
    const ranking = await loadRanking(db, 'petitions', 2022);
    const values = ranking.rows.map((r) => r.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('table: 宝龙镇 2021 cells carry value, approximation and source line', async () => {
    const cells = await loadYearCells(db, 2021, { indicatorId: null, desc: false });
    const baolong = cells.filter((c) => c.townshipCode === BAOLONG);
    const leaflets = baolong.find((c) => c.indicatorId === 'leaflets_distributed');
    expect(leaflets).toMatchObject({
      value: 6000,
      approximate: true,
      rawText: '6000余',
      fileName: 'sample-district.csv',
    });
    const sampleText = readFileSync(SAMPLE_PATH, 'utf8').split('\r\n');
    expect(sampleText[(leaflets?.sourceLine ?? 0) - 1]).toContain('宝龙镇,2021年,发放宣传资料,6000余');
    expect(leaflets?.sourceColumn).toBe('D');
  });

  it('table: sorting by an indicator orders the townships by its value', async () => {
    const cells = await loadYearCells(db, 2021, { indicatorId: 'disputes_mediated', desc: true });
    const order = cells.filter((c) => c.indicatorId === 'disputes_mediated').map((c) => c.value);
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });
});
