import { useState } from 'react';
import { chartPageOf, chartPageRows, chartPageWithin } from '../../charts/chart-pages.ts';

/**
 * The page shown of a chart drawn a page at a time (charts/chart-pages.ts). A new `key` (another
 * indicator, year or highlight) opens the page of the first highlighted township again; the page
 * stays within the pages there are (new data for the same key can have fewer rows).
 */
export function useChartPage<T>(
  rows: readonly T[] | undefined,
  highlighted: readonly string[],
  key: string,
  codeOf: (row: T) => string,
): { readonly page: number; readonly pageRows: readonly T[]; readonly setPage: (page: number) => void } {
  const [paging, setPaging] = useState({ key: '', page: 0 });
  const page = chartPageWithin(
    rows?.length ?? 0,
    paging.key === key ? paging.page : rows ? chartPageOf(rows, highlighted, codeOf) : 0,
  );
  return {
    page,
    pageRows: rows ? chartPageRows(rows, page) : [],
    setPage: (next) => setPaging({ key, page: next }),
  };
}
