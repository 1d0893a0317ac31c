import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { generateLongCsv } from '../../src/bench/generate-long-csv.ts';
import { encodeGbk } from '../../src/bench/encode-gbk.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { openDataPanel } from './data-helpers.ts';
import { type AppSession, expectClean, openApp, outputPath, waitForApp, waitForCharts } from './harness.ts';

const GBK_WIDE = resolve('test/e2e/fixtures/tongnan-2020-wide-gbk.csv');
const UTF8_LONG = resolve('test/e2e/fixtures/baolong-2021-corrections.csv');
const SEMICOLON_2022 = resolve('test/fixtures/tongnan-2022-semicolon.csv');

let session: AppSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

function card(page: Page, fileName: string) {
  return page.getByRole('article', { name: fileName });
}

/** The table cell of a township's row under the given column header, as a user reads it. */
function cell(page: Page, township: string, indicatorId: string) {
  return page
    .getByRole('row', { name: new RegExp(`^${township}`) })
    .locator(`td[data-indicator="${indicatorId}"]`);
}

/** A small long-layout file as Excel's “CSV UTF-8” writes it. */
function longReport(name: string, lines: readonly string[]) {
  return {
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF镇街,年度,指标,数值\r\n${lines.join('\r\n')}\r\n`),
  };
}

/** Opens the app's table view, then the import panel, and picks `files` as a user would. */
async function openImportWith(files: readonly ReturnType<typeof longReport>[]): Promise<AppSession> {
  const opened = await openApp('?view=table&year=2024');
  session = opened;
  await waitForApp(opened.page);
  await opened.page.getByRole('button', { name: '导入数据' }).click();
  await opened.page.getByLabel('选择文件…').setInputFiles([...files]);
  return opened;
}

/** Picks a year in the table view once the data hold it. */
async function showYear(page: Page, year: number): Promise<void> {
  const picker = page.getByLabel('年度', { exact: true });
  await expect.poll(() => picker.innerText()).toContain(String(year));
  await picker.selectOption(String(year));
}

describe('importing the files officials have', () => {
  it('previews a GBK wide file and a UTF-8 long file, resolves mappings and conflicts, commits, and shows the values with their source', async () => {
    session = await openApp('?view=table&year=2021');
    const { page } = session;
    await waitForApp(page);
    await page.getByRole('button', { name: '导入数据' }).click();
    await page.getByLabel('选择文件…').setInputFiles([GBK_WIDE, UTF8_LONG]);

    // The GBK file: detected encoding, layout and the year taken from its title row.
    const wide = card(page, 'tongnan-2020-wide-gbk.csv');
    await wide.getByRole('button', { name: '确认导入' }).waitFor();
    expect(await wide.getByLabel('文字编码').inputValue()).toBe('gb18030');
    await expect.poll(() => wide.innerText()).toContain('宽表（每行一个镇街）');
    expect(await wide.getByLabel('年度').inputValue()).toBe('2020');
    expect(await wide.innerText()).toContain('取自标题行');
    // Its 2020 values differ from the sample's: old beside new, and the user takes the file's.
    const conflicts = wide.locator('.conflicts');
    await expect.poll(() => conflicts.innerText()).toMatch(/梓潼街道\s+2020\s+调解纠纷\s+\d+\s+1,012/);
    await wide.getByLabel('用本文件的数值替换').check();
    await wide.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => wide.innerText()).toMatch(/已导入 \d+ 个数值/);

    // The long file: an unknown township and two indicators the catalog lacks.
    const long = card(page, 'baolong-2021-corrections.csv');
    await expect.poll(() => long.innerText()).toContain('宝垅镇');
    expect(await long.innerText()).toMatch(/镇街“宝垅镇”不在本区镇街名单中/);
    expect(await long.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await long.getByLabel('对应到 宝垅镇').selectOption({ label: '宝龙镇' });
    await long.getByLabel('对应指标 调处矛盾纠纷').selectOption({ label: '化解矛盾纠纷' });
    // Now 96 conflicts with the stored 94; this time the user keeps the stored value.
    await expect
      .poll(() => long.locator('.conflicts').innerText())
      .toMatch(/宝龙镇\s+2021\s+调解纠纷\s+94\s+96/);
    await long.getByLabel('保留已有数值').check();
    await long.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => long.innerText()).toMatch(/已导入 2 个数值/);

    // 2021: the stored 94 kept, the mapped and the new indicator shown with their source.
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_settled').innerText()).toBe('40');
    expect(await cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('94');
    expect(await cell(page, '宝龙镇', 'custom:网格员培训').innerText()).toBe('3');
    expect(await cell(page, '宝龙镇', 'disputes_settled').locator('span').getAttribute('title')).toContain(
      '来源：baolong-2021-corrections.csv 第 4 行 D 列',
    );

    // 2020: the GBK file's values replaced the sample's, traced to their row and column.
    await page.getByLabel('年度', { exact: true }).selectOption('2020');
    await expect.poll(() => cell(page, '梓潼街道', 'disputes_mediated').innerText()).toBe('1,012');
    expect(await cell(page, '梓潼街道', 'disputes_mediated').locator('span').getAttribute('title')).toContain(
      '来源：tongnan-2020-wide-gbk.csv 第 5 行 F 列',
    );
    expect(await cell(page, '上和镇', 'officials_trained').innerText()).toBe('≈20');
    // The derived rate follows: 梓潼街道's 985 of 1,012 is its 2020 success rate.
    await expect.poll(() => cell(page, '梓潼街道', 'mediation_success_rate').innerText()).toBe('97.3%');
    await page.screenshot({ path: outputPath('after-import.png'), fullPage: true });
    expectClean(session);
  });

  it('says plainly when a file is an Excel workbook or empty, and stores nothing', async () => {
    session = await openApp();
    const { page } = session;
    await waitForApp(page);
    await page.getByRole('button', { name: '导入数据' }).click();
    await page.getByLabel('选择文件…').setInputFiles([
      {
        name: '2021年统计.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('504b0304140006000800000021', 'hex'),
      },
      { name: '空文件.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
    ]);
    await expect.poll(() => card(page, '2021年统计.csv').innerText()).toContain('这是 Excel 工作簿');
    await expect.poll(() => card(page, '空文件.csv').innerText()).toContain('文件是空的');
    expect(await card(page, '2021年统计.csv').getByRole('button', { name: '确认导入' }).isDisabled()).toBe(
      true,
    );
    expectClean(session);
  });

  it.each([
    ['UTF-8 with BOM (Excel “CSV UTF-8”)', 100_000, 'utf-8-bom'],
    ['GBK (Excel or WPS “Save as CSV” on Chinese Windows)', 80_000, 'gb18030'],
  ] as const)(
    'reads a large %s long file with DuckDB’s own CSV reader: every row counted, values traced to their line',
    async (_name, rows, encoding) => {
      const text = new TextDecoder().decode(generateLongCsv(rows)).replace(/^\uFEFF/, '');
      const bytes = encoding === 'gb18030' ? encodeGbk(text) : generateLongCsv(rows);
      expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
      const lines = text.split('\r\n');
      const expectedFacts = lines.slice(1, -1).filter((line) => line.split(',')[3] !== '—').length;
      const baolong = lines.findIndex((line) => line.startsWith('宝龙镇,1991年,调解纠纷,'));
      const mediated = lines[baolong]?.split(',')[3];
      expect(mediated).toMatch(/^\d+$/);

      session = await openApp('?view=table&year=1991');
      const { page } = session;
      await waitForApp(page);
      await page.getByRole('button', { name: '导入数据' }).click();
      const name = `全区历年数据（${encoding}）.csv`;
      await page
        .getByLabel('选择文件…')
        .setInputFiles([{ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) }]);
      const large = card(page, name);
      await large.getByRole('button', { name: '确认导入' }).waitFor({ timeout: 60_000 });
      expect(await large.getByLabel('文字编码').inputValue()).toBe(encoding);
      expect(await large.innerText()).toContain(`${rows} 行数据，${expectedFacts} 个数值`);
      // Only the bulk path lists the first facts of a file instead of all of them.
      expect(await large.locator('details.facts').textContent()).toContain('这里只列出前 500 个');
      await large.getByRole('button', { name: '确认导入' }).click();
      await expect
        .poll(() => large.innerText(), { timeout: 60_000 })
        .toContain(`已导入 ${expectedFacts} 个数值`);

      // The link asked for 1991, a year only the new file has: the table turns to it once stored.
      await expect
        .poll(() => cell(page, '宝龙镇', 'disputes_mediated').locator('span').getAttribute('title'), {
          timeout: 30_000,
        })
        .toContain(`来源：${name} 第 ${baolong + 1} 行 D 列`);
      expect(await cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe(mediated);
      expectClean(session);
    },
  );

  it('recognises the same file imported twice, and takes it again once the first import is undone', async () => {
    session = await openApp();
    const { page } = session;
    await waitForApp(page);
    await page.getByRole('button', { name: '导入数据' }).click();
    await page.getByLabel('选择文件…').setInputFiles([GBK_WIDE]);
    const first = card(page, 'tongnan-2020-wide-gbk.csv');
    await first.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => first.innerText()).toMatch(/已导入/);
    await first.getByRole('button', { name: '移除' }).click();
    await page.getByLabel('选择文件…').setInputFiles([GBK_WIDE]);
    const again = card(page, 'tongnan-2020-wide-gbk.csv');
    await expect.poll(() => again.innerText()).toMatch(/内容完全相同，已跳过/);

    // Once the first import is undone, the file waiting in the panel may be stored again.
    await openDataPanel(page);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '撤销此次导入：tongnan-2020-wide-gbk.csv' }).click();
    const commit = again.getByRole('button', { name: '确认导入' });
    await commit.waitFor();
    expect(await again.innerText()).not.toMatch(/内容完全相同/);
    await commit.click();
    await expect.poll(() => again.innerText()).toMatch(/已导入 \d+ 个数值/);
    expectClean(session);
  });

  it('stores every ready file with one button, each whole, skipping a copy and leaving a file with errors', async () => {
    session = await openApp('?view=table&year=2022');
    const { page } = session;
    await waitForApp(page);
    await page.getByRole('button', { name: '导入数据' }).click();
    const copy = '潼南区2020年汇总（副本）.csv';
    await page.getByLabel('选择文件…').setInputFiles([
      ...[GBK_WIDE, SEMICOLON_2022, UTF8_LONG].map((path) => ({
        name: basename(path),
        mimeType: 'text/csv',
        buffer: readFileSync(path),
      })),
      { name: copy, mimeType: 'text/csv', buffer: readFileSync(GBK_WIDE) },
    ]);
    for (const name of ['tongnan-2020-wide-gbk.csv', 'tongnan-2022-semicolon.csv', copy])
      await card(page, name).getByRole('button', { name: '确认导入' }).waitFor();
    // The long file names a township not in the list (宝垅镇): an error until the user maps it.
    await expect.poll(() => card(page, 'baolong-2021-corrections.csv').innerText()).toContain('宝垅镇');

    const all = page.getByRole('button', { name: '全部确认导入（3 个文件）' });
    expect(await page.locator('.commit-all').innerText()).toContain('有错误的 1 个文件不会导入');
    await all.click();
    await expect
      .poll(() => card(page, 'tongnan-2022-semicolon.csv').innerText(), { timeout: 30_000 })
      .toContain('已导入 6 个数值');
    await expect.poll(() => card(page, 'tongnan-2020-wide-gbk.csv').innerText()).toMatch(/已导入 \d+ 个数值/);
    // Its bytes were stored a moment before from the first card: skipped, not stored twice.
    await expect.poll(() => card(page, copy).innerText()).toMatch(/内容完全相同，已跳过/);
    const corrections = card(page, 'baolong-2021-corrections.csv');
    expect(await corrections.innerText()).not.toContain('已导入');
    expect(await corrections.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    expect(await page.locator('.commit-all').count()).toBe(0);

    await expect
      .poll(() => cell(page, '宝龙镇', 'disputes_mediated').locator('span').getAttribute('title'))
      .toContain('来源：tongnan-2022-semicolon.csv 第 3 行 C 列');
    expect(await cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('94');
    await page.getByLabel('年度', { exact: true }).selectOption('2020');
    await expect.poll(() => cell(page, '梓潼街道', 'disputes_mediated').innerText()).toBe('1,012');
    // The history holds each stored file once, and not the copy.
    await openDataPanel(page);
    const history = page.getByRole('table').filter({ hasText: 'tongnan-2022-semicolon.csv' });
    const rows = (name: RegExp) => history.getByRole('row', { name }).count();
    await expect.poll(() => rows(/^tongnan-2022-semicolon\.csv/)).toBe(1);
    expect(await rows(/^tongnan-2020-wide-gbk\.csv/)).toBe(1);
    expect(await rows(/副本/)).toBe(0);
    expectClean(session);
  });
});

describe('work in the import panel', () => {
  it('a reload asks first while a file read is not stored, and no longer once it is', async () => {
    session = await openApp('?view=table&year=2022');
    const { page } = session;
    await waitForApp(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: '导入数据' }).click();
    await page.getByLabel('选择文件…').setInputFiles([SEMICOLON_2022]);
    const semicolon = card(page, 'tongnan-2022-semicolon.csv');
    await semicolon.getByRole('button', { name: '确认导入' }).waitFor();

    // Staying on the page keeps the file, read and waiting.
    await page.reload({ timeout: 3_000 }).catch(() => undefined);
    expect(dialogs).toEqual(['beforeunload']);
    expect(await semicolon.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);

    await semicolon.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => semicolon.innerText()).toContain('已导入 6 个数值');
    await page.reload();
    await waitForApp(page);
    expect(dialogs).toEqual(['beforeunload']);
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('94');
    expectClean(session);
  });
});

describe('a township added while files wait', () => {
  it('reads every waiting file again against the new list, so one addition serves them all', async () => {
    // Two reports of a township formed by a merger, not in the list yet.
    const opened = await openImportWith([
      longReport('龙腾新区2025.csv', ['龙腾新区,2025,法律咨询,30']),
      longReport('龙腾新区2025补报.csv', ['龙腾新区,2025,调解纠纷,12']),
    ]);
    const { page } = opened;
    const first = card(page, '龙腾新区2025.csv');
    const second = card(page, '龙腾新区2025补报.csv');
    for (const c of [first, second])
      await expect.poll(() => c.innerText()).toContain('镇街“龙腾新区”不在本区镇街名单中');

    await first.getByRole('button', { name: '作为新镇街加入名单' }).click();
    await expect.poll(() => first.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
    // The other card was read again, unasked: the name is in the list now.
    await expect.poll(() => second.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
    expect(await second.innerText()).not.toContain('不在本区镇街名单中');

    await page.getByRole('button', { name: '全部确认导入（2 个文件）' }).click();
    for (const c of [first, second]) await expect.poll(() => c.innerText()).toContain('已导入 1 个数值');
    await showYear(page, 2025);
    await expect.poll(() => cell(page, '龙腾新区', 'legal_consultations').innerText()).toBe('30');
    expect(await cell(page, '龙腾新区', 'disputes_mediated').innerText()).toBe('12');
    expectClean(opened);
  });
});

describe('one answer for the whole batch', () => {
  it('a header mapped and a township matched in one file are answered alike in the others waiting', async () => {
    // Both clerks misspell 宝龙镇 and write 调处矛盾纠纷 for the catalog's 化解矛盾纠纷.
    const opened = await openImportWith([
      longReport('甲.csv', ['宝垅镇,2025,调处矛盾纠纷,40']),
      longReport('乙.csv', ['宝垅镇,2025,法律咨询,30', '桂林街道,2025,调处矛盾纠纷,25']),
    ]);
    const { page } = opened;
    const first = card(page, '甲.csv');
    const second = card(page, '乙.csv');
    for (const c of [first, second]) await expect.poll(() => c.innerText()).toContain('宝垅镇');

    await first.getByLabel('对应到 宝垅镇').selectOption({ label: '宝龙镇' });
    await expect.poll(() => first.getByLabel('对应指标 调处矛盾纠纷').count()).toBe(1);
    await first.getByLabel('对应指标 调处矛盾纠纷').selectOption({ label: '化解矛盾纠纷' });
    // The second file was read again with the same answers: ready, nothing new left to ask.
    await expect.poll(() => second.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
    // The answers show on its card, where they could be changed.
    await expect
      .poll(() => second.getByLabel('对应指标 调处矛盾纠纷').locator('option:checked').innerText())
      .toBe('化解矛盾纠纷');
    expect(await second.getByLabel('对应到 宝垅镇').locator('option:checked').innerText()).toBe('宝龙镇');
    expect(await second.innerText()).not.toContain('不在本区镇街名单中');
    // A file added afterwards, before anything is stored, is read with the same answers.
    await page.getByLabel('选择文件…').setInputFiles([longReport('丙.csv', ['宝垅镇,2024,调处矛盾纠纷,38'])]);
    const third = card(page, '丙.csv');
    await expect.poll(() => third.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
    expect(await third.getByLabel('对应指标 调处矛盾纠纷').count()).toBe(0);

    await page.getByRole('button', { name: '全部确认导入（3 个文件）' }).click();
    await expect.poll(() => third.innerText()).toContain('已导入 1 个数值');
    expect(await first.innerText()).toContain('已导入 1 个数值');
    expect(await second.innerText()).toContain('已导入 2 个数值');
    await showYear(page, 2025);
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_settled').innerText()).toBe('40');
    expect(await cell(page, '桂林街道', 'disputes_settled').innerText()).toBe('25');
    expect(await cell(page, '宝龙镇', 'legal_consultations').innerText()).toBe('30');
    await showYear(page, 2024);
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_settled').innerText()).toBe('38');
    // No indicator of its own was made for the misspelt name.
    expect(await page.locator('td[data-indicator^="custom:"]').count()).toBe(0);
    expectClean(opened);
  });
});

/**
 * 甲.csv answered with a slip of the hand — 古溪镇 for 宝垅镇, which is 宝龙镇, and 化解矛盾纠纷 for
 * 调处矛盾纠纷, which is 调解纠纷 — then 乙.csv added, which takes both answers from the session.
 */
async function answerWronglyThenAddAnother() {
  const opened = await openImportWith([longReport('甲.csv', ['宝垅镇,2025,调处矛盾纠纷,40'])]);
  const { page } = opened;
  const first = card(page, '甲.csv');
  await expect.poll(() => first.innerText()).toContain('宝垅镇');
  await first.getByLabel('对应到 宝垅镇').selectOption({ label: '古溪镇' });
  await expect.poll(() => first.getByLabel('对应指标 调处矛盾纠纷').count()).toBe(1);
  await first.getByLabel('对应指标 调处矛盾纠纷').selectOption({ label: '化解矛盾纠纷' });
  await expect.poll(() => first.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
  await page.getByLabel('选择文件…').setInputFiles([longReport('乙.csv', ['宝垅镇,2026,调处矛盾纠纷,38'])]);
  const second = card(page, '乙.csv');
  // Ready at once: nothing left to ask.
  await expect.poll(() => second.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
  return { opened, page, first, second };
}

describe('an answer given wrongly', () => {
  it('stays on the card to be changed, and a file that took it from the session follows', async () => {
    const { opened, page, first, second } = await answerWronglyThenAddAnother();

    // Both answers are still on the first card, as chosen, and can be changed there.
    const township = first.getByLabel('对应到 宝垅镇');
    expect(await township.locator('option:checked').innerText()).toBe('古溪镇');
    await township.selectOption({ label: '宝龙镇' });
    await expect.poll(() => first.getByLabel('对应指标 调处矛盾纠纷').count()).toBe(1);
    await first.getByLabel('对应指标 调处矛盾纠纷').selectOption({ label: '调解纠纷' });
    await expect.poll(() => first.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
    await expect.poll(() => second.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);

    await page.getByRole('button', { name: '全部确认导入（2 个文件）' }).click();
    await expect.poll(() => second.innerText()).toContain('已导入 1 个数值');
    expect(await first.innerText()).toContain('已导入 1 个数值');
    await showYear(page, 2025);
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('40');
    expect(await cell(page, '古溪镇', 'disputes_mediated').innerText()).not.toBe('40');
    // The second file followed the changed answers: 宝龙镇's 调解纠纷, not 古溪镇's 化解矛盾纠纷.
    await showYear(page, 2026);
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('38');
    expect(await page.locator('td[data-indicator="disputes_settled"]').count()).toBe(0);
    expectClean(opened);
  });
});

describe('an answer on a card removed unstored', () => {
  it('goes with the card: a file that took it, and a file added after, ask again', async () => {
    const { opened, page, first, second } = await answerWronglyThenAddAnother();
    // The card with the slip removed instead of put right.
    await first.getByRole('button', { name: '移除' }).click();
    await expect.poll(() => first.count()).toBe(0);

    // The file that took the answers from the session asks again, as does one added now.
    await expect.poll(() => second.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(false);
    await expect.poll(() => second.innerText()).toContain('不在本区名单中的镇街');
    await page.getByLabel('选择文件…').setInputFiles([longReport('丙.csv', ['宝垅镇,2024,调处矛盾纠纷,12'])]);
    const third = card(page, '丙.csv');
    await expect.poll(() => third.innerText()).toContain('不在本区名单中的镇街');
    expect(await third.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(false);
    expectClean(opened);
  });
});

describe('files of one batch that disagree', () => {
  /** Two versions of 宝龙镇's 2025 report: the second corrects 法律咨询 from 50 to 56. */
  const DRAFT = '宝龙镇2025年报（初稿）.csv';
  const REVISED = '宝龙镇2025年报（修订）.csv';
  const files = [
    [DRAFT, 50],
    [REVISED, 56],
  ].map(([name, consultations]) =>
    longReport(String(name), ['宝龙镇,2025,调解纠纷,100', `宝龙镇,2025,法律咨询,${consultations}`]),
  );

  /** 宝龙镇's 2025 法律咨询 in the table, and the file and line it came from. */
  async function expectConsultations(page: Page, value: string, fileName: string): Promise<void> {
    await showYear(page, 2025);
    await expect.poll(() => cell(page, '宝龙镇', 'legal_consultations').innerText()).toBe(value);
    expect(await cell(page, '宝龙镇', 'legal_consultations').locator('span').getAttribute('title')).toContain(
      `来源：${fileName} 第 3 行 D 列`,
    );
  }

  async function openWithBoth(): Promise<AppSession> {
    const opened = await openImportWith(files);
    const { page } = opened;
    for (const name of [DRAFT, REVISED])
      await card(page, name).getByRole('button', { name: '确认导入' }).waitFor();
    // Read before either is stored: nothing stored yet to differ from.
    expect(await card(page, REVISED).locator('.conflicts').count()).toBe(0);
    return opened;
  }

  it('stops the batch at a file that would replace what the one before it stored, and shows old beside new', async () => {
    const opened = await openWithBoth();
    const { page } = opened;
    await page.getByRole('button', { name: '全部确认导入（2 个文件）' }).click();
    await expect.poll(() => card(page, DRAFT).innerText(), { timeout: 30_000 }).toContain('已导入 2 个数值');

    // The revision is not stored on the batch's say: it waits, with the value it would replace.
    const revised = card(page, REVISED);
    await expect
      .poll(() => revised.locator('.conflicts').innerText())
      .toMatch(/宝龙镇\s+2025\s+法律咨询\s+50\s+56/);
    expect(await revised.innerText()).toContain('1 个数值与已有数据不同');
    expect(await revised.innerText()).toContain('已有数据有了变化');
    expect(await revised.innerText()).not.toContain('已导入');
    expect(await revised.locator('.conflicts td[title]').getAttribute('title')).toBe(DRAFT);
    await expectConsultations(page, '50', DRAFT);

    // The user takes the revision's value with the file's own button.
    await revised.getByLabel('用本文件的数值替换').check();
    await revised.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => revised.innerText()).toContain('已导入 2 个数值');
    await expectConsultations(page, '56', REVISED);
    expectClean(opened);
  });

  it('shows a waiting file the values another file has just stored, and keeps them when the user says so', async () => {
    const opened = await openWithBoth();
    const { page } = opened;
    await card(page, DRAFT).getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => card(page, DRAFT).innerText(), { timeout: 30_000 }).toContain('已导入 2 个数值');

    // Without being asked, the other card now compares itself with what was just stored.
    const revised = card(page, REVISED);
    await expect
      .poll(() => revised.locator('.conflicts').innerText())
      .toMatch(/宝龙镇\s+2025\s+法律咨询\s+50\s+56/);
    expect(await revised.innerText()).toContain('已有数据有了变化');
    await revised.getByLabel('保留已有数值').check();
    await revised.getByRole('button', { name: '确认导入' }).click();
    // 调解纠纷 is the same in both, and the revised file's too (undoing the draft leaves it);
    // 法律咨询 keeps the draft's 50.
    await expect.poll(() => revised.innerText()).toContain('已导入 1 个数值');
    await expectConsultations(page, '50', DRAFT);
    expectClean(opened);
  });
});

describe('files that are not what they claim', () => {
  it('refuses a 300 MB file and a 5,000-column file with a clear message, and the page stays usable', async () => {
    session = await openApp('?view=trend');
    const { page } = session;
    await waitForCharts(page, 1);
    await page.getByRole('button', { name: '导入数据' }).click();
    // Built inside the page and dropped like a user would, so no 300 MB crosses the test connection.
    await page.evaluate(() => {
      const wide = `${Array.from({ length: 5000 }, (_, i) => `指标${i}`).join(',')}\n${'1,'.repeat(4999)}1\n`;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(300 * 1024 * 1024)], '全区汇总.csv', { type: 'text/csv' }));
      transfer.items.add(new File([wide], '五千列.csv', { type: 'text/csv' }));
      document
        .querySelector('.drop-zone')
        ?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => card(page, '全区汇总.csv').innerText()).toContain('文件超过 200 MB');
    await expect
      .poll(() => card(page, '五千列.csv').innerText(), { timeout: 30_000 })
      .toContain('这个表格有 5000 列');
    // Still responsive: the indicator picker redraws the charts.
    await page.getByLabel('指标', { exact: true }).selectOption({ label: '法律咨询' });
    await page.getByRole('img', { name: '法律咨询：各镇街历年变化' }).waitFor();
    expectClean(session);
  });

  it('a file saved again after it was chosen is not read from a stale copy: the card asks for it anew', async () => {
    const path = outputPath('宝龙镇-改后另存.csv');
    const report = (value: number) => `\uFEFF镇街,年度,指标,数值\r\n宝龙镇,2024,调解纠纷,${value}\r\n`;
    writeFileSync(path, report(94));
    session = await openApp('?view=table&year=2024');
    const { page } = session;
    await waitForApp(page);
    await page.getByRole('button', { name: '导入数据' }).click();
    await page.getByLabel('选择文件…').setInputFiles(path);
    const saved = card(page, '宝龙镇-改后另存.csv');
    await expect.poll(() => saved.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
    expect(await saved.innerText()).toContain('1 行数据，1 个数值');

    // The clerk corrects the figure in Excel and saves over the file; then the card is read again.
    writeFileSync(path, report(95));
    const later = new Date(Date.now() + 60_000);
    utimesSync(path, later, later);
    await saved.getByLabel('文字编码').selectOption('gb18030');
    await expect.poll(() => saved.innerText()).toContain('请移除这张卡片，重新选择这个文件');
    expect(await saved.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(false);

    // Chosen again, it is read as it is now.
    await saved.getByRole('button', { name: '移除' }).click();
    await page.getByLabel('选择文件…').setInputFiles(path);
    await expect.poll(() => saved.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
    await saved.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => saved.innerText()).toContain('已导入 1 个数值');
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('95');
    expectClean(session);
  });
});

describe('tables with the indicators down the side', () => {
  it('reads a GBK table with a column per township: a misspelt column matched, the 合计 column checked, each value traced to its cell', async () => {
    const name = 'tongnan-2021-transposed-gbk.csv';
    const opened = await openImportWith([
      { name, mimeType: 'text/csv', buffer: readFileSync(resolve('test/fixtures', name)) },
    ]);
    const { page } = opened;
    const file = card(page, name);
    await expect.poll(() => file.innerText()).toContain('转置宽表（每行一个指标，每列一个镇街）');
    expect(await file.getByLabel('年度').inputValue()).toBe('2021');
    expect(await file.innerText()).toContain('合计列填的是 171，但左边各镇街相加是 161');
    expect(await file.innerText()).toMatch(/镇街“宝垅”不在本区镇街名单中/);
    // The clerk's 宝垅 column is 古溪镇's.
    await file.getByLabel('对应到 宝垅').selectOption({ label: '古溪镇' });
    // 2021 is in the sample district already: the file's values replace it.
    await expect
      .poll(() => file.locator('.conflicts').innerText())
      .toMatch(/古溪镇\s+2021\s+调解纠纷\s+\S+\s+12/);
    await file.getByLabel('用本文件的数值替换').check();
    await file.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => file.innerText()).toMatch(/已导入 12 个数值/);

    await showYear(page, 2021);
    await expect.poll(() => cell(page, '古溪镇', 'disputes_mediated').innerText()).toBe('12');
    expect(await cell(page, '古溪镇', 'disputes_mediated').locator('span').getAttribute('title')).toContain(
      `来源：${name} 第 3 行 E 列`,
    );
    expect(await cell(page, '上和镇', 'disputes_mediated').innerText()).toBe('60');
    expect(await cell(page, '宝龙镇', 'legal_consultations').innerText()).toBe('≈500');
    expectClean(opened);
  });

  it('maps a later year’s header to the district’s own indicator kept from an earlier file, so it stays one indicator', async () => {
    const opened = await openImportWith([
      longReport('网格-2025.csv', ['宝龙镇,2025,网格员培训,30', '上和镇,2025,网格员培训,12']),
    ]);
    const { page } = opened;
    const first = card(page, '网格-2025.csv');
    await expect.poll(() => first.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
    await first.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => first.innerText()).toMatch(/已导入 2 个数值/);

    await page
      .getByLabel('选择文件…')
      .setInputFiles([
        longReport('网格-2026.csv', ['宝龙镇,2026,网格员培训人数,35']),
        longReport('网格-2026-补.csv', ['上和镇,2026,网格员培训,14']),
      ]);
    const second = card(page, '网格-2026.csv');
    const select = second.getByLabel('对应指标 网格员培训人数');
    await select.waitFor();
    await select.selectOption({ label: '网格员培训' });
    // The same header again is the indicator kept before, and says so.
    const again = card(page, '网格-2026-补.csv').getByLabel('对应指标 网格员培训');
    await expect
      .poll(() => again.locator('option:checked').innerText())
      .toBe('本区已有的自建指标：网格员培训');
    for (const name of ['网格-2026.csv', '网格-2026-补.csv']) {
      const file = card(page, name);
      await expect.poll(() => file.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
      await file.getByRole('button', { name: '确认导入' }).click();
      await expect.poll(() => file.innerText()).toMatch(/已导入 1 个数值/);
    }

    await showYear(page, 2026);
    await expect.poll(() => cell(page, '宝龙镇', 'custom:网格员培训').innerText()).toBe('35');
    expect(await cell(page, '上和镇', 'custom:网格员培训').innerText()).toBe('14');
    expect(await page.locator('td[data-indicator="custom:网格员培训人数"]').count()).toBe(0);
    expectClean(opened);
  });

  it('reads a township sheet with a column per year, and its unknown indicator can be mapped like a long file’s', async () => {
    const opened = await openImportWith([
      {
        name: '宝龙镇法治指标.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('\uFEFF指标,2025年,2026年\r\n调解纠纷,50,60\r\n调处矛盾纠纷,40,45\r\n'),
      },
    ]);
    const { page } = opened;
    const file = card(page, '宝龙镇法治指标.csv');
    await expect.poll(() => file.innerText()).toContain('2025、2026 取自表头（每列一个年度）');
    await file.getByLabel('对应指标 调处矛盾纠纷').selectOption({ label: '化解矛盾纠纷' });
    await expect.poll(() => file.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
    await file.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => file.innerText()).toMatch(/已导入 4 个数值/);

    await showYear(page, 2026);
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_settled').innerText()).toBe('45');
    expect(await cell(page, '宝龙镇', 'disputes_settled').locator('span').getAttribute('title')).toContain(
      '来源：宝龙镇法治指标.csv 第 3 行 C 列',
    );
    await showYear(page, 2025);
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_settled').innerText()).toBe('40');
    expect(await cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('50');
    expect(await page.locator('td[data-indicator^="custom:"]').count()).toBe(0);
    expectClean(opened);
  });

  it('reads two years’ tables stacked in one GBK file, with township codes and rates written as fractions', async () => {
    const name = '潼南区各镇街法治指标（两年）.csv';
    const text = [
      '潼南区2025年度各镇街法治指标,,,,',
      '区划代码,镇街,调解纠纷（件）,调解成功（件）,调解成功率',
      '500152104,宝龙镇,50,45,0.9',
      '500152101,上和镇,40,38,0.95',
      ',,,,',
      '潼南区2026年度各镇街法治指标,,,,',
      '区划代码,镇街,调解纠纷（件）,调解成功（件）,调解成功率',
      '500152104,宝垅镇,60,57,0.95',
      '500152101,上和镇,44,44,1',
    ].join('\r\n');
    const opened = await openImportWith([
      { name, mimeType: 'text/csv', buffer: Buffer.from(encodeGbk(`${text}\r\n`)) },
    ]);
    const { page } = opened;
    const file = card(page, name);
    await expect.poll(() => file.innerText()).toContain('2025、2026 取自各表的标题（一个文件里有几张表）');
    const shown = await file.innerText();
    expect(shown).toContain(
      '这个比率的数值都写成了 0 到 1 之间的小数（如“0.9”），已按百分数导入（0.9 记为 90%）',
    );
    // 宝垅镇 beside 宝龙镇's code is 宝龙镇: nothing to ask.
    expect(shown).not.toContain('不在本区镇街名单中');
    await file.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => file.innerText()).toMatch(/已导入 12 个数值/);

    await showYear(page, 2026);
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('60');
    expect(await cell(page, '宝龙镇', 'disputes_mediated').locator('span').getAttribute('title')).toContain(
      `来源：${name} 第 8 行 C 列`,
    );
    expect(await cell(page, '上和镇', 'disputes_resolved').innerText()).toBe('44');
    await showYear(page, 2025);
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('50');
    expect(await cell(page, '上和镇', 'disputes_mediated').innerText()).toBe('40');
    expectClean(opened);
  });

  it('asks a long file of 本年 and 上年同期 rows for its year, and reads both years with it', async () => {
    const name = '宝龙镇调解情况.csv';
    const opened = await openImportWith([
      {
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(
          '\uFEFF镇街,时期,指标,数值\r\n宝龙镇,本年,调解纠纷,61\r\n,上年同期,调解纠纷,52\r\n',
        ),
      },
    ]);
    const { page } = opened;
    const file = card(page, name);
    await expect.poll(() => file.innerText()).toContain('年度写的是“本年”，要按文件的年度来算');
    expect(await file.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(false);
    await file.getByLabel('年度').fill('2026');
    await file.getByLabel('年度').blur();
    await expect.poll(() => file.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
    // The field stays, with the year given.
    expect(await file.getByLabel('年度').inputValue()).toBe('2026');
    await file.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => file.innerText()).toMatch(/已导入 2 个数值/);

    await showYear(page, 2026);
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('61');
    await showYear(page, 2025);
    await expect.poll(() => cell(page, '宝龙镇', 'disputes_mediated').innerText()).toBe('52');
    expect(await cell(page, '宝龙镇', 'disputes_mediated').locator('span').getAttribute('title')).toContain(
      `来源：${name} 第 3 行 D 列`,
    );
    expectClean(opened);
  });
});
