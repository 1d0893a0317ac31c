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
