import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashBytes } from './hash-bytes.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('content hash (re-import detection)', () => {
  it.each([
    ['empty', ''],
    ['abc', 'abc'],
    ['55 bytes, the last length that fits one block', 'x'.repeat(55)],
    ['56 bytes, padding spills into a second block', 'y'.repeat(56)],
    ['a Chinese report line', '宝龙镇,2021年,调解纠纷,94,件,\r\n'.repeat(100)],
  ])(
    'without crypto.subtle (an http intranet page) the digest is the standard one: %s',
    async (_name, text) => {
      vi.stubGlobal('crypto', undefined);
      const bytes = new TextEncoder().encode(text);
      expect(await hashBytes(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    },
  );

  it('hashBytes gives the same digest with crypto.subtle', async () => {
    const bytes = new TextEncoder().encode('宝龙镇');
    expect(await hashBytes(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
