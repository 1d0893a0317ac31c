/**
 * Text as UTF-16 bytes, as Excel's "Unicode text" writes it (little-endian); a BOM only when the
 * text starts with U+FEFF. For the bench and the tests: the app itself only ever decodes UTF-16.
 */
export function encodeUtf16(text: string, endian: 'le' | 'be' = 'le'): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const [low, high] = endian === 'le' ? [0, 1] : [1, 0];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i + low] = unit & 0xff;
    out[2 * i + high] = unit >> 8;
  }
  return out;
}
