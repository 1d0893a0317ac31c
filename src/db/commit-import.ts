import Papa from 'papaparse';
import type { Fact } from '../import/fact.ts';
import type { DbClient, SqlExecutor, SqlParam } from './client.ts';
import { STAGED_FACTS, stageFacts } from './stage-facts.ts';

export interface ImportRecord {
  readonly fileName: string;
  readonly contentHash: string;
  readonly encoding: string;
  readonly layout: string;
  readonly rowCount: number;
  readonly isSample: boolean;
}

export interface CustomIndicator {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
}

export interface CommitOptions {
  /** For facts already stored with another value: take the file's value, or keep the stored one. */
  readonly onConflict: 'replace' | 'keep';
  readonly customIndicators?: readonly CustomIndicator[];
  /** Header → indicator choices the user made, remembered for the next import. */
  readonly mappings?: Readonly<Record<string, string>>;
  /** Written township name → township code choices the user made, remembered likewise. */
  readonly townshipAliases?: Readonly<Record<string, string>>;
  /**
   * Asked inside the transaction, before anything is written, with the facts about to be stored
   * (e.g. whether they meet the stored values the user saw): false stores nothing and the commit
   * throws ImportHeld.
   */
  readonly confirm?: (tx: SqlExecutor, source: FactSource) => Promise<boolean>;
}

/** A commit its `confirm` refused: nothing was stored. */
export class ImportHeld extends Error {
  constructor(fileName: string) {
    super(`${fileName}: not stored, the stored data changed since the user saw them.`);
    this.name = 'ImportHeld';
  }
}

/**
 * Facts waiting to be stored: a relation (a table, a subquery or a `read_csv` call) with the
 * columns township_code, year, indicator_id, value, approximate, raw_text, note, source_line
 * and source_column, with its parameters, holding one row per township, year and indicator.
 */
export interface FactSource {
  readonly sql: string;
  readonly params: readonly SqlParam[];
  readonly count: number;
}

let stagingCounter = 0;

/**
 * Stores one file's facts and its import record in one transaction: the file is imported
 * whole or not at all. Values it replaces are kept in `replaced_facts` so the import can be
 * undone exactly.
 */
export async function commitImport(
  db: DbClient,
  record: ImportRecord,
  facts: readonly Fact[],
  options: CommitOptions = { onConflict: 'replace' },
): Promise<number> {
  // `facts` has no key to refuse a second value for the same township, year and indicator.
  const keys = new Set(facts.map((f) => `${f.townshipCode}|${f.year}|${f.indicatorId}`));
  if (keys.size !== facts.length)
    throw new Error('commitImport: facts repeat a township, year and indicator.');
  return db.transaction(async (tx) => {
    const staging = `staging-${++stagingCounter}.csv`;
    const drop = await stageFacts(tx, staging, facts);
    try {
      return await storeImport(
        tx,
        record,
        { sql: STAGED_FACTS, params: [staging], count: facts.length },
        options,
      );
    } finally {
      await drop();
    }
  });
}

/** The import record, the user's choices and the facts of `source`; call inside a transaction. */
export async function storeImport(
  tx: SqlExecutor,
  record: ImportRecord,
  source: FactSource,
  options: CommitOptions,
): Promise<number> {
  if (options.confirm && !(await options.confirm(tx, source))) throw new ImportHeld(record.fileName);
  const [next] = await tx.query<{ id: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM imports');
  const importId = next?.id ?? 1;
  await tx.run(`INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ?)`, [
    importId,
    record.fileName,
    record.contentHash,
    record.encoding,
    record.layout,
    record.rowCount,
    source.count,
    record.isSample,
  ]);
  await saveCustomIndicators(tx, options.customIndicators ?? []);
  await saveChoices(tx, options);
  await storeFacts(tx, importId, source, options.onConflict);
  const [stored] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM facts WHERE import_id = ?', [
    importId,
  ]);
  await tx.run('UPDATE imports SET fact_count = ? WHERE id = ?', [stored?.n ?? 0, importId]);
  return importId;
}

const KEY = 'township_code, year, indicator_id';
const INCOMING = `township_code, year, indicator_id, value, approximate, raw_text, NULLIF(note, ''),
  ? AS import_id, source_line, source_column`;

/**
 * `facts` has no primary key (migration 3): this is where one township, year and indicator keep
 * at most one fact. A stored fact the file also gives is moved to `replaced_facts` and deleted
 * before the file's is written ('replace'), or the file's is left out ('keep').
 */
async function storeFacts(
  tx: SqlExecutor,
  importId: number,
  source: FactSource,
  onConflict: CommitOptions['onConflict'],
): Promise<void> {
  const [held] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM facts');
  const from = `${source.sql} s`;
  const params = [importId, ...source.params];
  if ((held?.n ?? 0) === 0) {
    await tx.run(`INSERT INTO facts SELECT ${INCOMING} FROM ${from}`, params);
  } else if (onConflict === 'replace') {
    await tx.run(
      `INSERT INTO replaced_facts SELECT ?, f.* FROM facts f SEMI JOIN ${from} USING (${KEY})`,
      params,
    );
    await deleteReplaced(tx, importId);
    await tx.run(`INSERT INTO facts SELECT ${INCOMING} FROM ${from}`, params);
  } else {
    // A figure the file gives again unchanged is the file's too, as 'replace' makes it: undoing the
    // earlier import then leaves it stored, since this file still says it. Only the figures the
    // file gives otherwise keep their stored value.
    await tx.run(
      `INSERT INTO replaced_facts SELECT ?, f.* FROM facts f
       WHERE EXISTS (SELECT 1 FROM ${from}
                     WHERE s.township_code = f.township_code AND s.year = f.year AND s.indicator_id = f.indicator_id
                       AND s.value = f.value AND s.approximate = f.approximate)`,
      params,
    );
    await deleteReplaced(tx, importId);
    await tx.run(
      `INSERT INTO facts SELECT ${INCOMING} FROM ${from} ANTI JOIN facts f USING (${KEY})`,
      params,
    );
  }
}

/** Deletes the stored facts an import has just moved to `replaced_facts`. */
async function deleteReplaced(tx: SqlExecutor, importId: number): Promise<void> {
  await tx.run(
    `DELETE FROM facts USING replaced_facts r
     WHERE r.replaced_by = ? AND r.township_code = facts.township_code AND r.year = facts.year
       AND r.indicator_id = facts.indicator_id`,
    [importId],
  );
}

/** New custom indicators go after every other one, in the file's order; known ids are left alone. */
async function saveCustomIndicators(tx: SqlExecutor, custom: readonly CustomIndicator[]): Promise<void> {
  if (custom.length === 0) return;
  const name = `custom-indicators-${++stagingCounter}.csv`;
  await tx.registerText(
    name,
    Papa.unparse(
      { fields: ['id', 'label', 'unit'], data: custom.map((c) => [c.id, c.label, c.unit]) },
      { quotes: true, newline: '\n' },
    ),
  );
  try {
    await tx.run(
      `INSERT INTO indicators
       SELECT id, label, label, unit, unit, 'custom', 'neutral', true, NULL, NULL,
              (SELECT COALESCE(MAX(sort_order), 0) FROM indicators) + row_number() OVER (ORDER BY position)
       FROM (SELECT * FROM (SELECT *, row_number() OVER () AS position
                            FROM read_csv(?, header = true, auto_detect = false, delim = ',', quote = '"',
                                          escape = '"', allow_quoted_nulls = false,
                                          columns = {'id': 'VARCHAR', 'label': 'VARCHAR', 'unit': 'VARCHAR'}))
             WHERE id NOT IN (SELECT id FROM indicators)
             QUALIFY row_number() OVER (PARTITION BY id ORDER BY position) = 1)`,
      [name],
    );
  } finally {
    await tx.dropFile(name);
  }
}

async function saveChoices(tx: SqlExecutor, options: CommitOptions): Promise<void> {
  for (const [key, indicatorId] of Object.entries(options.mappings ?? {})) {
    await tx.run('INSERT OR REPLACE INTO header_mappings VALUES (?, ?)', [key, indicatorId]);
  }
  for (const [alias, code] of Object.entries(options.townshipAliases ?? {})) {
    await tx.run('INSERT OR REPLACE INTO township_aliases VALUES (?, ?)', [alias, code]);
  }
}
