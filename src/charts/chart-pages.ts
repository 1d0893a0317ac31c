/**
 * Pages of a chart too long for one — a province's ranking or heatmap — of CHART_PAGE_SIZE
 * townships each; a district fits on one.
 */
export const CHART_PAGE_SIZE = 100;

/** The pages of a chart of `rows` townships (at least one). */
export function chartPageCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / CHART_PAGE_SIZE));
}

/** `page` kept within the pages of a chart of `rows` townships. */
export function chartPageWithin(rows: number, page: number): number {
  return Math.min(Math.max(0, Math.trunc(page) || 0), chartPageCount(rows) - 1);
}

/** The index of the first of `rows` rows that `page` shows, the page kept within the chart's pages. */
export function chartPageStart(rows: number, page: number): number {
  return chartPageWithin(rows, page) * CHART_PAGE_SIZE;
}

/** The rows a page shows: every row when no page is asked for. */
export function chartPageRows<T>(rows: readonly T[], page: number | undefined): readonly T[] {
  if (page === undefined) return rows;
  const start = chartPageStart(rows.length, page);
  return rows.slice(start, start + CHART_PAGE_SIZE);
}

/**
 * The page (0-based) holding the first township of `highlighted` that has a row — the one the
 * user follows; the first page when none has.
 */
export function chartPageOf<T>(
  rows: readonly T[],
  highlighted: readonly string[],
  codeOf: (row: T) => string,
): number {
  const at = new Map(rows.map((row, i) => [codeOf(row), i]));
  for (const code of highlighted) {
    const index = at.get(code);
    if (index !== undefined) return Math.floor(index / CHART_PAGE_SIZE);
  }
  return 0;
}

/** A chart's subtitle, led by which ranks or rows its page shows (none when it has one page). */
export function pagedSubtitle(range: string | null, subtitle: string | undefined): string {
  return [range ?? '', subtitle ?? ''].filter(Boolean).join(' · ');
}
