/**
 * The page's side of the import worker (import-worker.ts): a preview of a file by the pipeline, and
 * the bulk import's byte work (decoding, scan, hash), each a request answered by messages.
 */
import { type ByteWork, type FileSource, probeUtf8, type Utf8Input, utf8Input } from '../db/bulk-bytes.ts';
import type { ByteScan } from '../db/scan-csv-bytes.ts';
import type { ImportOptions, ImportPreview } from '../import/import-file.ts';
import type { WorkerReply, WorkerRequest } from './import-worker-handler.ts';

type Waiting = { resolve: (result: unknown) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
let nextId = 0;
/** Keyed by request id and, for a check, by the part ('scan', 'hash') it waits for. */
const pending = new Map<string, Waiting>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const { id, part, result, error, errorName } = event.data;
      // An error before any part was answered ends every part of the request.
      const keys = part ? [`${id}:${part}`] : [`${id}:`, `${id}:scan`, `${id}:hash`];
      for (const key of keys) {
        const entry = pending.get(key);
        if (!entry) continue;
        pending.delete(key);
        if (error === undefined) entry.resolve(result);
        else
          entry.reject(
            Object.assign(new Error(error || 'import worker failed'), { name: errorName ?? 'Error' }),
          );
      }
    };
    // A worker that crashed (out of memory on a huge file) answers nothing more: every request
    // waiting on it fails, and the next one starts a new worker.
    worker.onerror = (event) => {
      event.preventDefault();
      worker?.terminate();
      worker = undefined;
      for (const entry of pending.values()) entry.reject(new Error('import worker failed'));
      pending.clear();
    };
  }
  return worker;
}

type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** Posts a request; `parts` name the answers it waits for ('' for a single one). */
function send<const P extends readonly string[]>(
  request: Request,
  parts: P,
): { [K in keyof P]: Promise<unknown> } {
  const id = ++nextId;
  const answers = parts.map(
    (part) => new Promise<unknown>((resolve, reject) => pending.set(`${id}:${part}`, { resolve, reject })),
  );
  // Bytes are copied, not transferred: the file may be read again with other options. A File is
  // not copied at all: the worker reads it.
  getWorker().postMessage({ ...request, id });
  return answers as { [K in keyof P]: Promise<unknown> };
}

/**
 * Whether reading a File failed because it changed, moved or went away on disk after the user chose
 * it: the browser then refuses to read it (`NotReadableError`, `NotFoundError`), here or in the worker.
 */
export function isFileUnreadable(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotReadableError' || error.name === 'NotFoundError');
}

/** The import pipeline's preview of one file, computed in the worker. */
export function previewInWorker(source: FileSource, options: ImportOptions): Promise<ImportPreview> {
  const [preview] = send({ kind: 'preview', source, options }, ['']);
  return preview as Promise<ImportPreview>;
}

/** The bulk import's byte work, done in the worker. */
export const workerByteWork: ByteWork = {
  async toUtf8(source, override) {
    // A UTF-8 file is known from its head. The worker reads a File and hands its bytes over, and
    // decodes a file in another encoding.
    const probe = await probeUtf8(source, override);
    if (probe === undefined) return undefined;
    if (probe !== null) {
      if (source instanceof Uint8Array) return utf8Input(source, false, probe);
      const [bytes] = send({ kind: 'read', source }, ['']);
      return utf8Input((await bytes) as Uint8Array, true, probe);
    }
    const [answer] = send({ kind: 'utf8', source, override }, ['']);
    return ((await answer) as Utf8Input | null) ?? undefined;
  },
  check(source, input, delimiter, dataLine) {
    // A decoded file is scanned in the worker's own copy (else decoded there again): the copy here
    // is DuckDB's, handed over without a copy.
    const encoding = input.decoded ? input.encoding : undefined;
    const { workerCopy } = input;
    const [scan, hash] = send({ kind: 'check', source, encoding, workerCopy, delimiter, dataLine }, [
      'scan',
      'hash',
    ]);
    return { scan: scan as Promise<ByteScan>, hash: hash as Promise<string> };
  },
};
