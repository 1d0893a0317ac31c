/**
 * A write-ahead log DuckDB cannot replay. The app checkpoints after every change, so the log of the
 * OPFS database only ever holds work that was never reported as done. A page closed while DuckDB was
 * writing a COMMIT to the log leaves it torn, and DuckDB-WASM 1.32 then refuses to open the database
 * at all ("Failure while replaying WAL file … Corrupt WAL file: entry at byte position N computed
 * checksum … does not match stored checksum …"), although the database file still holds the last
 * checkpoint whole (measured: test/e2e/faults.spec.ts).
 *
 * Cutting the log back to where the torn entry starts opens the database as of that checkpoint: the
 * unfinished import is absent, never half there, and every value stored before it is back. (Moving
 * the log away is no remedy: DuckDB-WASM then opens the database, but its next COMMIT fails with
 * "File is not opened in write mode".)
 */

/** DuckDB writes each log entry after its size and its checksum, 8 bytes each. */
const ENTRY_HEADER = 16;

/**
 * The length the log must be cut back to when `error` is DuckDB refusing to replay it, or null when
 * it is anything else. DuckDB names the position of the torn entry's data, after the entry's header.
 */
export function tornWalLength(error: unknown): number | null {
  const text = error instanceof Error ? error.message : String(error);
  if (!/Failure while replaying WAL file|Corrupt WAL file/i.test(text)) return null;
  const match = /entry at byte position (\d+)/.exec(text);
  if (!match) return null;
  return Math.max(0, Number(match[1]) - ENTRY_HEADER);
}

/**
 * Cuts the OPFS database's log (`<name>.wal` next to the `opfs://<name>` database) back to `length`
 * bytes. Only while no DuckDB holds it open: after a failed open, once its worker is gone.
 */
export async function cutTornWal(opfsPath: string, length: number): Promise<void> {
  const root = await navigator.storage.getDirectory();
  const wal = await root.getFileHandle(`${opfsPath.replace(/^opfs:\/\//, '')}.wal`);
  const stream = await wal.createWritable({ keepExistingData: true });
  await stream.truncate(length);
  await stream.close();
}
