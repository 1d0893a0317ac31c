/**
 * Turns the bytes of an uploaded CSV/TSV into text, following the encoding rules E1–E9 in
 * docs/import-rules.md: refuses workbooks and other binaries, honours BOMs, and otherwise tells
 * UTF-8 from GB18030 (Excel/WPS "Save as CSV" on Chinese Windows) by strict UTF-8 validation.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type DecodeProblem = 'empty' | 'xlsx' | 'xls' | 'binary' | 'too-large';
export type DecodeResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: TextEncodingName;
      readonly detected: boolean;
    }
  | { readonly ok: false; readonly problem: DecodeProblem };

export const MAX_FILE_BYTES: number = 200 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const BINARY_MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
];
const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: TextEncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];
const ANY_BOM = [...BOMS.map((bom) => bom.bytes), [0x84, 0x31, 0x95, 0x33]];
const NUL_WINDOW = 8 * 1024;
const UTF16_WINDOW = 1024;
const CONTROL_WINDOW = 8 * 1024;
const MAX_CONTROL_SHARE = 0.1;

export function decodeBytes(bytes: Uint8Array, override?: TextEncodingName): DecodeResult {
  if (bytes.byteLength > MAX_FILE_BYTES) return fail('too-large');
  if (
    bytes.byteLength === 0 ||
    ANY_BOM.some((bom) => bom.length === bytes.byteLength && startsWith(bytes, bom))
  ) {
    return fail('empty');
  }
  if (startsWith(bytes, ZIP)) return fail('xlsx');
  if (startsWith(bytes, OLE2)) return fail('xls');
  if (BINARY_MAGIC.some((magic) => startsWith(bytes, magic))) return fail('binary');

  const encoding =
    override ?? BOMS.find((bom) => startsWith(bytes, bom.bytes))?.encoding ?? sniffUtf16WithoutBom(bytes);
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && hasNul(bytes)) return fail('binary');

  let text: string;
  let used: TextEncodingName;
  if (encoding !== undefined) {
    text = decodeAs(bytes, encoding);
    used = encoding;
  } else {
    const utf8 = strictUtf8(bytes);
    text = utf8 ?? decodeAs(bytes, 'gb18030');
    used = utf8 === undefined ? 'gb18030' : 'utf-8';
  }
  text = text.replace(/^\uFEFF+/, '');

  if (!/\S/.test(text)) return fail('empty');
  if (controlShare(text) > MAX_CONTROL_SHARE) return fail('binary');
  return { ok: true, text, encoding: used, detected: override === undefined };
}

function fail(problem: DecodeProblem): DecodeResult {
  return { ok: false, problem };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, NUL_WINDOW).includes(0);
}

/** "Unicode text" saved without a BOM: mostly ASCII, so one byte of every pair is 0. */
function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, UTF16_WINDOW) / 2);
  if (pairs < 2) return undefined;
  let highZero = 0;
  let lowZero = 0;
  for (let i = 0; i < pairs; i++) {
    const first = bytes[2 * i] ?? 0;
    const second = bytes[2 * i + 1] ?? 0;
    if (first === 0 && second === 0) return undefined;
    if (second === 0) highZero++;
    else if (first === 0) lowZero++;
  }
  // A CJK character whose code unit has a zero byte (U+4E00 一) is rare but allowed.
  if (highZero >= pairs / 2 && lowZero <= pairs * 0.05) return 'utf-16le';
  if (lowZero >= pairs / 2 && highZero <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): string {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  return new TextDecoder(label).decode(bytes);
}

function controlShare(text: string): number {
  const sample = text.slice(0, CONTROL_WINDOW);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) control++;
  }
  return control / sample.length;
}
