/**
 * Folds the variants clerks type into one form: full-width ASCII to half-width, the
 * ideographic space and NBSP to nothing, letters to lower case.
 */
export function normalizeLabel(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u3000\u00a0]+/g, '')
    .toLowerCase();
}

export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Trims ASCII, ideographic (U+3000) and no-break spaces. */
export function trimCell(text: string): string {
  return text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
}
