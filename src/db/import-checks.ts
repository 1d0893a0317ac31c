import type { Fact } from '../import/fact.ts';
import type { DbClient, SqlExecutor, SqlParam } from './client.ts';
import { STAGED_FACTS, stageFacts } from './stage-facts.ts';

export interface PreviousImport {
  readonly id: number;
  readonly fileName: string;
  readonly importedAt: string;
}

/** The earlier import of exactly these bytes, if any. */
export async function findImportByHash(
  db: DbClient,
  contentHash: string,
): Promise<PreviousImport | undefined> {
  const [row] = await db.query<{ id: number; file_name: string; imported_at: string }>(
    `SELECT id, file_name, strftime(imported_at, '%Y-%m-%d %H:%M') AS imported_at
     FROM imports WHERE content_hash = ? ORDER BY id LIMIT 1`,
    [contentHash],
  );
  return row ? { id: row.id, fileName: row.file_name, importedAt: row.imported_at } : undefined;
}

export interface FactConflict {
  readonly townshipCode: string;
  readonly townshipName: string;
  readonly year: number;
  readonly indicatorId: string;
  readonly oldValue: number;
  readonly oldText: string | null;
  readonly oldFile: string | null;
  readonly newValue: number;
  readonly newText: string;
  readonly line: number;
}

let counter = 0;

/** Facts of a file that are already stored with another value (or another approximation). */
export async function findConflicts(db: DbClient, facts: readonly Fact[]): Promise<FactConflict[]> {
  if (facts.length === 0) return [];
  return db.transaction(async (tx) => {
    const name = `conflicts-${++counter}.csv`;
    const drop = await stageFacts(tx, name, facts);
    try {
      return await queryConflicts(tx, STAGED_FACTS, [name]);
    } finally {
      await drop();
    }
  });
}

/** How many conflicts of a large file are listed in the preview; all of them are counted. */
export const CONFLICT_LIST_LIMIT = 500;

export interface Conflicts {
  readonly conflicts: readonly FactConflict[];
  readonly total: number;
}

/**
 * The conflicts of facts staged in DuckDB (a bulk import's), the first CONFLICT_LIST_LIMIT in
 * file order, and how many there are in all.
 */
export async function findConflictsIn(
  db: SqlExecutor,
  source: { readonly sql: string; readonly params: readonly SqlParam[] },
): Promise<Conflicts> {
  return conflictsOf(db, { sql: `(${source.sql})`, params: source.params }, CONFLICT_LIST_LIMIT);
}

/**
 * The conflicts of a relation of facts (anything `FROM <sql> s` takes, as commitImport's
 * FactSource): how many, and the first `limit` in file order (all without a limit).
 */
export async function conflictsOf(
  tx: SqlExecutor,
  relation: { readonly sql: string; readonly params: readonly SqlParam[] },
  limit?: number,
): Promise<Conflicts> {
  // Nothing stored, nothing to differ from: a large file's relation is not even evaluated.
  const [held] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM facts');
  if ((held?.n ?? 0) === 0) return { conflicts: [], total: 0 };
  const [counted] = await tx.query<{ n: number }>(
    `SELECT count(*) AS n FROM ${relation.sql} s JOIN facts f USING (township_code, year, indicator_id)
     WHERE f.value <> s.value OR f.approximate <> s.approximate`,
    relation.params,
  );
  const total = counted?.n ?? 0;
  const conflicts = total === 0 ? [] : await queryConflicts(tx, relation.sql, relation.params, limit);
  return { conflicts, total };
}

async function queryConflicts(
  tx: SqlExecutor,
  sourceSql: string,
  params: readonly SqlParam[],
  limit?: number,
): Promise<FactConflict[]> {
  const rows = await tx.query<{
    township_code: string;
    township_name: string | null;
    year: number;
    indicator_id: string;
    old_value: number;
    old_text: string | null;
    old_file: string | null;
    new_value: number;
    new_text: string;
    line: number;
  }>(
    `SELECT s.township_code, t.name AS township_name, s.year, s.indicator_id,
            f.value AS old_value, f.raw_text AS old_text, i.file_name AS old_file,
            s.value AS new_value, s.raw_text AS new_text, s.source_line AS line
     FROM ${sourceSql} s
     JOIN facts f USING (township_code, year, indicator_id)
     LEFT JOIN imports i ON i.id = f.import_id
     LEFT JOIN townships t ON t.code = s.township_code
     WHERE f.value <> s.value OR f.approximate <> s.approximate
     ORDER BY s.source_line, s.indicator_id${limit === undefined ? '' : ` LIMIT ${Math.floor(limit)}`}`,
    params,
  );
  return rows.map((r) => ({
    townshipCode: r.township_code,
    townshipName: r.township_name ?? r.township_code,
    year: r.year,
    indicatorId: r.indicator_id,
    oldValue: r.old_value,
    oldText: r.old_text,
    oldFile: r.old_file,
    newValue: r.new_value,
    newText: r.new_text,
    line: r.line,
  }));
}

/** The user's remembered choices, passed to the import pipeline as options. */
export async function loadRememberedChoices(
  db: DbClient,
): Promise<{ mappings: Record<string, string>; townshipAliases: Record<string, string> }> {
  const mappings: Record<string, string> = {};
  for (const row of await db.query<{ header_key: string; indicator_id: string }>(
    'SELECT * FROM header_mappings',
  )) {
    mappings[row.header_key] = row.indicator_id;
  }
  const townshipAliases: Record<string, string> = {};
  for (const row of await db.query<{ alias: string; township_code: string }>(
    'SELECT * FROM township_aliases',
  )) {
    townshipAliases[row.alias] = row.township_code;
  }
  return { mappings, townshipAliases };
}
