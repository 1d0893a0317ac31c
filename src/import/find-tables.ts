/**
 * Tables stacked in one file (rule L14): a sheet that holds the 2020 table, a blank row, then the
 * 2021 table with its own title and header, saved as one CSV. Each table below the first starts
 * where its header row repeats the first table's, or, below a blank, title or note row, where a
 * header of the same layout has the first one's label over the township column (a one-township
 * sheet's: over the indicator column) — the 2021 form may have gained a column. The title, note
 * and blank rows directly above a header belong to its table; a table ends where the next starts.
 */
import { isFootnoteRow, isTitleRow } from './classify-row.ts';
import { columnWithRole, findHeader, type HeaderBlock } from './find-header.ts';
import { trimCell } from './normalize-text.ts';
import { isBlankRow } from './parse-csv.ts';

export interface Table {
  /** Index of the table's first row: its title rows, else its header. The first table's is 0. */
  readonly from: number;
  readonly block: HeaderBlock;
  /** Index of the row after its last. */
  readonly end: number;
}

export function findTables(
  rows: readonly (readonly string[])[],
  first: HeaderBlock,
  isTownship: (text: string) => boolean,
): Table[] {
  const header = rowKey(rows[first.start] ?? []);
  const anchor = anchorOf(rows, first);
  const starts: { from: number; block: HeaderBlock }[] = [{ from: 0, block: first }];
  for (let index = first.end; index < rows.length; index++) {
    const previous = starts[starts.length - 1] as { from: number; block: HeaderBlock };
    const same = rowKey(rows[index] ?? []) === header;
    // Another header: only below a row that is no table row, and with the first one's anchor label.
    const other =
      !same &&
      anchor !== undefined &&
      index - 1 >= previous.block.end &&
      trimCell(rows[index]?.[anchor.index] ?? '') === anchor.label &&
      isAboveTable(rows[index - 1] ?? [], isTownship);
    if (!same && !other) continue;
    const block = findHeader(rows, isTownship, index);
    if (block?.start !== index || block.layout !== first.layout) continue;
    if (other && anchorOf(rows, block)?.label !== anchor?.label) continue;
    let from = index;
    while (from - 1 >= previous.block.end && isAboveTable(rows[from - 1] ?? [], isTownship)) from--;
    starts.push({ from, block });
    index = block.end - 1;
  }
  return starts.map((start, i) => ({ ...start, end: starts[i + 1]?.from ?? rows.length }));
}

/**
 * The label over the column a later table's header must share with the first's when the two
 * differ: the township column's (`镇街`) of a wide or long table, the indicator column's (`指标`)
 * of a one-township sheet. None for a transposed table, whose header names the townships.
 */
function anchorOf(
  rows: readonly (readonly string[])[],
  block: HeaderBlock,
): { index: number; label: string } | undefined {
  if (block.layout === 'transposed') return undefined;
  const index = columnWithRole(block, block.layout === 'sheet' ? 'indicator' : 'township');
  if (index === undefined) return undefined;
  const label = trimCell(rows[block.start]?.[index] ?? '');
  return label === '' ? undefined : { index, label };
}

/** A row's cells as written, trailing blank ones dropped: what two header rows must share. */
function rowKey(row: readonly string[]): string {
  const cells = row.map(trimCell);
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.join('\u0000');
}

/**
 * A blank, note or title row. A township's row with no figures (`宝龙镇,,`, or the misspelt
 * `宝垅镇,,`) stays in the table above, where R12 reads it.
 */
function isAboveTable(row: readonly string[], isTownship: (text: string) => boolean): boolean {
  if (isBlankRow(row) || isFootnoteRow(row)) return true;
  return isTitleRow(row) && !row.some((cell) => looksLikeTownship(trimCell(cell), isTownship));
}

function looksLikeTownship(text: string, isTownship: (text: string) => boolean): boolean {
  return isTownship(text) || (text.length <= 10 && /(镇|乡|街道|办事处)$/.test(text));
}
