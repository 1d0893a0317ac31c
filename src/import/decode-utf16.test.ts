import { describe, expect, it } from 'vitest';
import { createRandom } from '../../scripts/seeded-random.ts';
import { encodeUtf16 } from '../bench/encode-utf16.ts';
import { decodeBytes } from './decode-bytes.ts';
import { utf16ToUtf8 } from './decode-utf16.ts';

/** decodeBytes' text as UTF-8: what utf16ToUtf8 must give when it gives anything. */
function byText(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Uint8Array | undefined {
  const decoded = decodeBytes(bytes, encoding);
  return decoded.ok ? new TextEncoder().encode(decoded.text) : undefined;
}

describe('E5 E9 UTF-16 straight to UTF-8 gives exactly decodeBytes’ text, or nothing', () => {
  it.each(['le', 'be'] as const)(
    'a report as Excel saves it as “Unicode text” (%s), its BOM dropped',
    (endian) => {
      const text = '镇街\t调解纠纷（件）\t调解成功率（%）\r\n宝龙镇\t９４\t97％\r\n合计\t"1,012"\t—\r\n';
      const bytes = encodeUtf16(`\uFEFF${text}`, endian);
      expect(utf16ToUtf8(bytes, endian)).toEqual(new TextEncoder().encode(text));
      expect(utf16ToUtf8(bytes, endian)).toEqual(byText(bytes, `utf-16${endian}`));
    },
  );

  it('every character of the Basic Multilingual Plane but the surrogates', () => {
    let text = '';
    for (let code = 1; code < 0x10000; code++)
      if (code < 0xd800 || code > 0xdfff) text += String.fromCharCode(code);
    const bytes = encodeUtf16(text);
    expect(utf16ToUtf8(bytes, 'le')).toEqual(byText(bytes, 'utf-16le'));
  });

  it('random units, some of them byte order marks or surrogates, agree with decodeBytes whenever they give anything', () => {
    const random = createRandom(20261202);
    let given = 0;
    for (let run = 0; run < 2000; run++) {
      const units: number[] = [];
      const length = 1 + Math.floor(random() * 30);
      for (let i = 0; i < length; i++) {
        const r = random();
        units.push(
          r < 0.1
            ? 0xfeff
            : r < 0.12
              ? 0xd800 + Math.floor(random() * 0x800)
              : 1 + Math.floor(random() * 0xffff),
        );
      }
      const bytes = encodeUtf16(String.fromCharCode(...units), run % 2 === 0 ? 'le' : 'be');
      const endian = run % 2 === 0 ? 'le' : 'be';
      const fast = utf16ToUtf8(bytes, endian);
      // A text decodeBytes refuses (mostly control characters: binary, E4) is refused on its head first.
      const expected = byText(bytes, `utf-16${endian}`);
      if (fast === undefined || expected === undefined) continue;
      given++;
      expect(fast).toEqual(expected);
    }
    expect(given).toBeGreaterThan(500);
  });

  it.each<[name: string, bytes: Uint8Array]>([
    ['a character beyond the Basic Multilingual Plane (𠀀)', encodeUtf16('宝龙镇𠀀')],
    ['a broken surrogate', encodeUtf16('宝龙镇\uD800,94')],
    ['an odd byte at the end', new Uint8Array([...encodeUtf16('宝龙镇'), 0x41])],
  ])('%s: left to the decoder', (_name, bytes) => {
    expect(utf16ToUtf8(bytes, 'le')).toBeUndefined();
  });
});
