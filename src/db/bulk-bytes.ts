/**
 * The bulk import's work on a file's bytes that needs no DuckDB: decoding a GBK or UTF-16 file to
 * UTF-8, the byte scan (scan-csv-bytes.ts) and the content hash. Over a 45 MB file it takes
 * seconds where the page has no crypto.subtle (plain http on an intranet), so the app runs it in
 * its import worker (app/import-worker.ts) while DuckDB reads the file; Node runs it in-thread.
 *
 * In the app a file is the user's File: the page reads only its head, and the worker and DuckDB's
 * worker each read it themselves, so no copy of a large file is made or held on the page's thread.
 */
import { decodeBytes, type TextEncodingName } from '../import/decode-bytes.ts';
import { hashBytes } from '../import/hash-bytes.ts';
import { type ByteScan, scanCsvBytes } from './scan-csv-bytes.ts';

/** A file as the bulk import takes it: the user's File in the app, its bytes in Node. */
export type FileSource = Blob | Uint8Array;

export function sourceSize(source: FileSource): number {
  return source instanceof Uint8Array ? source.length : source.size;
}

/** All of a file's bytes: the array itself, or the File read whole. */
export async function readAll(source: FileSource): Promise<Uint8Array> {
  return source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
}

/**
 * The whole lines in the first `size` bytes of a file (all of it when it is no longer); undefined
 * when a line is longer than that.
 */
export async function readStart(source: FileSource, size: number): Promise<Uint8Array | undefined> {
  if (sourceSize(source) <= size) return readAll(source);
  const start =
    source instanceof Uint8Array
      ? source.subarray(0, size)
      : new Uint8Array(await source.slice(0, size).arrayBuffer());
  const end = start.lastIndexOf(0x0a);
  return end < 0 ? undefined : start.subarray(0, end + 1);
}

export interface Utf8Input {
  /** The file itself when it is UTF-8, else its decoded copy. */
  readonly utf8: FileSource;
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
  /** The file as UTF-8 with decodeBytes' choice of encoding, or undefined when it cannot be read. */
  toUtf8(source: FileSource, override: TextEncodingName | undefined): Promise<Utf8Input | undefined>;
  /**
   * The scan of `utf8` and the hash of `source` (the same file for a UTF-8 one). Bytes given as an
   * array are read (or copied) before this returns, so the caller may hand them to DuckDB right after.
   */
  check(source: FileSource, utf8: FileSource, delimiter: number, dataLine: number): ByteCheck;
}

/** The top of a file that decides its encoding: more than the 8 Ki characters decodeBytes looks at. */
const PROBE_BYTES = 64 * 1024;

/**
 * The file itself when it is UTF-8 (the choice is made on the head: E1–E8 look no further, except
 * for validity, which the byte scan checks for the rest); null when it must be decoded; undefined
 * when it cannot be read. Cheap: it reads the head only.
 */
export async function asUtf8(
  source: FileSource,
  override: TextEncodingName | undefined,
): Promise<Utf8Input | null | undefined> {
  // The probe's lines may run past PROBE_BYTES: read more, whole lines, and cut there.
  const start = await readStart(source, 4 * PROBE_BYTES);
  if (!start) return null;
  const probe = decodeBytes(cutAtLine(start, PROBE_BYTES), override);
  if (!probe.ok) return undefined;
  if (probe.encoding === 'utf-8' || probe.encoding === 'utf-8-bom') {
    return { utf8: source, owned: false, encoding: probe.encoding, detected: probe.detected };
  }
  return null;
}

/** The file as UTF-8: itself, or decoded whole. */
export async function toUtf8(
  source: FileSource,
  override: TextEncodingName | undefined,
): Promise<Utf8Input | undefined> {
  const input = await asUtf8(source, override);
  return input === null ? decodeToUtf8(await readAll(source), override) : input;
}

/** A file that is not UTF-8, decoded whole and written as UTF-8 (a fresh copy). */
export function decodeToUtf8(
  bytes: Uint8Array,
  override: TextEncodingName | undefined,
): (Utf8Input & { readonly utf8: Uint8Array }) | undefined {
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

/** checkBytes on files: each is read whole first. */
export function checkSources(
  source: FileSource,
  utf8: FileSource,
  delimiter: number,
  dataLine: number,
): ByteCheck {
  const reading = Promise.all([readAll(source), utf8 === source ? undefined : readAll(utf8)]).then(
    ([bytes, decoded]) => checkBytes(bytes, decoded ?? bytes, delimiter, dataLine),
  );
  return { scan: reading.then((c) => c.scan), hash: reading.then((c) => c.hash) };
}

/** The same work on the calling thread: for Node (tests, the command line). */
export const inThreadByteWork: ByteWork = { toUtf8, check: checkSources };
