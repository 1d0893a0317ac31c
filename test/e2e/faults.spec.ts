/**
 * Faults a district office meets: the browser's storage runs out in the middle of an import, and the
 * page or browser is closed while an import is being written. Whatever happens, an import is stored
 * whole or not at all, and the data stored before it stays exactly as it was.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPanel, dumpFacts, dumpRows, openDataPanel, tableCell } from './data-helpers.ts';
import { type GeneratedFile, generateLongFile } from './generate-file.ts';
import { type AppSession, launch, openApp, waitForApp } from './harness.ts';

const SAMPLE_HISTORY = ['sample-district.csv'];
const FILE_NAME = '历年汇总.csv';

let session: AppSession | undefined;
let context: BrowserContext | undefined;
afterEach(async () => {
  await session?.close();
  await context?.close();
  session = undefined;
  context = undefined;
});

/**
 * Opens the app on the 2021 table of a profile; the sample district is there on first start. The data
 * must be in the stored file (OPFS), not in a fallback database.
 */
async function start(profile: string): Promise<Page> {
  context = await launch(profile);
  session = await openApp('?view=table&year=2021', context);
  await waitForApp(session.page);
  expect(await session.page.locator('[data-storage]').getAttribute('data-storage')).toBe('opfs');
  return session.page;
}

/** Chooses a generated file in the import panel and waits until its preview can be committed. */
async function chooseFile(page: Page, name: string, file: GeneratedFile) {
  await page.getByRole('button', { name: '导入数据' }).click();
  await page.getByLabel('选择文件…').setInputFiles([{ name, mimeType: 'text/csv', buffer: file.bytes }]);
  const card = page.getByRole('article', { name });
  await expect
    .poll(() => card.innerText(), { timeout: 120_000 })
    .toContain(`${file.facts} 行数据，${file.facts} 个数值`);
  return card;
}

async function importHistory(page: Page): Promise<string[]> {
  const panel = await openDataPanel(page);
  await panel.locator('table.history tbody tr').or(panel.getByText('还没有导入任何文件。')).first().waitFor();
  return dataPanel(page)
    .locator('table.history tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-import') ?? ''));
}

/** Lines of a facts dump whose year (third column) is one of `years`. */
function linesInYears(dump: string, years: readonly number[]): string[] {
  return dump
    .trimEnd()
    .split('\r\n')
    .slice(1)
    .filter((line) => years.includes(Number(line.split(',')[2])));
}

/** Sets the origin's storage quota to what it uses now plus `headroom` bytes (Chromium DevTools). */
async function limitStorage(page: Page, headroom: number): Promise<void> {
  if (!context || !session) throw new Error('No browser');
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(session.baseUrl).origin,
    quotaSize: usage + headroom,
  });
}

describe('storage full during an import', () => {
  // Chromium grants OPFS files room in chunks, so a few MB written after the quota is set can still
  // fit: the import must need more than that (about 6 MB as stored, with its numbered notes).
  const file = generateLongFile(40_000, 1991, {
    skip: [2019, 2024],
    note: '含线上线下普法宣传、入户走访和专题讲座',
  });

  it('stores nothing of the import and keeps the earlier data intact', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'e2e-quota-'));
    let page = await start(profile);
    expect(await tableCell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('94');
    const before = await dumpFacts(page);
    await expect.poll(() => importHistory(page)).toEqual(SAMPLE_HISTORY);

    await limitStorage(page, 64 * 1024);
    const card = await chooseFile(page, '历年指标.csv', file);
    await card.getByRole('button', { name: '确认导入' }).click();
    const alert = card.getByRole('alert');
    await alert.waitFor({ timeout: 120_000 });
    // The write the browser refused for lack of space is what stopped the import.
    expect(await alert.innerText()).toMatch(/^导入失败.*(No space available|存储空间不足)/);
    expect(await card.innerText()).not.toMatch(/已导入 \d+ 个数值/);

    // What the browser stored: the earlier data, nothing of the import.
    await context?.close();
    page = await start(profile);
    expect(await dumpFacts(page)).toBe(before);
    await expect.poll(() => importHistory(page)).toEqual(SAMPLE_HISTORY);
    expect(await tableCell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('94');
  });

  // The running DuckDB would keep the import in memory although it was never stored: the app reopens
  // the stored file when the browser refuses a write for lack of space, and says so in Chinese.
  it('says plainly that storage is full, and the page goes on showing the earlier data', async () => {
    const page = await start(mkdtempSync(join(tmpdir(), 'e2e-quota-live-')));
    const before = await dumpFacts(page);
    await limitStorage(page, 64 * 1024);
    const card = await chooseFile(page, '历年指标.csv', file);
    await card.getByRole('button', { name: '确认导入' }).click();
    const alert = card.getByRole('alert');
    await alert.waitFor({ timeout: 120_000 });
    expect(await alert.innerText()).toMatch(/存储空间不足/);
    expect(await dumpFacts(page)).toBe(before);
    expect(await tableCell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('94');
  });
});

/** One write the DuckDB worker made to a file in OPFS, in order. */
interface StorageWrite {
  readonly n: number;
  readonly at: number;
  readonly size: number;
}

/**
 * Makes every write of the page's DuckDB worker to OPFS report itself and then hold the worker for
 * `holdMs`, so that a test can close the page at a known point of an import: DuckDB and the browser's
 * files stay real, the writes only take longer. Writes of 16 KiB are DuckDB's write-ahead log at
 * COMMIT, 256 KiB blocks are the checkpoint, and a 4 KiB write at 4096 or 8192 is the checkpoint's
 * last step (the database header that makes the new blocks the stored state).
 */
async function watchStorageWrites(page: Page, holdMs: number): Promise<StorageWrite[]> {
  const duckdb = page.workers().find((worker) => worker.url().includes('duckdb-browser'));
  if (!duckdb) throw new Error('No DuckDB worker');
  const writes: StorageWrite[] = [];
  page.on('console', (message) => {
    const match = /^opfs-write (\d+) (\d+) (\d+)$/.exec(message.text());
    if (match) writes.push({ n: Number(match[1]), at: Number(match[2]), size: Number(match[3]) });
  });
  await duckdb.evaluate((hold) => {
    interface SyncHandle {
      write(buffer: ArrayBufferView, options?: { at?: number }): number;
    }
    const scope = globalThis as unknown as { FileSystemSyncAccessHandle: { prototype: SyncHandle } };
    const proto = scope.FileSystemSyncAccessHandle.prototype;
    const write = proto.write;
    let n = 0;
    proto.write = function (this: SyncHandle, buffer, options) {
      const written = write.call(this, buffer, options);
      console.info(`opfs-write ${++n} ${options?.at ?? 0} ${buffer.byteLength}`);
      const until = performance.now() + hold;
      while (performance.now() < until) {
        // The worker is held here, as on a slow disk.
      }
      return written;
    };
  }, holdMs);
  return writes;
}

const isHeader = (write: StorageWrite) => write.size === 4096 && (write.at === 4096 || write.at === 8192);

interface Cut {
  readonly file: GeneratedFile;
  readonly before: string;
  readonly writes: StorageWrite[];
  readonly profile: string;
}

/**
 * In a new profile with the sample district, starts committing `file` and closes the page or the
 * browser as soon as `when` holds for the writes seen so far, while the app still says “正在导入…”.
 */
async function cutImport(
  file: GeneratedFile,
  how: 'page' | 'browser',
  when: (writes: StorageWrite[]) => boolean,
) {
  const profile = mkdtempSync(join(tmpdir(), `e2e-close-${how}-`));
  const page = await start(profile);
  const before = await dumpFacts(page);
  await expect.poll(() => importHistory(page)).toEqual(SAMPLE_HISTORY);
  const card = await chooseFile(page, FILE_NAME, file);
  const writes = await watchStorageWrites(page, 150);
  await card.getByRole('button', { name: '确认导入' }).click();
  await expect.poll(() => when(writes), { timeout: 120_000, interval: 10 }).toBe(true);
  expect(await card.innerText()).toContain('正在导入…');
  if (how === 'page') await page.close();
  else await context?.close();
  return { file, before, writes, profile } satisfies Cut;
}

/** The import is in the stored data whole, or not at all; everything stored before it is unchanged. */
async function expectWholeOrAbsent(page: Page, { file, before, writes }: Cut): Promise<'absent' | 'whole'> {
  const after = await dumpFacts(page);
  const imported = linesInYears(after, file.years);
  console.info(`closed after write ${writes.at(-1)?.n}: ${imported.length} of ${file.facts} values stored`);
  expect(await tableCell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('94');
  if (imported.length === 0) {
    expect(after).toBe(before);
    await expect.poll(() => importHistory(page)).toEqual(SAMPLE_HISTORY);
    return 'absent';
  }
  expect(imported).toHaveLength(file.facts);
  expect(dumpRows(after)).toBe(dumpRows(before) + file.facts);
  const importedLines = new Set(imported);
  const rest = after.split('\r\n').filter((line) => !importedLines.has(line));
  expect(rest.join('\r\n')).toBe(before);
  await expect
    .poll(async () => (await importHistory(page)).sort())
    .toEqual([...SAMPLE_HISTORY, FILE_NAME].sort());
  return 'whole';
}

/** Opens the app in a new page of the browser whose page was closed, noting what DuckDB said. */
async function reopen(): Promise<{ page: Page; said: string[] }> {
  if (!context || !session) throw new Error('No browser');
  const page = await context.newPage();
  const said: string[] = [];
  page.on('console', (message) => said.push(message.text()));
  await page.goto(new URL('?view=table&year=2021', session.baseUrl).toString());
  await waitForApp(page);
  return { page, said };
}

const walWrites = (writes: StorageWrite[]) => writes.filter((w) => w.size === 16_384).length;
const blockWrites = (writes: StorageWrite[]) => writes.filter((w) => w.size === 262_144).length;
// Below 2 MiB: the pipeline path (facts parsed in a worker, written as CSV for DuckDB).
const PIPELINE_FILE = generateLongFile(40_000, 1990, { skip: [2019, 2024] });
// Above 2 MiB: the bulk path (DuckDB's own CSV reader and staged tables).
const BULK_FILE = generateLongFile(56_000, 1990, {
  skip: [2019, 2024],
  note: '据镇街年度法治政府建设报告汇总',
});

describe('the page or the browser closed while an import is written', () => {
  it('files of both paths are what the tests mean them to be', () => {
    expect(PIPELINE_FILE.bytes.length).toBeLessThan(2 * 1024 * 1024);
    expect(BULK_FILE.bytes.length).toBeGreaterThan(2 * 1024 * 1024);
  });

  // A page closed while DuckDB writes the COMMIT leaves a torn write-ahead log that DuckDB refuses to
  // replay; the app cuts the log back to its last whole entry (wal-recovery.ts) and opens the stored
  // data, as its last checkpoint had it, by itself.
  it('closing the page while the COMMIT is written: the app opens the stored data as it was before the import', async () => {
    const cut = await cutImport(PIPELINE_FILE, 'page', (writes) => walWrites(writes) >= 4);
    const { page } = await reopen();
    expect(await page.locator('[data-storage]').getAttribute('data-storage')).toBe('opfs');
    expect(await expectWholeOrAbsent(page, cut)).toBe('absent');
  });

  it('closing the browser in the middle of the checkpoint: the import is absent, the data as before', async () => {
    const cut = await cutImport(BULK_FILE, 'browser', (writes) => blockWrites(writes) >= 3);
    const page = await start(cut.profile);
    expect(await expectWholeOrAbsent(page, cut)).toBe('absent');
  });

  it('closing the browser once the checkpoint is complete: the import is there, whole', async () => {
    const cut = await cutImport(PIPELINE_FILE, 'browser', (writes) => writes.some(isHeader));
    const page = await start(cut.profile);
    expect(await expectWholeOrAbsent(page, cut)).toBe('whole');
  });
});
