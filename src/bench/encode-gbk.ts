/**
 * Text as GBK, as Excel or WPS "Save as CSV" writes it on Chinese Windows: ASCII as it is, every
 * other character as its two-byte code, the first the platform's own GB18030 decoder reads as it
 * (decode-gbk.ts). For the bench and the tests: the app itself only ever decodes GBK.
 */
import { gbkCharacters } from '../import/decode-gbk.ts';

let table: Map<string, number> | undefined;

function gbkTable(): Map<string, number> {
  if (table) return table;
  const codes = new Map<string, number>();
  for (const [code, ch] of gbkCharacters()) if (!codes.has(ch)) codes.set(ch, code);
  table = codes;
  return codes;
}

export function encodeGbk(text: string): Uint8Array {
  const codes = gbkTable();
  const out = new Uint8Array(text.length * 2);
  let length = 0;
  for (const ch of text) {
    const unit = ch.charCodeAt(0);
    if (unit < 0x80) {
      out[length++] = unit;
      continue;
    }
    const code = codes.get(ch);
    if (code === undefined) throw new Error(`no GBK code for ${ch}`);
    out[length++] = code >> 8;
    out[length++] = code & 0xff;
  }
  return out.slice(0, length);
}
