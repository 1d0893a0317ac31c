/**
 * Folds the variants clerks type into one form: full-width ASCII to half-width, the
 * ideographic space and NBSP to nothing, letters to lower case.
 */
/**
 * The number a list item starts with: `1.`, `3、`, `4．`, `二、`, `⑤`. Not `4.15` or `12.4` (date
 * tags that name a campaign) — a bracketed `（2）` goes with the brackets.
 */
export const LIST_NUMBER = /^((\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．](?!\d)|[①-⑳])\s*/;

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
