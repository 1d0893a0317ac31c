/** The ranking of one year beside the year before: who moved, and by how much. */
import type { DbClient } from './client.ts';
import type { RankedValue, Ranking } from './queries.ts';

export interface RankedChange extends RankedValue {
  /** The value of the year before; null when the township did not report it. */
  readonly previousValue: number | null;
  readonly previousApproximate: boolean;
  /** 同比: value − previousValue; null when the year before is missing. */
  readonly change: number | null;
  /** change / previousValue (0.05 = 5 %); null when the year before is missing or 0. */
  readonly relativeChange: number | null;
  /** Rank the year before among the townships that reported then; null when it did not report. */
  readonly previousRank: number | null;
  /** previousRank − rank: positive = moved up; null when either rank is missing. */
  readonly rankChange: number | null;
}

export interface RankingWithChange extends Ranking {
  readonly indicatorId: string;
  readonly rows: readonly RankedChange[];
  /** Median of the townships that reported, null when none did. */
  readonly median: number | null;
  readonly year: number;
  readonly previousYear: number;
}

/**
 * Rank 1 is the best: highest value, or lowest for indicators where lower is better; ties share a
 * rank. Both years are ranked over the townships of the district's list that reported that year.
 */
export async function loadRankingWithChange(
  db: DbClient,
  indicatorId: string,
  year: number,
): Promise<RankingWithChange> {
  // One query: the indicator's direction, both years' ranks, the average and the median.
  const rows = await db.query<{
    township_code: string;
    township_name: string;
    value: number | null;
    approximate: boolean | null;
    rank: number | null;
    previous_value: number | null;
    previous_approximate: boolean | null;
    previous_rank: number | null;
    change: number | null;
    relative_change: number | null;
    rank_change: number | null;
    average: number | null;
    median: number | null;
  }>(
    `WITH direction AS (
       SELECT COALESCE((SELECT CASE WHEN better = 'lower' THEN 1 ELSE -1 END FROM indicators WHERE id = ?), -1) AS sign
     ),
     ranked AS (
       SELECT f.year, f.township_code, f.value, f.approximate,
              rank() OVER (PARTITION BY f.year ORDER BY f.value * d.sign) AS rank
       FROM all_facts f JOIN townships t ON t.code = f.township_code CROSS JOIN direction d
       WHERE f.indicator_id = ? AND f.year IN (?, ? - 1)
     )
     SELECT t.code AS township_code, t.name AS township_name, c.value, c.approximate, c.rank,
            p.value AS previous_value, p.approximate AS previous_approximate, p.rank AS previous_rank,
            c.value - p.value AS change,
            (c.value - p.value) / NULLIF(p.value, 0) AS relative_change,
            p.rank - c.rank AS rank_change,
            avg(c.value) OVER () AS average,
            quantile_cont(c.value, 0.5) OVER () AS median
     FROM townships t
     CROSS JOIN direction d
     LEFT JOIN ranked c ON c.township_code = t.code AND c.year = ?
     LEFT JOIN ranked p ON p.township_code = t.code AND p.year = ? - 1
     ORDER BY c.value IS NULL, c.value * d.sign, t.sort_order`,
    [indicatorId, indicatorId, year, year, year, year],
  );
  const ranked: RankedChange[] = [];
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
        previousValue: r.previous_value,
        previousApproximate: r.previous_approximate ?? false,
        change: r.change,
        relativeChange: r.relative_change,
        previousRank: r.previous_rank,
        rankChange: r.rank_change,
      });
  }
  return {
    indicatorId,
    rows: ranked,
    average: rows[0]?.average ?? null,
    median: rows[0]?.median ?? null,
    missing,
    year,
    previousYear: year - 1,
  };
}
