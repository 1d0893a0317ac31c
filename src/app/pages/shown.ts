import type { QueryState } from '../use-db-query.ts';

/**
 * What a view shows: the answer, or — while a new one loads — the previous answer, so the view
 * never blanks between two answers and its chart keeps its ECharts instance. Every query result
 * a view shows carries its own inputs (indicator, year, township), so titles follow the data
 * shown, never the pickers ahead of it.
 */
export function shown<T>(state: QueryState<T>): T | undefined {
  return state.status === 'error' ? undefined : state.data;
}

/** A view whose queries are running says so (`aria-busy`): screen readers wait, the benchmark too. */
export function loading(state: QueryState<unknown>, active = true): boolean {
  return active && state.status === 'loading';
}
