import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/db/node-client.ts';
import {
  dataPanel,
  dumpFacts,
  dumpRows,
  importFile,
  openDataPanel,
  panelMessage,
  tableCell,
} from './data-helpers.ts';
import { type AppSession, expectClean, launch, openApp, outputPath, waitForApp } from './harness.ts';

const GBK_WIDE = resolve('test/e2e/fixtures/tongnan-2020-wide-gbk.csv');

let session: AppSession | undefined;
let context: BrowserContext | undefined;
afterEach(async () => {
  await session?.close();
  await context?.close();
  session = undefined;
  context = undefined;
});

/** Today in the test's time zone (TZ=Asia/Shanghai), as the backup's name writes it. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

/** “下载备份文件”: the one file it downloads, saved under test-output, and its suggested name. */
async function downloadBackup(page: Page, saveAs: string): Promise<{ name: string; path: string }> {
  const panel = await openDataPanel(page);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    panel.getByRole('button', { name: '下载备份文件' }).click(),
  ]);
  const path = outputPath(saveAs);
  await download.saveAs(path);
  await expect.poll(() => panelMessage(page).innerText()).toMatch(/^已下载备份文件“/);
  return { name: download.suggestedFilename(), path };
}

function chooseBackup(page: Page, file: string | { name: string; buffer: Buffer }) {
  const files = typeof file === 'string' ? [file] : [{ ...file, mimeType: 'application/octet-stream' }];
  return dataPanel(page).getByLabel('从备份恢复…').setInputFiles(files);
}

/** The summary the panel shows for a checked backup, as label → value. */
async function backupContents(page: Page, fileName: string): Promise<Record<string, string>> {
  const contents = page.getByRole('region', { name: `备份文件“${fileName}”的内容` });
  await contents.waitFor({ timeout: 60_000 });
  const terms = await contents.locator('dt').allInnerTexts();
  const values = await contents.locator('dd').allInnerTexts();
  return Object.fromEntries(terms.map((term, i) => [term, values[i] ?? '']));
}

async function confirmRestore(page: Page, fileName: string): Promise<void> {
  await page
    .getByRole('region', { name: `备份文件“${fileName}”的内容` })
    .getByRole('button', { name: '用此备份替换当前数据' })
    .click();
}

async function resetAll(page: Page): Promise<void> {
  const panel = await openDataPanel(page);
  page.once('dialog', (dialog) => void dialog.accept());
  await panel.getByRole('button', { name: '清空全部数据…' }).click();
  await page.getByText('暂无数据').first().waitFor({ timeout: 60_000 });
}

describe('backup and restore in the browser', () => {
  it('backup → reset → restore gives back every value, also in another browser profile', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'e2e-backup-'));
    context = await launch(profile);
    session = await openApp('?view=table&year=2020', context);
    let page = session.page;
    await waitForApp(page);
    await importFile(page, GBK_WIDE, 'tongnan-2020-wide-gbk.csv');
    await expect.poll(() => tableCell(page, '梓潼街道', 'disputes_mediated').innerText()).toBe('1,012');
    const dump = await dumpFacts(page);
    const facts = dumpRows(dump);
    expect(facts).toBeGreaterThan(2000);

    const backup = await downloadBackup(page, 'backup-e2e.duckdb');
    expect(backup.name).toBe(`法治指标备份_重庆市潼南区_${today()}.duckdb`);
    const bytes = readFileSync(backup.path);
    expect(bytes.subarray(8, 12).toString('latin1')).toBe('DUCK');

    await resetAll(page);
    expect(dumpRows(await dumpFacts(page))).toBe(0);

    await chooseBackup(page, backup.path);
    expect(await backupContents(page, 'backup-e2e.duckdb')).toEqual({
      辖区: '重庆市潼南区',
      导入记录: '2 条',
      数值: `${facts} 个`,
      镇街: '名单 23 个，其中 23 个有数据',
      年度: '2019–2024',
    });
    // Checking the file changed nothing.
    expect(dumpRows(await dumpFacts(page))).toBe(0);
    await confirmRestore(page, 'backup-e2e.duckdb');
    await expect
      .poll(() => panelMessage(page).innerText(), { timeout: 60_000 })
      .toBe(`已恢复，共 ${facts} 个数值。`);
    expect(await dumpFacts(page)).toBe(dump);
    await expect.poll(() => tableCell(page, '梓潼街道', 'disputes_mediated').innerText()).toBe('1,012');
    await expect
      .poll(() =>
        dataPanel(page)
          .locator('table.history tbody tr')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-import'))),
      )
      .toEqual(['tongnan-2020-wide-gbk.csv', 'sample-district.csv']);

    // Checkpointed: the restored data is what the stored file holds after a browser restart.
    await context.close();
    context = await launch(profile);
    session = await openApp('?view=table&year=2021', context);
    page = session.page;
    await waitForApp(page);
    expect(await dumpFacts(page)).toBe(dump);
    expect(await tableCell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('94');
    // The restored database backs up again, and that backup is the one taken to another computer.
    const again = await downloadBackup(page, 'backup-e2e-again.duckdb');
    expectClean(session);
    await context.close();

    // Another computer: a fresh profile with the sample district restores the downloaded file.
    context = await launch();
    session = await openApp('?view=table&year=2020', context);
    page = session.page;
    await waitForApp(page);
    const sampleDump = await dumpFacts(page);
    expect(sampleDump).not.toBe(dump);
    const copy = outputPath('backup-e2e-copy.duckdb');
    copyFileSync(again.path, copy);
    await chooseBackup(page, copy);
    expect(await backupContents(page, 'backup-e2e-copy.duckdb')).toMatchObject({ 数值: `${facts} 个` });
    await expect
      .poll(() => dataPanel(page).locator('.backup-contents p.error').innerText())
      .toMatch(/现有 \d+ 个数值、1 条导入记录/);
    await confirmRestore(page, 'backup-e2e-copy.duckdb');
    await expect
      .poll(() => panelMessage(page).innerText(), { timeout: 60_000 })
      .toBe(`已恢复，共 ${facts} 个数值。`);
    expect(await dumpFacts(page)).toBe(dump);
    await expect.poll(() => tableCell(page, '梓潼街道', 'disputes_mediated').innerText()).toBe('1,012');
    expectClean(session);
  });

  it('refuses a damaged, cut-off or foreign file with a clear message and changes nothing', async () => {
    context = await launch();
    session = await openApp('?view=table&year=2021', context);
    const { page } = session;
    await waitForApp(page);
    const dump = await dumpFacts(page);
    const backup = readFileSync((await downloadBackup(page, 'backup-refusals.duckdb')).path);

    const damaged = Buffer.from(backup);
    for (let i = 12_288; i < damaged.length; i += 97) damaged[i] = (damaged[i] ?? 0) ^ 0x5a;
    const foreign = await otherProgramsDatabase();
    const cases = [
      {
        name: '损坏的备份.duckdb',
        buffer: damaged,
        message: '备份文件已损坏或不完整（可能下载或复制时中断），无法读取。',
      },
      {
        name: '只下载了一半.duckdb',
        buffer: backup.subarray(0, Math.floor(backup.length / 2)),
        message: '备份文件已损坏或不完整（可能下载或复制时中断），无法读取。',
      },
      {
        name: '2020年报表.duckdb',
        buffer: readFileSync(GBK_WIDE),
        message: '所选文件不是本程序导出的备份文件（备份文件以 .duckdb 结尾，由“下载备份文件”生成）。',
      },
      {
        name: '其他系统.duckdb',
        buffer: foreign,
        message: '所选文件是其他程序的数据库，不是本程序的备份。',
      },
    ];
    for (const file of cases) {
      await chooseBackup(page, { name: file.name, buffer: file.buffer });
      await expect
        .poll(() => panelMessage(page).innerText(), { timeout: 60_000 })
        .toBe(`无法恢复：${file.message} 现有数据没有任何改动。`);
      expect(await panelMessage(page).getAttribute('role')).toBe('alert');
      expect(await page.locator('.backup-contents').count()).toBe(0);
      expect(await dumpFacts(page)).toBe(dump);
    }
    expect(await tableCell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('94');

    // The database still works after the refusals: the real backup is accepted, and cancelling changes nothing.
    writeFileSync(outputPath('backup-refusals-again.duckdb'), backup);
    await chooseBackup(page, outputPath('backup-refusals-again.duckdb'));
    expect(await backupContents(page, 'backup-refusals-again.duckdb')).toMatchObject({
      数值: `${dumpRows(dump)} 个`,
    });
    await page
      .getByRole('region', { name: '备份文件“backup-refusals-again.duckdb”的内容' })
      .getByRole('button', { name: '取消', exact: true })
      .click();
    await expect.poll(() => panelMessage(page).innerText()).toBe('已取消恢复，现有数据没有任何改动。');
    expect(await dumpFacts(page)).toBe(dump);
    expectClean(session);
  });
});

/** A DuckDB file another program wrote: DuckDB's own file, tables of its own. */
async function otherProgramsDatabase(): Promise<Buffer> {
  const path = join(mkdtempSync(join(tmpdir(), 'e2e-foreign-')), 'orders.duckdb');
  const other = await openNodeDb({ path });
  await other.run(`CREATE TABLE orders AS SELECT range AS id, range * 9.5 AS amount FROM range(1000)`);
  await other.run(`CREATE TABLE meta (key VARCHAR, value VARCHAR)`);
  await other.close();
  return readFileSync(path);
}
