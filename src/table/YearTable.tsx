import {
  type ColumnDef,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import { formatValue } from '../charts/format-number.ts';
import type { IndicatorInfo, TableCell } from '../db/queries.ts';
import type { YearTable as YearTableData, YearTableRow } from './pivot-year-cells.ts';

const features = tableFeatures({ rowSortingFeature });

export interface YearTableLabels {
  readonly township: string;
  readonly approxMark: string;
  readonly notReported: string;
  readonly derivedSource: string;
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

function cellTitle(cell: TableCell, labels: YearTableLabels): string {
  const parts: string[] = [];
  if (cell.rawText !== null && cell.rawText.trim() !== String(cell.value))
    parts.push(labels.originalText(cell.rawText));
  if (cell.rawText === null) parts.push(labels.derivedSource);
  if (cell.fileName !== null) parts.push(labels.source(cell.fileName, cell.sourceLine, cell.sourceColumn));
  return parts.join('\n');
}

/**
 * Townships × indicators for one year. Sorting is manual: the header click changes the
 * sort state, the query re-runs with that order, and the table shows rows as given.
 */
export function YearTable(props: YearTableProps) {
  const { data, sorting, onSortingChange, labels, locale, caption, visible, showChange = false } = props;
  const columns = useMemo<ColumnDef<typeof features, YearTableRow>[]>(
    () => [
      {
        id: 'township',
        header: labels.township,
        accessorFn: (row) => row.townshipName,
        cell: (info) => String(info.getValue()),
        sortDescFirst: false,
      },
      ...data.indicators
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
                <span title={cellTitle(cell, labels)} className={classes || undefined}>
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
    [data.indicators, labels, locale, visible, showChange],
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
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-township={row.original.townshipName}>
              {row.getAllCells().map((cell, index) =>
                index === 0 ? (
                  <th key={cell.id} scope="row">
                    <table.FlexRender cell={cell} />
                  </th>
                ) : (
                  <td key={cell.id} data-indicator={cell.column.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
