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

const SPACES = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;
/** `="2021"`: how some systems export a cell as Excel text, so that Excel shows it as written (V14). */
const EXCEL_TEXT = /^="([^"]*)"$/;

/**
 * Trims ASCII, ideographic (U+3000) and no-break spaces, and reads a cell written as Excel text
 * (`="2021"`, `="500152104"`, `="宝龙镇"`) as the text inside. Any other formula stays as written.
 */
export function trimCell(text: string): string {
  const trimmed = text.replace(SPACES, '');
  if (trimmed.charCodeAt(0) !== 61) return trimmed;
  const inside = EXCEL_TEXT.exec(trimmed);
  return inside ? (inside[1] ?? '').replace(SPACES, '') : trimmed;
}
