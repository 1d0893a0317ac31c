/**
 * Answers of the views' queries, kept per database client and revision of its data. Every change
 * to the data bumps the revision (App.tsx), which drops every answer kept for the one before, so a
 * kept answer is always the one the database would give now. Going back to a view, an indicator,
 * a year or an order already seen is then answered without asking DuckDB again.
 */
import type { DbClient } from './client.ts';

/**
 * Answers kept per database: enough for every view with a few indicators and years each. A
 * province's largest answers (a heatmap, a trend) are some ten thousand small objects.
 */
export const VIEW_CACHE_SIZE = 48;

interface Entry {
  readonly promise: Promise<unknown>;
  /** Set once the promise resolved; a failed query leaves the cache. */
  answer?: { readonly data: unknown };
}

interface RevisionCache {
  readonly revision: number;
  /** In order of last use: the first is the one dropped when the cache is full. */
  readonly entries: Map<string, Entry>;
}

const caches = new WeakMap<DbClient, RevisionCache>();

function cacheOf(db: DbClient, revision: number): RevisionCache {
  const cache = caches.get(db);
  if (cache && cache.revision === revision) return cache;
  const fresh: RevisionCache = { revision, entries: new Map() };
  // A newer revision replaces the older one; an answer for an older one is never kept.
  if (!cache || cache.revision < revision) caches.set(db, fresh);
  return fresh;
}

function touch(cache: RevisionCache, key: string, entry: Entry): void {
  cache.entries.delete(key);
  cache.entries.set(key, entry);
  while (cache.entries.size > VIEW_CACHE_SIZE) {
    const oldest = cache.entries.keys().next().value;
    if (oldest === undefined) break;
    cache.entries.delete(oldest);
  }
}

/** The answer to `key` for this revision, if it already arrived. */
export function cachedAnswer<T>(
  db: DbClient,
  revision: number,
  key: string,
): { readonly data: T } | undefined {
  const cache = caches.get(db);
  if (!cache || cache.revision !== revision) return undefined;
  const entry = cache.entries.get(key);
  if (!entry?.answer) return undefined;
  touch(cache, key, entry);
  return entry.answer as { readonly data: T };
}

/**
 * The answer to `key` for this revision: the kept one, the one already on its way, or a new run
 * of `run`. Two views asking the same question at once share one query.
 */
export function runCached<T>(db: DbClient, revision: number, key: string, run: () => Promise<T>): Promise<T> {
  const cache = cacheOf(db, revision);
  const known = cache.entries.get(key);
  if (known) {
    touch(cache, key, known);
    return known.promise as Promise<T>;
  }
  const promise = run();
  const entry: Entry = { promise };
  touch(cache, key, entry);
  promise.then(
    (data) => {
      entry.answer = { data };
    },
    () => {
      // A failed query is asked again next time (the worker may have restarted meanwhile).
      if (cache.entries.get(key) === entry) cache.entries.delete(key);
    },
  );
  return promise;
}

/** A key naming a query and all its arguments. */
export function viewKey(query: string, ...args: readonly unknown[]): string {
  return `${query}|${JSON.stringify(args)}`;
}
