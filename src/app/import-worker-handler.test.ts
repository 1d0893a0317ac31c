import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handleRequest, type WorkerReply, type WorkerRequest } from './import-worker-handler.ts';

const GBK = new Uint8Array(readFileSync('test/fixtures/tongnan-2020-wide-gbk.csv'));
const LINES = new TextDecoder('gb18030').decode(GBK).trimEnd().split('\r\n').length;

/** The handler's answers to one request, in order. */
async function ask(request: WorkerRequest): Promise<WorkerReply[]> {
  const replies: WorkerReply[] = [];
  await handleRequest(request, (message) => replies.push(message));
  return replies;
}

const check = (id: number, source: File, workerCopy: number | undefined, encoding?: 'gb18030') =>
  ask({ id, kind: 'check', source, encoding, workerCopy, delimiter: ','.charCodeAt(0), dataLine: 2 });

describe('the import worker keeps its copy of a decoded file for that file’s check', () => {
  it('the check scans the copy once; a later check decodes the file again, and a preview drops the copy', async () => {
    const file = new File([GBK], 'tongnan-2020-wide-gbk.csv');
    const [decoded] = await ask({ id: 1, kind: 'utf8', source: file, override: undefined });
    expect(decoded?.result).toMatchObject({ encoding: 'gb18030', decoded: true, workerCopy: 1 });

    // Told no encoding, the check can only have read the decoded copy: the file's own bytes are GBK.
    const [scan] = await check(2, file, 1);
    expect(scan).toMatchObject({ part: 'scan', result: { ok: true, lines: LINES } });
    // The copy was taken: the file's own bytes are not UTF-8, and its check says so.
    const [again] = await check(3, file, 1);
    expect(again?.result).toMatchObject({ ok: false });
    // Given the encoding, a check without the copy decodes the file again.
    const [decodedAgain] = await check(4, file, 1, 'gb18030');
    expect(decodedAgain?.result).toEqual({ ok: true, lines: LINES });

    await ask({ id: 5, kind: 'utf8', source: file, override: undefined });
    await ask({ id: 6, kind: 'preview', source: file, options: { fileName: file.name, townships: [] } });
    const [afterPreview] = await check(7, file, 5);
    expect(afterPreview?.result).toMatchObject({ ok: false });
  });
});
