import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbClient } from './client.ts';
import { openNodeDb } from './node-client.ts';
import { createStatementCache, isRepeatedQuery } from './statement-cache.ts';

describe('the statement cache', () => {
  it('keeps the most recently used statements and closes the one it lets go', async () => {
    const closed: string[] = [];
    const cache = createStatementCache<string>(2, (statement) => closed.push(statement));
    await cache.put('q1', 's1');
    await cache.put('q2', 's2');
    expect(cache.get('q1')).toBe('s1'); // q1 is now the most recent: q2 goes first
    await cache.put('q3', 's3');
    expect(closed).toEqual(['s2']);
    expect(cache.get('q2')).toBeUndefined();
    await cache.drop('q1');
    expect(closed).toEqual(['s2', 's1']);
    cache.forget();
    expect(cache.get('q3')).toBeUndefined();
    expect(closed).toEqual(['s2', 's1']);
  });

  it('keeps queries only', () => {
    expect(isRepeatedQuery('  SELECT 1')).toBe(true);
    expect(isRepeatedQuery('WITH x AS (SELECT 1) SELECT * FROM x')).toBe(true);
    expect(isRepeatedQuery('INSERT INTO facts SELECT * FROM staged')).toBe(false);
    expect(isRepeatedQuery('CREATE TABLE t AS SELECT 1')).toBe(false);
  });
});

describe('a kept statement against real DuckDB', () => {
  let db: DbClient;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(async () => {
    await db.close();
  });
  const ask = (min: number) =>
    db.query<{ township: string; value: number }>(
      'SELECT township, value FROM v WHERE value >= ? ORDER BY value',
      [min],
    );

  it('answers from the data and the schema as they are now, and reports a table that is gone', async () => {
    await db.run('CREATE TABLE t (township VARCHAR, value DOUBLE)');
    await db.run(`INSERT INTO t VALUES ('宝龙镇', 94), ('上和镇', 60)`);
    await db.run('CREATE VIEW v AS SELECT * FROM t');
    expect(await ask(70)).toEqual([{ township: '宝龙镇', value: 94 }]);
    // New rows, then the view and its table made anew: the same SQL sees each change.
    await db.run(`INSERT INTO t VALUES ('龙形镇', 80)`);
    expect(await ask(70)).toEqual([
      { township: '龙形镇', value: 80 },
      { township: '宝龙镇', value: 94 },
    ]);
    await db.run('DROP VIEW v');
    await db.run('DROP TABLE t');
    await db.run('CREATE TABLE t (value DOUBLE, township VARCHAR, note VARCHAR)');
    await db.run(`INSERT INTO t VALUES (101, '宝龙镇', '复核')`);
    await db.run('CREATE VIEW v AS SELECT township, value FROM t');
    expect(await ask(70)).toEqual([{ township: '宝龙镇', value: 101 }]);
    await db.run('DROP VIEW v');
    await expect(ask(70)).rejects.toThrow(/v does not exist/);
  });
});
