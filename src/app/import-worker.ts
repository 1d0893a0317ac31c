/**
 * Web Worker: the import's heavy JavaScript, off the page's thread (import-worker-handler.ts).
 */
import { handleRequest, type WorkerRequest } from './import-worker-handler.ts';

self.onmessage = (event: MessageEvent<WorkerRequest>) =>
  handleRequest(event.data, (message, transfer = []) => self.postMessage(message, { transfer }));
