import { formatChange } from '../../charts/format-change.ts';
import { formatValue } from '../../charts/format-number.ts';

/** A township's figure of one year, with its 同比 when the view has it. */
export interface YearCell {
  readonly value: number | null;
  readonly approximate: boolean;
  readonly change?: number | null;
  readonly changeApproximate?: boolean;
}

/**
 * A cell of a chart's table as the chart draws it: the value, or in 同比 mode the change on the
 * year before (`▲28`, `▼39`); `—` when there is none.
 */
export function yearCellText(
  cell: YearCell | undefined,
  mode: 'value' | 'change',
  unit: string,
  approxMark: string,
  locale: string,
): string {
  if (mode === 'change') {
    const change = cell?.change;
    if (change == null) return '—';
    return `${cell?.changeApproximate ? approxMark : ''}${formatChange(change, unit, locale)}`;
  }
  if (cell?.value == null) return '—';
  return `${cell.approximate ? approxMark : ''}${formatValue(cell.value, unit, locale)}`;
}

/** The table's year columns: `2021`, or in 同比 mode `2021同比`. */
export function yearColumn(year: number, mode: 'value' | 'change', changeLabel: string): string {
  return mode === 'change' ? `${year}${changeLabel}` : String(year);
}
