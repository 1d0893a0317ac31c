/**
 * Web Worker: the import's heavy JavaScript, off the page's thread, so reading a large file never
 * freezes the page. It runs the pure pipeline (a preview of a file) and the bulk import's byte
 * work (db/bulk-bytes.ts: decoding to UTF-8, the byte scan, the content hash).
 */
import { checkBytes, decodeToUtf8 } from '../db/bulk-bytes.ts';
import type { TextEncodingName } from '../import/decode-bytes.ts';
import { type ImportOptions, importFile } from '../import/import-file.ts';

export type WorkerRequest =
  | {
      readonly id: number;
      readonly kind: 'preview';
      readonly bytes: Uint8Array;
      readonly options: ImportOptions;
    }
  | {
      readonly id: number;
      readonly kind: 'utf8';
      readonly bytes: Uint8Array;
      readonly override: TextEncodingName | undefined;
    }
  | {
      readonly id: number;
      readonly kind: 'check';
      readonly bytes: Uint8Array;
      /** Absent when the file is UTF-8: `bytes` is scanned. */
      readonly utf8: Uint8Array | undefined;
      readonly delimiter: number;
      readonly dataLine: number;
    };

/** One answer to a request; a check is answered twice, `part` 'scan' then 'hash'. */
export interface WorkerReply {
  readonly id: number;
  readonly part?: 'scan' | 'hash';
  readonly result?: unknown;
  readonly error?: string;
}

const reply = (message: WorkerReply, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });
const failure = (error: unknown) => (error instanceof Error ? error.message : String(error));

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const { id } = request;
  try {
    if (request.kind === 'preview') {
      reply({ id, result: await importFile(request.bytes, request.options) });
    } else if (request.kind === 'utf8') {
      // Only a file that is not UTF-8 comes here; its decoded copy is handed over, not copied.
      const input = decodeToUtf8(request.bytes, request.override);
      reply({ id, result: input ?? null }, input ? [input.utf8.buffer] : []);
    } else {
      const checked = checkBytes(
        request.bytes,
        request.utf8 ?? request.bytes,
        request.delimiter,
        request.dataLine,
      );
      reply({ id, part: 'scan', result: await checked.scan });
      try {
        reply({ id, part: 'hash', result: await checked.hash });
      } catch (error) {
        reply({ id, part: 'hash', error: failure(error) });
      }
    }
  } catch (error) {
    reply({ id, error: failure(error) });
  }
};
