/**
 * The bulk import: a long-layout file (镇街, 年度, 指标, 数值 …) read by DuckDB's own CSV reader
 * instead of the pipeline's JavaScript parser, for files of hundreds of thousands of rows. The
 * pipeline's rules still decide everything: they run once per distinct cell text
 * (resolve-distinct.ts) and DuckDB joins their answers back onto the rows. The result is the
 * preview importFile would give, with the same line numbers; a file the two readers would number
 * differently, or any other layout, is refused (undefined) and goes through importFile.
 */
import { isSubtotalLabel, isSummaryLabel } from '../import/classify-row.ts';
import { decodeBytes, MAX_FILE_BYTES } from '../import/decode-bytes.ts';
import { columnLetter, type Fact } from '../import/fact.ts';
import { columnWithRole, findHeader, type HeaderBlock, labelsRole } from '../import/find-header.ts';
import type { ImportOptions, ImportPreview } from '../import/import-file.ts';
import { importFile, yearDiffers } from '../import/import-file.ts';
import type { ImportIssue } from '../import/import-issue.ts';
import { type Delimiter, parseCsv } from '../import/parse-csv.ts';
import { dividesByZero } from '../import/parse-value.ts';
import { isRelativeYear } from '../import/parse-year.ts';
import { trimCell } from '../import/normalize-text.ts';
import { headerUnit, unitDiffers } from '../import/match-header.ts';
import { createTownshipResolver } from '../import/resolve-township.ts';
import { statesSize } from '../import/unit-scale.ts';
import {
  type ByteWork,
  cutAtLine,
  type FileSource,
  inThreadByteWork,
  readStart,
  sourceSize,
  type Utf8Input,
} from './bulk-bytes.ts';
import { type BulkTables, bulkTables } from './bulk-tables.ts';
import { classifyRows } from './classify-rows.ts';
import type { DbClient, SqlParam } from './client.ts';
import { type CommitOptions, type ImportRecord, storeImport } from './commit-import.ts';
import { resolveDistinctTexts } from './distinct-texts.ts';
import { findBulkIssues } from './find-bulk-issues.ts';
import { type IndicatorText, VALUE_KIND } from './resolve-distinct.ts';

export { ISSUE_LIMIT, UNKNOWN_LINE_LIMIT } from './find-bulk-issues.ts';

export interface StagedImport {
  readonly key: string;
  /** What importFile gives for the file, except that `facts` holds only the first FACT_SAMPLE facts. */
  readonly preview: ImportPreview;
  readonly factCount: number;
  /** Every issue found; `preview.issues` holds the first ISSUE_LIMIT of them and every error up to that many. */
  readonly issueCount: number;
}

export const FACT_SAMPLE = 500;

/** More distinct unit texts than this is not a report's unit column. */
const UNIT_TEXT_LIMIT = 10_000;

/**
 * The top of a file the pipeline itself reads, to find the header and the layout: whole lines,
 * enough of them for the 50 records sniffDelimiter reads (or its 64 Ki characters) and the header
 * search's 20 rows.
 */
const HEAD_LINES = 100;
const HEAD_BYTES = 256 * 1024;

interface Staging {
  readonly tables: readonly string[];
  readonly facts: { readonly sql: string; readonly params: readonly SqlParam[] };
}

const stagings = new WeakMap<StagedImport, Staging>();
let counter = 0;

/**
 * Reads a long-layout file into temporary tables and previews it as importFile would, without
 * storing anything. Undefined when the file is not one the bulk path reads exactly like the
 * pipeline; importFile then reads it. `work` does the byte work (decoding, scan, hash): the app
 * gives its import worker, so none of it runs on the page's thread. The app gives the user's File:
 * the page then reads only its head, and the worker reads the rest.
 */
export async function stageLongImport(
  db: DbClient,
  source: FileSource,
  options: ImportOptions,
  work: ByteWork = inThreadByteWork,
): Promise<StagedImport | undefined> {
  if (sourceSize(source) > MAX_FILE_BYTES) return undefined;
  const input = await work.toUtf8(source, options.encoding);
  if (!input) return undefined;
  const start = await readStart(input.utf8, 2 * HEAD_BYTES);
  const head = start && (await readHead(start, options));
  if (!head) return undefined;

  const key = `bulk_${Date.now().toString(36)}_${++counter}`;
  const t = bulkTables(key);
  const tables = Object.values(t);
  const drop = async () => {
    for (const table of tables) await db.run(`DROP TABLE IF EXISTS ${table}`);
  };
  try {
    const staged = await stage(db, { key, source, input, head, options, t, work });
    if (staged) stagings.set(staged.staged, { tables, facts: staged.facts });
    else await drop();
    return staged?.staged;
  } catch (error) {
    await drop();
    throw error;
  }
}

/** Stores a staged file in one transaction, with the same rules as commitImport. */
export async function commitStagedImport(
  db: DbClient,
  staged: StagedImport,
  record: ImportRecord,
  options: CommitOptions,
): Promise<number> {
  const staging = stagings.get(staged);
  if (!staging) throw new Error(`Import ${staged.key} is not staged (or was dropped).`);
  return db.transaction((tx) =>
    storeImport(
      tx,
      record,
      { sql: `(${staging.facts.sql})`, params: staging.facts.params, count: staged.factCount },
      options,
    ),
  );
}

export async function dropStagedImport(db: DbClient, staged: StagedImport): Promise<void> {
  const staging = stagings.get(staged);
  if (!staging) return;
  stagings.delete(staged);
  for (const table of staging.tables) await db.run(`DROP TABLE IF EXISTS ${table}`);
}

/** The staged facts as a relation (SQL and its parameters), e.g. to look for conflicts. */
export function stagedFacts(staged: StagedImport): {
  readonly sql: string;
  readonly params: readonly SqlParam[];
} {
  const staging = stagings.get(staged);
  if (!staging) throw new Error(`Import ${staged.key} is not staged (or was dropped).`);
  return staging.facts;
}

/** The staged facts in file order, `limit` from `offset`: the preview holds only the first few. */
export async function loadStagedFacts(
  db: DbClient,
  staged: StagedImport,
  offset: number,
  limit: number,
): Promise<Fact[]> {
  const staging = stagings.get(staged);
  if (!staging) throw new Error(`Import ${staged.key} is not staged (or was dropped).`);
  const rows = await db.query<FactRow>(
    `SELECT * FROM (${staging.facts.sql}) ORDER BY source_line LIMIT ? OFFSET ?`,
    [...staging.facts.params, limit, offset],
  );
  return rows.map(toFact);
}

/** The first `lines` lines, or the whole lines in the first `size` bytes if those are fewer. */
function headOf(bytes: Uint8Array, lines: number, size: number): Uint8Array {
  let end = -1;
  for (let n = 0; n < lines && end + 1 < size; n++) {
    end = bytes.indexOf(0x0a, end + 1);
    if (end < 0) return cutAtLine(bytes, size);
  }
  return end + 1 < size ? bytes.subarray(0, end + 1) : cutAtLine(bytes, size);
}

/**
 * Whether a catalog indicator's name in the file comes with a unit of another kind than the
 * indicator's (H11): in its own brackets (`法治培训（人次）`), or in a row's unit cell.
 */
async function unitsDiffer(
  db: DbClient,
  raw: string,
  indicators: readonly IndicatorText[],
  roles: { readonly indicator: number; readonly unit: number | undefined },
): Promise<boolean> {
  if (indicators.some((i) => !i.blank && unitDiffers([i.name], headerUnit(i.name)))) return true;
  const named = indicators.filter((i) => i.text !== null && i.indicatorId !== null && !i.custom);
  if (roles.unit === undefined || named.length === 0) return false;
  const pairs = await db.query<{ name: string; unit: string | null }>(
    `SELECT DISTINCT c${roles.indicator} AS name, c${roles.unit} AS unit FROM ${raw}
     WHERE c${roles.indicator} IN (${named.map(() => '?').join(', ')})`,
    named.map((i) => i.text),
  );
  return pairs.some((pair) =>
    unitDiffers([trimCell(pair.name)], pair.unit === null ? null : trimCell(pair.unit)),
  );
}

interface Head {
  /** importFile's preview of the head: everything but the rows' results is the whole file's. */
  readonly shell: ImportPreview;
  readonly block: HeaderBlock;
  readonly delimiter: Delimiter;
  /** Cells in the widest row from the header down. */
  readonly width: number;
}

async function readHead(utf8: Uint8Array, options: ImportOptions): Promise<Head | undefined> {
  const bytes = headOf(utf8, HEAD_LINES, HEAD_BYTES);
  const shell = await importFile(bytes, { ...options, encoding: 'utf-8' });
  if (shell.layout !== 'long' || shell.delimiter === null) return undefined;
  const decoded = decodeBytes(bytes, 'utf-8');
  if (!decoded.ok) return undefined;
  const { rows } = parseCsv(decoded.text, shell.delimiter);
  const resolver = createTownshipResolver(options.townships, options.townshipAliases, options.districtName);
  const block = findHeader(rows, (text) => resolver.match(text).kind === 'matched');
  // A column per year (镇街, 指标, 2020年, 2021年) is left to the pipeline: SQL here reads one 数值
  // column. So is a division code column: SQL here reads a row's township from its name alone.
  if (
    block?.layout !== 'long' ||
    block.across ||
    columnWithRole(block, 'code') !== undefined ||
    block.start + 1 !== shell.headerLine
  )
    return undefined;
  let width = 0;
  for (let index = block.start; index < rows.length; index++)
    width = Math.max(width, rows[index]?.length ?? 0);
  return { shell, block, delimiter: shell.delimiter, width };
}

type FactRow = {
  readonly township_code: string;
  readonly year: number;
  readonly indicator_id: string;
  readonly value: number;
  readonly approximate: boolean;
  readonly raw_text: string;
  readonly note: string | null;
  readonly source_line: number;
  readonly source_column: string;
};

function toFact(row: FactRow): Fact {
  return {
    townshipCode: row.township_code,
    year: row.year,
    indicatorId: row.indicator_id,
    value: row.value,
    approximate: row.approximate,
    rawText: row.raw_text,
    note: row.note,
    line: row.source_line,
    column: row.source_column,
  };
}

interface StageInput {
  readonly key: string;
  readonly source: FileSource;
  readonly input: Utf8Input;
  readonly head: Head;
  readonly options: ImportOptions;
  readonly t: BulkTables;
  readonly work: ByteWork;
}

async function stage(
  db: DbClient,
  { key, source, input, head, options, t, work }: StageInput,
): Promise<{ staged: StagedImport; facts: Staging['facts'] } | undefined> {
  const { block, shell } = head;
  const roles = {
    township: columnWithRole(block, 'township') ?? 0,
    year: columnWithRole(block, 'year'),
    indicator: columnWithRole(block, 'indicator') ?? 0,
    value: columnWithRole(block, 'value') ?? 0,
    unit: columnWithRole(block, 'unit'),
    note: columnWithRole(block, 'note'),
  };
  const firstLine = block.end + 1;

  // DuckDB reads the file in its worker while `work` hashes it and checks that it may. The check
  // has read (or copied) the arrays it is given before DuckDB takes a fresh one over.
  const checking = work.check(source, input, head.delimiter.charCodeAt(0), block.end);
  checking.hash.catch(() => undefined);
  const file = `${t.raw}.csv`;
  const columns = Array.from({ length: head.width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  await db.registerBuffer(file, input.owned ? input.utf8 : input.utf8.slice());
  const reading = db
    .run(
      `CREATE TEMP TABLE ${t.raw} AS SELECT * FROM read_csv(?, header = false, skip = ?, auto_detect = false,
         delim = ?, quote = '"', escape = '"', null_padding = true, columns = {${columns}})`,
      [file, block.end, head.delimiter],
    )
    .then(
      () => true,
      () => false,
    );
  const read = await reading;
  await db.dropFile(file);
  const scan = await checking.scan;
  if (!read || !scan.ok) return undefined;
  const [counted] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t.raw}`);
  if ((counted?.n ?? -1) !== Math.max(0, scan.lines - block.end)) return undefined;

  // Every distinct text of every column: the rules run on these, never on rows.
  const texts = await resolveDistinctTexts(db, t, head.width, roles, options);
  if (!texts) return undefined;
  // A unit stating a size (万人次) scales the figures of its rows: left to the pipeline.
  if (roles.unit !== undefined) {
    const units = await db.query<{ text: string }>(
      `SELECT text FROM ${t.distinct} WHERE k = ? AND text IS NOT NULL LIMIT ?`,
      [roles.unit, UNIT_TEXT_LIMIT + 1],
    );
    if (units.length > UNIT_TEXT_LIMIT || units.some((u) => statesSize(trimCell(u.text)))) return undefined;
  }
  // So does one in an indicator's name (法律咨询（万人次）).
  if (
    texts.fetched.some(
      (x) => x.k === roles.indicator && x.text !== null && statesSize(headerUnit(trimCell(x.text)) ?? ''),
    )
  )
    return undefined;
  // A unit of another kind than the catalog indicator's makes another indicator (H11): the
  // pipeline reads such a file, resolving each row's name with its unit.
  if (await unitsDiffer(db, t.raw, texts.resolved.indicators, roles)) return undefined;
  // `#DIV/0!` is no figure, with a warning on its cell (V16): the pipeline's to read.
  if (texts.fetched.some((x) => x.k === roles.value && x.text !== null && dividesByZero(x.text)))
    return undefined;
  // A header again below (`镇街`, `单位名称` in the township column): tables stacked in one file
  // (L14), each with its own title, are the pipeline's to read.
  const isLabel = (text: string) => labelsRole(text, 'township', 'long');
  if (texts.fetched.some((x) => x.k === roles.township && x.text !== null && isLabel(trimCell(x.text))))
    return undefined;
  // Years written `本年`, `上年同期` count from the file's year (L15): the pipeline's to read.
  if (texts.fetched.some((x) => x.k === roles.year && x.text !== null && isRelativeYear(x.text)))
    return undefined;
  const { resolved } = texts;
  // A 合计 row is checked against its year's township rows (R6): the pipeline's to read.
  if (resolved.townships.some((x) => x.totals && !isSummaryLabel(x.trimmed) && !isSubtotalLabel(x.trimmed)))
    return undefined;
  const hasYear = roles.year !== undefined;
  const contextYear = hasYear ? null : shell.year;
  // A year still to come is an error per year (L20): the pipeline's to report.
  const thisYear = options.currentYear ?? new Date().getFullYear();
  if ((contextYear ?? 0) > thisYear || resolved.years.some((y) => (y.year ?? 0) > thisYear)) return undefined;
  await classifyRows(db, { tables: t, roles, firstLine, contextYear, texts: texts.fetched });
  // Rates written as fractions (`0.9787`, rule V15) are the pipeline's to read: here a figure is
  // what its text says.
  if (await mayHoldFractionRates(db, t)) return undefined;

  // Keys are small numbers: a direct-indexed table groups them much faster than hashing.
  await db.run('SET perfect_ht_threshold = 24');
  try {
    await db.run(
      `CREATE TEMP TABLE ${t.duplicates} AS
       WITH keys AS (
         SELECT code_index, year, indicator_index, min(line) AS first
         FROM ${t.rows} WHERE fact GROUP BY ALL HAVING count(*) > 1
       )
       SELECT r.line, r.v_id, r.indicator_index, k.first
       FROM ${t.rows} r JOIN keys k USING (code_index, year, indicator_index)
       WHERE r.fact AND r.line > k.first`,
    );
  } finally {
    await db.run('RESET perfect_ht_threshold');
  }
  const [counts] = await db.query<{ data_rows: number; facts: number; duplicates: number }>(
    `SELECT count(*) AS data_rows, count(*) FILTER (WHERE fact) AS facts,
            (SELECT count(*) FROM ${t.duplicates}) AS duplicates
     FROM ${t.rows}`,
  );
  const dataRows = counts?.data_rows ?? 0;
  const duplicates = counts?.duplicates ?? 0;
  const letter = {
    township: columnLetter(roles.township),
    year: columnLetter(roles.year ?? 0),
    indicator: columnLetter(roles.indicator),
    value: columnLetter(roles.value),
  };
  const facts = {
    sql: `SELECT tw.code AS township_code, r.year, i.indicator_id, v.value, v.approximate, v.text AS raw_text,
                 r.note, r.line AS source_line, ?::VARCHAR AS source_column
          FROM ${t.rows} r
          JOIN ${t.townships} tw ON tw.id = r.t_above
          JOIN ${t.ids} i ON i.indicator_index = r.indicator_index
          JOIN ${t.values} v ON v.id = r.v_id
          ${duplicates > 0 ? `ANTI JOIN ${t.duplicates} d ON d.line = r.line` : ''}
          WHERE r.fact`,
    params: [letter.value],
  };

  // The title and file name are the head's: so is a part of a year they name (L17), or their
  // disagreeing (L19).
  const fileIssues: ImportIssue[] = shell.issues.filter(
    (i) => i.code === 'part-of-year' || i.code === 'file-name-differs',
  );
  if (!hasYear && contextYear === null && !fileIssues.some((i) => i.code === 'part-of-year'))
    fileIssues.push({ severity: 'error', code: 'no-year' });
  if (hasYear && shell.statedYear) {
    // L18: the year the title or file name states, against the year column's.
    const [first] = await db.query<{ line: number | null; year: number | null; found: boolean | null }>(
      `SELECT min(source_line) AS line, arg_min(year, source_line) AS year, bool_or(year = ?) AS found
       FROM (${facts.sql})`,
      [shell.statedYear.year, ...facts.params],
    );
    if (first?.line != null && first.year != null && !first.found) {
      const differs = yearDiffers([{ line: first.line, year: first.year }], shell.statedYear, letter.year);
      if (differs) fileIssues.push(differs);
    }
  }
  if (dataRows === 0) fileIssues.push({ severity: 'error', code: 'no-rows', line: block.start + 1 });
  const findings = await findBulkIssues(db, t, {
    ...resolved,
    letter,
    unitSql: roles.unit === undefined ? "''" : `COALESCE(w.c${roles.unit}, '')`,
    firstLine,
    duplicateCount: duplicates,
    fileIssues,
  });
  await db.run(`DROP TABLE ${t.raw}`);

  const firstFacts = await db.query<FactRow>(`SELECT * FROM (${facts.sql}) ORDER BY source_line LIMIT ?`, [
    ...facts.params,
    FACT_SAMPLE,
  ]);
  const sample = firstFacts.map(toFact);
  if (!agreesWithHead(sample, shell.facts)) return undefined;

  const preview: ImportPreview = {
    ...shell,
    contentHash: await checking.hash,
    encoding: input.encoding,
    encodingDetected: input.detected,
    rowCount: dataRows,
    customIndicators: findings.customIndicators,
    unknownTownships: findings.unknownTownships,
    facts: sample,
    issues: findings.issues,
  };
  const factCount = (counts?.facts ?? 0) - duplicates;
  return { staged: { key, preview, factCount, issueCount: findings.issueCount }, facts };
}

/**
 * Whether some indicator's figures are all from 0 to 1, none with `%`, one strictly between: rates
 * the pipeline would read as fractions (V15) if the indicator is a rate. Any indicator is looked
 * at, so no rate is missed; most files have no such figure at all and cost one small query.
 */
async function mayHoldFractionRates(db: DbClient, t: BulkTables): Promise<boolean> {
  const fractional = `v.kind = ${VALUE_KIND.number} AND NOT v.rate_text AND v.value > 0 AND v.value < 1`;
  const [some] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t.values} v WHERE ${fractional}`);
  if ((some?.n ?? 0) === 0) return false;
  const found = await db.query(
    `SELECT r.indicator_index FROM ${t.rows} r JOIN ${t.values} v ON v.id = r.v_id WHERE r.fact
     GROUP BY r.indicator_index
     HAVING bool_and(v.value <= 1 AND NOT v.rate_text) AND bool_or(${fractional}) LIMIT 1`,
  );
  return found.length > 0;
}

/**
 * The facts of the head's rows are the pipeline's own (nothing below a row changes its fact): the
 * bulk path must give the same ones, or it erred and the file is left to the pipeline.
 */
function agreesWithHead(sample: readonly Fact[], head: readonly Fact[]): boolean {
  const lastLine = head[head.length - 1]?.line ?? 0;
  const expected = head.slice(0, FACT_SAMPLE);
  const mine = sample.filter((f) => f.line <= lastLine);
  return (
    mine.length === expected.length && mine.every((f, i) => JSON.stringify(f) === JSON.stringify(expected[i]))
  );
}
