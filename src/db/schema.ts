import { CATALOG } from '../indicators/catalog.ts';
import type { Township } from '../district/district.ts';
import type { DbClient, SqlExecutor } from './client.ts';

/** Bump with a migration in migrate(); a stored database is never dropped to upgrade it. */
export const SCHEMA_VERSION = 1;

const DDL = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS townships (
     code VARCHAR PRIMARY KEY,
     name VARCHAR NOT NULL,
     sort_order INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS indicators (
     id VARCHAR PRIMARY KEY,
     name_zh VARCHAR NOT NULL,
     name_en VARCHAR NOT NULL,
     unit_zh VARCHAR NOT NULL,
     unit_en VARCHAR NOT NULL,
     kind VARCHAR NOT NULL,
     better VARCHAR NOT NULL,
     additive BOOLEAN NOT NULL,
     numerator_id VARCHAR,
     denominator_id VARCHAR,
     sort_order INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS imports (
     id INTEGER PRIMARY KEY,
     file_name VARCHAR NOT NULL,
     content_hash VARCHAR NOT NULL,
     encoding VARCHAR NOT NULL,
     layout VARCHAR NOT NULL,
     row_count INTEGER NOT NULL,
     fact_count INTEGER NOT NULL,
     imported_at TIMESTAMP NOT NULL,
     is_sample BOOLEAN NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS facts (
     township_code VARCHAR NOT NULL,
     year INTEGER NOT NULL,
     indicator_id VARCHAR NOT NULL,
     value DOUBLE NOT NULL,
     approximate BOOLEAN NOT NULL,
     raw_text VARCHAR,
     note VARCHAR,
     import_id INTEGER NOT NULL,
     source_line INTEGER,
     source_column VARCHAR,
     PRIMARY KEY (township_code, year, indicator_id)
   )`,
  // Values an import replaced, so undoing that import can restore them exactly.
  `CREATE TABLE IF NOT EXISTS replaced_facts (
     replaced_by INTEGER NOT NULL,
     township_code VARCHAR NOT NULL,
     year INTEGER NOT NULL,
     indicator_id VARCHAR NOT NULL,
     value DOUBLE NOT NULL,
     approximate BOOLEAN NOT NULL,
     raw_text VARCHAR,
     note VARCHAR,
     import_id INTEGER NOT NULL,
     source_line INTEGER,
     source_column VARCHAR
   )`,
  // A header the user mapped to an indicator once is mapped the same way in later imports.
  `CREATE TABLE IF NOT EXISTS header_mappings (header_key VARCHAR PRIMARY KEY, indicator_id VARCHAR NOT NULL)`,
  // A township name the user resolved once (a typo, a pinyin name) resolves the same way later.
  `CREATE TABLE IF NOT EXISTS township_aliases (alias VARCHAR PRIMARY KEY, township_code VARCHAR NOT NULL)`,
  // Derived rates come from their counts here, never from what a township wrote.
  `CREATE OR REPLACE VIEW all_facts AS
     SELECT township_code, year, indicator_id, value, approximate, raw_text, note,
            import_id, source_line, source_column
     FROM facts
     UNION ALL
     SELECT n.township_code, n.year, i.id, 100.0 * n.value / d.value,
            n.approximate OR d.approximate, NULL, NULL, n.import_id, n.source_line, NULL
     FROM indicators i
     JOIN facts n ON n.indicator_id = i.numerator_id
     JOIN facts d ON d.indicator_id = i.denominator_id
                 AND d.township_code = n.township_code AND d.year = n.year
     WHERE i.kind = 'derived-rate' AND d.value > 0`,
] as const;

export async function applySchema(db: DbClient): Promise<void> {
  await db.transaction(async (tx) => {
    for (const statement of DDL) await tx.run(statement);
    await tx.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)`, [String(SCHEMA_VERSION)]);
    await syncCatalog(tx);
  });
}

/** The catalog in code is the truth; the table mirrors it so SQL can join on formulas. */
async function syncCatalog(tx: SqlExecutor): Promise<void> {
  let order = 0;
  for (const indicator of CATALOG) {
    const formula = 'formula' in indicator ? indicator.formula : undefined;
    await tx.run(`INSERT OR REPLACE INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      indicator.id,
      indicator.name.zh,
      indicator.name.en,
      indicator.unit.zh,
      indicator.unit.en,
      indicator.kind,
      indicator.better,
      indicator.additive,
      formula?.numerator ?? null,
      formula?.denominator ?? null,
      order++,
    ]);
  }
}

/** The district's township list (and its name) is replaced whole; facts keep their township codes. */
export async function replaceTownships(
  db: DbClient,
  townships: readonly Township[],
  district?: { readonly code: string; readonly name: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (district) {
      await tx.run(`INSERT OR REPLACE INTO meta VALUES ('district_code', ?)`, [district.code]);
      await tx.run(`INSERT OR REPLACE INTO meta VALUES ('district_name', ?)`, [district.name]);
    }
    await tx.run('DELETE FROM townships');
    let order = 0;
    for (const township of townships) {
      await tx.run('INSERT INTO townships VALUES (?, ?, ?)', [township.code, township.name, order++]);
    }
  });
}
