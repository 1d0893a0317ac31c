import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppSession, expectClean, launch, openApp, waitForApp } from './harness.ts';

const sessions: AppSession[] = [];
let context: BrowserContext | undefined;
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  await context?.close();
  context = undefined;
});

function baolongCell(page: Page, indicatorId: string) {
  return page.getByRole('row', { name: /^宝龙镇/ }).locator(`td[data-indicator="${indicatorId}"]`);
}

async function open(search: string): Promise<AppSession> {
  if (!context) throw new Error('no browser');
  const session = await openApp(search, context);
  sessions.push(session);
  return session;
}

describe('a second tab while another holds the data', () => {
  it('shows the data read-only, with nothing that could change it', async () => {
    context = await launch(mkdtempSync(join(tmpdir(), 'e2e-readonly-')));
    const first = await open('?view=table&year=2021');
    await waitForApp(first.page);
    expect(await baolongCell(first.page, 'disputes_mediated').innerText()).toBe('94');

    const second = await open('?view=table&year=2021');
    const { page } = second;
    await page.getByRole('heading', { name: '数据已在另一个标签页中打开' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '只读查看' }).click();
    await waitForApp(page);
    await page.getByText('只读：数据正在另一个标签页中编辑').waitFor();
    await expect
      .poll(() => baolongCell(page, 'disputes_mediated').innerText(), { timeout: 60_000 })
      .toBe('94');
    expect(await baolongCell(page, 'legal_consultations').innerText()).toBe('≈500');

    // Nothing that writes: no import, data management (undo, restore, reset), district or sample clearing.
    for (const name of ['导入数据', '数据管理', '辖区设置', '清除示例数据']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    const enabled = await page
      .getByRole('button')
      .filter({ hasText: /导入|恢复|重置|撤销|辖区|清除/ })
      .evaluateAll((buttons) => buttons.filter((b) => !(b as HTMLButtonElement).disabled).length);
    expect(enabled).toBe(0);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    expect(await page.locator('.storage-status[data-storage="opfs"]').count()).toBe(0);
    // The other views read the copy too.
    await page.getByRole('button', { name: '趋势', exact: true }).click();
    await page.locator('.chart[data-rendered="true"]').first().waitFor({ timeout: 60_000 });

    // The tab holding the data is untouched and still writes.
    expect(await first.page.locator('.storage-status[data-storage="opfs"]').count()).toBe(1);
    expectClean(first);
    expectClean(second);
  });

  it('follows the changes saved in the tab holding the data', async () => {
    context = await launch(mkdtempSync(join(tmpdir(), 'e2e-readonly-follow-')));
    const first = await open('?view=table&year=2021');
    await waitForApp(first.page);
    const second = await open('?view=table&year=2021');
    await second.page
      .getByRole('heading', { name: '数据已在另一个标签页中打开' })
      .waitFor({ timeout: 60_000 });
    await second.page.getByRole('button', { name: '只读查看' }).click();
    await waitForApp(second.page);
    await expect
      .poll(() => baolongCell(second.page, 'disputes_mediated').innerText(), { timeout: 60_000 })
      .toBe('94');

    // The first tab imports a corrected figure for 宝龙镇 2021 and replaces the stored 94.
    const { page } = first;
    await page.getByRole('button', { name: '导入数据' }).click();
    await page.getByLabel('选择文件…').setInputFiles([
      {
        name: '宝龙镇更正.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('镇街,年度,指标,数值\n宝龙镇,2021,调解纠纷,101\n'),
      },
    ]);
    const card = page.getByRole('article', { name: '宝龙镇更正.csv' });
    await card.getByLabel('用本文件的数值替换').check();
    await card.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => card.innerText(), { timeout: 60_000 }).toMatch(/已导入 1 个数值/);
    await expect.poll(() => baolongCell(page, 'disputes_mediated').innerText()).toBe('101');

    // The read-only tab takes a new copy by itself, in the same view, and still writes nothing.
    await expect
      .poll(() => baolongCell(second.page, 'disputes_mediated').innerText(), { timeout: 60_000 })
      .toBe('101');
    expect(new URL(second.page.url()).search).toBe('?view=table&year=2021');
    await second.page.getByText('只读：数据正在另一个标签页中编辑').waitFor();
    expect(await second.page.getByRole('button', { name: '导入数据' }).count()).toBe(0);
    expectClean(first);
    expectClean(second);
  });

  it('says so when the tab holding the data was closed', async () => {
    context = await launch(mkdtempSync(join(tmpdir(), 'e2e-readonly-gone-')));
    const first = await open('?year=2021');
    await waitForApp(first.page);
    const second = await open('?year=2021');
    await second.page
      .getByRole('heading', { name: '数据已在另一个标签页中打开' })
      .waitFor({ timeout: 60_000 });
    await first.page.close();
    await second.page.getByRole('button', { name: '只读查看' }).click();
    await second.page.getByRole('heading', { name: '另一个标签页已关闭' }).waitFor({ timeout: 60_000 });
    await second.page.getByRole('button', { name: '重新载入' }).click();
    await waitForApp(second.page);
    expect(await second.page.locator('.storage-status[data-storage="opfs"]').count()).toBe(1);
    expectClean(second);
  });
});
