/**
 * What readLong and importFile report about a bulk file's rows, found with SQL over the `rows`
 * table (classify-rows.ts): row issues, stale mappings, unknown townships, custom indicators and
 * the reviewer's checks, in the pipeline's order. Very long lists are cut (ISSUE_LIMIT), never
 * so that an error goes unseen.
 */
import { checkFacts } from '../import/check-facts.ts';
import type { Fact } from '../import/fact.ts';
import type { CustomIndicator, UnknownTownship } from '../import/import-file.ts';
import { type ImportIssue, sortIssues } from '../import/import-issue.ts';
import { customIndicatorOf } from '../import/map-columns.ts';
import { trimCell } from '../import/normalize-text.ts';
import type { BulkTables, ResolvedTexts } from './bulk-tables.ts';
import type { DbClient } from './client.ts';
import { type IndicatorText, isRate, type TownshipText, VALUE_KIND } from './resolve-distinct.ts';

export const ISSUE_LIMIT = 1000;
/** Lines listed per unknown township name. */
export const UNKNOWN_LINE_LIMIT = 1000;

export interface BulkFindings {
  readonly customIndicators: CustomIndicator[];
  readonly unknownTownships: UnknownTownship[];
  /** Sorted as importFile sorts them; the first ISSUE_LIMIT and every error up to as many. */
  readonly issues: ImportIssue[];
  readonly issueCount: number;
}

export interface FindingsContext extends ResolvedTexts {
  readonly letter: {
    readonly township: string;
    readonly year: string;
    readonly indicator: string;
    readonly value: string;
  };
  /** SQL for the unit cell of raw row `w`. */
  readonly unitSql: string;
  readonly firstLine: number;
  readonly duplicateCount: number;
  /** The file-wide issues importFile adds (no year, no rows). */
  readonly fileIssues: readonly ImportIssue[];
}

/** Needs the raw table (for the units of custom indicators). */
export async function findBulkIssues(
  db: DbClient,
  t: BulkTables,
  context: FindingsContext,
): Promise<BulkFindings> {
  const customIndicators = await findCustomIndicators(db, t, context);
  const rows = await findRowIssues(db, t, context);
  const stale = await findStaleMappings(db, t, context.indicators, context.letter.indicator);
  const unknownTownships = await findUnknownTownships(db, t, context.townships);
  const checks = await runChecks(db, t, context, customIndicators);
  const all = sortIssues([...rows.issues, ...stale, ...context.fileIssues, ...checks]);
  return {
    customIndicators,
    unknownTownships,
    issues: limitIssues(all),
    issueCount: rows.total + stale.length + context.fileIssues.length + checks.length,
  };
}

const ISSUE_CODES = [
  'blank-indicator',
  'unknown-township',
  'blank-township',
  'bad-year',
  'no-year',
  'invalid-value',
  'negative-count',
  'duplicate-fact',
] as const;
/** Codes below this index are errors. */
const FIRST_WARNING = ISSUE_CODES.indexOf('duplicate-fact');

/** Custom indicators in order of first use, with the name and unit of the row that first used them, as in readLong. */
async function findCustomIndicators(
  db: DbClient,
  t: BulkTables,
  { indicators, unitSql, firstLine }: FindingsContext,
): Promise<CustomIndicator[]> {
  if (!indicators.some((i) => i.custom)) return [];
  const ids = new Map(indicators.map((i) => [i.indicatorIndex, i.indicatorId]));
  const names = new Map(indicators.map((i) => [i.nameId, i.name]));
  const rows = await db.query<{ indicator_index: number; name_id: number; unit: string }>(
    `WITH firsts AS (SELECT min(line) AS line FROM ${t.rows} WHERE custom GROUP BY indicator_index)
     SELECT r.indicator_index, r.name_id, ${unitSql} AS unit
     FROM ${t.rows} r SEMI JOIN firsts USING (line) JOIN ${t.raw} w ON w.rowid = r.line - ${firstLine}
     ORDER BY r.line`,
  );
  return rows.map((row) => {
    const unit = trimCell(row.unit);
    return customIndicatorOf(
      ids.get(row.indicator_index) ?? '',
      names.get(row.name_id) ?? '',
      unit === '' ? null : unit,
    );
  });
}

/** The row-by-row issues of readLong, found in SQL: the first ISSUE_LIMIT, every error up to as many, and the total. */
async function findRowIssues(
  db: DbClient,
  t: BulkTables,
  context: FindingsContext,
): Promise<{ issues: ImportIssue[]; total: number }> {
  const { letter } = context;
  const v = VALUE_KIND;
  // code (index into ISSUE_CODES), its column, the rows it is raised on, and what it refers to.
  const kinds = [
    [letter.indicator, 'stage = 1', 'v_id', 'NULL'],
    [
      letter.township,
      'stage = 3 AND t_above IS NOT NULL AND code_index IS NULL AND t_written',
      't_above',
      'NULL',
    ],
    [letter.township, 'stage = 3 AND t_above IS NULL', 'NULL', 'NULL'],
    [letter.year, 'year_issue = 1', 'y_above', 'NULL'],
    [letter.year, 'year_issue = 2', 'NULL', 'NULL'],
    [letter.value, `stage = 3 AND v_kind = ${v.invalid}`, 'v_id', 'indicator_index'],
    [letter.value, `stage = 3 AND v_kind = ${v.negative}`, 'v_id', 'indicator_index'],
  ] as const;
  const [counted] = await db.query<Record<string, number>>(
    `SELECT ${kinds.map(([, where], code) => `count(*) FILTER (WHERE ${where}) AS n${code}`).join(', ')}
     FROM ${t.rows}`,
  );
  const counts = kinds.map((_, code) => counted?.[`n${code}`] ?? 0);
  const total = counts.reduce((sum, n) => sum + n, 0) + context.duplicateCount;
  if (total === 0) return { issues: [], total };

  const selects = kinds.flatMap(([column, where, ref, indicator], code) =>
    (counts[code] ?? 0) > 0
      ? [
          `SELECT line, ${code} AS code, ${columnIndexOf(column)} AS position, ${ref} AS ref,
                  ${indicator} AS indicator_ref, NULL AS first FROM ${t.rows} WHERE ${where}`,
        ]
      : [],
  );
  if (context.duplicateCount > 0) {
    selects.push(
      `SELECT line, ${FIRST_WARNING} AS code, ${columnIndexOf(letter.value)} AS position, v_id AS ref,
              indicator_index AS indicator_ref, first FROM ${t.duplicates}`,
    );
  }
  const issues = `(${selects.join(' UNION ALL ')})`;
  // The value text of the issues whose `ref` is the row's value text id (duplicates' too).
  const quoting = [...kinds.flatMap(([, , ref], code) => (ref === 'v_id' ? [code] : [])), FIRST_WARNING];
  const rows = await db.query<IssueRow>(
    `SELECT i.*, v.text AS value_text FROM (
       SELECT * FROM (SELECT * FROM ${issues} ORDER BY line, position LIMIT ?)
       UNION
       SELECT * FROM (SELECT * FROM ${issues} WHERE code < ${FIRST_WARNING} ORDER BY line, position LIMIT ?)
     ) i LEFT JOIN ${t.values} v ON i.code IN (${quoting.join(', ')}) AND v.id = i.ref
     ORDER BY i.line, i.position`,
    [ISSUE_LIMIT, ISSUE_LIMIT],
  );
  const ids = new Map(context.indicators.map((i) => [i.indicatorIndex, i.indicatorId ?? '']));
  return { issues: rows.map((row) => toIssue(row, context, ids)), total };
}

type IssueRow = {
  line: number;
  code: number;
  ref: number | null;
  indicator_ref: number | null;
  first: number | null;
  value_text: string | null;
};

function columnIndexOf(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function toIssue(
  row: IssueRow,
  context: FindingsContext,
  indicatorIds: ReadonlyMap<number | null, string>,
): ImportIssue {
  const { letter, townships, years } = context;
  const code = ISSUE_CODES[row.code] ?? 'invalid-value';
  const line = row.line;
  const valueText = row.value_text ?? '';
  const indicatorId = indicatorIds.get(row.indicator_ref) ?? '';
  switch (code) {
    case 'blank-indicator':
      return { severity: 'error', code, line, column: letter.indicator, raw: valueText };
    case 'unknown-township': {
      const township = townships[row.ref ?? -1];
      const detail = (township?.unknown?.suggestions ?? []).map((s) => s.name).join('、');
      return { severity: 'error', code, line, column: letter.township, raw: township?.trimmed ?? '', detail };
    }
    case 'blank-township':
      return { severity: 'error', code, line, column: letter.township };
    case 'bad-year':
      return { severity: 'error', code, line, column: letter.year, raw: years[row.ref ?? -1]?.trimmed ?? '' };
    case 'no-year':
      return { severity: 'error', code, line, column: letter.year };
    case 'duplicate-fact':
      return {
        severity: 'warning',
        code,
        line,
        column: letter.value,
        raw: valueText,
        detail: String(row.first),
        indicatorId,
      };
    default:
      return { severity: 'error', code, line, column: letter.value, raw: valueText, indicatorId };
  }
}

/** A mapping to an indicator that no longer exists is reported on the first row naming it, as readLong does. */
async function findStaleMappings(
  db: DbClient,
  t: BulkTables,
  indicators: readonly IndicatorText[],
  column: string,
): Promise<ImportIssue[]> {
  const stale = new Map(indicators.filter((i) => i.stale.length > 0).map((i) => [i.nameId, i]));
  if (stale.size === 0) return [];
  const rows = await db.query<{ name_id: number; first: number }>(
    `SELECT name_id, min(line) AS first FROM ${t.rows}
     WHERE stage >= 2 AND name_id IN (SELECT unnest(string_split(?, ','))::INTEGER) GROUP BY name_id`,
    [[...stale.keys()].join(',')],
  );
  return rows.flatMap((row) => {
    const indicator = stale.get(row.name_id);
    return (indicator?.stale ?? []).map(
      (target): ImportIssue => ({
        severity: 'warning',
        code: 'unknown-indicator',
        line: row.first,
        column,
        raw: target,
        detail: indicator?.name ?? '',
      }),
    );
  });
}

/** Each written name the district does not know, once, with the rows using it, in order of first use. */
async function findUnknownTownships(
  db: DbClient,
  t: BulkTables,
  townships: readonly TownshipText[],
): Promise<UnknownTownship[]> {
  if (!townships.some((x) => x.unknown)) return [];
  const rows = await db.query<{ t_above: number; lines: string }>(
    `SELECT t_above, array_to_string(list(line ORDER BY line)[1:?], ',') AS lines FROM ${t.rows}
     WHERE stage = 3 AND t_above IS NOT NULL AND code_index IS NULL GROUP BY t_above ORDER BY min(line)`,
    [UNKNOWN_LINE_LIMIT],
  );
  const byName = new Map<string, { lines: number[]; suggestions: UnknownTownship['suggestions'] }>();
  for (const row of rows) {
    const unknown = townships[row.t_above]?.unknown;
    if (!unknown) continue;
    const entry = byName.get(unknown.name) ?? { lines: [], suggestions: unknown.suggestions };
    for (const line of row.lines.split(',')) entry.lines.push(Number(line));
    byName.set(unknown.name, entry);
  }
  return Array.from(byName, ([name, entry]) => ({
    name,
    lines: entry.lines.sort((a, b) => a - b).slice(0, UNKNOWN_LINE_LIMIT),
    suggestions: entry.suggestions,
  }));
}

/**
 * checkFacts on the facts it can flag: rates (by indicator or by a `%` in the cell) and the
 * indicators it compares with each other. Every issue it finds among them it finds in the whole
 * file, and the other facts give it nothing to flag.
 */
async function runChecks(
  db: DbClient,
  t: BulkTables,
  context: FindingsContext,
  customs: readonly CustomIndicator[],
): Promise<ImportIssue[]> {
  const { indicators, townships } = context;
  const rateIds = new Set(customs.filter((c) => isRate(c.id, '', customs)).map((c) => c.id));
  const rateIndexes = [
    ...new Set(
      indicators
        .filter((i) => i.indicatorId !== null && rateIds.has(i.indicatorId))
        .map((i) => i.indicatorIndex),
    ),
  ];
  const rows = await db.query<{
    line: number;
    code_index: number;
    year: number;
    indicator_index: number;
    value: number | null;
    approximate: boolean | null;
    text: string | null;
  }>(
    `SELECT r.line, r.code_index, r.year, r.indicator_index, v.value, v.approximate, v.text
     FROM ${t.rows} r JOIN ${t.values} v ON v.id = r.v_id
     ${context.duplicateCount > 0 ? `ANTI JOIN ${t.duplicates} d ON d.line = r.line` : ''}
     WHERE r.checked
       ${rateIndexes.length > 0 ? `OR (r.fact AND r.indicator_index IN (SELECT unnest(string_split(?, ','))::INTEGER))` : ''}
     ORDER BY r.line`,
    rateIndexes.length > 0 ? [rateIndexes.join(',')] : [],
  );
  const codes = new Map(townships.map((x) => [x.codeIndex, x.code ?? '']));
  const ids = new Map(indicators.map((i) => [i.indicatorIndex, i.indicatorId ?? '']));
  const facts = rows.map(
    (row): Fact => ({
      townshipCode: codes.get(row.code_index) ?? '',
      year: row.year,
      indicatorId: ids.get(row.indicator_index) ?? '',
      value: row.value ?? 0,
      approximate: row.approximate ?? false,
      rawText: row.text ?? '',
      note: null,
      line: row.line,
      column: context.letter.value,
    }),
  );
  return checkFacts(facts, customs);
}

function limitIssues(sorted: readonly ImportIssue[]): ImportIssue[] {
  if (sorted.length <= ISSUE_LIMIT) return [...sorted];
  let errors = 0;
  return sorted.filter((issue, index) => {
    const isError = issue.severity === 'error' && errors++ < ISSUE_LIMIT;
    return index < ISSUE_LIMIT || isError;
  });
}
