/**
 * The distinct cell texts of a bulk file, kept in DuckDB, and the rules' answers for them. Only the
 * texts the rules must see come to JavaScript: every township, year and indicator text, the value
 * texts that are not plain figures, and the other columns' texts that may be blank, padded or a
 * footnote's. A plain figure (`123`, `4567.89`, `12,345.6` as Excel formats it) is a number, exact
 * and not approximate, whatever else the rules say; DuckDB casts those itself. A file whose every figure has decimals has
 * nearly as many value texts as rows: they never cross to the page.
 */
import { FOOTNOTE_LABELS } from '../import/classify-row.ts';
import type { ImportOptions } from '../import/import-file.ts';
import { createTownshipResolver } from '../import/resolve-township.ts';
import type { BulkTables, ResolvedTexts } from './bulk-tables.ts';
import { createAnswerTables } from './bulk-tables.ts';
import type { RowRoles } from './classify-rows.ts';
import type { DbClient } from './client.ts';
import {
  type CellText,
  resolveIndicatorTexts,
  resolveTownshipTexts,
  resolveValueTexts,
  resolveYearTexts,
  VALUE_KIND,
  type ValueText,
} from './resolve-distinct.ts';

/**
 * ASCII digits, at most 15 before the point and 6 after, perhaps grouped by thousands with commas:
 * exactly a double, read alike by both.
 */
const PLAIN_FIGURE = '([0-9]{1,15}|[0-9]{1,3}(,[0-9]{3}){1,4})([.][0-9]{1,6})?';
/**
 * Every character trimCell (normalize-text.ts) trims — JavaScript's white space and line ends, the
 * ideographic space — and more: any separator or control character.
 */
const SPACE = '[\\p{Z}\\p{Cc}\\x{FEFF}]';
/**
 * More texts than this for the rules is not a township report: the pipeline reads such a file,
 * in its worker, rather than this thread resolving them.
 */
export const RULE_TEXT_LIMIT = 100_000;
/** Plain figures checked against the rules on each import, so a change to the rules is never missed. */
const PLAIN_SAMPLE = 200;
/** Value texts resolved between two turns of the page's event loop. */
const SLICE = 5_000;

export interface DistinctTexts {
  readonly resolved: ResolvedTexts;
  /** The texts that came to JavaScript, by column: all but plain figures and ordinary other cells. */
  readonly fetched: readonly { readonly k: number; readonly text: CellText }[];
}

/**
 * Writes the distinct texts of every column of the raw table and the answer tables. Undefined when
 * the file has more texts for the rules than RULE_TEXT_LIMIT, or DuckDB reads a plain figure
 * differently from the rules (the caller leaves the file to the pipeline).
 */
export async function resolveDistinctTexts(
  db: DbClient,
  t: BulkTables,
  width: number,
  roles: RowRoles,
  options: ImportOptions,
): Promise<DistinctTexts | undefined> {
  await db.run(
    `CREATE TEMP TABLE ${t.distinct} AS ${Array.from(
      { length: width },
      (_, k) => `SELECT ${k} AS k, c${k} AS text FROM ${t.raw} GROUP BY ALL`,
    ).join(' UNION ALL ')}`,
  );
  const named = [roles.township, roles.year, roles.indicator].filter((k) => k !== undefined);
  const others = Array.from({ length: width }, (_, k) => k).filter(
    (k) => !named.includes(k) && k !== roles.value,
  );
  const plain = `regexp_full_match(text, '${PLAIN_FIGURE}')`;
  const footnote = `regexp_matches(text, '^(${FOOTNOTE_LABELS.join('|')})')`;
  // Blank, padded, Excel text (`="…"`) or footnote-like: a superset of what findSpecialCells
  // (classify-rows.ts) keeps.
  const special = `text IS NOT NULL AND (text = '' OR regexp_matches(text, '^${SPACE}|${SPACE}$')
    OR contains(text, '="') OR ${footnote})`;
  const needed = [
    `k IN (${named.join(', ')})`,
    `(k = ${roles.value} AND (text IS NULL OR NOT ${plain}))`,
    ...(others.length > 0 ? [`(k IN (${others.join(', ')}) AND ${special})`] : []),
  ].join(' OR ');
  const fetched = await db.query<{ k: number; text: CellText }>(
    `SELECT k, text FROM ${t.distinct} WHERE ${needed} LIMIT ?`,
    [RULE_TEXT_LIMIT + 1],
  );
  if (fetched.length > RULE_TEXT_LIMIT) return undefined;

  const texts = (k: number | undefined) => fetched.filter((d) => d.k === k).map((d) => d.text);
  const resolver = createTownshipResolver(options.townships, options.townshipAliases, options.districtName);
  const resolved = {
    townships: resolveTownshipTexts(texts(roles.township), resolver),
    years: resolveYearTexts(texts(roles.year)),
    indicators: resolveIndicatorTexts(texts(roles.indicator), options.mappings ?? {}),
    values: await resolveValuesInSlices(texts(roles.value)),
  };
  await createAnswerTables(db, t, resolved);
  await db.run(
    `INSERT INTO ${t.values}
     SELECT ${resolved.values.length} + row_number() OVER () - 1, text, false, ${VALUE_KIND.number},
            replace(text, ',', '')::DOUBLE, false, false, NULL, contains(text, '.')
     FROM ${t.distinct} WHERE k = ${roles.value} AND ${plain}`,
  );
  // Some of each form: with and without thousands separators.
  const sample = await db.query<{ text: string; value: number }>(
    `(SELECT text, value FROM ${t.values} WHERE id >= ? AND NOT contains(text, ',') LIMIT ?)
     UNION ALL
     (SELECT text, value FROM ${t.values} WHERE id >= ? AND contains(text, ',') LIMIT ?)`,
    [resolved.values.length, PLAIN_SAMPLE, resolved.values.length, PLAIN_SAMPLE],
  );
  const byRules = resolveValueTexts(sample.map((row) => row.text));
  const agrees = sample.every((row, i) => {
    const rules = byRules[i];
    return (
      rules?.kind === VALUE_KIND.number &&
      rules.value === row.value &&
      !rules.approximate &&
      !rules.rateText &&
      !rules.blank
    );
  });
  return agrees ? { resolved, fetched } : undefined;
}

/** resolveValueTexts a slice at a time, letting the page answer in between. */
async function resolveValuesInSlices(texts: readonly CellText[]): Promise<ValueText[]> {
  const values: ValueText[] = [];
  for (let start = 0; start < texts.length; start += SLICE) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    for (const value of resolveValueTexts(texts.slice(start, start + SLICE)))
      values.push({ ...value, id: value.id + start });
  }
  return values;
}
