import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppSession, expectClean, openApp, shownView, waitForApp, waitForCharts } from './harness.ts';

let session: AppSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** What has the keyboard focus, as a user would name it. */
interface Focused {
  readonly tag: string;
  /** The control's own text (a button, a summary). */
  readonly text: string;
  /** The text of a select's or an input's label. */
  readonly label: string;
  /** Inside the page tabs. */
  readonly inTabs: boolean;
  /** Inside a chart's table alternative. */
  readonly inDataTable: boolean;
  readonly inTableHeader: boolean;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const labelled = element as HTMLSelectElement | HTMLInputElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      text: (element?.textContent ?? '').replace(/[▲▼]/g, '').trim(),
      label: (labelled?.labels?.[0]?.textContent ?? element?.getAttribute('aria-label') ?? '').trim(),
      inTabs: element?.closest('.page-tabs') !== null,
      inDataTable: element?.closest('.data-table') !== null,
      inTableHeader: element?.closest('.year-table thead') !== null,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focus is where `wanted` says; fails after `max` presses. */
async function tabTo(
  page: Page,
  what: string,
  wanted: (f: Focused) => boolean,
  options: { readonly back?: boolean; readonly max?: number } = {},
): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < (options.max ?? 80); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (wanted(f)) return;
    seen.push(`${f.tag}:${f.text || f.label}`.slice(0, 30));
  }
  throw new Error(`The keyboard never reached ${what}; it went through ${seen.join(' | ')}`);
}

/** The focused control shows where the focus is: :focus-visible applies and draws an outline. */
async function expectFocusVisible(page: Page): Promise<void> {
  const style = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const computed = getComputedStyle(element);
    return {
      focusVisible: element.matches(':focus-visible'),
      outlineStyle: computed.outlineStyle,
      outlineWidth: Number.parseFloat(computed.outlineWidth),
      outlineColor: computed.outlineColor,
    };
  });
  expect(style.focusVisible).toBe(true);
  expect(style.outlineStyle).not.toBe('none');
  expect(style.outlineWidth).toBeGreaterThanOrEqual(2);
  expect(style.outlineColor).not.toBe('rgba(0, 0, 0, 0)');
}

const selectValue = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();

/** Arrow keys on the focused picker until it shows `value` (a closed select changes at once). */
async function arrowTo(
  page: Page,
  label: string,
  value: string,
  key: 'ArrowDown' | 'ArrowUp',
): Promise<void> {
  for (let i = 0; i < 40 && (await selectValue(page, label)) !== value; i++) await page.keyboard.press(key);
  expect(await selectValue(page, label)).toBe(value);
}

describe('the dashboard with the keyboard only', () => {
  it('tabs to the ranking, changes indicator and year with the pickers, reads the table alternative, sorts the table view', async () => {
    session = await openApp();
    const { page } = session;
    await waitForApp(page);

    // The page tabs: 排名.
    await tabTo(page, 'the 排名 tab', (f) => f.inTabs && f.text === '排名');
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: '排名', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );
    await page.getByRole('img', { name: '2024年调解成功率排名' }).waitFor();

    // The indicator picker: one down and the chart follows; one up and it is 调解成功率 again.
    await tabTo(page, 'the indicator picker', (f) => f.tag === 'select' && f.label === '指标');
    await expectFocusVisible(page);
    const first = await selectValue(page, '指标');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => selectValue(page, '指标')).not.toBe(first);
    const next = await page.getByLabel('指标', { exact: true }).locator('option:checked').innerText();
    await page.getByRole('img', { name: `2024年${next}排名` }).waitFor();
    expect(new URL(page.url()).searchParams.get('indicator')).not.toBeNull();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => selectValue(page, '指标')).toBe(first);
    await page.getByRole('img', { name: '2024年调解成功率排名' }).waitFor();

    // The year picker, newest first: down to 2021.
    await tabTo(page, 'the year picker', (f) => f.tag === 'select' && f.label === '年度');
    await expectFocusVisible(page);
    await arrowTo(page, '年度', '2021', 'ArrowDown');
    await page.getByRole('img', { name: '2021年调解成功率排名' }).waitFor();
    expect(new URL(page.url()).searchParams.get('year')).toBe('2021');

    // The chart's table alternative: 宝龙镇's computed 97.9 % and its rank.
    await tabTo(page, 'the ranking’s table alternative', (f) => f.tag === 'summary' && f.inDataTable);
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    const row = shownView(page)
      .locator('.data-table')
      .getByRole('row', { name: /^宝龙镇/ });
    await row.waitFor();
    const [rank, value] = (await row.locator('td').allInnerTexts()).slice(0, 2);
    expect(value).toBe('97.9%');
    const values = (
      await shownView(page).locator('.data-table tbody tr td:nth-child(3)').allInnerTexts()
    ).map((v) => Number(v.replace('%', '')));
    expect(values).toHaveLength(23);
    expect(Number(rank)).toBe(1 + values.filter((v) => v > 97.9).length);

    // Back up to the page tabs and into the table view, still 2021.
    await tabTo(page, 'the 对比表 tab', (f) => f.inTabs && f.text === '对比表', { back: true });
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: '2021年各镇街指标一览' }).waitFor();

    // Sort by 调解成功率 from its column header: best first.
    await tabTo(
      page,
      'the 调解成功率 column header',
      (f) => f.inTableHeader && f.text === '调解成功率（%）',
      {
        max: 120,
      },
    );
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('mediation_success_rate');
    expect(new URL(page.url()).searchParams.get('desc')).toBe('1');
    const column = async () =>
      (await page.locator('td[data-indicator="mediation_success_rate"]').allInnerTexts())
        .filter((v) => v !== '—')
        .map((v) => Number(v.replace('%', '')));
    await expect
      .poll(async () => {
        const sorted = await column();
        return sorted.length > 20 && sorted.every((v, i) => i === 0 || (sorted[i - 1] ?? 0) >= v);
      })
      .toBe(true);
    expect(
      await page
        .getByRole('row', { name: /^宝龙镇/ })
        .locator('td[data-indicator="mediation_success_rate"]')
        .innerText(),
    ).toBe('97.9%');
    // Its rank is its place in the sorted column: the same as in the ranking.
    const sorted = await column();
    expect(sorted.indexOf(97.9) + 1).toBe(Number(rank));
    expectClean(session);
  });

  it('every chart has a table alternative the keyboard reaches and opens', async () => {
    session = await openApp();
    const { page } = session;
    for (const view of ['trend', 'ranking', 'heatmap', 'profile']) {
      await page.goto(new URL(`?view=${view}&year=2021`, session.baseUrl).toString());
      await waitForCharts(page, 1);
      const charts = await shownView(page).locator('.chart').count();
      expect(await shownView(page).locator('.data-table > summary').count(), view).toBe(charts);
      await tabTo(page, `the table alternative on ${view}`, (f) => f.tag === 'summary' && f.inDataTable, {
        max: 120,
      });
      await expectFocusVisible(page);
      await page.keyboard.press(' ');
      const rows = shownView(page).locator('.data-table[open] tbody tr');
      await rows.first().waitFor();
      expect(await rows.count(), view).toBeGreaterThan(3);
      // The focus stays on the summary, so Enter closes it again.
      await page.keyboard.press('Enter');
      await shownView(page).locator('.data-table[open]').waitFor({ state: 'detached' });
    }
    expectClean(session);
  });
});
