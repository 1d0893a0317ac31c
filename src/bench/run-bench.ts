/**
 * bench.html: times, side by side in this page, DuckDB's bare `read_csv` of a generated long file
 * and the bulk import of the same bytes from bytes to committed facts (decode, validate,
 * normalize, commit), plus the JavaScript pipeline on a slice for comparison. The results go to
 * `window.__benchResult`, where scripts/bench.ts (`npm run bench`) picks them up.
 */

import { workerByteWork } from '../app/import-worker-client.ts';
import { openBrowserDb } from '../db/browser-client.ts';
import {
  commitStagedImport,
  dropStagedImport,
  type StagedImport,
  stageLongImport,
} from '../db/bulk-import.ts';
import type { DbClient } from '../db/client.ts';
import { type CommitOptions, commitImport, type ImportRecord } from '../db/commit-import.ts';
import { CONFLICT_LIST_LIMIT, conflictsOf } from '../db/import-checks.ts';
import { applySchema, replaceTownships } from '../db/schema.ts';
import { TONGNAN } from '../district/tongnan.ts';
import type { ImportPreview } from '../import/import-file.ts';
import { importFile } from '../import/import-file.ts';
import { encodeGbk } from './encode-gbk.ts';
import { encodeUtf16 } from './encode-utf16.ts';
import { FIRST_YEAR, generateLongCsv, LAST_YEAR } from './generate-long-csv.ts';
import { type OnePassLookups, prepareOnePass, timeOnePass } from './one-pass.ts';

export type BenchEncoding = 'utf-8' | 'utf-16le' | 'gb18030';

export interface BenchResult {
  readonly rows: number;
  readonly bytes: number;
  /** The encoding of the file given to the bulk import; the bare read reads the same text as UTF-8. */
  readonly encoding: BenchEncoding;
  readonly runs: number;
  readonly bareMs: readonly number[];
  /**
   * The least any import does, no rule applied: read the file as text (one table) and write a
   * fact per row with its provenance. What the rules may cost is the target less this.
   */
  readonly floorMs: readonly number[];
  /**
   * The least a checking import does (one-pass.ts): one read with townships and years looked up on
   * the way, two checks, a fact stored per row. No rule of the pipeline, no hand-over, no preview.
   */
  readonly onePassMs: readonly number[];
  readonly stageMs: readonly number[];
  readonly commitMs: readonly number[];
  readonly fullMs: readonly number[];
  /** The longest task on the page's thread during each full run: while it lasts the page cannot answer. */
  readonly longestTaskMs: readonly number[];
  /** False when served like an intranet host over plain http: no crypto.subtle, no OPFS. */
  readonly secureContext: boolean;
  readonly facts: number;
  readonly issues: number;
  readonly js: { readonly rows: number; readonly ms: readonly number[] } | null;
}

declare global {
  interface Window {
    __benchResult?: BenchResult;
    __benchError?: string;
  }
}

const logElement = document.getElementById('log');
function log(message: string): void {
  console.log(message);
  if (logElement) logElement.textContent += `\n${message}`;
}

const FLOOR_COLUMNS = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'].map((c) => `'${c}': 'VARCHAR'`).join(', ');

// The file counts its years up from 1991 to fit a million rows, far past this year: for the import,
// this year is the last the file may name, so the check of years to come (L20) runs and passes.
const OPTIONS = { fileName: 'bench-long.csv', townships: TONGNAN.townships, currentYear: LAST_YEAR } as const;

function record(preview: ImportPreview): ImportRecord {
  return {
    fileName: preview.fileName,
    contentHash: preview.contentHash,
    encoding: preview.encoding ?? 'unknown',
    layout: preview.layout,
    rowCount: preview.rowCount,
    isSample: false,
  };
}

function commitOptions(preview: ImportPreview): CommitOptions {
  return {
    onConflict: 'replace',
    customIndicators: preview.customIndicators.map((c) => ({ id: c.id, label: c.label, unit: c.unit ?? '' })),
    // As the app does: the file's conflicts are looked for inside the commit's transaction.
    confirm: async (tx, source) => (await conflictsOf(tx, source, CONFLICT_LIST_LIMIT)).total === 0,
  };
}

/** Every run starts from the same empty district, so each one does the same work. */
async function reset(db: DbClient): Promise<void> {
  for (const table of ['facts', 'replaced_facts', 'imports']) await db.run(`DELETE FROM ${table}`);
  await db.run(`DELETE FROM indicators WHERE kind = 'custom'`);
}

async function countFacts(db: DbClient): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*) AS n FROM facts');
  return row?.n ?? 0;
}

/** When the measured run began: profiled statements are logged with their start from it. */
let runStart = 0;

/**
 * With `?profile=1`, every statement of the bulk path that takes 5 ms or more is logged with when
 * it began in the run and how long it took, to see where a run goes and what lies between.
 */

function profiled(db: DbClient, enabled: boolean): DbClient {
  if (!enabled) return db;
  const timed =
    <A extends unknown[], R>(work: (sql: string, ...rest: A) => Promise<R>) =>
    async (sql: string, ...rest: A): Promise<R> => {
      const start = performance.now();
      try {
        return await work(sql, ...rest);
      } finally {
        const ms = performance.now() - start;
        if (ms >= 5)
          log(
            `  at ${(start - runStart).toFixed(0).padStart(5)} ${ms.toFixed(0).padStart(6)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 100)}`,
          );
      }
    };
  return {
    ...db,
    query: timed((sql, params) => db.query(sql, params)),
    run: timed((sql, params) => db.run(sql, params)),
    transaction: (work) => db.transaction((tx) => work(profiled({ ...db, ...tx }, true))),
  };
}

async function run(): Promise<BenchResult> {
  const params = new URLSearchParams(location.search);
  const rows = Number(params.get('rows') ?? 1_000_000);
  const runs = Number(params.get('runs') ?? 5);
  const jsRows = Math.min(rows, Number(params.get('jsRows') ?? 100_000));

  log(`generating ${rows} rows …`);
  const decimals = params.get('decimals') === '1';
  const bytes = generateLongCsv(rows, { decimals });
  // The app is given the user's File, and so is the bulk import here: as it is, or as Excel's
  // "Unicode text" (UTF-16LE with a BOM) or "Save as CSV" on Chinese Windows (GBK) write it, which
  // the import decodes first. DuckDB's bare read is given the same text as UTF-8, the only
  // encoding it reads.
  const encoding = (params.get('encoding') ?? 'utf-8') as BenchEncoding;
  const text = () => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const fileBytes =
    encoding === 'utf-16le'
      ? encodeUtf16(`\uFEFF${text()}`)
      : encoding === 'gb18030'
        ? encodeGbk(text())
        : bytes;
  const file = new File([fileBytes as Uint8Array<ArrayBuffer>], OPTIONS.fileName, { type: 'text/csv' });
  log(`${(fileBytes.length / 1e6).toFixed(1)} MB ${encoding}; opening DuckDB …`);
  const db = profiled((await openBrowserDb({ persistent: false })).client, params.get('profile') === '1');
  await applySchema(db);
  await replaceTownships(db, TONGNAN.townships);
  await db.registerBuffer('bench-bare.csv', bytes.slice());

  const bareMs: number[] = [];
  const floorMs: number[] = [];
  const onePassMs: number[] = [];
  const lookups: OnePassLookups = {
    townshipNames: TONGNAN.townships.map((t) => t.name),
    townshipCodes: TONGNAN.townships.map((t) => t.code),
    firstYear: FIRST_YEAR,
    lastYear: LAST_YEAR,
  };
  await prepareOnePass(db, lookups);
  const stageMs: number[] = [];
  const commitMs: number[] = [];
  const fullMs: number[] = [];
  const longestTaskMs: number[] = [];
  let tasks: PerformanceEntry[] = [];
  new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask' });
  let facts = 0;
  let issues = 0;
  // One unmeasured warm-up round (the wasm and the JavaScript are compiled lazily), then alternating
  // runs, so a busy moment on the machine hits both measurements alike.
  for (let i = -1; i < runs; i++) {
    let start = performance.now();
    await db.run('CREATE TABLE bench_bare AS SELECT * FROM read_csv(?)', ['bench-bare.csv']);
    const bare = performance.now() - start;
    await db.run('DROP TABLE bench_bare');

    start = performance.now();
    await db.run(
      `CREATE TEMP TABLE bench_floor AS SELECT * FROM read_csv(?, header = false, skip = 1, auto_detect = false,
         delim = ',', quote = '"', escape = '"', null_padding = true, columns = {${FLOOR_COLUMNS}})`,
      ['bench-bare.csv'],
    );
    await db.run(
      `INSERT INTO facts SELECT c0, COALESCE(TRY_CAST(left(c1, 4) AS INTEGER), 0), c2,
         COALESCE(TRY_CAST(c3 AS DOUBLE), 0), false, c3, c5, 0, rowid + 2, 'D' FROM bench_floor`,
    );
    const floor = performance.now() - start;
    await db.run('DROP TABLE bench_floor');
    await db.run('DELETE FROM facts');

    const onePass = await timeOnePass(db, 'bench-bare.csv', FLOOR_COLUMNS, lookups);

    start = performance.now();
    runStart = start;
    tasks = [];
    const staged: StagedImport | undefined = await stageLongImport(db, file, OPTIONS, workerByteWork);
    if (!staged) throw new Error('The bulk import refused the benchmark file.');
    const stagedAt = performance.now();
    await commitStagedImport(db, staged, record(staged.preview), commitOptions(staged.preview));
    const end = performance.now();
    // Long tasks are reported after they end: give the observer a turn.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const longest = Math.max(
      0,
      ...tasks.filter((task) => task.startTime >= start).map((task) => task.duration),
    );
    facts = await countFacts(db);
    issues = staged.issueCount;
    if (facts !== staged.factCount) throw new Error(`Stored ${facts} facts, staged ${staged.factCount}.`);
    await dropStagedImport(db, staged);
    await reset(db);
    const label = i < 0 ? 'warm-up' : `run ${i + 1}/${runs}`;
    log(
      `${label}: bare ${bare.toFixed(0)} ms, staged at ${(stagedAt - start).toFixed(0)} ms, full ${(end - start).toFixed(0)} ms, longest task ${longest.toFixed(0)} ms`,
    );
    if (i < 0) continue;
    bareMs.push(bare);
    floorMs.push(floor);
    onePassMs.push(onePass);
    stageMs.push(stagedAt - start);
    commitMs.push(end - stagedAt);
    fullMs.push(end - start);
    longestTaskMs.push(longest);
  }

  let js: BenchResult['js'] = null;
  if (jsRows > 0) {
    const slice = generateLongCsv(jsRows, { decimals });
    const ms: number[] = [];
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const start = performance.now();
      const preview = await importFile(slice, OPTIONS);
      await commitImport(db, record(preview), preview.facts, commitOptions(preview));
      ms.push(performance.now() - start);
      await reset(db);
      log(`JS path run ${i + 1}: ${ms[i]?.toFixed(0)} ms for ${jsRows} rows`);
    }
    js = { rows: jsRows, ms };
  }
  await db.close();
  return {
    rows,
    bytes: fileBytes.length,
    encoding,
    runs,
    bareMs,
    floorMs,
    onePassMs,
    stageMs,
    commitMs,
    fullMs,
    longestTaskMs,
    secureContext: window.isSecureContext,
    facts,
    issues,
    js,
  };
}

run().then(
  (result) => {
    window.__benchResult = result;
    log('done');
  },
  (error: unknown) => {
    window.__benchError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`failed: ${window.__benchError}`);
  },
);
