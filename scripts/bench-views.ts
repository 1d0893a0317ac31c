/**
 * How fast the dashboard redraws after each interaction — change the indicator, the year, the
 * highlighted townships, the view (and sort the table, turn a page of a province's ranking or
 * heatmap) — in the production build in headless
 * Chromium, driving the real app as a user does:
 *
 *   (a) the sample district, as the app loads it at first start;
 *   (b) a province-size dataset (scripts/generate-province.ts: 1,000 townships × 10 years ×
 *       20 indicators), imported through the app's own district setup and import panel.
 *
 * Each interaction is timed from the user's event (click / change, seen by a capturing listener
 * before React) until the page is settled: no view has a query in flight (`aria-busy`), every
 * chart has drawn its latest option (Chart.tsx: `data-rendered-version` = `data-option-version`,
 * set on ECharts' `finished` event), and nothing in the DOM changed for a short quiet window.
 * The time reported is that of the last DOM or canvas change. Targets: p95 ≤ 100 ms for the
 * sample district, ≤ 300 ms for the province.
 *
 *   npx tsx scripts/bench-views.ts [--out-dir dist] [--port 4191] [--runs 20]
 *                                  [--dataset sample|province|both] [--verbose]
 *
 * A measurement, not a test: it exits 0 whatever the figures, non-zero only when something breaks.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { zh } from '../src/messages/zh.ts';
import { buildIfStale, CHROMIUM_ARGS, CHROMIUM_PATH, ROOT } from './bench-support.ts';
import { generateProvince, PROVINCE_FILES } from './generate-province.ts';

type Dataset = 'sample' | 'province';
const TARGET_MS: Record<Dataset, number> = { sample: 100, province: 300 };
/** No DOM change for this long after the last one: the interaction is over. */
const QUIET_MS = 150;
const SETTLE_TIMEOUT_MS = 120_000;

interface Settled {
  readonly ms: number;
  /** Until the last view's queries answered (aria-busy went false), from the action. */
  readonly queryMs: number | null;
  /** Longest ECharts draw (setOption → finished) of a chart redrawn by the action. */
  readonly drawMs: number | null;
  /** How long a request to a Web Worker (DuckDB's) was outstanding: the database's share. */
  readonly workerMs: number;
  readonly timedOut: boolean;
  /** On a timeout, what the page was still waiting for. */
  readonly stuck?: string;
}

interface Sample extends Settled {
  readonly dataset: Dataset;
  readonly interaction: string;
}

declare global {
  interface Window {
    __viewBench?: {
      reset(): void;
      settle(quietMs: number, timeoutMs: number): Promise<Settled>;
    };
  }
}

/**
 * Installed before the app's own scripts: the capturing listeners run before React's, so the
 * action's time is the moment the browser dispatched the user's event.
 */
function instrument(): void {
  let actionAt = 0;
  let lastMutationAt = 0;
  let busyEndAt = 0;
  // Time with a request outstanding at a worker (DuckDB runs in one): each request gets one answer.
  let outstanding = 0;
  let outstandingSince = 0;
  let workerMs = 0;
  const watched = new WeakSet<Worker>();
  const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
  Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    if (!watched.has(this)) {
      watched.add(this);
      this.addEventListener('message', () => {
        if (outstanding === 0) return;
        outstanding -= 1;
        if (outstanding === 0 && actionAt > 0)
          workerMs += performance.now() - Math.max(outstandingSince, actionAt);
      });
    }
    if (outstanding === 0) outstandingSince = performance.now();
    outstanding += 1;
    post.apply(this, args);
  } as Worker['postMessage'];
  const onAction = () => {
    if (actionAt === 0) actionAt = performance.now();
  };
  for (const type of ['click', 'change', 'input', 'keydown']) window.addEventListener(type, onAction, true);
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    lastMutationAt = now;
    if (records.some((r) => r.attributeName === 'aria-busy') && !document.querySelector('[aria-busy="true"]'))
      busyEndAt = now;
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const isDrawing = () =>
    [...document.querySelectorAll('.chart')].some(
      (chart) => chart.getAttribute('data-option-version') !== chart.getAttribute('data-rendered-version'),
    );
  window.__viewBench = {
    reset() {
      actionAt = 0;
      busyEndAt = 0;
      workerMs = 0;
      lastMutationAt = 0;
    },
    settle(quietMs, timeoutMs) {
      const start = performance.now();
      return new Promise((resolve) => {
        const check = () => {
          const now = performance.now();
          const busy = document.querySelector('[aria-busy="true"]') !== null;
          const settled =
            actionAt > 0 &&
            lastMutationAt > actionAt &&
            !busy &&
            !isDrawing() &&
            now - lastMutationAt >= quietMs;
          const timedOut = now - start > timeoutMs;
          if (!settled && !timedOut) {
            setTimeout(check, 5);
            return;
          }
          const draws = [...document.querySelectorAll('.chart')]
            .filter((chart) => Number(chart.getAttribute('data-rendered-at')) > actionAt)
            .map((chart) => Number(chart.getAttribute('data-draw-ms')));
          const stuck = timedOut
            ? [
                actionAt === 0 ? 'no action seen' : '',
                lastMutationAt <= actionAt ? 'no DOM change after the action' : '',
                ...[...document.querySelectorAll('[aria-busy="true"]')].map((e) => `busy: ${e.className}`),
                ...[...document.querySelectorAll('.chart')]
                  .filter(
                    (c) => c.getAttribute('data-option-version') !== c.getAttribute('data-rendered-version'),
                  )
                  .map((c) => `drawing: ${c.getAttribute('aria-label')}`),
              ]
                .filter(Boolean)
                .join('; ')
            : undefined;
          resolve({
            stuck,
            ms: lastMutationAt - actionAt,
            queryMs: busyEndAt > actionAt ? busyEndAt - actionAt : null,
            drawMs: draws.length > 0 ? Math.max(...draws) : null,
            workerMs,
            timedOut,
          });
        };
        check();
      });
    },
  };
}

async function timed(page: Page, action: () => Promise<void>): Promise<Settled> {
  await page.evaluate(() => window.__viewBench?.reset());
  await action();
  const result = await page.evaluate(([quiet, timeout]) => window.__viewBench?.settle(quiet, timeout), [
    QUIET_MS,
    SETTLE_TIMEOUT_MS,
  ] as const);
  if (!result) throw new Error('The page lost its instrumentation.');
  return result;
}

const PAGE_LABELS = zh.pages as Record<string, string>;

async function openView(page: Page, view: string): Promise<Settled> {
  return timed(page, () => page.getByRole('button', { name: PAGE_LABELS[view], exact: true }).click());
}

async function optionValues(page: Page, label: string): Promise<string[]> {
  return page
    .getByLabel(label, { exact: true })
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
}

/** `runs` values from `values`, spread over them, never the one shown before. */
function varied(values: readonly string[], runs: number, stride: number): string[] {
  const picked: string[] = [];
  let index = 0;
  for (let i = 0; i < runs; i++) {
    index = (index + stride) % values.length;
    if (picked.at(-1) === values[index]) index = (index + 1) % values.length;
    picked.push(values[index] as string);
  }
  return picked;
}

async function runInteractions(
  page: Page,
  dataset: Dataset,
  runs: number,
  log: (line: string) => void,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const record = (interaction: string, result: Settled) => {
    samples.push({ dataset, interaction, ...result });
    log(
      `  ${interaction.padEnd(22)} ${result.ms.toFixed(0).padStart(6)} ms` +
        `  (data ${result.queryMs?.toFixed(0) ?? '–'}, DuckDB ${result.workerMs.toFixed(0)}, draw ${result.drawMs?.toFixed(0) ?? '–'})` +
        (result.timedOut ? `  TIMED OUT (${result.stuck ?? ''})` : ''),
    );
  };

  // Every view once first, reported on its own and also counted among the view changes: the app
  // prepared them ahead, so a first visit is an ordinary change of view.
  for (const view of ['trend', 'ranking', 'heatmap', 'profile', 'table', 'quality', 'overview'])
    record(`first visit → ${view}`, await openView(page, view));

  const views = ['trend', 'ranking', 'heatmap', 'profile', 'table', 'quality', 'overview'];
  for (let i = 0; i < Math.max(runs, views.length * 4); i++) {
    const view = views[i % views.length] as string;
    record(`view → ${view}`, await openView(page, view));
  }

  for (const view of ['trend', 'ranking', 'heatmap']) {
    await openView(page, view);
    const values = await optionValues(page, zh.indicator);
    for (const value of varied(values, runs, 7)) {
      record(
        `indicator (${view})`,
        await timed(page, async () => {
          await page.getByLabel(zh.indicator, { exact: true }).selectOption(value);
        }),
      );
    }
  }

  // A province's ranking and heatmap are drawn a page of townships at a time (a district's fit on
  // one page: no pager, nothing to time). Forward to the last page, then back.
  for (const view of ['ranking', 'heatmap']) {
    await openView(page, view);
    const next = page.getByRole('button', { name: zh.viewText.nextPage, exact: true });
    const previous = page.getByRole('button', { name: zh.viewText.previousPage, exact: true });
    if ((await next.count()) === 0) continue;
    let forward = true;
    for (let i = 0; i < runs; i++) {
      if (!(await (forward ? next : previous).isEnabled())) forward = !forward;
      record(`page (${view})`, await timed(page, () => (forward ? next : previous).click()));
    }
  }

  for (const view of ['overview', 'ranking', 'table']) {
    await openView(page, view);
    const values = await optionValues(page, zh.year);
    for (const value of varied(values, runs, 3)) {
      record(
        `year (${view})`,
        await timed(page, async () => {
          await page.getByLabel(zh.year, { exact: true }).selectOption(value);
        }),
      );
    }
  }

  await openView(page, 'trend');
  const boxes = page.locator('.township-picker .township-list input[type="checkbox"]');
  const count = await boxes.count();
  const half = Math.ceil(runs / 2);
  const picks = Array.from({ length: half }, (_, i) => (i * 37 + 5) % count);
  // Check `half` townships one by one, then uncheck them again.
  for (const index of [...picks, ...picks].slice(0, Math.max(runs, 2 * half))) {
    record('townships (trend)', await timed(page, () => boxes.nth(index).click()));
  }

  await openView(page, 'table');
  const headers = page.locator('.year-table thead button');
  const columns = await headers.count();
  for (let i = 0; i < runs; i++) {
    const index = (i * 5) % columns;
    record('sort (table)', await timed(page, () => headers.nth(index).click()));
  }
  return samples;
}

async function newContext(): Promise<{ context: BrowserContext; dispose: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-views-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 1000 },
    locale: 'zh-CN',
  });
  // tsx compiles with keepNames: functions handed to the page call its `__name` helper.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  await context.addInitScript(instrument);
  return {
    context,
    dispose: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function openApp(context: BrowserContext, base: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`  [page error] ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`  [page] ${message.text()}`);
  });
  await page.goto(base);
  await page.locator('.page-tabs, .empty-state').first().waitFor({ timeout: 120_000 });
  return page;
}

/** The province through the app's own screens: clear the sample, set the district's list, import. */
async function loadProvince(page: Page, files: { data: string; townships: string }, townships: number) {
  const started = performance.now();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: zh.clearSample }).click();
  await page.locator('.empty-state').waitFor();
  await page.getByRole('button', { name: zh.district.open }).click();
  await page.locator('.district-setup textarea').fill(readFileSync(files.townships, 'utf8'));
  await page.getByRole('button', { name: zh.district.applyList }).click();
  await page.getByText(zh.district.saved(townships)).waitFor();
  await page.getByRole('button', { name: zh.district.open }).click();
  await page.getByLabel(zh.importer.choose).setInputFiles(files.data);
  const commit = page.getByRole('article', { name: PROVINCE_FILES.data }).getByRole('button', {
    name: zh.importer.commit,
  });
  await commit.waitFor({ timeout: 600_000 });
  await page.waitForFunction(
    (name) => {
      const card = [...document.querySelectorAll('article')].find(
        (a) => a.getAttribute('aria-label') === name,
      );
      const button = card?.querySelector('footer button.primary') as HTMLButtonElement | null | undefined;
      return button !== null && button !== undefined && !button.disabled;
    },
    PROVINCE_FILES.data,
    { timeout: 600_000, polling: 500 },
  );
  await commit.click();
  await page.locator('.page-tabs').waitFor({ timeout: 600_000 });
  await page.getByText(/已导入 [\d,]+ 个数值/).waitFor({ timeout: 600_000 });
  console.log(
    `  province imported through the app in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  // Dismiss the file's card, as a user would: the import panel closes and the views are measured on their own.
  await page
    .getByRole('article', { name: PROVINCE_FILES.data })
    .getByRole('button', { name: zh.importer.dismiss })
    .click();
  await page.locator('.import-panel').waitFor({ state: 'detached' });
}

function provinceFiles(): { data: string; townships: string; count: number } {
  const dir = join(ROOT, 'test-output', 'province');
  const data = join(dir, PROVINCE_FILES.data);
  const townships = join(dir, PROVINCE_FILES.townships);
  const province = existsSync(data) && existsSync(townships) ? undefined : generateProvince();
  if (province) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(data, province.csv);
    writeFileSync(townships, province.townshipList);
  }
  const count = readFileSync(townships, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '').length;
  return { data, townships, count };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: the smallest value with at least p % of the values at or below it.
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function printTable(samples: readonly Sample[]): void {
  const groups = new Map<string, Sample[]>();
  for (const sample of samples) {
    const interaction =
      sample.interaction.startsWith('view → ') || sample.interaction.startsWith('first visit → ')
        ? 'view (all)'
        : sample.interaction;
    for (const key of new Set([
      `${sample.dataset}|${interaction}`,
      `${sample.dataset}|${sample.interaction}`,
    ])) {
      groups.set(key, [...(groups.get(key) ?? []), sample]);
    }
  }
  const pad = (text: string, width: number) => text.padStart(width);
  const fmt = (value: number | null) => (value === null || Number.isNaN(value) ? '–' : value.toFixed(0));
  console.log(
    `\n${'dataset'.padEnd(10)}${'interaction'.padEnd(24)}${pad('n', 4)}${pad('p50', 7)}${pad('p95', 7)}` +
      `${pad('max', 7)}${pad('target', 8)}  ${'p95 ok'.padEnd(7)}${pad('data p50', 10)}${pad('DuckDB p50', 12)}${pad('draw p50', 10)}`,
  );
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [dataset, interaction] = key.split('|') as [Dataset, string];
    const ms = group.map((s) => s.ms);
    const p95 = percentile(ms, 95);
    const queries = group.flatMap((s) => (s.queryMs === null ? [] : [s.queryMs]));
    const draws = group.flatMap((s) => (s.drawMs === null ? [] : [s.drawMs]));
    const detail = interaction.includes(' → ');
    console.log(
      `${dataset.padEnd(10)}${(detail ? `  ${interaction}` : interaction).padEnd(24)}${pad(String(group.length), 4)}` +
        `${pad(fmt(percentile(ms, 50)), 7)}${pad(fmt(p95), 7)}${pad(fmt(Math.max(...ms)), 7)}` +
        `${pad(`${TARGET_MS[dataset]}`, 8)}  ${(detail ? '' : p95 <= TARGET_MS[dataset] ? 'yes' : 'NO').padEnd(7)}` +
        `${pad(fmt(queries.length ? percentile(queries, 50) : null), 10)}` +
        `${pad(
          fmt(
            percentile(
              group.map((s) => s.workerMs),
              50,
            ),
          ),
          12,
        )}` +
        `${pad(fmt(draws.length ? percentile(draws, 50) : null), 10)}` +
        (group.some((s) => s.timedOut) ? '  (timed out)' : ''),
    );
  }
  console.log(
    '\nms: from the user event to the last DOM/canvas change. data: until the view had all its data' +
      ' (aria-busy off). DuckDB: time with a query outstanding at the DuckDB worker (run, serialise).' +
      ' draw: ECharts setOption → finished. The rest is the main thread: Arrow → rows, React, DOM.',
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'out-dir': { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4191' },
      runs: { type: 'string', default: '20' },
      dataset: { type: 'string', default: 'both' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const datasets: Dataset[] =
    values.dataset === 'sample'
      ? ['sample']
      : values.dataset === 'province'
        ? ['province']
        : ['sample', 'province'];
  const log = values.verbose ? (line: string) => console.log(line) : () => undefined;
  process.chdir(ROOT);
  await buildIfStale(values['out-dir']);
  const port = Number(values.port);
  const server = await preview({
    root: ROOT,
    build: { outDir: values['out-dir'] },
    preview: { host: '127.0.0.1', port, strictPort: true },
    logLevel: 'warn',
  });
  const base = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  const samples: Sample[] = [];
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  const loadAtStart = load();
  try {
    for (const dataset of datasets) {
      console.log(`${dataset}:`);
      const { context, dispose } = await newContext();
      try {
        const page = await openApp(context, base);
        if (dataset === 'province') {
          const files = provinceFiles();
          await loadProvince(page, files, files.count);
        }
        // The app prepares every view ahead once the page is idle (ViewStack.tsx): measured from then on.
        const preparing = performance.now();
        await page
          .locator('.view-stack[data-prepared="all"]')
          .waitFor({ state: 'attached', timeout: 600_000 });
        console.log(
          `  every view prepared ${((performance.now() - preparing) / 1000).toFixed(1)} s after the data was in`,
        );
        samples.push(...(await runInteractions(page, dataset, runs, log)));
      } finally {
        await dispose();
      }
    }
  } finally {
    await server.close();
  }
  printTable(samples);
  console.log(
    `Load average (1, 5, 15 min) on ${cpus().length} cores: ${loadAtStart} at the start, ${load()} at the end;` +
      ' other work on the machine slows every figure.',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
