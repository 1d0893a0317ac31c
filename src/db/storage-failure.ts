/**
 * Writes the browser refuses for lack of space. Chromium throws a `QuotaExceededError`
 * ("No space available for this operation") from an OPFS access handle's write(); DuckDB-WASM passes
 * it on as it is, in the middle of whatever DuckDB was writing.
 *
 * What this means for the data (measured in Chromium with DuckDB-WASM 1.32): only a completed
 * CHECKPOINT reaches the stored file — a COMMIT that was not followed by one is gone after a restart.
 * A checkpoint cut short by a full disk leaves the stored file as the last complete checkpoint had
 * it, but the running DuckDB keeps the changes in memory and soon fails on blocks that were never
 * written ("Corrupt database file: computed checksum …", then "database has been invalidated").
 * After this error, the running database no longer matches the stored one: reopen it.
 */
export function isStorageFullError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /QuotaExceeded|quota|No space available|not enough space|ENOSPC|disk full/i.test(text);
}
