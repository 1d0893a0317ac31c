import { useEffect, useRef, useState } from 'react';
import type { DbClient } from '../db/client.ts';
import { cachedAnswer, runCached } from '../db/view-cache.ts';

export type QueryState<T> =
  | { readonly status: 'loading'; readonly data?: T }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly error: Error };

/** Runs an async query when its inputs change; stale answers are dropped. */
export function useAsync<T>(run: (() => Promise<T>) | null, deps: readonly unknown[]): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  useEffect(() => {
    if (!run) return undefined;
    let current = true;
    setState((previous) => ({ status: 'loading', data: 'data' in previous ? previous.data : undefined }));
    run().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) =>
        current &&
        setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass the inputs of `run` as deps
  }, deps);
  return state;
}

/** An answer (or the error it ended in) with the question it answers, revision included. */
type Settled<T> =
  | { readonly db: DbClient; readonly key: string; readonly data: T }
  | { readonly db: DbClient; readonly key: string; readonly error: Error };

/**
 * A view's query, answered from the view cache (src/db/view-cache.ts) when the same question was
 * already asked of this revision of the data: going back to a view, an indicator or a year shows
 * its answer in the same render, without a round trip to DuckDB or a loading state. `key` names
 * the question completely (query and every argument); null = nothing to ask. While a new answer
 * loads, the previous one stays (`data`), as with useAsync.
 */
export function useViewQuery<T>(
  db: DbClient,
  revision: number,
  key: string | null,
  run: () => Promise<T>,
): QueryState<T> {
  // The revision is part of the question: an answer about older data never answers a newer one.
  const question = key === null ? null : `${revision}|${key}`;
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  // The last answer returned, from the cache or not. It answers its question again even after the
  // cache dropped it (a full cache drops the oldest), and it stays on screen while the next loads.
  const lastShown = useRef<Settled<T> | undefined>(undefined);
  const own = (entry: Settled<T> | null | undefined) =>
    entry && entry.db === db && entry.key === question ? entry : undefined;
  const kept = own(lastShown.current) ?? own(settled);
  const hit = key === null || kept ? undefined : cachedAnswer<T>(db, revision, key);
  const answer = kept && 'data' in kept ? kept : hit;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names every input of `run`
  useEffect(() => {
    if (key === null || question === null || cachedAnswer(db, revision, key)) return undefined;
    let current = true;
    runCached(db, revision, key, run).then(
      (data) => current && setSettled({ db, key: question, data }),
      (error: unknown) =>
        current &&
        setSettled({ db, key: question, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [db, revision, key, question]);
  if (answer && question !== null) {
    // Written during render, but only ever to the answer this render returns: idempotent.
    lastShown.current = { db, key: question, data: answer.data };
    return { status: 'ready', data: answer.data };
  }
  if (kept && 'error' in kept) return { status: 'error', error: kept.error };
  // The previous answer (another question) stays on screen until this one arrives.
  const previous = lastShown.current;
  return { status: 'loading', data: previous && 'data' in previous ? previous.data : undefined };
}
