import { describe, expect, it } from 'vitest';
import { encodeUtf16 } from '../bench/encode-utf16.ts';
import { type DecodeProblem, decodeBytes, MAX_FILE_BYTES, type TextEncodingName } from './decode-bytes.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const utf16 = (text: string, endian: 'le' | 'be'): Uint8Array => encodeUtf16(text, endian);

let gbkTable: Map<string, readonly number[]> | undefined;

/** GBK encoder built from the platform's GB18030 decoder; ASCII passes through. */
function gbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (!gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const table = gbkTable;
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

const bytes = (...parts: readonly (Uint8Array | readonly number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => [...p]));

const BOM_UTF8 = [0xef, 0xbb, 0xbf];
const BOM_LE = [0xff, 0xfe];
const BOM_BE = [0xfe, 0xff];
const BOM_GB18030 = [0x84, 0x31, 0x95, 0x33];
const BAOLONG_GBK = [0xb1, 0xa6, 0xc1, 0xfa, 0xd5, 0xf2];

const WIDE_CSV =
  '潼南区2021年度各镇街法治政府建设主要指标统计表,,\r\n镇街,调解纠纷（件）,调解成功率(%)\r\n宝龙镇,94,97%\r\n合计,94,\r\n';
const TSV = '镇街\t年度\t调解纠纷\r\n宝龙镇\t2021\t94\r\n桂林街道\t2021\t120\r\n';

type Ok = { text: string; encoding: TextEncodingName; detected: boolean };

function expectText(input: Uint8Array, expected: Ok, override?: TextEncodingName): void {
  expect(decodeBytes(input, override)).toEqual({ ok: true, ...expected });
}

function expectProblem(input: Uint8Array, problem: DecodeProblem, override?: TextEncodingName): void {
  expect(decodeBytes(input, override)).toEqual({ ok: false, problem });
}

describe('decodeBytes', () => {
  it.each<[string, Uint8Array]>([
    ['no bytes', new Uint8Array(0)],
    ['UTF-8 BOM only', bytes(BOM_UTF8)],
    ['UTF-16LE BOM only', bytes(BOM_LE)],
    ['UTF-16BE BOM only', bytes(BOM_BE)],
    ['GB18030 BOM only', bytes(BOM_GB18030)],
    ['blank lines', utf8('\r\n\r\n  \t\r\n')],
    ['full-width spaces', utf8('\u3000\u3000\n')],
    ['BOM and newline', bytes(BOM_UTF8, utf8('\r\n'))],
    ['UTF-16LE BOM and newline', bytes(BOM_LE, utf16('\r\n', 'le'))],
  ])('E1 empty: %s', (_name, input) => expectProblem(input, 'empty'));

  it.each<[string, Uint8Array, TextEncodingName]>([
    ['UTF-8 BOM read as gb18030', bytes(BOM_UTF8), 'gb18030'],
    ['UTF-16LE BOM read as utf-8', bytes(BOM_LE), 'utf-8'],
    ['GB18030 BOM read as utf-16le', bytes(BOM_GB18030), 'utf-16le'],
    ['UTF-16LE blank lines read as utf-16le', utf16('\r\n\r\n', 'le'), 'utf-16le'],
  ])('E1 empty even with an override: %s', (_name, input, override) =>
    expectProblem(input, 'empty', override),
  );

  it.each<[string, Uint8Array, TextEncodingName | undefined]>([
    ['one byte over the limit', new Uint8Array(MAX_FILE_BYTES + 1), undefined],
    ['one byte over the limit with an override', new Uint8Array(MAX_FILE_BYTES + 1), 'utf-8'],
  ])('E2 too large: %s', (_name, input, override) => {
    expect(MAX_FILE_BYTES).toBe(200 * 1024 * 1024);
    expectProblem(input, 'too-large', override);
  });

  it.each<[string, Uint8Array, DecodeProblem, TextEncodingName | undefined]>([
    ['xlsx (ZIP)', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'xlsx', undefined],
    ['xlsx with an override', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'xlsx', 'gb18030'],
    ['xls (OLE2)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls', undefined],
    ['xls with an override', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'xls', 'utf-16le'],
  ])('E3 workbooks are refused: %s', (_name, input, problem, override) =>
    expectProblem(input, problem, override),
  );

  it.each<[string, Uint8Array, TextEncodingName | undefined]>([
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), undefined],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), undefined],
    ['PDF', utf8('%PDF-1.7\n%âãÏÓ\n'), undefined],
    ['GIF', utf8('GIF89a'), undefined],
    ['gzip', bytes([0x1f, 0x8b, 0x08, 0x00]), undefined],
    ['PDF with an override', utf8('%PDF-1.4\n'), 'utf-8'],
    ['NUL byte in UTF-8 text', utf8('镇街,数值\r\n宝龙镇,\u000094\r\n'), undefined],
    ['NUL byte with an override', utf8('a,b\r\n\u0000'), 'gb18030'],
    ['NUL byte after a UTF-8 BOM', bytes(BOM_UTF8, utf8('a,b\u0000')), undefined],
    ['control characters', bytes([0x01, 0x02, 0x03, 0x04, 0x41, 0x05, 0x06, 0x07, 0x08, 0x0e]), undefined],
    ['NUL code units in UTF-16LE', bytes(BOM_LE, [0, 0, 0, 0, 0x41, 0, 0, 0, 0, 0]), undefined],
  ])('E4 other binaries are refused: %s', (_name, input, override) =>
    expectProblem(input, 'binary', override),
  );

  it('E4 a few control characters in text are fine', () =>
    expectText(utf8(`a\fb\r\n${'x'.repeat(50)}`), {
      text: `a\fb\r\n${'x'.repeat(50)}`,
      encoding: 'utf-8',
      detected: true,
    }));

  it.each<[string, Uint8Array, TextEncodingName, string]>([
    ['UTF-8 BOM (Excel "CSV UTF-8")', bytes(BOM_UTF8, utf8(WIDE_CSV)), 'utf-8-bom', WIDE_CSV],
    ['UTF-16LE BOM (Excel "Unicode text")', bytes(BOM_LE, utf16(TSV, 'le')), 'utf-16le', TSV],
    ['UTF-16BE BOM', bytes(BOM_BE, utf16(TSV, 'be')), 'utf-16be', TSV],
    ['UTF-16LE BOM, Chinese only', bytes(BOM_LE, utf16('宝龙镇', 'le')), 'utf-16le', '宝龙镇'],
  ])('E5 BOM decides and is removed: %s', (_name, input, encoding, text) =>
    expectText(input, { text, encoding, detected: true }),
  );

  it.each<[string, Uint8Array, TextEncodingName, string]>([
    ['UTF-16LE tab-separated', utf16(TSV, 'le'), 'utf-16le', TSV],
    ['UTF-16LE ASCII only', utf16('a,b\r\n1,2\r\n', 'le'), 'utf-16le', 'a,b\r\n1,2\r\n'],
    ['UTF-16BE tab-separated', utf16(TSV, 'be'), 'utf-16be', TSV],
  ])('E6 UTF-16 without a BOM: %s', (_name, input, encoding, text) =>
    expectText(input, { text, encoding, detected: true }),
  );

  it('E6 UTF-16LE without a BOM is only sniffed when mostly ASCII', () =>
    expectProblem(utf16('宝龙镇,桂林街道,梓潼街道,大佛街道', 'le').slice(0, 6).fill(0, 4), 'binary'));

  it.each<[string, Uint8Array, TextEncodingName, string]>([
    ['ASCII', utf8('a,b\n1,2\n'), 'utf-8', 'a,b\n1,2\n'],
    ['UTF-8 Chinese', utf8(WIDE_CSV), 'utf-8', WIDE_CSV],
    ['GBK by hand: 宝龙镇', bytes(BAOLONG_GBK), 'gb18030', '宝龙镇'],
    ['GBK by hand with CRLF', bytes(utf8('a,'), BAOLONG_GBK, utf8(',94\r\n')), 'gb18030', 'a,宝龙镇,94\r\n'],
    ['GBK (WPS "Save as CSV")', gbk(WIDE_CSV), 'gb18030', WIDE_CSV],
    ['GBK full-width digits', gbk('宝龙镇,９４,９７％\n'), 'gb18030', '宝龙镇,９４,９７％\n'],
  ])('E7 UTF-8 if valid, else GB18030: %s', (_name, input, encoding, text) =>
    expectText(input, { text, encoding, detected: true }),
  );

  it('E7 the GBK test encoder agrees with the known bytes of 宝龙镇', () =>
    expect([...gbk('宝龙镇')]).toEqual(BAOLONG_GBK));

  it.each<[string, Uint8Array, TextEncodingName, string]>([
    ['GBK read as gb18030', gbk(WIDE_CSV), 'gb18030', WIDE_CSV],
    ['UTF-8 read as utf-8', utf8(WIDE_CSV), 'utf-8', WIDE_CSV],
    ['UTF-8 with BOM read as utf-8', bytes(BOM_UTF8, utf8('a,b')), 'utf-8', 'a,b'],
    ['UTF-8 without BOM read as utf-8-bom', utf8('a,b'), 'utf-8-bom', 'a,b'],
    ['UTF-16LE with BOM read as utf-16le', bytes(BOM_LE, utf16(TSV, 'le')), 'utf-16le', TSV],
    ['UTF-16BE without BOM read as utf-16be', utf16(TSV, 'be'), 'utf-16be', TSV],
    ['UTF-8 read as gb18030 gives mojibake', utf8('宝龙'), 'gb18030', '瀹濋緳'],
  ])('E8 an override is used as given: %s', (_name, input, override, text) =>
    expectText(input, { text, encoding: override, detected: false }, override),
  );

  it('E8 an override wins over a BOM', () => {
    const result = decodeBytes(bytes(BOM_UTF8, gbk('宝龙镇')), 'gb18030');
    expect(result.ok && result.encoding).toBe('gb18030');
    expect(result.ok && result.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it.each<[string, Uint8Array, TextEncodingName | undefined, string]>([
    ['GB18030 BOM detected', bytes(BOM_GB18030, BAOLONG_GBK), undefined, '宝龙镇'],
    ['GB18030 BOM with an override', bytes(BOM_GB18030, BAOLONG_GBK), 'gb18030', '宝龙镇'],
    ['doubled UTF-8 BOM', bytes(BOM_UTF8, BOM_UTF8, utf8('a')), undefined, 'a'],
    ['CRLF kept', utf8('a\r\nb\r\n'), undefined, 'a\r\nb\r\n'],
    ['CR kept', utf8('a\rb\r'), undefined, 'a\rb\r'],
    ['LF kept', bytes(BOM_LE, utf16('a\nb\n', 'le')), undefined, 'a\nb\n'],
  ])('E9 no BOM in the text and line endings untouched: %s', (_name, input, override, text) => {
    const result = decodeBytes(input, override);
    expect(result.ok && result.text).toBe(text);
  });
});
