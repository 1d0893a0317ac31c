/**
 * Figures split at their thousands comma (rule R14): `宝龙镇,2021,6,000,94` in a comma-separated
 * file whose writer did not quote `6,000` (Excel and WPS do; hand-made and some exported files do
 * not). Read as they stand, 6 and 000 land in two columns and every figure after them one column
 * to the right. A row with more cells than its header, in which a figure of one to three digits is
 * followed by a cell of exactly three, is such a row: an error, and it gives nothing.
 */
import { columnLetter } from './fact.ts';
import type { HeaderBlock } from './find-header.ts';
import type { ImportIssue } from './import-issue.ts';
import { trimCell } from './normalize-text.ts';

const HEAD = /^\D{0,3}\d{1,3}$/;
const GROUP = /^\d{3}(?:\.\d+)?[^\d,]{0,4}$/u;

export function findSplitNumbers(
  rows: readonly (readonly string[])[],
  block: HeaderBlock,
  /** Index of the row after the table's last (stacked tables, L14, each have their own header). */
  end = rows.length,
): { readonly rows: readonly (readonly string[])[]; readonly issues: readonly ImportIssue[] } {
  const width = Math.max(0, ...block.columns.filter((c) => c.labels.length > 0).map((c) => c.index + 1));
  // Spreadsheet programs write every row as wide as the widest: a column left without a header
  // (H8) makes the header row as wide as the rows below it. A split figure makes its row wider.
  let fields = 0;
  for (let index = block.start; index < block.end; index++)
    fields = Math.max(fields, rows[index]?.length ?? 0);
  const issues: ImportIssue[] = [];
  let read: (readonly string[])[] | undefined;
  for (let index = block.end; index < end; index++) {
    const row = rows[index] ?? [];
    if (row.length <= fields || !row.slice(width).some((cell) => trimCell(cell) !== '')) continue;
    for (let i = 0; i + 1 < row.length; i++) {
      const figure = trimCell(row[i] ?? '');
      const group = trimCell(row[i + 1] ?? '');
      if (!HEAD.test(figure) || !GROUP.test(group)) continue;
      issues.push({
        severity: 'error',
        code: 'split-number',
        line: index + 1,
        column: columnLetter(i),
        raw: `${figure},${group}`,
      });
      read ??= [...rows];
      read[index] = [];
      break;
    }
  }
  return { rows: read ?? rows, issues };
}
