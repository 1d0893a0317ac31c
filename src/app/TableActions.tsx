import { useState } from 'react';
import type { ExportTable } from '../export/export-table.ts';
import type { Messages } from '../messages/zh.ts';
import { downloadTableCsv, downloadTableXlsx } from './export-actions.ts';

interface TableActionsProps {
  /** Built (or read in full, for a table shown a page at a time) when the user exports. */
  readonly table: () => ExportTable | Promise<ExportTable>;
  /** The file name without its extension, e.g. 2021年镇街对比表. */
  readonly fileBase: string;
  readonly t: Messages;
}

/** CSV (UTF-8 with BOM) and Excel of a table: numbers as numbers, units in the headers. */
export function TableActions({ table, fileBase, t }: TableActionsProps) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const run = async (write: (table: ExportTable) => void | Promise<void>) => {
    setBusy(true);
    setStatus(t.exports.working);
    try {
      await write(await table());
      setStatus('');
    } catch (error) {
      setStatus(t.exports.failed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="table-actions" role="toolbar" aria-label={t.exports.tableActions}>
      <button
        type="button"
        disabled={busy}
        onClick={() => void run((data) => downloadTableCsv(data, fileBase, t))}
      >
        {t.exports.csv}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => void run((data) => downloadTableXlsx(data, fileBase, t))}
      >
        {t.exports.xlsx}
      </button>
      <span className="export-status" role="status">
        {status}
      </span>
    </div>
  );
}
