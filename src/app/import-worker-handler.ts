/**
 * What the import worker (import-worker.ts) does: the import's heavy JavaScript, off the page's
 * thread, so reading a large file never freezes the page. It runs the pure pipeline (a preview of a
 * file) and the bulk import's byte work (db/bulk-bytes.ts: reading a File, decoding to UTF-8, the
 * byte scan, the content hash). A file comes as the user's File, which it reads itself, or as bytes.
 */
import { checkFromSource, checkSource, decodeToUtf8, type FileSource, readAll } from '../db/bulk-bytes.ts';
import type { TextEncodingName } from '../import/decode-bytes.ts';
import { type ImportOptions, importFile } from '../import/import-file.ts';

export type WorkerRequest =
  | {
      readonly id: number;
      readonly kind: 'preview';
      readonly source: FileSource;
      readonly options: ImportOptions;
    }
  | {
      readonly id: number;
      /** A UTF-8 File's bytes, handed over. */
      readonly kind: 'read';
      readonly source: Blob;
    }
  | {
      readonly id: number;
      readonly kind: 'utf8';
      readonly source: FileSource;
      readonly override: TextEncodingName | undefined;
    }
  | {
      readonly id: number;
      readonly kind: 'check';
      readonly source: FileSource;
      /** The encoding a file that was decoded was read with; absent when the file is UTF-8. */
      readonly encoding: TextEncodingName | undefined;
      /** The worker's copy of the decoded file (Utf8Input.workerCopy), if it still has it. */
      readonly workerCopy: number | undefined;
      readonly delimiter: number;
      readonly dataLine: number;
    };

/** One answer to a request; a check is answered twice, `part` 'scan' then 'hash'. */
export interface WorkerReply {
  readonly id: number;
  readonly part?: 'scan' | 'hash';
  readonly result?: unknown;
  readonly error?: string;
  /** The error's name (`NotReadableError`: the File changed on disk after it was chosen). */
  readonly errorName?: string;
}

export type Reply = (message: WorkerReply, transfer?: Transferable[]) => void;

const failure = (error: unknown) =>
  error instanceof Error ? { error: error.message, errorName: error.name } : { error: String(error) };

/**
 * The worker's copy of the last file it decoded, for that file's check: the page hands its own
 * copy to DuckDB, and sending it back would copy it (a structured clone) on the page's thread.
 * Only the last is kept; the check takes it, and a preview (the pipeline reads the file instead)
 * drops it. A check that finds it gone decodes the file again.
 */
let kept: { readonly id: number; readonly utf8: Uint8Array } | undefined;

/** Answers one request, as the import worker does (import-worker.ts). */
export async function handleRequest(request: WorkerRequest, reply: Reply): Promise<void> {
  const { id } = request;
  try {
    if (request.kind === 'preview') {
      kept = undefined;
      reply({ id, result: await importFile(await readAll(request.source), request.options) });
    } else if (request.kind === 'read') {
      const buffer = await request.source.arrayBuffer();
      reply({ id, result: new Uint8Array(buffer) }, [buffer]);
    } else if (request.kind === 'utf8') {
      // Only a file that is not UTF-8 comes here; its decoded copy is handed over, not copied, and a
      // copy is kept here for its check.
      kept = undefined;
      const input = decodeToUtf8(await readAll(request.source), request.override);
      if (input) kept = { id, utf8: input.utf8.slice() };
      reply({ id, result: input ? { ...input, workerCopy: id } : null }, input ? [input.utf8.buffer] : []);
    } else {
      const { source, encoding, workerCopy, delimiter, dataLine } = request;
      const copy = workerCopy !== undefined && kept?.id === workerCopy ? kept.utf8 : undefined;
      if (copy) kept = undefined;
      const checked = copy
        ? checkSource(source, copy, delimiter, dataLine)
        : checkFromSource(source, encoding, delimiter, dataLine);
      reply({ id, part: 'scan', result: await checked.scan });
      try {
        reply({ id, part: 'hash', result: await checked.hash });
      } catch (error) {
        reply({ id, part: 'hash', ...failure(error) });
      }
    }
  } catch (error) {
    reply({ id, ...failure(error) });
  }
}
