import type { ImportOptions, ImportPreview } from '../import/import-file.ts';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (p: ImportPreview) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; preview?: ImportPreview; error?: string }>) => {
      const entry = pending.get(event.data.id);
      if (!entry) return;
      pending.delete(event.data.id);
      if (event.data.preview) entry.resolve(event.data.preview);
      else entry.reject(new Error(event.data.error ?? 'import worker failed'));
    };
  }
  return worker;
}

/** The import pipeline's preview of one file, computed in a Web Worker. */
export function previewInWorker(bytes: Uint8Array, options: ImportOptions): Promise<ImportPreview> {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // The bytes are copied, not transferred: the file may be read again with other options.
    getWorker().postMessage({ id, bytes, options });
  });
}
