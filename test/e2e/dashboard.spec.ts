import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppSession, expectClean, openApp, outputPath, waitForApp, waitForCharts } from './harness.ts';

let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The text of one table cell, found by the township's row and the column's header. */
async function cellText(page: Page, township: string, header: string): Promise<string> {
  const headers = await page.getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === header);
  expect(index, `column ${header} in ${headers.join(' | ')}`).toBeGreaterThan(0);
  const row = page.getByRole('row', { name: new RegExp(`^${township}`) });
  return (await row.locator('th, td').nth(index).innerText()).trim();
}

describe('the dashboard on the sample district', () => {
  it('shows 宝龙镇 2021 as its report states it, with the success rate computed from the counts', async () => {
    session = await openApp('?view=table');
    const { page } = session;
    await waitForApp(page);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '示例数据' }).innerText())
      .toContain('当前显示的是示例数据');

    await page.getByLabel('年度', { exact: true }).selectOption('2021');
    await page.getByRole('table', { name: '2021年各镇街指标一览' }).waitFor();
    expect(await cellText(page, '宝龙镇', '调解纠纷（件）')).toBe('94');
    expect(await cellText(page, '宝龙镇', '调解成功（件）')).toBe('92');
    expect(await cellText(page, '宝龙镇', '调解成功率（%）')).toBe('97.9%');
    expect(await cellText(page, '宝龙镇', '调解成功率（报告值）（%）')).toBe('97.0%');
    expect(await cellText(page, '宝龙镇', '发放宣传资料（份）')).toBe('≈6,000');
    expect(await cellText(page, '宝龙镇', '法律咨询（人次）')).toBe('≈500');

    // The approximate value keeps its original text and its source row.
    const leaflets = page.getByRole('row', { name: /^宝龙镇/ }).locator('[title*="6000余"]');
    expect(await leaflets.getAttribute('title')).toMatch(
      /原文：6000余[\s\S]*sample-district\.csv 第 \d+ 行 D 列/,
    );

    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '宝龙镇调解成功率'))).toBe(
      true,
    );
    await page.screenshot({ path: outputPath('dashboard.png'), fullPage: true });
    expectClean(session);
  });

  it('switching the indicator redraws both charts for the new indicator', async () => {
    session = await openApp('?view=trend&year=2021');
    const { page } = session;
    await waitForCharts(page, 1);
    const trend = page.getByRole('img', { name: '调解成功率：各镇街历年变化' });
    const before = await trend.screenshot();

    await page.getByLabel('指标', { exact: true }).selectOption({ label: '法律咨询' });
    const after = page.getByRole('img', { name: '法律咨询：各镇街历年变化' });
    await after.waitFor();
    await expect.poll(async () => Buffer.compare(before, await after.screenshot())).not.toBe(0);
    await page.getByRole('button', { name: '排名', exact: true }).click();
    await page.getByRole('img', { name: '2021年法律咨询排名' }).waitFor();
    expect(new URL(page.url()).searchParams.get('indicator')).toBe('legal_consultations');
    expectClean(session);
  });

  it('sorts the table by a column and keeps the sort in the URL', async () => {
    session = await openApp('?view=table&year=2021');
    const { page } = session;
    await waitForApp(page);
    await page.getByRole('button', { name: '调解纠纷（件）' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('disputes_mediated');
    const column = async () =>
      (await page.locator('td[data-indicator="disputes_mediated"]').allInnerTexts())
        .filter((v) => v !== '—')
        .map((v) => Number(v.replace(/,/g, '')));
    // The query re-runs with the new order; until it answers, the previous rows stay on screen.
    await expect
      .poll(async () => {
        const values = await column();
        return values.length > 20 && values.every((v, i) => i === 0 || (values[i - 1] ?? 0) >= v);
      })
      .toBe(true);
    expectClean(session);
  });

  it('switches to English and back', async () => {
    session = await openApp('?view=table&year=2021');
    const { page } = session;
    await waitForApp(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Township Rule-of-Law Indicators' }).waitFor();
    expect(await cellText(page, '宝龙镇', 'Disputes mediated (cases)')).toBe('94');
    // The sample banner speaks English too, its label included.
    const banner = page.getByRole('status').filter({ hasText: 'You are looking at sample data' });
    expect(await banner.locator('strong').innerText()).toBe('Sample data');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '镇街法治政府建设指标看板' }).waitFor();
    expectClean(session);
  });

  it('clears the sample district in one click', async () => {
    session = await openApp();
    const { page } = session;
    await waitForApp(page);
    await page.getByRole('button', { name: '清除示例数据' }).click();
    await page.getByText('暂无数据').waitFor();
    expect(await page.getByRole('status').filter({ hasText: '示例数据' }).count()).toBe(0);
    expectClean(session);
  });
});
