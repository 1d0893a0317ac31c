/**
 * Web Worker: runs the pure import pipeline off the main thread, so decoding and reading a
 * large file never freezes the page. It receives bytes and options, and answers a preview.
 */
import { type ImportOptions, importFile } from '../import/import-file.ts';

interface Request {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly options: ImportOptions;
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const { id, bytes, options } = event.data;
  try {
    const preview = await importFile(bytes, options);
    self.postMessage({ id, preview });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
