/** Steps the data-safety browser tests share: what a user clicks to dump, import and reset. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const PANEL_NAME = '数据管理：导入记录、备份与恢复';

export function dataPanel(page: Page) {
  return page.getByRole('region', { name: PANEL_NAME });
}

export async function openDataPanel(page: Page) {
  const panel = dataPanel(page);
  if (!(await panel.isVisible())) await page.getByRole('button', { name: '数据管理' }).click();
  return panel;
}

/** The full ordered dump a user can take: “导出全部数值（CSV）” — every stored value with its source. */
export async function dumpFacts(page: Page): Promise<string> {
  const panel = await openDataPanel(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: '导出全部数值（CSV）' }).click(),
  ]);
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text;
}

/** Rows of a dump, header excluded: one per stored value. */
export function dumpRows(dump: string): number {
  return dump.trimEnd().split('\r\n').length - 1;
}

/** Imports one file through the import panel and waits until it is committed. */
export async function importFile(page: Page, path: string, name: string): Promise<void> {
  await page.getByRole('button', { name: '导入数据' }).click();
  await page.getByLabel('选择文件…').setInputFiles([path]);
  const card = page.getByRole('article', { name });
  await card.getByRole('button', { name: '确认导入' }).click();
  await expect.poll(() => card.innerText(), { timeout: 60_000 }).toMatch(/已导入 \d+ 个数值/);
  await page.getByRole('button', { name: '收起导入' }).click();
}

/** A cell of the comparison table (`?view=table&year=…`). */
export function tableCell(page: Page, township: string, indicatorId: string) {
  return page
    .getByRole('row', { name: new RegExp(`^${township}`) })
    .locator(`td[data-indicator="${indicatorId}"]`);
}

/** The panel's message line: its status or its alert. */
export function panelMessage(page: Page) {
  return page.locator('section.data-panel > p[role]');
}
