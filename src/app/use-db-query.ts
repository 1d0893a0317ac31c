import { useEffect, useState } from 'react';

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
