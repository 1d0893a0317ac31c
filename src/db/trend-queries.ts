/** Queries behind the trend view: the district's spread per year and each township's 同比 change. */
import type { DbClient } from './client.ts';
import type { SeriesPoint } from './queries.ts';

export interface TrendBand {
  readonly year: number;
  /** null when no township reported that year: a gap, never a zero. */
  readonly median: number | null;
  /** 25th percentile (quantile_cont, linear interpolation). */
  readonly q1: number | null;
  /** 75th percentile. */
  readonly q3: number | null;
  /** Townships of the district's list with a value that year. */
  readonly reported: number;
  /** Townships in the district's list. */
  readonly townships: number;
}

export interface TrendChange extends SeriesPoint {
  /** The value of the calendar year before; null when it was not reported. */
  readonly previousValue: number | null;
  readonly previousApproximate: boolean;
  /** 同比: value − previousValue; null when either is missing. */
  readonly change: number | null;
  /** change / previousValue (0.05 = 5 %); null when either is missing or the previous value is 0. */
  readonly relativeChange: number | null;
}

/** Median and inter-quartile range over the townships that reported, for every year with data. */
export async function loadTrendBands(db: DbClient, indicatorId: string): Promise<TrendBand[]> {
  const rows = await db.query<{
    year: number;
    median: number | null;
    q1: number | null;
    q3: number | null;
    reported: number;
    townships: number;
  }>(
    `WITH years AS (SELECT DISTINCT year FROM facts),
     reported AS (
       SELECT f.year, f.value FROM all_facts f JOIN townships t ON t.code = f.township_code
       WHERE f.indicator_id = ?
     )
     SELECT y.year,
            quantile_cont(r.value, 0.5) AS median,
            quantile_cont(r.value, 0.25) AS q1,
            quantile_cont(r.value, 0.75) AS q3,
            count(r.value) AS reported,
            (SELECT count(*) FROM townships) AS townships
     FROM years y LEFT JOIN reported r ON r.year = y.year
     GROUP BY y.year
     ORDER BY y.year`,
    [indicatorId],
  );
  return rows.map((r) => ({
    year: r.year,
    median: r.median,
    q1: r.q1,
    q3: r.q3,
    reported: r.reported,
    townships: r.townships,
  }));
}

/**
 * Every township × every year with data (the grid of loadTrend), with the change from the calendar
 * year before. A year with no report on either side has no change: 同比 is never taken across a gap.
 */
export async function loadTrendChanges(db: DbClient, indicatorId: string): Promise<TrendChange[]> {
  const rows = await db.query<{
    township_code: string;
    township_name: string;
    year: number;
    value: number | null;
    approximate: boolean | null;
    previous_value: number | null;
    previous_approximate: boolean | null;
    change: number | null;
    relative_change: number | null;
  }>(
    `WITH years AS (SELECT DISTINCT year FROM facts)
     SELECT t.code AS township_code, t.name AS township_name, y.year, f.value, f.approximate,
            p.value AS previous_value, p.approximate AS previous_approximate,
            f.value - p.value AS change,
            (f.value - p.value) / NULLIF(p.value, 0) AS relative_change
     FROM townships t CROSS JOIN years y
     LEFT JOIN all_facts f ON f.township_code = t.code AND f.year = y.year AND f.indicator_id = ?
     LEFT JOIN all_facts p ON p.township_code = t.code AND p.year = y.year - 1 AND p.indicator_id = ?
     ORDER BY t.sort_order, y.year`,
    [indicatorId, indicatorId],
  );
  return rows.map((r) => ({
    townshipCode: r.township_code,
    townshipName: r.township_name,
    year: r.year,
    value: r.value,
    approximate: r.approximate ?? false,
    previousValue: r.previous_value,
    previousApproximate: r.previous_approximate ?? false,
    change: r.change,
    relativeChange: r.relative_change,
  }));
}

/**
 * The townships a trend highlights when the user chose none: the two best and the two worst of
 * `year` by the indicator's `better` (ties in the district's order, as in the ranking), best
 * first; every township that reported when four or fewer did.
 */
export async function loadTrendLeaders(db: DbClient, indicatorId: string, year: number): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    `WITH ranked AS (
       SELECT t.code,
              row_number() OVER (ORDER BY f.value * CASE WHEN i.better = 'lower' THEN 1 ELSE -1 END,
                                          t.sort_order) AS place,
              count(*) OVER () AS reported
       FROM all_facts f
       JOIN townships t ON t.code = f.township_code
       LEFT JOIN indicators i ON i.id = f.indicator_id
       WHERE f.indicator_id = ? AND f.year = ?
     )
     SELECT code FROM ranked WHERE place <= 2 OR place > reported - 2 ORDER BY place`,
    [indicatorId, year],
  );
  return rows.map((r) => r.code);
}

export interface TrendView {
  /** As loadTrend: every township × every year with data, a gap where nothing was reported. */
  readonly points: readonly SeriesPoint[];
  /** As loadTrendBands. */
  readonly bands: readonly TrendBand[];
  /** As loadTrendLeaders for `year`; empty without a year. */
  readonly leaders: readonly string[];
}

/**
 * Everything the trend chart draws in value mode, in one query (each query is a round trip to
 * DuckDB's worker, and each of the three read the indicator's values again): the points of
 * loadTrend, the spread of loadTrendBands and the default highlight of loadTrendLeaders.
 */
export async function loadTrendView(
  db: DbClient,
  indicatorId: string,
  year: number | null,
): Promise<TrendView> {
  const rows = await db.query<{
    township_code: string;
    township_name: string;
    year: number;
    value: number | null;
    approximate: boolean | null;
    median: number | null;
    q1: number | null;
    q3: number | null;
    reported: number;
    townships: number;
    place: number | null;
  }>(
    `WITH years AS (SELECT DISTINCT year FROM facts),
     direction AS (
       SELECT COALESCE((SELECT CASE WHEN better = 'lower' THEN 1 ELSE -1 END FROM indicators WHERE id = ?), -1) AS sign
     ),
     grid AS (
       SELECT t.code AS township_code, t.name AS township_name, t.sort_order, y.year, f.value, f.approximate
       FROM townships t CROSS JOIN years y
       LEFT JOIN all_facts f ON f.township_code = t.code AND f.year = y.year AND f.indicator_id = ?
     )
     SELECT g.township_code, g.township_name, g.year, g.value, g.approximate,
            quantile_cont(g.value, 0.5) OVER per_year AS median,
            quantile_cont(g.value, 0.25) OVER per_year AS q1,
            quantile_cont(g.value, 0.75) OVER per_year AS q3,
            count(g.value) OVER per_year AS reported,
            count(*) OVER per_year AS townships,
            CASE WHEN g.year = ? AND g.value IS NOT NULL
                 THEN row_number() OVER (PARTITION BY g.year, g.value IS NULL ORDER BY g.value * d.sign, g.sort_order)
            END AS place
     FROM grid g CROSS JOIN direction d
     WINDOW per_year AS (PARTITION BY g.year)
     ORDER BY g.sort_order, g.year`,
    [indicatorId, indicatorId, year],
  );
  const bands = new Map<number, TrendBand>();
  const placed: { code: string; place: number; reported: number }[] = [];
  const points = rows.map((r) => {
    if (!bands.has(r.year))
      bands.set(r.year, {
        year: r.year,
        median: r.median,
        q1: r.q1,
        q3: r.q3,
        reported: r.reported,
        townships: r.townships,
      });
    if (r.place !== null) placed.push({ code: r.township_code, place: r.place, reported: r.reported });
    return {
      townshipCode: r.township_code,
      townshipName: r.township_name,
      year: r.year,
      value: r.value,
      approximate: r.approximate ?? false,
    };
  });
  return {
    points,
    bands: [...bands.values()].sort((a, b) => a.year - b.year),
    leaders: placed
      .filter((p) => p.place <= 2 || p.place > p.reported - 2)
      .sort((a, b) => a.place - b.place)
      .map((p) => p.code),
  };
}
