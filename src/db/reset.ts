/** Clearing the district's data, and the one flag that keeps the sample district from coming back. */
import type { DbClient, SqlExecutor } from './client.ts';
import { quoteIdentifier } from './migrate.ts';

export interface DataSummary {
  readonly facts: number;
  readonly imports: number;
  /** Townships in the district's list. */
  readonly townships: number;
  /** Townships that have at least one stored value. */
  readonly townshipsWithData: number;
  /** Years with at least one stored value, ascending. */
  readonly years: readonly number[];
}

/**
 * What the database holds, for a confirmation ("3 个文件、412 个数值、2019–2023 年") — of the
 * app's own database, or of an attached one (a backup) when `database` names it.
 */
export async function describeData(db: SqlExecutor, database?: string): Promise<DataSummary> {
  const table = (name: string) =>
    database === undefined ? name : `${quoteIdentifier(database)}.main.${name}`;
  const [counts] = await db.query<{
    facts: number;
    imports: number;
    townships: number;
    townships_with_data: number;
  }>(
    `SELECT (SELECT count(*) FROM ${table('facts')}) AS facts,
            (SELECT count(*) FROM ${table('imports')}) AS imports,
            (SELECT count(*) FROM ${table('townships')}) AS townships,
            (SELECT count(DISTINCT township_code) FROM ${table('facts')}) AS townships_with_data`,
  );
  const years = await db.query<{ year: number }>(`SELECT DISTINCT year FROM ${table('facts')} ORDER BY year`);
  return {
    facts: counts?.facts ?? 0,
    imports: counts?.imports ?? 0,
    townships: counts?.townships ?? 0,
    townshipsWithData: counts?.townships_with_data ?? 0,
    years: years.map((row) => row.year),
  };
}

/**
 * Deletes every stored value, import record, replaced value, remembered header mapping and
 * township alias, and the custom indicators that came with imports, in one transaction. The
 * township list and the catalog stay; the sample district is not loaded again by itself.
 */
export async function resetAllData(db: DbClient): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of ['facts', 'imports', 'replaced_facts', 'header_mappings', 'township_aliases']) {
      await tx.run(`DELETE FROM ${table}`);
    }
    await tx.run(`DELETE FROM indicators WHERE kind = 'custom'`);
    await declineSample(tx);
  });
}

/** True once the user cleared the sample district or all data: start-up must not load it again. */
export async function isSampleDeclined(db: SqlExecutor): Promise<boolean> {
  const [row] = await db.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'sample_declined'`);
  return row?.value === '1';
}

export async function declineSample(db: SqlExecutor): Promise<void> {
  await db.run(`INSERT OR REPLACE INTO meta VALUES ('sample_declined', '1')`);
}
