/**
 * Import history and undo. An import's values can be undone in any order: each value an import
 * replaced is kept in `replaced_facts` under the import that replaced it, and undoing an import
 * hands its own kept values on, so what is left is always what the remaining imports imply.
 */
import type { DbClient } from './client.ts';

export interface ImportEntry {
  readonly id: number;
  readonly fileName: string;
  readonly contentHash: string;
  readonly encoding: string;
  readonly layout: string;
  readonly rowCount: number;
  /** Values of this import stored when it was committed. */
  readonly factCount: number;
  /** `2024-03-01 14:05`, in the database's time zone. */
  readonly importedAt: string;
  readonly isSample: boolean;
  /** Stored values this import replaced, which undoing it restores. */
  readonly replacedCount: number;
  /** The files whose values it replaced, in import order. */
  readonly replacedFiles: readonly string[];
}

/**
 * The stored values an import changed: those it replaced with another value (or exactness). A
 * value given again as it was is replaced in the table (its provenance is the newer file's) but
 * changed nothing, and is not counted.
 */
const CHANGED_SQL = `given AS (
    SELECT import_id, township_code, year, indicator_id, value, approximate FROM facts
    UNION ALL
    SELECT import_id, township_code, year, indicator_id, value, approximate FROM replaced_facts
  ),
  changed AS (
    SELECT r.* FROM replaced_facts r
    WHERE NOT EXISTS (
      SELECT 1 FROM given g
      WHERE g.import_id = r.replaced_by AND g.township_code = r.township_code AND g.year = r.year
        AND g.indicator_id = r.indicator_id AND g.value = r.value AND g.approximate = r.approximate
    )
  )`;

/** Every import, newest first. */
export async function listImports(db: DbClient): Promise<ImportEntry[]> {
  const imports = await db.query<{
    id: number;
    file_name: string;
    content_hash: string;
    encoding: string;
    layout: string;
    row_count: number;
    fact_count: number;
    imported_at: string;
    is_sample: boolean;
    replaced_count: number;
  }>(
    `WITH ${CHANGED_SQL}
     SELECT i.id, i.file_name, i.content_hash, i.encoding, i.layout, i.row_count, i.fact_count,
            strftime(i.imported_at, '%Y-%m-%d %H:%M') AS imported_at, i.is_sample,
            (SELECT count(*) FROM changed r WHERE r.replaced_by = i.id) AS replaced_count
     FROM imports i ORDER BY i.id DESC`,
  );
  const sources = await db.query<{ replaced_by: number; file_name: string }>(
    `WITH ${CHANGED_SQL}
     SELECT DISTINCT r.replaced_by, i.file_name, i.id
     FROM changed r JOIN imports i ON i.id = r.import_id
     ORDER BY r.replaced_by, i.id`,
  );
  return imports.map((row) => ({
    id: row.id,
    fileName: row.file_name,
    contentHash: row.content_hash,
    encoding: row.encoding,
    layout: row.layout,
    rowCount: row.row_count,
    factCount: row.fact_count,
    importedAt: row.imported_at,
    isSample: row.is_sample,
    replacedCount: row.replaced_count,
    replacedFiles: [...new Set(sources.filter((s) => s.replaced_by === row.id).map((s) => s.file_name))],
  }));
}

export type UndoResult =
  | {
      readonly ok: true;
      /** This import's values that were removed. */
      readonly removed: number;
      /** Earlier values that are stored again in their place. */
      readonly restored: number;
    }
  | { readonly ok: false; readonly reason: 'not-found'; readonly message: string };

const NOT_FOUND_MESSAGE = '这次导入已不在记录中，可能已经撤销。';

/**
 * Removes one import in one transaction: its stored values go, and the values it replaced come
 * back exactly (value, raw text, note, source file, line and column) where its value is still
 * the stored one. Where a later import replaced its value, that import now holds this one's
 * predecessor instead, so undoing the later import restores what remains true.
 */
export async function undoImport(db: DbClient, importId: number): Promise<UndoResult> {
  return db.transaction(async (tx) => {
    const [found] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM imports WHERE id = ?', [
      importId,
    ]);
    if ((found?.n ?? 0) === 0) return { ok: false, reason: 'not-found', message: NOT_FOUND_MESSAGE } as const;
    const [counts] = await tx.query<{ removed: number; restored: number }>(
      `SELECT count(*) AS removed,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM replaced_facts p JOIN imports i ON i.id = p.import_id
                WHERE p.replaced_by = ? AND p.township_code = f.township_code AND p.year = f.year
                  AND p.indicator_id = f.indicator_id)) AS restored
       FROM facts f WHERE f.import_id = ?`,
      [importId, importId],
    );
    // A predecessor whose own import is gone is not brought back (the old clearSample left such rows).
    // Predecessors belong to other imports, so deleting this import's facts after leaves one per key.
    await tx.run(
      `INSERT INTO facts
       SELECT township_code, year, indicator_id, value, approximate, raw_text, note, import_id,
              source_line, source_column
       FROM replaced_facts r
       SEMI JOIN facts f ON f.township_code = r.township_code AND f.year = r.year
                        AND f.indicator_id = r.indicator_id AND f.import_id = ?
       WHERE r.replaced_by = ? AND r.import_id IN (SELECT id FROM imports)`,
      [importId, importId],
    );
    await tx.run('DELETE FROM facts WHERE import_id = ?', [importId]);
    await tx.run(
      `UPDATE replaced_facts r
       SET value = p.value, approximate = p.approximate, raw_text = p.raw_text, note = p.note,
           import_id = p.import_id, source_line = p.source_line, source_column = p.source_column
       FROM replaced_facts p
       WHERE r.import_id = ? AND p.replaced_by = ? AND p.township_code = r.township_code
         AND p.year = r.year AND p.indicator_id = r.indicator_id AND p.import_id IN (SELECT id FROM imports)`,
      [importId, importId],
    );
    await tx.run('DELETE FROM replaced_facts WHERE import_id = ? OR replaced_by = ?', [importId, importId]);
    await tx.run('DELETE FROM imports WHERE id = ?', [importId]);
    return { ok: true, removed: counts?.removed ?? 0, restored: counts?.restored ?? 0 } as const;
  });
}
