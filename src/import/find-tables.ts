/**
 * Tables stacked in one file (rule L14): a sheet that holds the 2020 table, a blank row, then the
 * 2021 table with its own title and header, saved as one CSV. Each table below the first starts
 * where its header row repeats the first table's, or, below a blank, title or note row, where a
 * header of the same layout has its township column where the first one has it (a one-township
 * sheet's: its indicator column), labelled alike or not (`镇街`, `单位名称`) — the 2021 form may
 * have gained a column. The title, note and blank rows directly above a header belong to its
 * table; a table ends where the next starts.
 */
import { isFootnoteRow, isTitleRow } from './classify-row.ts';
import { columnWithRole, findHeader, type HeaderBlock, labelsRole } from './find-header.ts';
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
  const anchorRole = first.layout === 'sheet' ? 'indicator' : 'township';
  const starts: { from: number; block: HeaderBlock }[] = [{ from: 0, block: first }];
  for (let index = first.end; index < rows.length; index++) {
    const previous = starts[starts.length - 1] as { from: number; block: HeaderBlock };
    const same = rowKey(rows[index] ?? []) === header;
    // Another header: only below a row that is no table row, labelling the anchor column so.
    const other =
      !same &&
      anchor !== undefined &&
      index - 1 >= previous.block.end &&
      labelsRole(trimCell(rows[index]?.[anchor] ?? ''), anchorRole, first.layout) &&
      isAboveTable(rows[index - 1] ?? [], isTownship);
    if (!same && !other) continue;
    const block = findHeader(rows, isTownship, index);
    if (block?.start !== index || block.layout !== first.layout) continue;
    if (other && anchorOf(rows, block) !== anchor) continue;
    let from = index;
    while (from - 1 >= previous.block.end && isAboveTable(rows[from - 1] ?? [], isTownship)) from--;
    starts.push({ from, block });
    index = block.end - 1;
  }
  return starts.map((start, i) => ({ ...start, end: starts[i + 1]?.from ?? rows.length }));
}

/**
 * The column a later table's header must have where the first has it when the two differ: the
 * township column (`镇街`, `单位名称`) of a wide or long table, the indicator column (`指标`) of a
 * one-township sheet. None for a transposed table, whose header names the townships.
 */
function anchorOf(rows: readonly (readonly string[])[], block: HeaderBlock): number | undefined {
  if (block.layout === 'transposed') return undefined;
  const index = columnWithRole(block, block.layout === 'sheet' ? 'indicator' : 'township');
  if (index === undefined) return undefined;
  return trimCell(rows[block.start]?.[index] ?? '') === '' ? undefined : index;
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
