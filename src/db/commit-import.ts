import type { Fact } from '../import/fact.ts';
import type { DbClient, SqlExecutor } from './client.ts';
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
  return db.transaction(async (tx) => {
    const [next] = await tx.query<{ id: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM imports');
    const importId = next?.id ?? 1;
    const staging = `staging-${importId}-${++stagingCounter}.csv`;
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
    await saveCustomIndicators(tx, options.customIndicators ?? []);
    await saveChoices(tx, options);
    const drop = await stageFacts(tx, staging, facts);
    try {
      if (options.onConflict === 'replace') {
        await tx.run(
          `INSERT INTO replaced_facts
             SELECT ?, f.* FROM facts f
             JOIN ${STAGED_FACTS} s USING (township_code, year, indicator_id)`,
          [importId, staging],
        );
        await tx.run(
          `INSERT OR REPLACE INTO facts
             SELECT township_code, year, indicator_id, value, approximate, raw_text, NULLIF(note, ''),
                    ? AS import_id, source_line, source_column
             FROM ${STAGED_FACTS}`,
          [importId, staging],
        );
      } else {
        await tx.run(
          `INSERT INTO facts
             SELECT s.township_code, s.year, s.indicator_id, s.value, s.approximate, s.raw_text, NULLIF(s.note, ''),
                    ? AS import_id, s.source_line, s.source_column
             FROM ${STAGED_FACTS} s
             ANTI JOIN facts f USING (township_code, year, indicator_id)`,
          [importId, staging],
        );
      }
      const [stored] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM facts WHERE import_id = ?', [
        importId,
      ]);
      await tx.run('UPDATE imports SET fact_count = ? WHERE id = ?', [stored?.n ?? 0, importId]);
    } finally {
      await drop();
    }
    return importId;
  });
}

async function saveCustomIndicators(tx: SqlExecutor, custom: readonly CustomIndicator[]): Promise<void> {
  for (const indicator of custom) {
    await tx.run(
      `INSERT INTO indicators VALUES (?, ?, ?, ?, ?, 'custom', 'neutral', true, NULL, NULL,
         (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM indicators))
       ON CONFLICT DO NOTHING`,
      [indicator.id, indicator.label, indicator.label, indicator.unit, indicator.unit],
    );
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
