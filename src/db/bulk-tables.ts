/**
 * The temporary tables of one staged bulk import. The rules' answers reach SQL as small tables
 * written here as CSV and read by DuckDB's reader: no cell text ever becomes SQL.
 */
import Papa from 'papaparse';
import type { DbClient } from './client.ts';
import type { IndicatorText, TownshipText, ValueText, YearText } from './resolve-distinct.ts';

export interface BulkTables {
  /** The file's cells as text, one row per line below the header. */
  readonly raw: string;
  /** One row per data row: what the pipeline's rules made of it (classify-rows.ts). */
  readonly rows: string;
  readonly townships: string;
  readonly years: string;
  readonly indicators: string;
  readonly values: string;
  /** indicator_index → indicator_id. */
  readonly ids: string;
  /** Cell texts SQL cannot take as they are (classify-rows.ts). */
  readonly cells: string;
  /** Every distinct text of every raw column (distinct-texts.ts). */
  readonly distinct: string;
  /** Facts the file gave twice: every row after the first with the same township, year and indicator. */
  readonly duplicates: string;
}

export function bulkTables(key: string): BulkTables {
  return {
    raw: `${key}_raw`,
    rows: `${key}_rows`,
    townships: `${key}_townships`,
    years: `${key}_years`,
    indicators: `${key}_indicators`,
    values: `${key}_values`,
    ids: `${key}_ids`,
    cells: `${key}_cells`,
    distinct: `${key}_distinct`,
    duplicates: `${key}_duplicates`,
  };
}

export interface TableData {
  /** Column name → DuckDB type. */
  readonly columns: Readonly<Record<string, string>>;
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
}

export async function createTable(db: DbClient, name: string, data: TableData): Promise<void> {
  const file = `${name}.csv`;
  const fields = Object.keys(data.columns);
  await db.registerText(
    file,
    Papa.unparse({ fields, data: data.rows.map((row) => [...row]) }, { quotes: true, newline: '\n' }),
  );
  try {
    const columns = Object.entries(data.columns)
      .map(([column, type]) => `'${column}': '${type}'`)
      .join(', ');
    await db.run(
      `CREATE TEMP TABLE ${name} AS SELECT * FROM read_csv(?, header = true, auto_detect = false, delim = ',',
         quote = '"', escape = '"', columns = {${columns}})`,
      [file],
    );
  } finally {
    await db.dropFile(file);
  }
}

export interface ResolvedTexts {
  readonly townships: readonly TownshipText[];
  readonly years: readonly YearText[];
  readonly indicators: readonly IndicatorText[];
  readonly values: readonly ValueText[];
}

/** The answers for every distinct township, year, indicator and value text, as tables to join on. */
export async function createAnswerTables(db: DbClient, t: BulkTables, texts: ResolvedTexts): Promise<void> {
  await createTable(db, t.townships, {
    columns: {
      id: 'INTEGER',
      text: 'VARCHAR',
      blank: 'BOOLEAN',
      totals: 'BOOLEAN',
      code: 'VARCHAR',
      code_index: 'INTEGER',
    },
    rows: texts.townships.map((x) => [x.id, x.text, x.blank, x.totals, x.code, x.codeIndex]),
  });
  await createTable(db, t.years, {
    columns: { id: 'INTEGER', text: 'VARCHAR', blank: 'BOOLEAN', year: 'INTEGER' },
    rows: texts.years.map((y) => [y.id, y.text, y.blank, y.year]),
  });
  await createTable(db, t.indicators, {
    columns: {
      id: 'INTEGER',
      text: 'VARCHAR',
      blank: 'BOOLEAN',
      totals: 'BOOLEAN',
      heading: 'BOOLEAN',
      name_id: 'INTEGER',
      indicator_id: 'VARCHAR',
      indicator_index: 'INTEGER',
      custom: 'BOOLEAN',
      checked: 'BOOLEAN',
      unit_kind: 'VARCHAR',
      whole: 'BOOLEAN',
    },
    rows: texts.indicators.map((i) => [
      i.id,
      i.text,
      i.blank,
      i.totals,
      i.heading,
      i.nameId,
      i.indicatorId,
      i.indicatorIndex,
      i.custom,
      i.checked,
      i.unitKind,
      i.whole,
    ]),
  });
  await createTable(db, t.values, {
    columns: {
      id: 'INTEGER',
      text: 'VARCHAR',
      blank: 'BOOLEAN',
      kind: 'UTINYINT',
      value: 'DOUBLE',
      approximate: 'BOOLEAN',
      rate_text: 'BOOLEAN',
      unit_kind: 'VARCHAR',
      fraction: 'BOOLEAN',
    },
    rows: texts.values.map((v) => [
      v.id,
      v.text,
      v.blank,
      v.kind,
      v.value,
      v.approximate,
      v.rateText,
      v.unitKind,
      v.fraction,
    ]),
  });
  const ids = new Map(texts.indicators.map((i) => [i.indicatorIndex, i.indicatorId]));
  await createTable(db, t.ids, {
    columns: { indicator_index: 'INTEGER', indicator_id: 'VARCHAR' },
    rows: [...ids].filter(([index]) => index !== null),
  });
}
