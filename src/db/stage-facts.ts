import Papa from 'papaparse';
import type { Fact } from '../import/fact.ts';
import type { SqlExecutor } from './client.ts';

const FACT_COLUMNS = `{
  'township_code': 'VARCHAR', 'year': 'INTEGER', 'indicator_id': 'VARCHAR', 'value': 'DOUBLE',
  'approximate': 'BOOLEAN', 'raw_text': 'VARCHAR', 'note': 'VARCHAR',
  'source_line': 'INTEGER', 'source_column': 'VARCHAR'
}`;

/** The SQL that reads a staged fact file; use with the file name as its one parameter. */
export const STAGED_FACTS = `read_csv(?, header = true, auto_detect = false, delim = ',', quote = '"',
  escape = '"', columns = ${FACT_COLUMNS})`;

/**
 * Writes facts as CSV (written here, so its shape is known) and registers it with DuckDB,
 * whose own reader then loads it: the fast path for many rows, and no cell text is ever
 * spliced into SQL. Returns a function that drops the file again.
 */
export async function stageFacts(
  tx: SqlExecutor,
  name: string,
  facts: readonly Fact[],
): Promise<() => Promise<void>> {
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
  await tx.registerText(name, csv);
  return () => tx.dropFile(name);
}
