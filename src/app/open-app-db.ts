import sampleUrl from '../../data/sample-district.csv?url';
import { openBrowserDb } from '../db/browser-client.ts';
import type { DbClient } from '../db/client.ts';
import { countFacts, listTownships } from '../db/queries.ts';
import { applySchema, replaceTownships } from '../db/schema.ts';
import { TONGNAN } from '../district/tongnan.ts';
import { loadFile } from './load-file.ts';

export interface AppDb {
  readonly db: DbClient;
}

let opening: Promise<AppDb> | undefined;

/** DuckDB starts once per page; every caller shares this promise. */
export function openAppDb(): Promise<AppDb> {
  opening ??= start();
  return opening;
}

async function start(): Promise<AppDb> {
  const db = await openBrowserDb();
  await applySchema(db);
  if ((await listTownships(db)).length === 0) {
    await replaceTownships(db, TONGNAN.townships, { code: TONGNAN.code, name: TONGNAN.fullName });
  }
  const counts = await countFacts(db);
  if (counts.imports === 0) await loadSample(db);
  return { db };
}

/** The sample district arrives the way a user's file does: bytes through the import pipeline. */
export async function loadSample(db: DbClient): Promise<void> {
  const response = await fetch(sampleUrl);
  if (!response.ok) throw new Error(`Sample data could not be read: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const townships = await listTownships(db);
  const result = await loadFile(db, bytes, 'sample-district.csv', townships, true);
  if (!result.ok)
    throw new Error(`Sample data has errors: ${JSON.stringify(result.preview.issues.slice(0, 3))}`);
}
