/**
 * `npm run bench`: how long the bulk import of a 1,000,000-row long file takes against DuckDB's
 * bare `read_csv` of the same bytes, both measured in one page of the production build in
 * Chromium. Builds dist/ first when it is missing or older than the sources.
 *
 *   npm run bench -- [--rows 1000000] [--runs 5] [--js-rows 100000] [--profile] [--intranet] [--decimals]
 *                    [--utf16 | --gbk]
 *
 * --profile logs every statement of 5 ms or more with when it began, to see where a run goes.
 * --intranet serves the page on this machine's network address instead of localhost: plain http
 * there is not a secure context, as on a district's intranet server (no crypto.subtle, no OPFS).
 * --decimals writes figures with two decimals, so nearly every value text is a different one.
 * --utf16 gives the import the file as Excel's "Unicode text" writes it (UTF-16LE with a BOM), --gbk
 * as "Save as CSV" on Chinese Windows does (GBK), which it decodes first; DuckDB's bare read is given
 * the same text as UTF-8, the only encoding it reads.
 *
 * A measurement, not a test: it exits 0 whatever the ratio, and non-zero only when something
 * breaks.
 */
import { networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import type { BenchResult } from '../src/bench/run-bench.ts';
import { buildIfStale, CHROMIUM_ARGS, CHROMIUM_PATH, ROOT } from './bench-support.ts';

const TARGET_RATIO = 2;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`.padStart(11);

function printResult(result: BenchResult): void {
  const row = (label: string, values: readonly number[]) =>
    console.log(
      `${label.padEnd(44)}${ms(median(values))}${ms(Math.min(...values))}${ms(Math.max(...values))}`,
    );
  console.log(
    `\n${result.rows.toLocaleString('en-US')} rows, ${(result.bytes / 1e6).toFixed(1)} MB ${result.encoding}, ` +
      `${result.facts.toLocaleString('en-US')} facts stored, ${result.issues} issues; ${result.runs} runs each`,
  );
  console.log(`${''.padEnd(44)}${'median'.padStart(11)}${'min'.padStart(11)}${'max'.padStart(11)}`);
  row('bare read_csv (CREATE TABLE AS)', result.bareMs);
  row('floor: read as text, store facts, no rule', result.floorMs);
  row('one SQL pass: look up, 2 checks, store', result.onePassMs);
  row('full path: stage (decode, validate, normalize)', result.stageMs);
  row('full path: commit', result.commitMs);
  row('full path: bytes → committed facts', result.fullMs);
  row('longest task on the page’s thread, full path', result.longestTaskMs);
  if (result.js) {
    const scale = result.rows / result.js.rows;
    row(`JS path (importFile + commitImport), ${result.js.rows.toLocaleString('en-US')} rows`, result.js.ms);
    console.log(
      `${`JS path extrapolated to ${result.rows.toLocaleString('en-US')} rows`.padEnd(44)}${ms(median(result.js.ms) * scale)}`,
    );
  }
  const ratio = median(result.fullMs) / median(result.bareMs);
  console.log(
    `\nratio floor/bare: ${(median(result.floorMs) / median(result.bareMs)).toFixed(2)} (no rule applied)`,
  );
  console.log(
    `ratio one SQL pass/bare: ${(median(result.onePassMs) / median(result.bareMs)).toFixed(2)} (the least a checking import does)`,
  );
  console.log(`ratio full/bare: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO.toFixed(2)})`);
  if (result.js) {
    const jsRatio = (median(result.js.ms) * (result.rows / result.js.rows)) / median(result.bareMs);
    console.log(`ratio JS path/bare (extrapolated): ${jsRatio.toFixed(2)}`);
  }
}

/** This machine's first IPv4 address that is not loopback. */
function networkAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? [])
      if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  throw new Error('--intranet needs a network address other than 127.0.0.1, and this machine has none.');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '5' },
      'js-rows': { type: 'string', default: '100000' },
      profile: { type: 'boolean', default: false },
      intranet: { type: 'boolean', default: false },
      decimals: { type: 'boolean', default: false },
      utf16: { type: 'boolean', default: false },
      gbk: { type: 'boolean', default: false },
    },
  });
  process.chdir(ROOT);
  await buildIfStale('dist', 'bench.html');
  const host = values.intranet ? networkAddress() : '127.0.0.1';
  const server = await preview({
    root: ROOT,
    preview: { host, port: 4190, strictPort: true },
    logLevel: 'warn',
  });
  const base = `http://${host}:4190/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => console.log(`  [page] ${message.text()}`));
    page.on('pageerror', (error) => console.log(`  [page error] ${error.message}`));
    const query = new URLSearchParams({
      rows: values.rows,
      runs: values.runs,
      jsRows: values['js-rows'],
      profile: values.profile ? '1' : '0',
      decimals: values.decimals ? '1' : '0',
      encoding: values.gbk ? 'gb18030' : values.utf16 ? 'utf-16le' : 'utf-8',
    });
    await page.goto(new URL(`bench.html?${query}`, base).toString());
    await page.waitForFunction(
      () => window.__benchResult !== undefined || window.__benchError !== undefined,
      null,
      {
        timeout: 30 * 60_000,
        polling: 500,
      },
    );
    const error = await page.evaluate(() => window.__benchError);
    if (error !== undefined) throw new Error(`The benchmark page failed: ${error}`);
    const result = await page.evaluate(() => window.__benchResult);
    if (!result) throw new Error('The benchmark page gave no result.');
    console.log(
      `\nserved from ${base}: ${result.secureContext ? 'a secure context' : 'not a secure context (as on an intranet host: no crypto.subtle)'}`,
    );
    printResult(result);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
