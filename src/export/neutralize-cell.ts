/**
 * Characters that make Excel, WPS or LibreOffice read a cell as a formula (OWASP "CSV Injection").
 * A formula in an exported file could run commands or send data off the intranet when opened.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** `-3`, `+5`, `-1,000.5`, `-2.5%`, `-1e3`: a spreadsheet reads these as numbers, never formulas. */
const PLAIN_NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/** The cell text, with a leading apostrophe when a spreadsheet would otherwise run it as a formula. */
export function neutralizeCell(text: string): string {
  if (!FORMULA_START.test(text)) return text;
  // A lone `-` is the usual "not reported" mark and no spreadsheet reads it as a formula.
  if (text === '-' || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}
