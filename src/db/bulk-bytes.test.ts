import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../bench/encode-gbk.ts';
import { encodeUtf16 } from '../bench/encode-utf16.ts';
import { generateLongCsv } from '../bench/generate-long-csv.ts';
import { decodeBytes } from '../import/decode-bytes.ts';
import { decodeToUtf8 } from './bulk-bytes.ts';

const LONG = new TextDecoder().decode(generateLongCsv(3_000)).replace(/^\uFEFF/, '');

type Override = 'gb18030' | 'utf-8' | 'utf-16le' | 'utf-16be';

/** What decoding to text, then encoding as UTF-8, gives: decodeToUtf8 must give the same. */
function byText(bytes: Uint8Array, override?: Override) {
  const decoded = decodeBytes(bytes, override);
  if (!decoded.ok) return undefined;
  return {
    utf8: new TextEncoder().encode(decoded.text),
    encoding: decoded.encoding,
    detected: decoded.detected,
  };
}

describe('E5 E6 E7 E8 a GBK or UTF-16 file as UTF-8 for the bulk import, decoded straight or through text alike', () => {
  it.each<[name: string, bytes: Uint8Array, override?: Override]>([
    ['a GBK file, detected', encodeGbk(LONG)],
    ['a GBK file, chosen by the user', encodeGbk(LONG), 'gb18030'],
    // A four-byte GB18030 code (U+00A5 written 81 30 84 36) is left to the platform's decoder.
    [
      'a GB18030 file with a four-byte code',
      new Uint8Array([...encodeGbk(LONG), 0x81, 0x30, 0x84, 0x36, 0x0d, 0x0a]),
    ],
    // Its head is UTF-8, the rest is not: the whole file is GB18030 (E7), decided on the whole.
    [
      'a file whose head is UTF-8 and whose tail is GBK',
      new Uint8Array([...new TextEncoder().encode(LONG), ...encodeGbk('宝龙镇,2021年,调解纠纷,94,件,\r\n')]),
    ],
    ['a GBK file read as UTF-8 by the user’s choice', encodeGbk(LONG), 'utf-8'],
    ['a UTF-16LE file with its BOM (Excel “Unicode text”)', encodeUtf16(`\uFEFF${LONG}`)],
    ['a UTF-16BE file with its BOM', encodeUtf16(`\uFEFF${LONG}`, 'be')],
    ['a UTF-16LE file without a BOM, recognised by its zero bytes', encodeUtf16(LONG)],
    ['a UTF-16LE file chosen by the user', encodeUtf16(LONG), 'utf-16le'],
    [
      'a UTF-16 file with a character beyond the Basic Multilingual Plane',
      encodeUtf16(`\uFEFF${LONG}𠀀\r\n`),
    ],
    ['a UTF-16LE file read as UTF-16BE by the user’s choice', encodeUtf16(`\uFEFF${LONG}`), 'utf-16be'],
  ])('%s', (_name, bytes, override) => {
    const expected = byText(bytes, override);
    const input = decodeToUtf8(bytes, override);
    expect(input && { utf8: input.utf8, encoding: input.encoding, detected: input.detected }).toEqual(
      expected,
    );
    expect(input).toMatchObject({ owned: true, decoded: true });
  });
});
