import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeUtf16 } from '../bench/encode-utf16.ts';
import { handleRequest, type WorkerReply, type WorkerRequest } from './import-worker-handler.ts';

/**
 * A stand-in for the browser's Worker that answers with the worker's own handler
 * (import-worker-handler.ts); `crashNext` makes it fail the way a crashed worker does.
 */
class FakeWorker {
  static created = 0;
  static crashNext = false;
  static checks: WorkerRequest[] = [];
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;

  constructor() {
    FakeWorker.created++;
  }

  postMessage(request: WorkerRequest): void {
    if (FakeWorker.crashNext) {
      FakeWorker.crashNext = false;
      setTimeout(() => this.onerror?.({ preventDefault() {} }), 0);
      return;
    }
    if (request.kind === 'check') FakeWorker.checks.push(request);
    // Answers later, as a worker does, with the worker's own handler.
    setTimeout(
      () =>
        void handleRequest(request, (message) =>
          this.onmessage?.({ data: message } as MessageEvent<WorkerReply>),
        ),
      0,
    );
  }

  terminate(): void {}
}

const original = globalThis.Worker;
beforeAll(() => {
  globalThis.Worker = FakeWorker as unknown as typeof Worker;
});
afterAll(() => {
  globalThis.Worker = original;
});

const { isFileUnreadable, workerByteWork } = await import('./import-worker-client.ts');

/** A File the browser no longer reads whole: it changed on disk after it was chosen. */
class ChangedFile extends File {
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError'));
  }
}

const CSV = '镇街,年度,指标,数值\r\n宝龙镇,2021,调解纠纷,94\r\n宝龙镇,2021,调解成功,92\r\n';
/** SHA-256 of CSV's UTF-8 bytes, from the platform's digest. */
async function digest(bytes: Uint8Array): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('the bulk import’s byte work in the import worker', () => {
  it('a UTF-8 file is known from its head: nothing is sent to the worker to decode', async () => {
    const bytes = new TextEncoder().encode(CSV);
    const input = await workerByteWork.toUtf8(bytes, undefined);
    expect(input).toMatchObject({ encoding: 'utf-8', owned: false, decoded: false });
    expect(input?.utf8).toBe(bytes);
    expect(FakeWorker.created).toBe(0);
  });

  it('a UTF-16 file is decoded there, and its scan and hash come back as two answers', async () => {
    const utf16 = encodeUtf16(`\uFEFF${CSV}`);
    const input = await workerByteWork.toUtf8(utf16, undefined);
    expect(input?.encoding).toBe('utf-16le');
    expect(input).toMatchObject({ owned: true, decoded: true });
    expect(new TextDecoder().decode(input?.utf8)).toBe(CSV);

    if (!input) throw new Error('not decoded');
    const checked = workerByteWork.check(utf16, input, ','.charCodeAt(0), 1);
    expect(await checked.scan).toEqual({ ok: true, lines: 3 });
    expect(await checked.hash).toBe(await digest(utf16));
  });

  it('a file the user picked is read by the worker, which hands its bytes over and reads it again to check it', async () => {
    const bytes = new TextEncoder().encode(CSV);
    const file = new File([bytes], '宝龙镇.csv');
    const input = await workerByteWork.toUtf8(file, undefined);
    expect(input).toMatchObject({ encoding: 'utf-8', owned: true, decoded: false });
    expect(input?.utf8).toEqual(bytes);
    if (!input) throw new Error('not read');
    const checked = workerByteWork.check(file, input, ','.charCodeAt(0), 1);
    expect(await checked.scan).toEqual({ ok: true, lines: 3 });
    expect(await checked.hash).toBe(await digest(bytes));

    const gbkBytes = new Uint8Array(readFileSync('test/fixtures/tongnan-2020-wide-gbk.csv'));
    const text = new TextDecoder('gb18030').decode(gbkBytes);
    const gbk = new File([gbkBytes], 'tongnan-2020-wide-gbk.csv');
    const decoded = await workerByteWork.toUtf8(gbk, undefined);
    expect(decoded?.encoding).toBe('gb18030');
    expect(decoded).toMatchObject({ owned: true, decoded: true });
    expect(new TextDecoder().decode(decoded?.utf8)).toBe(text);
    if (!decoded) throw new Error('not decoded');
    const gbkChecked = workerByteWork.check(gbk, decoded, ','.charCodeAt(0), 2);
    expect(await gbkChecked.scan).toEqual({ ok: true, lines: text.trimEnd().split('\r\n').length });
    expect(await gbkChecked.hash).toBe(await digest(gbkBytes));
    // The worker scans its own copy (or decodes the file again): the page's decoded copy, DuckDB's
    // to take over, is never sent to it (a structured clone of the whole file on the page's thread).
    const sent = FakeWorker.checks.at(-1);
    expect(sent).toMatchObject({ kind: 'check', source: gbk, encoding: 'gb18030' });
    expect(Object.values(sent ?? {}).some((value) => value instanceof Uint8Array)).toBe(false);
  });

  it('a File changed on disk since it was chosen: the worker’s failure says so, and is known for it', async () => {
    // Larger than the head the page reads itself: the worker is the first to read it whole.
    const lines = `${CSV}${'宝龙镇,2021,法律咨询,500\r\n'.repeat(20_000)}`;
    const file = new ChangedFile([new TextEncoder().encode(lines)], '宝龙镇.csv');
    const failed = await workerByteWork.toUtf8(file, undefined).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isFileUnreadable(failed)).toBe(true);
    expect(isFileUnreadable(new Error('import worker failed'))).toBe(false);
  });

  it('a crashed worker fails the requests waiting on it, and the next request gets a new worker', async () => {
    const bytes = new TextEncoder().encode(CSV);
    const before = FakeWorker.created;
    FakeWorker.crashNext = true;
    const input = { utf8: bytes, owned: false, decoded: false, encoding: 'utf-8', detected: true } as const;
    const checked = workerByteWork.check(bytes, input, ','.charCodeAt(0), 1);
    await expect(checked.scan).rejects.toThrow('import worker failed');
    await expect(checked.hash).rejects.toThrow('import worker failed');

    const again = workerByteWork.check(bytes, input, ','.charCodeAt(0), 1);
    expect(await again.scan).toEqual({ ok: true, lines: 3 });
    expect(await again.hash).toBe(await digest(bytes));
    expect(FakeWorker.created).toBe(before + 1);
  });
});
