import { type ReactNode, useMemo, useState } from 'react';

interface ChartTableProps {
  readonly summary: string;
  readonly caption: string;
  readonly columns: readonly string[];
  /** First cell of each row is its header (e.g. the township). Called only while the table is open. */
  readonly rows: () => readonly (readonly string[])[];
  /** Shown with the open table, e.g. its CSV and Excel exports. */
  readonly actions?: ReactNode;
}

/**
 * The table alternative of a chart, as ui/DataTable draws it, but built only while it is open: a
 * province's chart tables are thousands of cells, and a closed table was redrawn with every
 * change of indicator or year. Its summary is the keyboard's way in (Enter or Space opens it).
 */
export function ChartTable({ summary, caption, columns, rows, actions }: ChartTableProps) {
  const [open, setOpen] = useState(false);
  const body = useMemo(() => (open ? rows() : []), [open, rows]);
  return (
    <details className="data-table" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && actions}
      {open && (
        <div className="table-scroll">
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((row) => (
                <tr key={row[0]}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={columns[i]} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={columns[i]}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
