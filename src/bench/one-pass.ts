/**
 * The least a checking import could do, measured for the benchmark: one read of the file by
 * DuckDB with every township and year looked up on the way (ENUM casts, no join), the indicators
 * numbered, two checks (duplicate township-year-indicator, cells that are not figures) and a fact
 * stored per row with its provenance. No rule of the pipeline runs, nothing is handed over from
 * the page and nothing is previewed: any import that checks a file does at least this.
 */
import type { DbClient } from '../db/client.ts';

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

export interface OnePassLookups {
  /** Township names as the file writes them, and their division codes, in the same order. */
  readonly townshipNames: readonly string[];
  readonly townshipCodes: readonly string[];
  /** Year texts as the file writes them, `first` first: `${first + k}年`. */
  readonly firstYear: number;
  readonly lastYear: number;
}

/** Prepares the lookups (not timed: a district's names are known before any file arrives). */
export async function prepareOnePass(db: DbClient, lookups: OnePassLookups): Promise<void> {
  const years: string[] = [];
  for (let year = lookups.firstYear; year <= lookups.lastYear; year++) years.push(`${year}年`);
  await db.run('DROP TYPE IF EXISTS bench_township');
  await db.run('DROP TYPE IF EXISTS bench_year');
  await db.run(`CREATE TYPE bench_township AS ENUM (${lookups.townshipNames.map(quote).join(', ')})`);
  await db.run(`CREATE TYPE bench_year AS ENUM (${years.map(quote).join(', ')})`);
}

/** Runs the pass on a registered file (header row, then 镇街, 年度, 指标, 数值, 单位, 备注) and undoes it. */
export async function timeOnePass(
  db: DbClient,
  file: string,
  columns: string,
  lookups: OnePassLookups,
): Promise<number> {
  const start = performance.now();
  await db.run(
    `CREATE TEMP TABLE bench_pass AS SELECT TRY_CAST(c0 AS bench_township) AS township,
       TRY_CAST(c1 AS bench_year) AS year, c2 AS indicator, TRY_CAST(c3 AS DOUBLE) AS value, c3 AS text, c5 AS note
     FROM read_csv(?, header = false, skip = 1, auto_detect = false, delim = ',', quote = '"', escape = '"',
       null_padding = true, columns = {${columns}})`,
    [file],
  );
  await db.run(
    'CREATE TEMP TABLE bench_pass_indicators AS SELECT indicator, row_number() OVER () AS id FROM bench_pass GROUP BY indicator',
  );
  const [checks] = await db.query<{ duplicates: number; unread: number }>(
    `SELECT (SELECT count(*) FROM (SELECT 1 FROM bench_pass GROUP BY township, year, indicator HAVING count(*) > 1))
         AS duplicates,
       count(*) FILTER (WHERE township IS NULL OR year IS NULL OR value IS NULL OR value < 0) AS unread
     FROM bench_pass`,
  );
  if (checks === undefined) throw new Error('The one-pass checks gave no answer.');
  await db.run(
    `INSERT INTO facts SELECT [${lookups.townshipCodes.map(quote).join(', ')}][enum_code(p.township) + 1],
       ${lookups.firstYear} + enum_code(p.year), 'bench_' || i.id, p.value, false, p.text, p.note, 0, p.rowid + 2, 'D'
     FROM bench_pass p JOIN bench_pass_indicators i USING (indicator)
     WHERE p.township IS NOT NULL AND p.year IS NOT NULL AND p.value >= 0`,
  );
  const ms = performance.now() - start;
  await db.run('DROP TABLE bench_pass');
  await db.run('DROP TABLE bench_pass_indicators');
  await db.run('DELETE FROM facts');
  return ms;
}
