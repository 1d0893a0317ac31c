/**
 * Typed queries behind the district views: key figures, completeness, heatmap and township
 * profile. Every figure is computed here in SQL; parameters are always bound; null means not
 * reported, never zero. Only townships in the district's list count.
 */
import type { Better } from '../indicators/catalog.ts';
import type { DbClient } from './client.ts';
import {
  listYears,
  STANDING_SQL,
  type TableCell,
  type TableSort,
  type TownshipRow,
  toTableCell,
} from './queries.ts';
import type { YearTablePage, YearTableSlice } from './table-queries.ts';

export type KeyFigureAggregate = 'sum' | 'pooled-rate' | 'mean';

export interface KeyFigure {
  /** The indicator summarised; for 'pooled-rate' the derived rate whose formula is pooled. */
  readonly indicatorId: string;
  /**
   * 'sum' over townships; 'pooled-rate' = 100 × Σ numerator ÷ Σ denominator over townships that
   * reported both (not a mean of rates); 'mean' of the townships' reported values.
   */
  readonly aggregate: KeyFigureAggregate;
  readonly unit: { readonly zh: string; readonly en: string };
  /** null when no township reported that year. */
  readonly value: number | null;
  /** The same figure for the year before, over the townships that reported it then; null when none did. */
  readonly previous: number | null;
  /**
   * 同比, like for like: the figure of `year` minus that of the year before, both over the
   * townships that reported in both years (`comparableTownships`); percentage points for rates.
   * null when no township reported in both.
   */
  readonly change: number | null;
  /** 100 × change ÷ the year before's figure over the same townships; null without it or when it is 0. */
  readonly changePercent: number | null;
  /** Townships that contributed to value (for 'pooled-rate': that reported both counts). */
  readonly townships: number;
  /** The same for previous. */
  readonly previousTownships: number;
  /** Townships that contributed in both years: the ones `change` compares. */
  readonly comparableTownships: number;
  /** Contributing values written as approximations (6000余); for a pooled rate, either count. */
  readonly approximate: number;
}

export interface KeyFigures {
  readonly year: number;
  /** Townships in the district's list. */
  readonly townshipCount: number;
  readonly figures: readonly KeyFigure[];
}

/** The overview's figures, in display order. */
export const KEY_FIGURES = [
  { indicatorId: 'disputes_mediated', aggregate: 'sum' },
  { indicatorId: 'mediation_success_rate', aggregate: 'pooled-rate' },
  { indicatorId: 'officials_trained', aggregate: 'sum' },
  { indicatorId: 'legal_consultations', aggregate: 'sum' },
  { indicatorId: 'exam_pass_rate_reported', aggregate: 'mean' },
] as const satisfies readonly { readonly indicatorId: string; readonly aggregate: KeyFigureAggregate }[];

/**
 * Each township's part of a figure in one year: its value (for a pooled rate, its numerator `num`
 * and denominator `den`), so that a figure can be summed over any set of townships.
 */
const valuePart = (position: number) =>
  `SELECT ${position} AS position, township_code, year, value AS num, NULL::DOUBLE AS den, approximate
   FROM scoped WHERE indicator_id = ?`;
const PART_SQL: Record<KeyFigureAggregate, (position: number) => string> = {
  sum: valuePart,
  mean: valuePart,
  'pooled-rate': (position) =>
    `SELECT ${position} AS position, n.township_code, n.year, n.value AS num, d.value AS den,
            n.approximate OR d.approximate AS approximate
     FROM indicators i
     JOIN scoped n ON n.indicator_id = i.numerator_id
     JOIN scoped d ON d.indicator_id = i.denominator_id AND d.township_code = n.township_code AND d.year = n.year
     WHERE i.id = ?`,
};

/** The figure over a group of parts, by the figure's aggregate `a.aggregate`. */
const figureOf = (num: string, den: string) =>
  `CASE a.aggregate WHEN 'sum' THEN sum(${num}) WHEN 'mean' THEN avg(${num})
     ELSE 100.0 * sum(${num}) / NULLIF(sum(${den}), 0) END`;

/**
 * District figures of `year` beside those of the year before. The 同比 compares like with like:
 * only townships that reported in both years, so a township that reported one year and not the
 * other does not show as a rise or a fall.
 */
export async function loadKeyFigures(db: DbClient, year: number): Promise<KeyFigures> {
  const pieces = KEY_FIGURES.map((figure, position) => PART_SQL[figure.aggregate](position));
  const keys = KEY_FIGURES.map((figure, position) => `(${position}, ?, '${figure.aggregate}')`).join(', ');
  const rows = await db.query<{
    indicator_id: string;
    unit_zh: string | null;
    unit_en: string | null;
    value: number | null;
    townships: number | null;
    approximate: number | null;
    previous: number | null;
    previous_townships: number | null;
    comparable: number | null;
    comparable_previous: number | null;
    comparable_townships: number | null;
  }>(
    `WITH scoped AS (
       SELECT f.township_code, f.year, f.indicator_id, f.value, f.approximate
       FROM facts f JOIN townships t ON t.code = f.township_code
       WHERE f.year IN (?, ?)
     ),
     parts AS (${pieces.join(' UNION ALL ')}),
     figures(position, indicator_id, aggregate) AS (VALUES ${keys}),
     per_year AS (
       SELECT p.position, p.year, ${figureOf('p.num', 'p.den')} AS value, count(*) AS townships,
              count(*) FILTER (WHERE p.approximate) AS approximate
       FROM parts p JOIN figures a USING (position) GROUP BY p.position, p.year, a.aggregate
     ),
     both_years AS (
       SELECT c.position, ${figureOf('c.num', 'c.den')} AS value, ${figureOf('p.num', 'p.den')} AS previous,
              count(*) AS townships
       FROM parts c
       JOIN parts p ON p.position = c.position AND p.township_code = c.township_code AND p.year = ?
       JOIN figures a ON a.position = c.position
       WHERE c.year = ? GROUP BY c.position, a.aggregate
     )
     SELECT k.indicator_id, i.unit_zh, i.unit_en, c.value, c.townships, c.approximate,
            p.value AS previous, p.townships AS previous_townships,
            b.value AS comparable, b.previous AS comparable_previous, b.townships AS comparable_townships
     FROM figures k
     LEFT JOIN indicators i ON i.id = k.indicator_id
     LEFT JOIN per_year c ON c.position = k.position AND c.year = ?
     LEFT JOIN per_year p ON p.position = k.position AND p.year = ?
     LEFT JOIN both_years b ON b.position = k.position
     ORDER BY k.position`,
    [
      year,
      year - 1,
      ...KEY_FIGURES.map((figure) => figure.indicatorId),
      ...KEY_FIGURES.map((figure) => figure.indicatorId),
      year - 1,
      year,
      year,
      year - 1,
    ],
  );
  const [count] = await db.query<{ n: number }>('SELECT count(*) AS n FROM townships');
  return {
    year,
    townshipCount: count?.n ?? 0,
    figures: rows.map((r, position) => ({
      indicatorId: r.indicator_id,
      aggregate: KEY_FIGURES[position]?.aggregate ?? 'sum',
      unit: { zh: r.unit_zh ?? '', en: r.unit_en ?? '' },
      value: r.value,
      previous: r.previous,
      ...likeForLike(r.comparable, r.comparable_previous),
      townships: r.townships ?? 0,
      previousTownships: r.previous_townships ?? 0,
      comparableTownships: r.comparable_townships ?? 0,
      approximate: r.approximate ?? 0,
    })),
  };
}

function likeForLike(
  value: number | null,
  previous: number | null,
): { readonly change: number | null; readonly changePercent: number | null } {
  if (value === null || previous === null) return { change: null, changePercent: null };
  const change = value - previous;
  return { change, changePercent: previous === 0 ? null : (100 * change) / previous };
}

/**
 * 'complete': the township-year has at least COMPLETE_PERCENT % of the indicators that any
 * township of the district reported that year; 'partial': it has some; 'missing': none.
 */
export type CompletenessStatus = 'complete' | 'partial' | 'missing';
export const COMPLETE_PERCENT = 80;

export interface CompletenessCell {
  readonly townshipCode: string;
  readonly townshipName: string;
  readonly year: number;
  /** Indicators this township reported that year. */
  readonly reported: number;
  /** Indicators the district reported that year. */
  readonly expected: number;
  readonly status: CompletenessStatus;
}

export interface CompletenessYear {
  readonly year: number;
  readonly expected: number;
  readonly complete: number;
  readonly partial: number;
  readonly missing: number;
}

export interface Completeness {
  /** Years with any fact, ascending, with how many townships are in each state. */
  readonly years: readonly CompletenessYear[];
  /** Every township × every year, townships in the district's order. */
  readonly cells: readonly CompletenessCell[];
}

const COMPLETENESS_CELLS = `WITH scoped AS (
    SELECT f.township_code, f.year, f.indicator_id
    FROM facts f JOIN townships t ON t.code = f.township_code
  ),
  expected AS (SELECT year, count(DISTINCT indicator_id) AS expected FROM scoped GROUP BY year),
  reported AS (SELECT township_code, year, count(*) AS reported FROM scoped GROUP BY township_code, year),
  cells AS (
    SELECT t.code AS township_code, t.name AS township_name, t.sort_order, e.year,
           COALESCE(r.reported, 0) AS reported, e.expected,
           CASE WHEN r.reported IS NULL THEN 'missing'
                WHEN 100 * r.reported >= ? * e.expected THEN 'complete'
                ELSE 'partial' END AS status
    FROM townships t CROSS JOIN expected e
    LEFT JOIN reported r ON r.township_code = t.code AND r.year = e.year
  )`;

/** Which township-years are complete, partial or missing, and how many of each per year. */
export async function loadCompleteness(db: DbClient): Promise<Completeness> {
  const cells = await db.query<{
    township_code: string;
    township_name: string;
    year: number;
    reported: number;
    expected: number;
    status: CompletenessStatus;
  }>(
    `${COMPLETENESS_CELLS}
     SELECT township_code, township_name, year, reported, expected, status
     FROM cells ORDER BY sort_order, year`,
    [COMPLETE_PERCENT],
  );
  const years = await db.query<{
    year: number;
    expected: number;
    complete: number;
    partial: number;
    missing: number;
  }>(
    `${COMPLETENESS_CELLS}
     SELECT year, any_value(expected) AS expected,
            count(*) FILTER (WHERE status = 'complete') AS complete,
            count(*) FILTER (WHERE status = 'partial') AS partial,
            count(*) FILTER (WHERE status = 'missing') AS missing
     FROM cells GROUP BY year ORDER BY year`,
    [COMPLETE_PERCENT],
  );
  return {
    years,
    cells: cells.map((c) => ({
      townshipCode: c.township_code,
      townshipName: c.township_name,
      year: c.year,
      reported: c.reported,
      expected: c.expected,
      status: c.status,
    })),
  };
}

export interface HeatmapCell {
  readonly townshipCode: string;
  readonly townshipName: string;
  readonly year: number;
  readonly value: number;
  readonly approximate: boolean;
  /** The township's value the year before; null when it reported none. */
  readonly previous: number | null;
  /** 同比: value − previous (percentage points for rates); null without a previous value. */
  readonly change: number | null;
  /** Whether either value of the change is approximate. */
  readonly changeApproximate: boolean;
}

export interface Heatmap {
  readonly indicatorId: string;
  readonly better: Better;
  /** Years with any fact, ascending: a column even where nobody reported this indicator. */
  readonly years: readonly number[];
  /** The latest year anyone reported this indicator; null when nobody did. */
  readonly latestYear: number | null;
  /**
   * Every township, best value in latestYear first (by `better`; 'neutral' highest first, as in
   * the ranking), then those without a value that year in the district's order.
   */
  readonly townships: readonly TownshipRow[];
  /** Only values that were reported or derived: a missing value has no cell. */
  readonly cells: readonly HeatmapCell[];
}

/**
 * Townships × years of one indicator, with each value's change on the year before: the years
 * and one query for the rest (the indicator's direction, the townships' order, the cells).
 */
export async function loadHeatmap(
  db: DbClient,
  indicatorId: string,
  /** The years with any fact (listYears), when the caller already has them: one round trip less. */
  knownYears?: readonly number[],
): Promise<Heatmap> {
  const years = knownYears ?? (await listYears(db));
  const rows = await db.query<{
    township_code: string;
    township_name: string;
    place: number;
    latest_year: number | null;
    better: Better;
    year: number | null;
    value: number | null;
    approximate: boolean | null;
    previous: number | null;
    change: number | null;
    change_approximate: boolean | null;
  }>(
    `WITH direction AS (
       SELECT COALESCE((SELECT better FROM indicators WHERE id = ?), 'neutral') AS better
     ),
     v AS MATERIALIZED (
       SELECT f.township_code, f.year, f.value, f.approximate
       FROM all_facts f JOIN townships t ON t.code = f.township_code WHERE f.indicator_id = ?
     ),
     latest AS (SELECT max(year) AS year FROM v),
     -- Best first in the latest year (ascending only where lower is better), then the district's order.
     ordered AS (
       SELECT t.code, t.name, t.sort_order, l.year AS latest_year,
              row_number() OVER (
                ORDER BY lv.value * CASE WHEN d.better = 'lower' THEN 1 ELSE -1 END NULLS LAST, t.sort_order
              ) AS place
       FROM townships t CROSS JOIN latest l CROSS JOIN direction d
       LEFT JOIN v lv ON lv.township_code = t.code AND lv.year = l.year
     )
     SELECT o.code AS township_code, o.name AS township_name, o.place, o.latest_year, d.better,
            c.year, c.value, c.approximate, p.value AS previous, c.value - p.value AS change,
            c.approximate OR COALESCE(p.approximate, false) AS change_approximate
     FROM ordered o CROSS JOIN direction d
     LEFT JOIN v c ON c.township_code = o.code
     LEFT JOIN v p ON p.township_code = c.township_code AND p.year = c.year - 1
     ORDER BY o.sort_order, c.year`,
    [indicatorId, indicatorId],
  );
  const townships = new Map<string, { code: string; name: string; place: number }>();
  const cells: HeatmapCell[] = [];
  for (const r of rows) {
    if (!townships.has(r.township_code))
      townships.set(r.township_code, { code: r.township_code, name: r.township_name, place: r.place });
    if (r.year === null || r.value === null) continue;
    cells.push({
      townshipCode: r.township_code,
      townshipName: r.township_name,
      year: r.year,
      value: r.value,
      approximate: r.approximate ?? false,
      previous: r.previous,
      change: r.change,
      changeApproximate: r.change_approximate ?? false,
    });
  }
  return {
    indicatorId,
    better: rows[0]?.better ?? 'neutral',
    years: [...years],
    latestYear: rows[0]?.latest_year ?? null,
    townships: [...townships.values()]
      .sort((a, b) => a.place - b.place)
      .map((t) => ({ code: t.code, name: t.name })),
    cells,
  };
}

export interface ProfilePoint {
  readonly year: number;
  readonly value: number;
  readonly approximate: boolean;
  /**
   * Among the district's townships with a value that year, 1 = best by `better` ('neutral':
   * highest first, as in the ranking); ties share a rank and skip the next ones (1, 1, 3).
   */
  readonly rank: number;
  /** How many townships have a value that year. */
  readonly ranked: number;
}

export interface ProfileIndicator {
  readonly indicatorId: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly unit: { readonly zh: string; readonly en: string };
  readonly better: Better;
  /** Years the township has a value, ascending. */
  readonly points: readonly ProfilePoint[];
}

export interface Profile {
  readonly townshipCode: string;
  readonly townshipName: string;
  /** Years with any fact in the district, ascending: the shared x axis. */
  readonly years: readonly number[];
  /** Every indicator (stored or derived) the township has in any year, in catalog order. */
  readonly indicators: readonly ProfileIndicator[];
}

/** One township's indicators across years, each value with its rank in the district. */
export async function loadProfile(
  db: DbClient,
  townshipCode: string,
  /** The years with any fact (listYears), when the caller already has them: one round trip less. */
  knownYears?: readonly number[],
): Promise<Profile> {
  const [township] = await db.query<{ name: string }>('SELECT name FROM townships WHERE code = ?', [
    townshipCode,
  ]);
  const years = knownYears ?? (await listYears(db));
  const rows = await db.query<{
    indicator_id: string;
    name_zh: string;
    name_en: string;
    unit_zh: string;
    unit_en: string;
    better: Better;
    year: number;
    value: number;
    approximate: boolean;
    rank: number;
    ranked: number;
  }>(
    // A rank is 1 + the townships better that year: counted for this township's own values only,
    // not by ranking every value of the district (a province has a thousand townships).
    `WITH own AS (
       SELECT f.indicator_id, f.year, f.value, f.approximate
       FROM all_facts f JOIN townships t ON t.code = f.township_code
       WHERE f.township_code = ?
     ),
     peers AS (
       SELECT f.indicator_id, f.year, f.value
       FROM all_facts f JOIN townships t ON t.code = f.township_code
       WHERE f.indicator_id IN (SELECT DISTINCT indicator_id FROM own)
     )
     SELECT o.indicator_id, any_value(i.name_zh) AS name_zh, any_value(i.name_en) AS name_en,
            any_value(i.unit_zh) AS unit_zh, any_value(i.unit_en) AS unit_en, any_value(i.better) AS better,
            o.year, o.value, o.approximate,
            1 + count(*) FILTER (WHERE CASE WHEN i.better = 'lower' THEN p.value < o.value
                                            ELSE p.value > o.value END) AS rank,
            count(*) AS ranked
     FROM own o
     JOIN indicators i ON i.id = o.indicator_id
     JOIN peers p ON p.indicator_id = o.indicator_id AND p.year = o.year
     GROUP BY o.indicator_id, o.year, o.value, o.approximate
     ORDER BY any_value(i.sort_order), o.year`,
    [townshipCode],
  );
  const indicators: ProfileIndicator[] = [];
  let current: { indicator: ProfileIndicator; points: ProfilePoint[] } | undefined;
  for (const r of rows) {
    if (current?.indicator.indicatorId !== r.indicator_id) {
      const points: ProfilePoint[] = [];
      current = {
        points,
        indicator: {
          indicatorId: r.indicator_id,
          name: { zh: r.name_zh, en: r.name_en },
          unit: { zh: r.unit_zh, en: r.unit_en },
          better: r.better,
          points,
        },
      };
      indicators.push(current.indicator);
    }
    current.points.push({
      year: r.year,
      value: r.value,
      approximate: r.approximate,
      rank: r.rank,
      ranked: r.ranked,
    });
  }
  return {
    townshipCode,
    townshipName: township?.name ?? townshipCode,
    years: [...years],
    indicators,
  };
}

export type { YearTablePage, YearTableSlice } from './table-queries.ts';

/**
 * One page of the comparison table: the townships of the district in the table's order (the query
 * decides it, as loadYearCells does: by the sort indicator's value, then the district's order,
 * townships without any value that year last), and for only those townships every value of the
 * year with its 同比 change, its standing among all townships (best and worst quarter by the
 * indicator's `better`, from 8 values up) and where it came from. A province's table is a
 * thousand townships: a page is what is read and drawn.
 */
export async function loadYearTablePage(
  db: DbClient,
  year: number,
  sort: TableSort,
  slice: YearTableSlice,
): Promise<YearTablePage> {
  const rows = await db.query<{
    present: string | null;
    township_code: string;
    township_name: string;
    total: number;
    indicator_id: string | null;
    value: number | null;
    approximate: boolean | null;
    raw_text: string | null;
    file_name: string | null;
    source_line: number | null;
    source_column: string | null;
    change: number | null;
    standing: 'top' | 'bottom' | null;
  }>(
    `WITH cur AS (
       SELECT f.township_code, f.indicator_id, f.value, f.approximate, f.raw_text, f.import_id,
              f.source_line, f.source_column
       FROM all_facts f JOIN townships t ON t.code = f.township_code
       WHERE f.year = CAST(? AS INTEGER)
     ),
     sort_key AS (SELECT township_code, value AS sort_value FROM cur WHERE indicator_id = ?),
     reported AS (SELECT DISTINCT township_code FROM cur),
     ordered AS (
       SELECT t.code, t.name,
              row_number() OVER (
                ORDER BY r.township_code IS NULL, k.sort_value * ? NULLS LAST,
                         CASE WHEN r.township_code IS NULL THEN t.sort_order ELSE t.sort_order * ? END
              ) AS place,
              count(*) OVER () AS total
       FROM townships t
       LEFT JOIN reported r ON r.township_code = t.code
       LEFT JOIN sort_key k ON k.township_code = t.code
       WHERE contains(t.name, ?)
     ),
     page AS (SELECT * FROM ordered WHERE place > ? AND place <= ?),
     ranked AS (
       SELECT c.*, ind.better,
              count(*) OVER (PARTITION BY c.indicator_id) AS n,
              percent_rank() OVER (PARTITION BY c.indicator_id ORDER BY c.value) AS pr
       FROM cur c LEFT JOIN indicators ind ON ind.id = c.indicator_id
     ),
     previous AS (
       SELECT township_code, indicator_id, value FROM all_facts
       WHERE year = CAST(? AS INTEGER) - 1 AND township_code IN (SELECT code FROM page)
     ),
     -- The year's columns, on the first row only: one query, not two.
     present AS (SELECT string_agg(DISTINCT indicator_id, chr(1) ORDER BY indicator_id) AS ids FROM cur)
     SELECT CASE WHEN row_number() OVER (ORDER BY g.place, f.indicator_id) = 1 THEN (SELECT ids FROM present) END
              AS present,
            g.code AS township_code, g.name AS township_name, g.total, f.indicator_id, f.value, f.approximate,
            f.raw_text, i.file_name, f.source_line, f.source_column,
            f.value - p.value AS change,
            ${STANDING_SQL} AS standing
     FROM page g
     LEFT JOIN ranked f ON f.township_code = g.code
     LEFT JOIN imports i ON i.id = f.import_id
     LEFT JOIN previous p ON p.township_code = f.township_code AND p.indicator_id = f.indicator_id
     ORDER BY g.place, f.indicator_id`,
    [
      year,
      sort.indicatorId ?? '',
      sort.desc ? -1 : 1,
      sort.indicatorId === null && sort.desc ? -1 : 1,
      slice.filter,
      slice.offset,
      slice.offset + slice.limit,
      year,
    ],
  );
  const townships: TownshipRow[] = [];
  const cells: TableCell[] = [];
  for (const r of rows) {
    if (townships.at(-1)?.code !== r.township_code)
      townships.push({ code: r.township_code, name: r.township_name });
    if (r.indicator_id === null || r.value === null) continue;
    cells.push(
      toTableCell({
        ...r,
        indicator_id: r.indicator_id,
        value: r.value,
        approximate: r.approximate ?? false,
      }),
    );
  }
  return {
    year,
    townships,
    cells,
    total: rows[0]?.total ?? 0,
    indicatorIds: (rows[0]?.present ?? '').split('\u0001').filter((id) => id !== ''),
  };
}
