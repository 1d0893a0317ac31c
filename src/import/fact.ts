/** One value of one indicator for one township and year, as read from one cell of a file. */
export interface Fact {
  readonly townshipCode: string;
  readonly year: number;
  readonly indicatorId: string;
  readonly value: number;
  readonly approximate: boolean;
  /** The cell's original text, e.g. `6000余`. */
  readonly rawText: string;
  readonly note: string | null;
  /** Row number as Excel or WPS shows it when the file is opened there (1-based). */
  readonly line: number;
  /** Column letter as Excel shows it (A, B, … AA). */
  readonly column: string;
}

/** A = 0, B = 1, …, Z = 25, AA = 26 — the letters a spreadsheet shows above a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The inverse of columnLetter: A = 0, AA = 26. */
export function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
