/**
 * Prepared statements of the queries the views repeat, kept by their SQL: DuckDB plans a query
 * once and runs it again with new parameters (an indicator, a year), where preparing it afresh
 * took longer than running it for a district's data. DuckDB re-plans a kept statement by itself
 * when a table or view it reads has changed, so a kept statement never answers from an old
 * schema.
 */

/** Prepared statements a client keeps: more than the views ask with their parameters. */
export const STATEMENT_CACHE_SIZE = 64;

/** Only queries are kept: statements that write run once. */
export function isRepeatedQuery(sql: string): boolean {
  return /^\s*(SELECT|WITH)\b/i.test(sql);
}

export interface StatementCache<S> {
  /**
   * Runs `sql` with its kept statement, or with one prepared afresh: kept if `sql` is a query
   * (isRepeatedQuery), closed otherwise. A kept statement that fails is dropped and the query
   * asked again with a fresh one, which reports a real error.
   */
  run<R>(sql: string, prepare: () => S | Promise<S>, run: (statement: S) => R | Promise<R>): Promise<R>;
  /** The statement kept for `sql`, now the most recently used one. */
  get(sql: string): S | undefined;
  /** Keeps `statement`; the least recently used one beyond the cache's size is closed. */
  put(sql: string, statement: S): Promise<void>;
  /** Closes and forgets the statement kept for `sql` (it failed). */
  drop(sql: string): Promise<void>;
  /** Forgets every statement without closing it: its connection is gone. */
  forget(): void;
}

export function createStatementCache<S>(
  size: number,
  close: (statement: S) => Promise<unknown> | unknown,
): StatementCache<S> {
  const kept = new Map<string, S>();
  const closeQuietly = async (statement: S) => {
    try {
      await close(statement);
    } catch {
      // A statement that cannot be closed is gone already.
    }
  };
  const cache: StatementCache<S> = {
    async run(sql, prepare, run) {
      if (!isRepeatedQuery(sql)) {
        const statement = await prepare();
        try {
          return await run(statement);
        } finally {
          await close(statement);
        }
      }
      const kept = cache.get(sql);
      if (kept !== undefined) {
        try {
          return await run(kept);
        } catch {
          await cache.drop(sql);
        }
      }
      const statement = await prepare();
      let result: Awaited<ReturnType<typeof run>>;
      try {
        result = await run(statement);
      } catch (error) {
        await closeQuietly(statement);
        throw error;
      }
      await cache.put(sql, statement);
      return result;
    },
    get(sql) {
      const statement = kept.get(sql);
      if (statement !== undefined) {
        kept.delete(sql);
        kept.set(sql, statement);
      }
      return statement;
    },
    async put(sql, statement) {
      kept.set(sql, statement);
      for (const [oldest, old] of kept) {
        if (kept.size <= size) break;
        kept.delete(oldest);
        await closeQuietly(old);
      }
    },
    async drop(sql) {
      const statement = kept.get(sql);
      kept.delete(sql);
      if (statement !== undefined) await closeQuietly(statement);
    },
    forget() {
      kept.clear();
    },
  };
  return cache;
}
