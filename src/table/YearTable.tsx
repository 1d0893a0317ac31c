import {
  type ColumnDef,
  type Row,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { memo, type ReactNode, useMemo, useRef } from 'react';
import { formatValue } from '../charts/format-number.ts';
import type { IndicatorInfo, TableCell } from '../db/queries.ts';
import { findIndicator } from '../indicators/catalog.ts';
import type { YearTable as YearTableData, YearTableRow } from './pivot-year-cells.ts';

const features = tableFeatures({ rowSortingFeature });

export interface YearTableLabels {
  readonly township: string;
  readonly approxMark: string;
  readonly notReported: string;
  readonly derivedSource: string;
  /** Between a count and its source in a worked-out rate's title, e.g. `：`. */
  readonly sourceSeparator: string;
  readonly source: (file: string, line: number | null, column: string | null) => string;
  readonly originalText: (text: string) => string;
  readonly indicatorName: (indicator: IndicatorInfo) => string;
  readonly unitName: (indicator: IndicatorInfo) => string;
  readonly withUnit: (name: string, unit: string) => string;
}

interface YearTableProps {
  readonly data: YearTableData;
  readonly sorting: SortingState;
  readonly onSortingChange: (sorting: SortingState) => void;
  readonly labels: YearTableLabels;
  readonly locale: string;
  readonly caption: string;
  /** Indicator ids shown; undefined = all. */
  readonly visible?: ReadonlySet<string>;
  /** Show each value's 同比 change under it. */
  readonly showChange?: boolean;
}

/**
 * The list given last time when this one holds the same items: a year with the same columns as
 * the one before keeps its column definitions (and TanStack its headers) instead of rebuilding them.
 */
function useSameList<T>(list: readonly T[]): readonly T[] {
  const kept = useRef(list);
  const same = kept.current.length === list.length && kept.current.every((item, i) => item === list[i]);
  if (!same) kept.current = list;
  return kept.current;
}

/**
 * A cell's original text and where it came from. A rate worked out from two counts names both,
 * each with its own file, row and column: 调解成功 92 (row 113) ÷ 调解纠纷 94 (row 112).
 */
function cellTitle(
  cell: TableCell,
  labels: YearTableLabels,
  row: YearTableRow,
  indicators: readonly IndicatorInfo[],
): string {
  const parts: string[] = [];
  const source = (c: TableCell) =>
    c.fileName === null ? '' : labels.source(c.fileName, c.sourceLine, c.sourceColumn);
  if (cell.rawText !== null && cell.rawText.trim() !== String(cell.value))
    parts.push(labels.originalText(cell.rawText));
  const formula = cell.rawText === null ? findIndicator(cell.indicatorId)?.formula : undefined;
  if (cell.rawText === null) parts.push(labels.derivedSource);
  if (formula) {
    for (const id of [formula.numerator, formula.denominator]) {
      const count = row.cells[id];
      const indicator = indicators.find((i) => i.id === id);
      if (!count || !indicator) continue;
      const written = count.rawText ?? String(count.value);
      parts.push(
        [`${labels.indicatorName(indicator)} ${written.trim()}`, source(count)]
          .filter(Boolean)
          .join(labels.sourceSeparator),
      );
    }
    return parts.join('\n');
  }
  if (cell.fileName !== null) parts.push(source(cell));
  return parts.join('\n');
}

/**
 * Townships × indicators for one year. Sorting is manual: the header click changes the
 * sort state, the query re-runs with that order, and the table shows rows as given.
 */
export function YearTable(props: YearTableProps) {
  const { data, sorting, onSortingChange, labels, locale, caption, visible, showChange = false } = props;
  const indicators = useSameList(data.indicators);
  const columns = useMemo<ColumnDef<typeof features, YearTableRow>[]>(
    () => [
      {
        id: 'township',
        header: labels.township,
        accessorFn: (row) => row.townshipName,
        cell: (info) => String(info.getValue()),
        sortDescFirst: false,
      },
      ...indicators
        .filter((indicator) => !visible || visible.has(indicator.id))
        .map(
          (indicator): ColumnDef<typeof features, YearTableRow> => ({
            id: indicator.id,
            header: labels.withUnit(labels.indicatorName(indicator), labels.unitName(indicator)),
            accessorFn: (row) => row.cells[indicator.id]?.value ?? null,
            sortDescFirst: indicator.better !== 'lower',
            cell: (info) => {
              const cell = info.row.original.cells[indicator.id];
              if (!cell)
                return (
                  <span className="missing" title={labels.notReported}>
                    —
                  </span>
                );
              const classes = [
                cell.approximate ? 'approximate' : '',
                cell.standing ? `standing-${cell.standing}` : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <span
                  title={cellTitle(cell, labels, info.row.original, indicators)}
                  className={classes || undefined}
                >
                  {cell.approximate ? labels.approxMark : ''}
                  {formatValue(cell.value, indicator.unit.zh, locale)}
                  {showChange && cell.change !== null && (
                    <small className="cell-change">
                      {cell.change > 0 ? '▲' : cell.change < 0 ? '▼' : '±'}
                      {formatValue(Math.abs(cell.change), indicator.unit.zh, locale).replace('%', '')}
                    </small>
                  )}
                </span>
              );
            },
          }),
        ),
    ],
    [indicators, labels, locale, visible, showChange],
  );

  const table = useTable({
    features,
    data: data.rows as YearTableRow[],
    columns,
    state: { sorting },
    manualSorting: true,
    enableMultiSort: false,
    onSortingChange: (updater) => onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    getRowId: (row) => row.townshipCode,
  });

  return (
    <div className="table-scroll">
      <table className="year-table">
        <caption>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  >
                    <button type="button" onClick={header.column.getToggleSortingHandler()}>
                      <table.FlexRender header={header} />
                      <span aria-hidden="true">
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row, index) => (
            // Keyed by place, not township: a new year or order updates the rows in place instead
            // of removing a hundred rows and building a hundred new ones.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows hold no state; the place is the identity
            <BodyRow key={index} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type BodyCell = ReturnType<Row<typeof features, YearTableRow>['getAllCells']>[number];

/**
 * A cell's content by calling its column's renderer, not mounting it as a component (as
 * FlexRender does): the columns, and so their renderers, are new whenever the year's columns
 * change, and a new component type would make React rebuild every cell's DOM instead of
 * updating its text.
 */
function cellContent(cell: BodyCell): ReactNode {
  const render = cell.column.columnDef.cell;
  return typeof render === 'function' ? render(cell.getContext()) : render;
}

/**
 * One township's row. The row model keeps its rows while the data and columns stay the same, so
 * a render that changes neither (another view shown and back, a picker elsewhere) skips every row.
 */
const BodyRow = memo(function BodyRow({ row }: { readonly row: Row<typeof features, YearTableRow> }) {
  return (
    <tr data-township={row.original.townshipName}>
      {row.getAllCells().map((cell, index) =>
        index === 0 ? (
          <th key={cell.column.id} scope="row">
            {cellContent(cell)}
          </th>
        ) : (
          <td key={cell.column.id} data-indicator={cell.column.id}>
            {cellContent(cell)}
          </td>
        ),
      )}
    </tr>
  );
});
