/**
 * Web Worker: the import's heavy JavaScript, off the page's thread, so reading a large file never
 * freezes the page. It runs the pure pipeline (a preview of a file) and the bulk import's byte
 * work (db/bulk-bytes.ts: reading a File, decoding to UTF-8, the byte scan, the content hash). A
 * file comes as the user's File, which it reads itself, or as bytes.
 */
import { checkFromSource, decodeToUtf8, type FileSource, readAll } from '../db/bulk-bytes.ts';
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

const reply = (message: WorkerReply, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });
const failure = (error: unknown) =>
  error instanceof Error ? { error: error.message, errorName: error.name } : { error: String(error) };

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const { id } = request;
  try {
    if (request.kind === 'preview') {
      reply({ id, result: await importFile(await readAll(request.source), request.options) });
    } else if (request.kind === 'read') {
      const buffer = await request.source.arrayBuffer();
      reply({ id, result: new Uint8Array(buffer) }, [buffer]);
    } else if (request.kind === 'utf8') {
      // Only a file that is not UTF-8 comes here; its decoded copy is handed over, not copied.
      const input = decodeToUtf8(await readAll(request.source), request.override);
      reply({ id, result: input ?? null }, input ? [input.utf8.buffer] : []);
    } else {
      const checked = checkFromSource(request.source, request.encoding, request.delimiter, request.dataLine);
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
};
