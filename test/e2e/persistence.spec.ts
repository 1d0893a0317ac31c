import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppSession, expectClean, launch, openApp, waitForApp, waitForCharts } from './harness.ts';

const sessions: AppSession[] = [];
let context: BrowserContext | undefined;
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  await context?.close();
  context = undefined;
});

function baolongCell(session: AppSession, indicatorId: string) {
  return session.page.getByRole('row', { name: /^宝龙镇/ }).locator(`td[data-indicator="${indicatorId}"]`);
}

describe('keeping the data safe', () => {
  it('a second tab says the data is open elsewhere, never errors, and can take it over', async () => {
    context = await launch(mkdtempSync(join(tmpdir(), 'e2e-tabs-')));
    const first = await openApp('?year=2021', context);
    sessions.push(first);
    await waitForApp(first.page);
    await first.page.getByRole('button', { name: '清除示例数据' }).click();
    await first.page.getByText('暂无数据').waitFor();

    const second = await openApp('?year=2021', context);
    sessions.push(second);
    await second.page.getByRole('heading', { name: '数据已在另一个标签页中打开' }).waitFor();
    expectClean(second);

    await second.page.getByRole('button', { name: '在此标签页接管' }).click();
    await first.page.getByRole('heading', { name: '数据已由另一个标签页接管' }).waitFor();
    // The second tab now holds the same stored data: the sample stays cleared.
    await second.page.getByText('暂无数据').waitFor({ timeout: 60_000 });
    expectClean(first);
    expectClean(second);
  });

  it('clearing the sample is stored at once: a browser closed right after it does not bring it back', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'e2e-clear-'));
    context = await launch(profile);
    const first = await openApp('', context);
    await waitForApp(first.page);
    await first.page.getByRole('button', { name: '清除示例数据' }).click();
    await first.page.getByText('暂无数据').waitFor();
    expectClean(first);
    await context.close();
    context = await launch(profile);
    const again = await openApp('', context);
    await again.page.getByText('暂无数据').waitFor({ timeout: 60_000 });
    expect(await again.page.getByRole('button', { name: '清除示例数据' }).count()).toBe(0);
    expectClean(again);
  });

  it('restarts a dead database worker on the stored data without losing anything', async () => {
    const session = await openApp('?view=table&year=2021');
    sessions.push(session);
    const { page } = session;
    await waitForApp(page);
    expect(await baolongCell(session, 'disputes_mediated').innerText()).toBe('94');
    const worker = page.workers().find((w) => w.url().includes('duckdb-browser-eh.worker'));
    expect(
      worker,
      page
        .workers()
        .map((w) => w.url())
        .join(', '),
    ).toBeDefined();
    const closed = new Promise((resolve) => worker?.once('close', resolve));
    const restarted = page.waitForEvent('worker', (w) => w.url().includes('duckdb-browser-eh.worker'));
    await worker?.evaluate(() => self.close());
    await closed;
    await restarted;
    // The user is told, and the view they are on asks again by itself.
    await page.getByRole('status').filter({ hasText: '已自动重新启动' }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => baolongCell(session, 'disputes_mediated').innerText(), { timeout: 30_000 })
      .toBe('94');
    await page.getByRole('button', { name: '趋势', exact: true }).click();
    await page.getByLabel('指标', { exact: true }).selectOption({ label: '法律咨询' });
    await page.getByRole('img', { name: '法律咨询：各镇街历年变化' }).waitFor();
    await waitForCharts(page, 1);
    await page.getByRole('button', { name: '对比表', exact: true }).click();
    await page.getByRole('button', { name: '调解纠纷（件）' }).click();
    await expect
      .poll(() => baolongCell(session, 'disputes_mediated').innerText(), { timeout: 30_000 })
      .toBe('94');
    expect(await baolongCell(session, 'legal_consultations').innerText()).toBe('≈500');
    expectClean(session);
  });
});
