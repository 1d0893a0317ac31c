interface DataTableProps {
  readonly caption: string;
  readonly columns: readonly string[];
  /** First cell of each row is its header (e.g. the township). */
  readonly rows: readonly (readonly string[])[];
  readonly summary: string;
}

/** The table alternative of a chart: the same numbers, readable by screen readers and keyboard. */
export function DataTable({ caption, columns, rows, summary }: DataTableProps) {
  return (
    <details className="data-table">
      <summary>{summary}</summary>
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
            {rows.map((row) => (
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
    </details>
  );
}
