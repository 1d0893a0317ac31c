/**
 * The bulk import's work on a file's bytes that needs no DuckDB: decoding a GBK or UTF-16 file to
 * UTF-8, the byte scan (scan-csv-bytes.ts) and the content hash. Over a 45 MB file it takes
 * seconds where the page has no crypto.subtle (plain http on an intranet), so the app runs it in
 * its import worker (app/import-worker.ts) while DuckDB reads the file; Node runs it in-thread.
 *
 * In the app a file is the user's File: the page reads only its head. The worker reads the file
 * and hands its bytes over (no copy) to be handed on to DuckDB, then reads it again for the scan
 * and the hash, so no copy of a large file is made on the page's thread.
 */
import { decodeBytes, MAX_FILE_BYTES, type TextEncodingName } from '../import/decode-bytes.ts';
import { gbkToUtf8 } from '../import/decode-gbk.ts';
import { utf16ToUtf8 } from '../import/decode-utf16.ts';
import { hashBytes } from '../import/hash-bytes.ts';
import { type ByteScan, scanCsvBytes } from './scan-csv-bytes.ts';

/** A file as the bulk import takes it: the user's File in the app, its bytes in Node. */
export type FileSource = Blob | Uint8Array;

export function sourceSize(source: FileSource): number {
  return source instanceof Uint8Array ? source.length : source.size;
}

/** All of a file's bytes: the array itself, or the File read whole (a fresh array). */
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
  /** The file's bytes when it is UTF-8, else its decoded copy. */
  readonly utf8: Uint8Array;
  /** Whether `utf8` is a fresh array (read from a File, or decoded), so DuckDB may take it over. */
  readonly owned: boolean;
  /** Whether `utf8` was decoded from another encoding: the scan must then be given it. */
  readonly decoded: boolean;
  /** The import worker's own copy of a decoded `utf8`, by number, which its check may use. */
  readonly workerCopy?: number;
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
   * The scan of the file as UTF-8 (`input`, toUtf8's answer for it) and the hash of the file's own
   * bytes. Arrays are read (or copied) before this returns, so the caller may hand `input.utf8` to
   * DuckDB right after.
   */
  check(source: FileSource, input: Utf8Input, delimiter: number, dataLine: number): ByteCheck;
}

/** The top of a file that decides its encoding: more than the 8 Ki characters decodeBytes looks at. */
const PROBE_BYTES = 64 * 1024;

export interface Utf8Probe {
  readonly encoding: 'utf-8' | 'utf-8-bom';
  readonly detected: boolean;
}

/**
 * Whether the file is UTF-8, from its head (E1–E8 look no further, except for validity, which the
 * byte scan checks for the rest): null when it must be decoded; undefined when it cannot be read.
 * Cheap: it reads the head only.
 */
export async function probeUtf8(
  source: FileSource,
  override: TextEncodingName | undefined,
): Promise<Utf8Probe | null | undefined> {
  // The probe's lines may run past PROBE_BYTES: read more, whole lines, and cut there.
  const start = await readStart(source, 4 * PROBE_BYTES);
  if (!start) return null;
  const probe = decodeBytes(cutAtLine(start, PROBE_BYTES), override);
  if (!probe.ok) return undefined;
  if (probe.encoding === 'utf-8' || probe.encoding === 'utf-8-bom')
    return { encoding: probe.encoding, detected: probe.detected };
  return null;
}

/** A UTF-8 file's bytes as the bulk import takes them: a File read whole is a fresh array. */
export function utf8Input(bytes: Uint8Array, fresh: boolean, probe: Utf8Probe): Utf8Input {
  return { utf8: bytes, owned: fresh, decoded: false, ...probe };
}

/** The file as UTF-8: its own bytes, or decoded whole. */
export async function toUtf8(
  source: FileSource,
  override: TextEncodingName | undefined,
): Promise<Utf8Input | undefined> {
  const probe = await probeUtf8(source, override);
  if (probe === undefined) return undefined;
  const bytes = await readAll(source);
  return probe === null ? decodeToUtf8(bytes, override) : utf8Input(bytes, bytes !== source, probe);
}

/** A file that is not UTF-8, decoded whole and written as UTF-8 (a fresh copy). */
export function decodeToUtf8(
  bytes: Uint8Array,
  override: TextEncodingName | undefined,
): Utf8Input | undefined {
  const straight = straightToUtf8(bytes, override);
  if (straight) return straight;
  const decoded = decodeBytes(bytes, override);
  if (!decoded.ok) return undefined;
  return {
    utf8: encodeUtf8(decoded.text),
    owned: true,
    decoded: true,
    encoding: decoded.encoding,
    detected: decoded.detected,
  };
}

/**
 * A GBK or UTF-16 file as UTF-8 without decoding it to text first (decode-gbk.ts, decode-utf16.ts),
 * when decodeBytes would read it so: its head decides, as it does for the whole file (E1–E7: the
 * BOM, UTF-16's zero bytes and the refusals are in the head, and a head that is not UTF-8 means a
 * file that is not). Undefined leaves the file to decodeBytes.
 */
function straightToUtf8(bytes: Uint8Array, override: TextEncodingName | undefined): Utf8Input | undefined {
  if (bytes.length > MAX_FILE_BYTES) return undefined;
  const head = decodeBytes(cutAtLine(bytes, PROBE_BYTES), override);
  if (!head.ok) return undefined;
  const { encoding, detected } = head;
  const utf8 =
    encoding === 'gb18030'
      ? gbkToUtf8(bytes)
      : encoding === 'utf-16le' || encoding === 'utf-16be'
        ? utf16ToUtf8(bytes, encoding === 'utf-16le' ? 'le' : 'be')
        : undefined;
  return utf8 && { utf8, owned: true, decoded: true, encoding, detected };
}

/**
 * `text` as UTF-8. encodeInto is about three times as fast as encode on a long Chinese text in
 * Chromium (0.27 s against 0.87 s for 23.5 million characters).
 */
function encodeUtf8(text: string): Uint8Array {
  const buffer = new Uint8Array(text.length * 3);
  const { written } = new TextEncoder().encodeInto(text, buffer);
  return buffer.slice(0, written);
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

/** checkBytes on a file (a File is read whole first) and the decoded copy of one that was decoded. */
export function checkSource(
  source: FileSource,
  decoded: Uint8Array | undefined,
  delimiter: number,
  dataLine: number,
): ByteCheck {
  if (source instanceof Uint8Array) return checkBytes(source, decoded ?? source, delimiter, dataLine);
  const reading = readAll(source).then((bytes) => checkBytes(bytes, decoded ?? bytes, delimiter, dataLine));
  return { scan: reading.then((c) => c.scan), hash: reading.then((c) => c.hash) };
}

/**
 * checkSource from the file alone: a file that was decoded (`encoding`, toUtf8's choice for it, so
 * the text is the same) is decoded again. The import worker does so when it no longer holds its own
 * copy of the decoded file; it is never sent the page's, which the page would have to copy (a
 * structured clone, on its own thread) before handing it to DuckDB.
 */
export function checkFromSource(
  source: FileSource,
  encoding: TextEncodingName | undefined,
  delimiter: number,
  dataLine: number,
): ByteCheck {
  if (encoding === undefined) return checkSource(source, undefined, delimiter, dataLine);
  const reading = readAll(source).then((bytes) => {
    const input = decodeToUtf8(bytes, encoding);
    if (!input) throw new Error(`The file no longer reads as ${encoding}.`);
    return checkBytes(bytes, input.utf8, delimiter, dataLine);
  });
  return { scan: reading.then((c) => c.scan), hash: reading.then((c) => c.hash) };
}

/** The same work on the calling thread: for Node (tests, the command line). */
export const inThreadByteWork: ByteWork = {
  toUtf8,
  check: (source, input, delimiter, dataLine) =>
    checkSource(source, input.decoded ? input.utf8 : undefined, delimiter, dataLine),
};
