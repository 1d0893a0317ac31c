import type { DbClient } from '../../db/client.ts';
import { loadQualityWarnings, type QualityWarning } from '../../db/quality-queries.ts';

const cache = new WeakMap<
  DbClient,
  { readonly revision: number; readonly warnings: Promise<QualityWarning[]> }
>();

/**
 * The warnings of one revision of the data: they cover the whole dataset (seconds on a province),
 * so the quality view and every township profile share one run of the checks until the data
 * changes — every change bumps the revision.
 */
export function qualityWarnings(db: DbClient, revision: number): Promise<QualityWarning[]> {
  const hit = cache.get(db);
  if (hit && hit.revision === revision) return hit.warnings;
  const warnings = loadQualityWarnings(db);
  cache.set(db, { revision, warnings });
  // A failed run is not kept: the next view asks again.
  warnings.catch(() => {
    if (cache.get(db)?.warnings === warnings) cache.delete(db);
  });
  return warnings;
}
