/**
 * readLong's row loop as one SQL statement over a bulk file's raw cells, with the rules' answers
 * joined in (bulk-tables.ts). It writes one row per data row (`stage` > 0) to the `rows` table:
 *
 *   line          row number as a spreadsheet shows it
 *   stage         1 blank indicator, 2 indicator the user ignores, 3 read (0: not a data row, left out)
 *   t_above       township text id after filling down merged cells; t_written: this row wrote one
 *   y_above, year year text id after filling down, and the year it gives (else the file's year)
 *   year_issue    1 unreadable year written here, 2 no year at all
 *   name_id, indicator_index, v_id, v_kind, code_index   the answers for this row's cells
 *   fact          the row gives a fact (duplicates are found later); note, custom
 *   checked       a fact the reviewer's checks look at: beside another, a rate, or in a unit of another kind
 */
import { isFootnoteRow } from '../import/classify-row.ts';
import { trimCell } from '../import/normalize-text.ts';
import type { BulkTables } from './bulk-tables.ts';
import { createTable } from './bulk-tables.ts';
import type { DbClient } from './client.ts';
import { type CellText, VALUE_KIND } from './resolve-distinct.ts';

export interface RowRoles {
  readonly township: number;
  readonly year: number | undefined;
  readonly indicator: number;
  readonly value: number;
  readonly note: number | undefined;
}

export interface ClassifySpec {
  readonly tables: BulkTables;
  readonly roles: RowRoles;
  /** Row number of the first raw row. */
  readonly firstLine: number;
  /** The file's year, for a table without a year column. */
  readonly contextYear: number | null;
  /**
   * Distinct texts of the raw columns `c<k>`: at least every one that may be blank, padded or a
   * footnote's (distinct-texts.ts).
   */
  readonly texts: readonly { readonly k: number; readonly text: CellText }[];
}

export async function classifyRows(db: DbClient, spec: ClassifySpec): Promise<void> {
  const cells = findSpecialCells(spec.texts, spec.roles.note);
  await createTable(db, spec.tables.cells, {
    columns: { k: 'INTEGER', text: 'VARCHAR', blank: 'BOOLEAN', foot: 'BOOLEAN', trimmed: 'VARCHAR' },
    rows: cells.map((cell) => [cell.k, cell.text, cell.blank, cell.foot, cell.trimmed]),
  });
  const sql = (fill: Fill) => classifySql(spec, cells, fill);
  await db.run(sql({ township: false, year: false }), [spec.contextYear]);
  // Merged cells leave township and year cells blank below their first row; only then is the
  // (slower, sorting) fill-down needed.
  const [gaps] = await db.query<{ township: number; year: number }>(
    `SELECT count(*) FILTER (WHERE NOT t_written) AS township,
            count(*) FILTER (WHERE stage = 3 AND y_above IS NULL) AS year
     FROM ${spec.tables.rows}`,
  );
  const fill = {
    township: (gaps?.township ?? 0) > 0,
    year: spec.roles.year !== undefined && (gaps?.year ?? 0) > 0,
  };
  if (fill.township || fill.year) await db.run(sql(fill), [spec.contextYear]);
}

interface Fill {
  readonly township: boolean;
  readonly year: boolean;
}

function classifySql(spec: ClassifySpec, cells: readonly SpecialCell[], fill: Fill): string {
  const { tables: t, roles } = spec;
  const c = (index: number) => `r.c${index}`;
  const hasYear = roles.year !== undefined;
  const noteNeedsTrim = cells.some((cell) => cell.k === roles.note);
  const note =
    roles.note === undefined
      ? 'NULL::VARCHAR'
      : noteNeedsTrim
        ? `CASE WHEN nc.text IS NULL THEN ${c(roles.note)} ELSE NULLIF(nc.trimmed, '') END`
        : c(roles.note);
  const above = (filled: boolean, id: string, blank: string) =>
    filled
      ? `last_value(CASE WHEN NOT foot AND NOT ${blank} THEN ${id} END IGNORE NULLS)
           OVER (ORDER BY line ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`
      : `CASE WHEN NOT ${blank} THEN ${id} END`;
  return `CREATE OR REPLACE TEMP TABLE ${t.rows} AS
    WITH joined AS (
      SELECT r.rowid + ${spec.firstLine} AS line,
             tw.id AS t_id, tw.blank AS t_blank, tw.totals AS t_totals, tw.code_index AS t_code_index,
             ${hasYear ? 'yw.id' : 'NULL::INTEGER'} AS y_id, ${hasYear ? 'yw.blank' : 'true'} AS y_blank,
             ${hasYear ? 'yw.year' : 'NULL::INTEGER'} AS y_year,
             i.blank AS i_blank, i.totals AS i_totals, i.heading AS i_heading, i.name_id, i.indicator_index,
             i.custom, i.indicator_id IS NULL AS ignored, i.checked,
             v.id AS v_id, v.blank AS v_blank, v.kind AS v_kind, v.rate_text,
             COALESCE(v.unit_kind <> i.unit_kind, false) OR (v.fraction AND i.whole) AS cell_check,
             ${footnoteSql(cells, t.cells)} AS foot, ${note} AS note
      FROM ${t.raw} r
      JOIN ${t.townships} tw ON ${c(roles.township)} IS NOT DISTINCT FROM tw.text
      ${hasYear ? `JOIN ${t.years} yw ON ${c(roles.year ?? 0)} IS NOT DISTINCT FROM yw.text` : ''}
      JOIN ${t.indicators} i ON ${c(roles.indicator)} IS NOT DISTINCT FROM i.text
      JOIN ${t.values} v ON ${c(roles.value)} IS NOT DISTINCT FROM v.text
      ${noteNeedsTrim ? `LEFT JOIN ${t.cells} nc ON nc.k = ${roles.note} AND nc.text = ${c(roles.note ?? 0)}` : ''}
    ),
    filled AS (
      SELECT *, ${above(fill.township, 't_id', 't_blank')} AS t_above,
             ${above(fill.year, 'y_id', 'y_blank')} AS y_above
      FROM joined
    ),
    resolved AS (
      SELECT f.*,
             ${fill.township ? 'ta.totals' : 'f.t_totals'} AS above_totals,
             ${fill.township ? 'ta.code_index' : 'f.t_code_index'} AS code_index,
             CASE WHEN f.y_above IS NULL THEN ?::INTEGER ELSE ${fill.year ? 'ya.year' : 'f.y_year'} END AS year
      FROM filled f
      ${fill.township ? `LEFT JOIN ${t.townships} ta ON ta.id = f.t_above` : ''}
      ${fill.year ? `LEFT JOIN ${t.years} ya ON ya.id = f.y_above` : ''}
    ),
    staged AS (
      SELECT *,
             CASE WHEN foot OR COALESCE(above_totals, false) OR i_totals OR ((i_blank OR i_heading) AND v_blank) THEN 0
                  WHEN i_blank THEN 1 WHEN ignored THEN 2 ELSE 3 END AS stage
      FROM resolved
    ),
    classified AS (
      SELECT *, stage = 3 AND v_kind = ${VALUE_KIND.number} AND code_index IS NOT NULL AND year IS NOT NULL AS fact
      FROM staged WHERE stage > 0
    )
    SELECT line, stage, t_above, NOT t_blank AS t_written, y_above, year,
           CASE WHEN ${hasYear} AND stage = 3 AND NOT y_blank AND year IS NULL THEN 1
                WHEN ${hasYear} AND stage = 3 AND y_above IS NULL AND year IS NULL THEN 2
                ELSE 0 END AS year_issue,
           name_id, indicator_index, v_id, v_kind, code_index, fact, stage = 3 AND custom AS custom,
           CASE WHEN fact THEN note END AS note, fact AND (checked OR rate_text OR cell_check) AS checked
    FROM classified`;
}

interface SpecialCell {
  readonly k: number;
  readonly text: string;
  readonly blank: boolean;
  readonly foot: boolean;
  readonly trimmed: string;
}

/**
 * The few cell texts SQL cannot take as they are: blank but not empty (spaces), the first cell
 * of a footnote row (`注：…`), and notes with spaces around them. Every other cell is its own
 * trimmed text, so no cell is trimmed in SQL (DuckDB's trim with a character list is slow).
 */
function findSpecialCells(
  texts: readonly { readonly k: number; readonly text: CellText }[],
  noteColumn: number | undefined,
): SpecialCell[] {
  const special: SpecialCell[] = [];
  for (const { k, text } of texts) {
    if (text === null) continue;
    const trimmed = trimCell(text);
    const blank = trimmed === '';
    const foot = !blank && isFootnoteRow([trimmed]);
    if (blank || foot || (k === noteColumn && trimmed !== text))
      special.push({ k, text, blank, foot, trimmed });
  }
  return special;
}

/**
 * Whether a row is a footnote row: its first non-blank cell is a footnote's. Only the columns up
 * to the last one holding such a text are looked at; usually there is none.
 */
function footnoteSql(cells: readonly SpecialCell[], table: string): string {
  const last = Math.max(-1, ...cells.filter((cell) => cell.foot).map((cell) => cell.k));
  if (last < 0) return 'false';
  const branches: string[] = [];
  for (let k = 0; k <= last; k++) {
    const blankTexts = cells.some((cell) => cell.k === k && cell.blank)
      ? ` OR r.c${k} IN (SELECT text FROM ${table} WHERE k = ${k} AND blank)`
      : '';
    branches.push(
      `WHEN NOT (r.c${k} IS NULL${blankTexts}) THEN r.c${k} IN (SELECT text FROM ${table} WHERE k = ${k} AND foot)`,
    );
  }
  return `CASE ${branches.join(' ')} ELSE false END`;
}
