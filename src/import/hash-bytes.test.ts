import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashBytes, sha256 } from './hash-bytes.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('content hash (re-import detection)', () => {
  it.each([
    ['empty', ''],
    ['abc', 'abc'],
    ['55 bytes, the last length that fits one block', 'x'.repeat(55)],
    ['56 bytes, padding spills into a second block', 'y'.repeat(56)],
    ['a Chinese report line', '宝龙镇,2021年,调解纠纷,94,件,\r\n'.repeat(100)],
  ])('the plain-code SHA-256 (for http intranet pages) equals the standard one: %s', (_name, text) => {
    const bytes = new TextEncoder().encode(text);
    expect(hex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('hashBytes gives the same digest with crypto.subtle', async () => {
    const bytes = new TextEncoder().encode('宝龙镇');
    expect(await hashBytes(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
