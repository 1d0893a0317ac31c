import Papa from 'papaparse';
import type { Fact } from '../import/fact.ts';
import type { DbClient } from './client.ts';

export interface ImportRecord {
  readonly fileName: string;
  readonly contentHash: string;
  readonly encoding: string;
  readonly layout: string;
  readonly rowCount: number;
  readonly isSample: boolean;
}

const FACT_COLUMNS = `{
  'township_code': 'VARCHAR', 'year': 'INTEGER', 'indicator_id': 'VARCHAR', 'value': 'DOUBLE',
  'approximate': 'BOOLEAN', 'raw_text': 'VARCHAR', 'note': 'VARCHAR',
  'source_line': 'INTEGER', 'source_column': 'VARCHAR'
}`;

/**
 * Stores one file's facts and its import record in one transaction: the file is imported
 * whole or not at all. Rows travel as CSV that this function writes itself and DuckDB's
 * own reader loads — the fast path, and no cell text is ever spliced into SQL.
 */
export async function commitImport(
  db: DbClient,
  record: ImportRecord,
  facts: readonly Fact[],
): Promise<number> {
  const csv = Papa.unparse(
    {
      fields: [
        'township_code',
        'year',
        'indicator_id',
        'value',
        'approximate',
        'raw_text',
        'note',
        'source_line',
        'source_column',
      ],
      data: facts.map((f) => [
        f.townshipCode,
        f.year,
        f.indicatorId,
        f.value,
        f.approximate,
        f.rawText,
        f.note ?? '',
        f.line,
        f.column,
      ]),
    },
    { quotes: true, newline: '\n' },
  );
  return db.transaction(async (tx) => {
    const [next] = await tx.query<{ id: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM imports');
    const importId = next?.id ?? 1;
    const stagingName = `staging-import-${importId}.csv`;
    await tx.run(`INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ?)`, [
      importId,
      record.fileName,
      record.contentHash,
      record.encoding,
      record.layout,
      record.rowCount,
      facts.length,
      record.isSample,
    ]);
    await tx.registerText(stagingName, csv);
    try {
      await tx.run(
        `INSERT OR REPLACE INTO facts
           SELECT township_code, year, indicator_id, value, approximate, raw_text, NULLIF(note, ''),
                  ? AS import_id, source_line, source_column
           FROM read_csv(?, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                         columns = ${FACT_COLUMNS})`,
        [importId, stagingName],
      );
    } finally {
      await tx.dropFile(stagingName);
    }
    return importId;
  });
}
