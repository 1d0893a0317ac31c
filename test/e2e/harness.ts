import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/bench-support.ts';

export const OUTPUT_DIR = 'test-output/e2e';

export interface AppSession {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly baseUrl: string;
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: string[];
  /** Every request that went anywhere but the app's own origin. */
  readonly foreignRequests: string[];
  close(): Promise<void>;
}

export function baseUrl(): string {
  return inject('baseUrl');
}

/**
 * A fresh Chromium with its own empty profile, as the project's machines run it. `extraArgs` are
 * added to CHROMIUM_ARGS (e.g. host resolver rules to reach the app from an insecure origin).
 */
export async function launch(
  userDataDir?: string,
  extraArgs: readonly string[] = [],
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir ?? mkdtempSync(join(tmpdir(), 'e2e-profile-')), {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 1400, height: 1000 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
}

export async function openApp(search = '', context?: BrowserContext): Promise<AppSession> {
  const ownContext = context ?? (await launch());
  const url = baseUrl();
  const origin = new URL(url).origin;
  const page = await ownContext.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  ownContext.on('request', (request) => {
    const requestUrl = request.url();
    if (requestUrl.startsWith('data:') || requestUrl.startsWith('blob:')) return;
    if (new URL(requestUrl).origin !== origin) foreignRequests.push(requestUrl);
  });
  await page.goto(new URL(search, url).toString());
  return {
    context: ownContext,
    page,
    baseUrl: url,
    errors,
    foreignRequests,
    close: async () => {
      if (!context) await ownContext.close();
    },
  };
}

/**
 * Waits until the dashboard has its data — the page tabs, or the empty state — and, with data,
 * until every view is prepared (ViewStack.tsx), so a test acts on a page that no longer changes
 * by itself.
 */
export async function waitForApp(page: Page): Promise<void> {
  await page.locator('.page-tabs, .empty-state').first().waitFor({ timeout: 60_000 });
  if ((await page.locator('.view-stack').count()) > 0)
    await page.locator('.view-stack[data-prepared="all"]').waitFor({ state: 'attached', timeout: 60_000 });
}

/** The view on screen: the other views are kept or prepared, hidden, in the same page. */
export function shownView(page: Page): Locator {
  return page.locator('.view-stack > .view:not(.kept)');
}

/** Waits until every chart of the view on screen has drawn its current option. */
export async function waitForCharts(page: Page, count = 2): Promise<void> {
  await shownView(page)
    .locator('.chart[data-rendered="true"]')
    .nth(count - 1)
    .waitFor({ timeout: 60_000 });
}

/** Every test ends here: no errors logged, nothing requested off the app's own origin. */
export function expectClean(session: AppSession): void {
  expect(session.errors).toEqual([]);
  expect(session.foreignRequests).toEqual([]);
}

export function outputPath(name: string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return join(OUTPUT_DIR, name);
}
