/** The sample district in a Node DuckDB, loaded as the app loads it: for tests that read its figures. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { SAMPLE_PATH } from '../scripts/generate-sample.ts';
import { loadFile } from '../src/app/load-file.ts';
import type { DbClient } from '../src/db/client.ts';
import { openNodeDb } from '../src/db/node-client.ts';
import { applySchema, replaceTownships } from '../src/db/schema.ts';
import { TONGNAN } from '../src/district/tongnan.ts';

/** Loads the sample district's file into `db` (its 23 townships first), failing the test if it does not load. */
export async function loadSampleDistrict(db: DbClient): Promise<void> {
  await replaceTownships(db, TONGNAN.townships);
  const result = await loadFile(
    db,
    readFileSync(SAMPLE_PATH),
    'sample-district.csv',
    TONGNAN.townships,
    true,
  );
  expect(result.ok, JSON.stringify(result.preview.issues.slice(0, 3))).toBe(true);
}

/** A new database with the schema and the sample district. */
export async function openSampleDb(): Promise<DbClient> {
  const db = await openNodeDb();
  await applySchema(db);
  await loadSampleDistrict(db);
  return db;
}
