/** Typed queries behind the charts and the table. Parameters are always bound. */
import type { Better, IndicatorKind } from '../indicators/catalog.ts';
import type { DbClient } from './client.ts';
import { undoImport } from './history.ts';
import { declineSample } from './reset.ts';

export interface SeriesPoint {
  readonly townshipCode: string;
  readonly townshipName: string;
  readonly year: number;
  /** null = not reported: a gap, never a zero. */
  readonly value: number | null;
  readonly approximate: boolean;
}

export interface RankedValue {
  readonly townshipCode: string;
  readonly townshipName: string;
  readonly value: number;
  readonly approximate: boolean;
  readonly rank: number;
}

export interface Ranking {
  readonly rows: readonly RankedValue[];
  /** Mean of the townships that reported, null when none did. */
  readonly average: number | null;
  /** Townships with no value that year. */
  readonly missing: readonly string[];
}

export interface TableCell {
  readonly townshipCode: string;
  readonly townshipName: string;
  readonly indicatorId: string;
  readonly value: number;
  readonly approximate: boolean;
  readonly rawText: string | null;
  readonly fileName: string | null;
  readonly sourceLine: number | null;
  readonly sourceColumn: string | null;
  /** 同比: this value minus the township's value the year before; null without one. */
  readonly change: number | null;
  /**
   * Where the value stands among the townships that year, by the indicator's `better`:
   * 'top' = best quarter, 'bottom' = worst quarter; null for neutral indicators or few values.
   */
  readonly standing: 'top' | 'bottom' | null;
}

/** A table cell as the table queries select it (DuckDB's column names). */
export type TableCellRow = {
  readonly township_code: string;
  readonly township_name: string;
  readonly indicator_id: string;
  readonly value: number;
  readonly approximate: boolean;
  readonly raw_text: string | null;
  readonly file_name: string | null;
  readonly source_line: number | null;
  readonly source_column: string | null;
  readonly change: number | null;
  readonly standing: 'top' | 'bottom' | null;
};

export function toTableCell(r: TableCellRow): TableCell {
  return {
    townshipCode: r.township_code,
    townshipName: r.township_name,
    indicatorId: r.indicator_id,
    value: r.value,
    approximate: r.approximate,
    rawText: r.raw_text,
    fileName: r.file_name,
    sourceLine: r.source_line,
    sourceColumn: r.source_column,
    change: r.change,
    standing: r.standing,
  };
}

/**
 * A value's standing among the townships that year (TableCell.standing), from the row's `f.better`,
 * `f.n` (how many townships have a value) and `f.pr` (its percent rank): from 8 values up.
 */
export const STANDING_SQL = `CASE WHEN f.better NOT IN ('higher', 'lower') OR f.n < 8 THEN NULL
                 WHEN (f.better = 'higher' AND f.pr >= 0.75) OR (f.better = 'lower' AND f.pr <= 0.25) THEN 'top'
                 WHEN (f.better = 'higher' AND f.pr <= 0.25) OR (f.better = 'lower' AND f.pr >= 0.75) THEN 'bottom'
            END`;

/** An indicator as the database knows it: the catalog's, plus custom ones from imported files. */
export interface IndicatorInfo {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly unit: { readonly zh: string; readonly en: string };
  readonly kind: IndicatorKind | 'custom';
  readonly better: Better;
}

export async function listIndicators(db: DbClient): Promise<IndicatorInfo[]> {
  const rows = await db.query<{
    id: string;
    name_zh: string;
    name_en: string;
    unit_zh: string;
    unit_en: string;
    kind: IndicatorKind | 'custom';
    better: Better;
  }>('SELECT id, name_zh, name_en, unit_zh, unit_en, kind, better FROM indicators ORDER BY sort_order');
  return rows.map((r) => ({
    id: r.id,
    name: { zh: r.name_zh, en: r.name_en },
    unit: { zh: r.unit_zh, en: r.unit_en },
    kind: r.kind,
    better: r.better,
  }));
}

export interface TownshipRow {
  readonly code: string;
  readonly name: string;
}

export async function listTownships(db: DbClient): Promise<TownshipRow[]> {
  return db.query<{ code: string; name: string }>('SELECT code, name FROM townships ORDER BY sort_order');
}

/** Years that have at least one fact, ascending. */
export async function listYears(db: DbClient): Promise<number[]> {
  const rows = await db.query<{ year: number }>('SELECT DISTINCT year FROM facts ORDER BY year');
  return rows.map((r) => r.year);
}

export async function countFacts(
  db: DbClient,
): Promise<{ facts: number; sampleImports: number; imports: number }> {
  const [row] = await db.query<{ facts: number; sample_imports: number; imports: number }>(
    `SELECT (SELECT count(*) FROM facts) AS facts,
            (SELECT count(*) FROM imports WHERE is_sample) AS sample_imports,
            (SELECT count(*) FROM imports) AS imports`,
  );
  return { facts: row?.facts ?? 0, sampleImports: row?.sample_imports ?? 0, imports: row?.imports ?? 0 };
}

/** Every township × every year with data, so a township without a value shows a gap. */
export async function loadTrend(db: DbClient, indicatorId: string): Promise<SeriesPoint[]> {
  const rows = await db.query<{
    township_code: string;
    township_name: string;
    year: number;
    value: number | null;
    approximate: boolean | null;
  }>(
    `WITH years AS (SELECT DISTINCT year FROM facts)
     SELECT t.code AS township_code, t.name AS township_name, y.year, f.value, f.approximate
     FROM townships t CROSS JOIN years y
     LEFT JOIN all_facts f ON f.township_code = t.code AND f.year = y.year AND f.indicator_id = ?
     ORDER BY t.sort_order, y.year`,
    [indicatorId],
  );
  return rows.map((r) => ({
    townshipCode: r.township_code,
    townshipName: r.township_name,
    year: r.year,
    value: r.value,
    approximate: r.approximate ?? false,
  }));
}

/** Rank 1 is the best: highest value, or lowest for indicators where lower is better. */
export async function loadRanking(db: DbClient, indicatorId: string, year: number): Promise<Ranking> {
  const [info] = await db.query<{ better: string }>('SELECT better FROM indicators WHERE id = ?', [
    indicatorId,
  ]);
  const sign = info?.better === 'lower' ? 1 : -1;
  const rows = await db.query<{
    township_code: string;
    township_name: string;
    value: number | null;
    approximate: boolean | null;
    rank: number | null;
  }>(
    `SELECT t.code AS township_code, t.name AS township_name, f.value, f.approximate,
            CASE WHEN f.value IS NULL THEN NULL
                 ELSE rank() OVER (PARTITION BY f.value IS NULL ORDER BY f.value * ?) END AS rank
     FROM townships t
     LEFT JOIN all_facts f ON f.township_code = t.code AND f.year = ? AND f.indicator_id = ?
     ORDER BY f.value IS NULL, f.value * ?, t.sort_order`,
    [sign, year, indicatorId, sign],
  );
  const ranked: RankedValue[] = [];
  const missing: string[] = [];
  for (const r of rows) {
    if (r.value === null || r.rank === null) missing.push(r.township_name);
    else
      ranked.push({
        townshipCode: r.township_code,
        townshipName: r.township_name,
        value: r.value,
        approximate: r.approximate ?? false,
        rank: r.rank,
      });
  }
  const [avg] = await db.query<{ average: number | null }>(
    `SELECT avg(f.value) AS average FROM all_facts f JOIN townships t ON t.code = f.township_code
     WHERE f.year = ? AND f.indicator_id = ?`,
    [year, indicatorId],
  );
  return { rows: ranked, average: avg?.average ?? null, missing };
}

export interface TableSort {
  /** An indicator id, or null to keep the district's own township order. */
  readonly indicatorId: string | null;
  readonly desc: boolean;
}

/**
 * Every stored and derived value of one year, with where it came from, townships in the
 * order the table is sorted by: the query decides the order, not the component.
 */
export async function loadYearCells(db: DbClient, year: number, sort: TableSort): Promise<TableCell[]> {
  const rows = await db.query<TableCellRow>(
    `WITH sort_key AS (
       SELECT township_code, value AS sort_value FROM all_facts WHERE year = ? AND indicator_id = ?
     ),
     ranked AS (
       SELECT f.*, ind.better,
              count(*) OVER (PARTITION BY f.indicator_id) AS n,
              percent_rank() OVER (PARTITION BY f.indicator_id ORDER BY f.value) AS pr
       FROM all_facts f
       JOIN townships t ON t.code = f.township_code
       LEFT JOIN indicators ind ON ind.id = f.indicator_id
       WHERE f.year = ?
     )
     SELECT t.code AS township_code, t.name AS township_name, f.indicator_id, f.value, f.approximate,
            f.raw_text, i.file_name, f.source_line, f.source_column,
            f.value - p.value AS change,
            ${STANDING_SQL} AS standing
     FROM ranked f
     JOIN townships t ON t.code = f.township_code
     LEFT JOIN imports i ON i.id = f.import_id
     LEFT JOIN sort_key k ON k.township_code = t.code
     LEFT JOIN all_facts p ON p.township_code = f.township_code AND p.indicator_id = f.indicator_id
                          AND p.year = f.year - 1
     ORDER BY k.sort_value * ? NULLS LAST, t.sort_order * ?, f.indicator_id`,
    [year, sort.indicatorId ?? '', year, sort.desc ? -1 : 1, sort.indicatorId === null && sort.desc ? -1 : 1],
  );
  return rows.map(toTableCell);
}

/**
 * Removes the sample district the way any import is undone (values it replaced come back), and
 * remembers that it was cleared on purpose so the next start does not load it again.
 */
export async function clearSample(db: DbClient): Promise<void> {
  const samples = await db.query<{ id: number }>('SELECT id FROM imports WHERE is_sample ORDER BY id DESC');
  for (const sample of samples) await undoImport(db, sample.id);
  await db.transaction((tx) => declineSample(tx));
  await db.checkpoint();
}

/** Adds a township the district list lacks (a new or renamed one); returns its local code. */
export async function addTownship(db: DbClient, name: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ n: number; next_order: number }>(
      `SELECT count(*) FILTER (WHERE code LIKE 'local-%') + 1 AS n, COALESCE(MAX(sort_order), 0) + 1 AS next_order
       FROM townships`,
    );
    const code = `local-${row?.n ?? 1}`;
    await tx.run('INSERT INTO townships VALUES (?, ?, ?)', [code, name, row?.next_order ?? 0]);
    return code;
  });
}

export interface DistrictInfo {
  readonly code: string | null;
  readonly name: string | null;
  /** Townships in the list that already have facts: removing one hides its data. */
  readonly townshipsWithFacts: readonly string[];
}

export async function loadDistrictInfo(db: DbClient): Promise<DistrictInfo> {
  const meta = await db.query<{ key: string; value: string }>(
    `SELECT key, value FROM meta WHERE key IN ('district_code', 'district_name')`,
  );
  const used = await db.query<{ code: string }>(
    'SELECT DISTINCT township_code AS code FROM facts ORDER BY township_code',
  );
  return {
    code: meta.find((m) => m.key === 'district_code')?.value ?? null,
    name: meta.find((m) => m.key === 'district_name')?.value ?? null,
    townshipsWithFacts: used.map((u) => u.code),
  };
}
