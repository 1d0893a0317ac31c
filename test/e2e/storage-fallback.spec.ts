import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { generateLongCsv } from '../../src/bench/generate-long-csv.ts';
import { encodeGbk } from '../../src/bench/encode-gbk.ts';
import { type AppSession, baseUrl, expectClean, launch, waitForApp } from './harness.ts';

/**
 * The app reached the way an intranet serves it: plain http from a non-local address, which is
 * not a secure context (no OPFS, no Web Locks, no navigator.storage). Chromium resolves the
 * address to the test server; an IP literal passes the preview server's host check.
 */
const INTRANET_HOST = '10.11.12.13';
const INTRANET_ARGS = [`--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`];

const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function launchIntranet(profile: string): Promise<BrowserContext> {
  const context = await launch(profile, INTRANET_ARGS);
  contexts.push(context);
  return context;
}

function intranetUrl(search: string): string {
  const url = new URL(baseUrl());
  url.hostname = INTRANET_HOST;
  return new URL(search, url).toString();
}

/** Like the harness's openApp, on the intranet address. */
async function openIntranet(context: BrowserContext, search: string): Promise<AppSession> {
  const url = intranetUrl(search);
  const origin = new URL(url).origin;
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const requestUrl = request.url();
    if (requestUrl.startsWith('data:') || requestUrl.startsWith('blob:')) return;
    if (new URL(requestUrl).origin !== origin) foreignRequests.push(requestUrl);
  });
  await page.goto(url);
  return { context, page, baseUrl: url, errors, foreignRequests, close: () => page.close() };
}

function cell(page: Page, township: string, indicatorId: string) {
  return page
    .getByRole('row', { name: new RegExp(`^${township}`) })
    .locator(`td[data-indicator="${indicatorId}"]`);
}

const SMALL_FILE =
  '镇街,年度,指标,数值,单位,备注\n宝龙镇,2021年,调解纠纷,77,件,复核数\n梓潼街道,2021年,法律咨询,500余,人次,\n';

async function expectStoredValues(page: Page): Promise<void> {
  await waitForApp(page);
  await expect
    .poll(() => cell(page, '宝龙镇', 'disputes_mediated').innerText(), { timeout: 60_000 })
    .toBe('77');
  expect(await cell(page, '梓潼街道', 'legal_consultations').innerText()).toBe('≈500');
  // The sample stays cleared: only the imported file's two values are there.
  expect(await page.getByRole('button', { name: '清除示例数据' }).count()).toBe(0);
  const status = page.locator('.storage-status[data-storage="indexeddb"]');
  expect(await status.innerText()).toContain('IndexedDB（浏览器数据库）');
}

describe('where OPFS is unavailable (plain http on an intranet)', () => {
  it('keeps the data in IndexedDB across reloads and browser restarts', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'e2e-intranet-'));
    let context = await launchIntranet(profile);
    let session = await openIntranet(context, '?view=table&year=2021');
    const { page } = session;
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await waitForApp(page);
    const status = page.locator('.storage-status[data-storage="indexeddb"]');
    await status.waitFor({ timeout: 60_000 });
    expect(await status.innerText()).toContain('IndexedDB（浏览器数据库）');
    // navigator.storage.persist() cannot be asked here: the user is told the browser may clear it.
    expect(await status.innerText()).toContain('存储空间不足时可能清除');
    expect(await cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('94');

    await page.getByRole('button', { name: '清除示例数据' }).click();
    await page.getByText('暂无数据').waitFor({ timeout: 60_000 });
    await page
      .getByLabel('选择文件…')
      .setInputFiles([{ name: '宝龙镇复核.csv', mimeType: 'text/csv', buffer: Buffer.from(SMALL_FILE) }]);
    const card = page.getByRole('article', { name: '宝龙镇复核.csv' });
    await card.getByRole('button', { name: '确认导入' }).click({ timeout: 60_000 });
    await expect.poll(() => card.innerText(), { timeout: 60_000 }).toMatch(/已导入 2 个数值/);
    await expectStoredValues(page);

    await page.reload();
    await expectStoredValues(page);
    expectClean(session);

    await context.close();
    context = await launchIntranet(profile);
    session = await openIntranet(context, '?view=table&year=2021');
    await expectStoredValues(session.page);
    expectClean(session);
  });

  it('reads a large GBK file with DuckDB’s own reader, hashes it without crypto.subtle, and knows it when it comes again', async () => {
    const text = new TextDecoder().decode(generateLongCsv(80_000)).replace(/^\uFEFF/, '');
    const bytes = Buffer.from(encodeGbk(text));
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const lines = text.split('\r\n');
    const expectedFacts = lines.slice(1, -1).filter((line) => line.split(',')[3] !== '—').length;
    const context = await launchIntranet(mkdtempSync(join(tmpdir(), 'e2e-intranet-bulk-')));
    const session = await openIntranet(context, '?view=table&year=1991');
    const { page } = session;
    expect(await page.evaluate(() => window.crypto.subtle === undefined)).toBe(true);
    await waitForApp(page);
    await page.getByRole('button', { name: '导入数据' }).click();
    const file = { name: '全区历年数据.csv', mimeType: 'text/csv', buffer: bytes };
    await page.getByLabel('选择文件…').setInputFiles([file]);
    const card = page.getByRole('article', { name: '全区历年数据.csv' });
    await card.getByRole('button', { name: '确认导入' }).waitFor({ timeout: 60_000 });
    expect(await card.getByLabel('文字编码').inputValue()).toBe('gb18030');
    // The bulk path's mark: it lists the first facts of a file, not all of them.
    expect(await card.locator('details.facts').textContent()).toContain('这里只列出前 500 个');
    await card.getByRole('button', { name: '确认导入' }).click();
    await expect
      .poll(() => card.innerText(), { timeout: 60_000 })
      .toContain(`已导入 ${expectedFacts} 个数值`);

    // The same bytes again: the content hash (SHA-256 in plain code, in the import worker) matches.
    await card.getByRole('button', { name: '移除' }).click();
    await page.getByLabel('选择文件…').setInputFiles([file]);
    await expect
      .poll(() => page.getByRole('article', { name: '全区历年数据.csv' }).innerText(), { timeout: 60_000 })
      .toMatch(/内容完全相同，已跳过/);
    expectClean(session);
  });

  it('a second tab is told the data is open elsewhere, can view it read-only, and can take it over', async () => {
    const context = await launchIntranet(mkdtempSync(join(tmpdir(), 'e2e-intranet-tabs-')));
    const first = await openIntranet(context, '?view=table&year=2021');
    await waitForApp(first.page);
    expect(await cell(first.page, '宝龙镇', 'disputes_mediated').innerText()).toBe('94');

    // No Web Locks here: the IndexedDB lease and a ping over the BroadcastChannel decide.
    const second = await openIntranet(context, '?view=table&year=2021');
    await second.page
      .getByRole('heading', { name: '数据已在另一个标签页中打开' })
      .waitFor({ timeout: 60_000 });
    await second.page.getByRole('button', { name: '只读查看' }).click();
    await waitForApp(second.page);
    await second.page.getByText('只读：数据正在另一个标签页中编辑').waitFor();
    expect(await cell(second.page, '宝龙镇', 'disputes_mediated').innerText()).toBe('94');
    expect(await second.page.getByRole('button', { name: '导入数据' }).count()).toBe(0);

    // A third tab takes the data over; the first stops using it, and the data is the same.
    const third = await openIntranet(context, '?view=table&year=2021');
    await third.page.getByRole('button', { name: '在此标签页接管' }).click({ timeout: 60_000 });
    await first.page.getByRole('heading', { name: '数据已由另一个标签页接管' }).waitFor({ timeout: 60_000 });
    await waitForApp(third.page);
    await expect
      .poll(() => cell(third.page, '宝龙镇', 'disputes_mediated').innerText(), { timeout: 60_000 })
      .toBe('94');
    expect(await third.page.locator('.storage-status[data-storage="indexeddb"]').count()).toBe(1);
    expectClean(first);
    expectClean(second);
    expectClean(third);
  });
});
