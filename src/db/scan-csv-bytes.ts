/**
 * One pass over a CSV file's UTF-8 bytes that says whether DuckDB's CSV reader would number
 * its rows exactly as the import pipeline (PapaParse) does, and whether the bytes are valid
 * UTF-8 as `TextDecoder(..., { fatal: true })` defines it. The bulk import reads a file with
 * DuckDB only when this holds; otherwise the pipeline reads it.
 */

export type RowHazard =
  | 'invalid-utf8'
  /** A quoted cell spanning lines: one spreadsheet row, several lines. */
  | 'quoted-newline'
  /** A quote inside an unquoted cell, after a closing quote, or never closed: the readers differ. */
  | 'stray-quote'
  /** CR and LF line ends mixed, or a lone CR: PapaParse picks one kind, DuckDB splits on all. */
  | 'mixed-line-ends'
  /** An empty line among the data: DuckDB skips it, a spreadsheet counts it. */
  | 'empty-line'
  /** A NUL byte, which the two readers need not treat alike. */
  | 'nul';

export type ByteScan =
  | {
      readonly ok: true;
      /** Lines a spreadsheet shows, not counting empty lines at the very end. */
      readonly lines: number;
    }
  | { readonly ok: false; readonly hazard: RowHazard };

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * `delimiter` is the one-byte separator; `dataLine` the 0-based line where data rows start
 * (empty lines above it are skipped by line count and harmless).
 */
export function scanCsvBytes(bytes: Uint8Array, delimiter: number, dataLine: number): ByteScan {
  const n = bytes.length;
  const bom = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 0;
  let lineStart = bom;
  let crlf: boolean | undefined;
  let quoteEnd = -1;
  let firstEmptyDataLine = -1;
  const fail = (hazard: RowHazard): ByteScan => ({ ok: false, hazard });

  let i = bom;
  while (i < n) {
    const b = bytes[i] as number;
    if (b > QUOTE && b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0x80) {
      const length = utf8SequenceLength(bytes, i, b);
      if (length === 0) return fail('invalid-utf8');
      i += length;
      continue;
    }
    if (b === LF) {
      const afterCr = i > 0 && bytes[i - 1] === CR;
      crlf ??= afterCr;
      if (crlf !== afterCr) return fail('mixed-line-ends');
      line++;
      lineStart = i + 1;
      const next = bytes[i + 1];
      if (firstEmptyDataLine < 0 && line >= dataLine && next === (crlf ? CR : LF)) firstEmptyDataLine = line;
    } else if (b === 0) {
      return fail('nul');
    } else if (b === CR) {
      if (bytes[i + 1] !== LF || crlf === false) return fail('mixed-line-ends');
    } else if (b === QUOTE && i > quoteEnd) {
      if (i !== lineStart && bytes[i - 1] !== delimiter) return fail('stray-quote');
      const close = closingQuote(bytes, i + 1);
      if (close < 0) return fail('stray-quote');
      const after = bytes[close + 1];
      if (after !== undefined && after !== delimiter && after !== LF && after !== CR)
        return fail('stray-quote');
      const inside = bytes.subarray(i + 1, close);
      if (inside.includes(LF) || inside.includes(CR)) return fail('quoted-newline');
      quoteEnd = close;
    }
    i++;
  }

  let end = n;
  let trailingLf = 0;
  while (end > bom && (bytes[end - 1] === LF || bytes[end - 1] === CR)) {
    end--;
    if (bytes[end] === LF) trailingLf++;
  }
  const contentLines = end === bom ? 0 : line - trailingLf + 1;
  if (firstEmptyDataLine >= 0 && firstEmptyDataLine < contentLines) return fail('empty-line');
  return { ok: true, lines: contentLines };
}

/** The index of the quote that closes a quoted cell whose content starts at `from`; `""` is an escaped quote. */
function closingQuote(bytes: Uint8Array, from: number): number {
  let at = from;
  for (;;) {
    const found = bytes.indexOf(QUOTE, at);
    if (found < 0) return -1;
    if (bytes[found + 1] !== QUOTE) return found;
    at = found + 2;
  }
}

/** Length of the well-formed UTF-8 sequence at `i` (WHATWG Encoding rules), or 0. */
function utf8SequenceLength(bytes: Uint8Array, i: number, lead: number): number {
  const c1 = bytes[i + 1] ?? 0;
  if (lead >= 0xc2 && lead <= 0xdf) return isTail(c1) ? 2 : 0;
  const c2 = bytes[i + 2] ?? 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return c1 >= low && c1 <= high && isTail(c2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return c1 >= low && c1 <= high && isTail(c2) && isTail(bytes[i + 3] ?? 0) ? 4 : 0;
  }
  return 0;
}

function isTail(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}
