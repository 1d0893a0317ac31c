import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TONGNAN } from '../district/tongnan.ts';
import type { DbClient } from './client.ts';
import { openNodeDb } from './node-client.ts';
import { applySchema, replaceTownships } from './schema.ts';
import type { Snapshot } from './snapshot.ts';
import { type SnapshotClient, withSnapshots } from './snapshot-client.ts';

let inner: DbClient;
let wrapped: SnapshotClient;
const saved: Snapshot[] = [];

function townshipRows(snapshot: Snapshot | undefined): number | undefined {
  return snapshot?.tables.find((t) => t.name === 'townships')?.rowCount;
}

beforeAll(async () => {
  inner = await openNodeDb();
  await applySchema(inner);
  wrapped = withSnapshots(inner, {
    save: async (snapshot) => {
      saved.push(snapshot);
    },
  });
});
afterAll(async () => {
  await inner.close();
});

describe('a client that saves snapshots', () => {
  it('saves after a checkpoint, and only when something changed', async () => {
    await replaceTownships(inner, TONGNAN.townships);
    await wrapped.client.checkpoint();
    expect(saved).toHaveLength(1);
    expect(townshipRows(saved[0])).toBe(TONGNAN.townships.length);
    expect(wrapped.savedBytes()).toBeGreaterThan(0);
    await wrapped.client.checkpoint();
    expect(saved).toHaveLength(1);
  });

  it('saves a committed transaction that no checkpoint follows, a moment later', async () => {
    await replaceTownships(wrapped.client, TONGNAN.townships.slice(0, 3));
    await expect.poll(() => saved.length, { timeout: 10_000 }).toBe(2);
    expect(townshipRows(saved[1])).toBe(3);
  });

  it('saves nothing once stopped', async () => {
    wrapped.stop();
    await replaceTownships(wrapped.client, TONGNAN.townships.slice(0, 2));
    await wrapped.client.checkpoint();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(saved).toHaveLength(2);
  });
});
