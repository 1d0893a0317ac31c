import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PATH } from '../../scripts/generate-sample.ts';
import { loadFile } from '../app/load-file.ts';
import { TONGNAN } from '../district/tongnan.ts';
import type { DbClient } from './client.ts';
import { openNodeDb } from './node-client.ts';
import { loadYearTablePage } from './overview-queries.ts';
import { loadYearCells, type TableSort } from './queries.ts';
import { applySchema, replaceTownships } from './schema.ts';
import { loadYearTableCells, loadYearTableOrder, yearTablePage } from './table-queries.ts';

/**
 * The comparison table read as the year's cells plus an order must be exactly the table read a
 * page at a time (loadYearTablePage, itself checked against loadYearCells): the same townships,
 * values, changes, standings and sources, in the same order. The sample district has more than 8
 * townships per indicator, so standings are set, and townships without a report in some years.
 */
let db: DbClient;

beforeAll(async () => {
  db = await openNodeDb();
  await applySchema(db);
  await replaceTownships(db, TONGNAN.townships);
  const result = await loadFile(db, readFileSync(SAMPLE_PATH), 'sample.csv', TONGNAN.townships, true);
  expect(result.ok).toBe(true);
});

afterAll(async () => {
  await db.close();
});

const SORTS: TableSort[] = [
  { indicatorId: null, desc: false },
  { indicatorId: null, desc: true },
  { indicatorId: 'disputes_mediated', desc: true },
  { indicatorId: 'petitions', desc: false },
  { indicatorId: 'mediation_success_rate', desc: true },
  { indicatorId: 'exam_participation_rate', desc: false },
];

describe('the comparison table as cells of the year and an order', () => {
  it.each(SORTS)('pages of it equal loadYearTablePage’s pages (%o)', async (sort) => {
    for (const year of [2019, 2021, 2024]) {
      const cells = await loadYearTableCells(db, year);
      for (const filter of ['', '街道', '镇']) {
        const order = await loadYearTableOrder(db, year, sort, filter);
        for (const [offset, limit] of [
          [0, 100],
          [0, 10],
          [10, 10],
          [20, 10],
        ] as const) {
          const page = yearTablePage(cells, order, offset, limit);
          if (offset >= order.townships.length) {
            // Past the end (loadYearTablePage has no row to count from there): still the true total.
            expect(page.townships).toEqual([]);
            expect(page.total).toBe(TONGNAN.townships.filter((t) => t.name.includes(filter)).length);
            continue;
          }
          expect(page).toEqual(await loadYearTablePage(db, year, sort, { offset, limit, filter }));
        }
      }
    }
  });

  it('the whole table is loadYearCells’ cells in its order, with standings and changes', async () => {
    const sort = { indicatorId: 'disputes_mediated', desc: true };
    const cells = await loadYearTableCells(db, 2022);
    const page = yearTablePage(cells, await loadYearTableOrder(db, 2022, sort, ''), 0, 1000);
    const expected = await loadYearCells(db, 2022, sort);
    expect(page.cells).toEqual(expected);
    expect(page.cells.some((c) => c.standing === 'top')).toBe(true);
    expect(page.cells.some((c) => c.change !== null)).toBe(true);
    expect(page.total).toBe(TONGNAN.townships.length);
  });

  it('refuses to join cells and an order of different years', async () => {
    const cells = await loadYearTableCells(db, 2022);
    const order = await loadYearTableOrder(db, 2021, { indicatorId: null, desc: false }, '');
    expect(() => yearTablePage(cells, order, 0, 10)).toThrow();
  });
});
