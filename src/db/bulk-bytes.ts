/**
 * The bulk import's work on a file's bytes that needs no DuckDB: decoding a GBK or UTF-16 file to
 * UTF-8, the byte scan (scan-csv-bytes.ts) and the content hash. Over a 45 MB file it takes
 * seconds where the page has no crypto.subtle (plain http on an intranet), so the app runs it in
 * its import worker (app/import-worker.ts) while DuckDB reads the file; Node runs it in-thread.
 */
import { decodeBytes, type TextEncodingName } from '../import/decode-bytes.ts';
import { hashBytes } from '../import/hash-bytes.ts';
import { type ByteScan, scanCsvBytes } from './scan-csv-bytes.ts';

export interface Utf8Input {
  readonly utf8: Uint8Array;
  /** Whether `utf8` is a fresh copy (the file was decoded), so DuckDB may take it over. */
  readonly owned: boolean;
  readonly encoding: TextEncodingName;
  readonly detected: boolean;
}

export interface ByteCheck {
  readonly scan: Promise<ByteScan>;
  /** SHA-256 of the file's own bytes: it may take longer than the scan, and is needed later. */
  readonly hash: Promise<string>;
}

export interface ByteWork {
  /** The file as UTF-8 bytes with decodeBytes' choice of encoding, or undefined when it cannot be read. */
  toUtf8(bytes: Uint8Array, override: TextEncodingName | undefined): Promise<Utf8Input | undefined>;
  /**
   * The scan of `utf8` and the hash of `bytes` (the same array for a UTF-8 file). Both are read
   * (or copied) before this returns, so the caller may hand `utf8` to DuckDB right after.
   */
  check(bytes: Uint8Array, utf8: Uint8Array, delimiter: number, dataLine: number): ByteCheck;
}

/** The top of a file that decides its encoding: more than the 8 Ki characters decodeBytes looks at. */
const PROBE_BYTES = 64 * 1024;

/**
 * The file itself when it is UTF-8 (the choice is made on the head: E1–E8 look no further, except
 * for validity, which the byte scan checks for the rest); null when it must be decoded; undefined
 * when it cannot be read. Cheap: it looks at the head only.
 */
export function asUtf8(
  bytes: Uint8Array,
  override: TextEncodingName | undefined,
): Utf8Input | null | undefined {
  const probe = decodeBytes(cutAtLine(bytes, PROBE_BYTES), override);
  if (!probe.ok) return undefined;
  if (probe.encoding === 'utf-8' || probe.encoding === 'utf-8-bom') {
    return { utf8: bytes, owned: false, encoding: probe.encoding, detected: probe.detected };
  }
  return null;
}

/** The file as UTF-8: itself, or decoded whole. */
export function toUtf8(bytes: Uint8Array, override: TextEncodingName | undefined): Utf8Input | undefined {
  const input = asUtf8(bytes, override);
  return input === null ? decodeToUtf8(bytes, override) : input;
}

/** A file that is not UTF-8, decoded whole and written as UTF-8 (a fresh copy). */
export function decodeToUtf8(
  bytes: Uint8Array,
  override: TextEncodingName | undefined,
): Utf8Input | undefined {
  const decoded = decodeBytes(bytes, override);
  if (!decoded.ok) return undefined;
  return {
    utf8: new TextEncoder().encode(decoded.text),
    owned: true,
    encoding: decoded.encoding,
    detected: decoded.detected,
  };
}

/** The whole lines in the first `size` bytes (all of them when the file is no longer). */
export function cutAtLine(bytes: Uint8Array, size: number): Uint8Array {
  if (bytes.length <= size) return bytes;
  const end = bytes.indexOf(0x0a, size);
  return end < 0 ? bytes : bytes.subarray(0, end + 1);
}

/** Scans `utf8` before it returns (DuckDB may take `utf8` over right after), then hashes `bytes`. */
export function checkBytes(
  bytes: Uint8Array,
  utf8: Uint8Array,
  delimiter: number,
  dataLine: number,
): ByteCheck {
  const scan = scanCsvBytes(utf8, delimiter, dataLine);
  return { scan: Promise.resolve(scan), hash: hashBytes(bytes) };
}

/** The same work on the calling thread: for Node (tests, the command line). */
export const inThreadByteWork: ByteWork = {
  toUtf8: async (bytes, override) => toUtf8(bytes, override),
  check: checkBytes,
};
