/**
 * Rows wider than their header (rules R14, R16). A data row with a filled cell beyond the header's
 * last labelled column, and more fields than the header row, has a cell too many somewhere: read as
 * it stands, every figure after that place sits one column to the right. Spreadsheet programs write
 * every row as wide as the widest, so only a hand-made or exported file has such rows, and the
 * usual cause is a comma that was not quoted: inside a figure (`宝龙镇,2021,6,000,94`, R14, found
 * in comma-separated files whose writer did not quote `6,000`; Excel and WPS do) or in a text.
 * Either is an error on the row, and the row gives nothing.
 */
import { columnLetter } from './fact.ts';
import type { HeaderBlock } from './find-header.ts';
import type { ImportIssue } from './import-issue.ts';
import { trimCell } from './normalize-text.ts';
import type { Delimiter } from './parse-csv.ts';

const HEAD = /^\D{0,3}\d{1,3}$/;
const GROUP = /^\d{3}(?:\.\d+)?[^\d,]{0,4}$/u;

export function findWideRows(
  rows: readonly (readonly string[])[],
  block: HeaderBlock,
  delimiter: Delimiter,
  /** Index of the row after the table's last (stacked tables, L14, each have their own header). */
  end = rows.length,
): { readonly rows: readonly (readonly string[])[]; readonly issues: readonly ImportIssue[] } {
  const width = Math.max(0, ...block.columns.filter((c) => c.labels.length > 0).map((c) => c.index + 1));
  // A column left without a header (H8) makes the header row as wide as the rows below it.
  let fields = 0;
  for (let index = block.start; index < block.end; index++)
    fields = Math.max(fields, rows[index]?.length ?? 0);
  const issues: ImportIssue[] = [];
  let read: (readonly string[])[] | undefined;
  for (let index = block.end; index < end; index++) {
    const row = rows[index] ?? [];
    if (row.length <= fields) continue;
    const beyond = row.findIndex((cell, i) => i >= width && trimCell(cell) !== '');
    if (beyond < 0) continue;
    issues.push(
      (delimiter === ',' && splitNumber(row, index)) || {
        severity: 'error',
        code: 'extra-cells',
        line: index + 1,
        column: columnLetter(beyond),
        raw: trimCell(row[beyond] ?? ''),
        detail: columnLetter(width - 1),
      },
    );
    read ??= [...rows];
    read[index] = [];
  }
  return { rows: read ?? rows, issues };
}

/** R14: the first figure of one to three digits followed by a cell of exactly three. */
function splitNumber(row: readonly string[], index: number): ImportIssue | undefined {
  for (let i = 0; i + 1 < row.length; i++) {
    const figure = trimCell(row[i] ?? '');
    const group = trimCell(row[i + 1] ?? '');
    if (HEAD.test(figure) && GROUP.test(group))
      return {
        severity: 'error',
        code: 'split-number',
        line: index + 1,
        column: columnLetter(i),
        raw: `${figure},${group}`,
      };
  }
  return undefined;
}
