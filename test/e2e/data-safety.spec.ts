import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { dumpFacts, importFile, tableCell } from './data-helpers.ts';
import { type AppSession, expectClean, launch, openApp, waitForApp } from './harness.ts';

const GBK_WIDE = resolve('test/e2e/fixtures/tongnan-2020-wide-gbk.csv');

let session: AppSession | undefined;
let context: BrowserContext | undefined;
afterEach(async () => {
  await session?.close();
  await context?.close();
  session = undefined;
  context = undefined;
});

describe('the data survives and can be undone, backed up and restored', () => {
  it('keeps an import across reload and browser restart, and undo restores the replaced values exactly', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'e2e-safety-'));
    context = await launch(profile);
    session = await openApp('?view=table&year=2020', context);
    let page = session.page;
    await waitForApp(page);
    const before = await tableCell(page, '梓潼街道', 'disputes_mediated').innerText();
    const dumpBefore = await dumpFacts(page);
    await importFile(page, GBK_WIDE, 'tongnan-2020-wide-gbk.csv');
    await expect.poll(() => tableCell(page, '梓潼街道', 'disputes_mediated').innerText()).toBe('1,012');
    const dumpAfterImport = await dumpFacts(page);
    expect(dumpAfterImport).not.toBe(dumpBefore);

    await page.reload();
    await waitForApp(page);
    expect(await dumpFacts(page)).toBe(dumpAfterImport);
    expectClean(session);

    await context.close();
    context = await launch(profile);
    session = await openApp('?view=table&year=2020', context);
    page = session.page;
    await waitForApp(page);
    expect(await dumpFacts(page)).toBe(dumpAfterImport);
    expect(await tableCell(page, '梓潼街道', 'disputes_mediated').innerText()).toBe('1,012');

    const history = page.getByRole('table').filter({ hasText: 'tongnan-2020-wide-gbk.csv' });
    expect(await history.getByRole('row', { name: /^tongnan-2020-wide-gbk\.csv/ }).innerText()).toMatch(
      /gb18030/,
    );
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '撤销此次导入：tongnan-2020-wide-gbk.csv' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: '数据管理：导入记录、备份与恢复' })
          .locator('.ok, .error')
          .innerText(),
      )
      .toBe('已撤销“tongnan-2020-wide-gbk.csv”的导入。');
    await expect.poll(() => tableCell(page, '梓潼街道', 'disputes_mediated').innerText()).toBe(before);
    expect(await dumpFacts(page)).toBe(dumpBefore);
    expectClean(session);
  });

  it('reset says what will be lost, deletes every value and import, and the sample does not come back', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'e2e-reset-'));
    context = await launch(profile);
    session = await openApp('?view=table&year=2020', context);
    const { page } = session;
    await waitForApp(page);
    await importFile(page, GBK_WIDE, 'tongnan-2020-wide-gbk.csv');
    await page.getByRole('button', { name: '数据管理' }).click();
    const panel = page.getByRole('region', { name: '数据管理：导入记录、备份与恢复' });
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toMatch(/将删除全部 \d+ 个数值和 2 条导入记录（年度 2019–2024）/);
      void dialog.accept();
    });
    await panel.getByRole('button', { name: '清空全部数据…' }).click();
    await page.getByText('暂无数据').waitFor();
    await page.reload();
    await page.getByText('暂无数据').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('status').filter({ hasText: '示例数据' }).count()).toBe(0);
    expectClean(session);
  });
});
