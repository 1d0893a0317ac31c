import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { generateProvince } from '../../scripts/generate-province.ts';
import { parseValue } from '../../src/import/parse-value.ts';
import { importFile } from './data-helpers.ts';
import {
  type AppSession,
  expectClean,
  openApp,
  outputPath,
  shownView,
  waitForApp,
  waitForCharts,
} from './harness.ts';

let session: AppSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the views district oversight needs, on the sample district', () => {
  it('a pasted link reopens exactly its view: ranking of 调解成功率 in 2021 with 宝龙镇 highlighted', async () => {
    session = await openApp('?view=ranking&year=2021&townships=500152104');
    const { page } = session;
    await waitForCharts(page, 1);
    expect(await page.getByRole('button', { name: '排名', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await page.getByLabel('年度', { exact: true }).inputValue()).toBe('2021');
    await page.getByRole('img', { name: '2021年调解成功率排名' }).waitFor();
    // The chart's table alternative: 宝龙镇's computed 97.9 % and its rank among the 23.
    await shownView(page).getByText('以表格查看图中数据').click();
    const row = page.getByRole('row', { name: /^宝龙镇/ });
    const [rank, value] = (await row.locator('td').allInnerTexts()).slice(0, 2);
    expect(value).toBe('97.9%');
    const values = (
      await shownView(page).locator('.data-table tbody tr td:nth-child(3)').allInnerTexts()
    ).map((v) => Number(v.replace('%', '')));
    expect(Number(rank)).toBe(1 + values.filter((v) => v > 97.9).length);
    // Back and forward move between views.
    await page.getByRole('button', { name: '趋势', exact: true }).click();
    await page.getByRole('img', { name: '调解成功率：各镇街历年变化' }).waitFor();
    await page.goBack();
    await page.getByRole('img', { name: '2021年调解成功率排名' }).waitFor();
    expectClean(session);
  });

  it('a new window size redraws the charts on screen at once, and a hidden view’s charts when it is shown', async () => {
    session = await openApp('?view=trend&year=2021');
    const { page } = session;
    await waitForApp(page);
    await waitForCharts(page, 1);
    // The chart's box, and the width its canvas was last drawn at.
    const sizes = (view: string) =>
      page
        .locator(`.view-stack > [data-view="${view}"] .chart`)
        .first()
        .evaluate((chart) => ({
          box: chart.clientWidth,
          drawn: Number.parseFloat(chart.querySelector('canvas')?.style.width ?? '0'),
        }));
    const before = { trend: await sizes('trend'), ranking: await sizes('ranking') };
    expect(before.trend.drawn).toBe(before.trend.box);
    expect(before.ranking.drawn).toBe(before.ranking.box);

    await page.setViewportSize({ width: 1000, height: 1000 });
    await expect.poll(async () => (await sizes('trend')).drawn).toBeLessThan(before.trend.drawn);
    expect((await sizes('trend')).drawn).toBe((await sizes('trend')).box);
    // The ranking, hidden, is laid out at the new width but not drawn again yet.
    const hidden = await sizes('ranking');
    expect(hidden.box).toBeLessThan(before.ranking.box);
    expect(hidden.drawn).toBe(before.ranking.drawn);

    await page.getByRole('button', { name: '排名', exact: true }).click();
    await expect.poll(async () => (await sizes('ranking')).drawn).toBe(hidden.box);
    await page.getByRole('img', { name: '2021年调解成功率排名' }).waitFor();
    expectClean(session);
  });

  it('overview: the 同比 of a district total compares the townships that reported both years', async () => {
    // data/sample-district.csv: 2024 against 2023, 调解纠纷, over the townships with a figure in both.
    const text = readFileSync(new URL('../../data/sample-district.csv', import.meta.url), 'utf8');
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const mediated = (year: number) => {
      const byTownship = new Map<string, number>();
      for (const [township = '', written = '', indicator, raw = ''] of rows) {
        const value = parseValue(raw);
        if (written === `${year}年` && indicator === '调解纠纷' && value.kind === 'number')
          byTownship.set(township, value.value);
      }
      return byTownship;
    };
    const [now, before] = [mediated(2024), mediated(2023)];
    const both = [...now.keys()].filter((township) => before.has(township));
    // The sample has a township that reported one of the two years only: a naive 同比 would differ.
    expect(both.length).toBeLessThan(Math.max(now.size, before.size));
    const total = (values: Map<string, number>) => both.reduce((sum, t) => sum + (values.get(t) ?? 0), 0);
    const change = total(now) - total(before);

    session = await openApp('?year=2024');
    const { page } = session;
    await waitForApp(page);
    const figure = page.getByRole('button', { name: /^调解纠纷/ });
    await expect.poll(() => figure.innerText()).toContain('同比');
    const shown = await figure.innerText();
    expect(shown).toContain(`同比 ${change < 0 ? '▼' : '▲'}${Math.abs(change).toLocaleString('zh-CN')}`);
    expect(shown).toContain(`按两年都报送的 ${both.length} 个镇街比较`);
    expectClean(session);
  });

  it('overview: key figures with 同比 and the completeness matrix counts', async () => {
    session = await openApp('?year=2021');
    const { page } = session;
    await waitForApp(page);
    const figures = page.getByRole('region', { name: '2021年全区主要指标' });
    await expect.poll(() => figures.innerText()).toContain('调解纠纷');
    expect(await figures.innerText()).toMatch(/同比/);
    const counts = await page.locator('.completeness-counts li').allInnerTexts();
    expect(counts).toHaveLength(6);
    for (const line of counts) {
      const [, c, p, m] = /齐全 (\d+)，部分 (\d+)，未报送 (\d+)/.exec(line) ?? [];
      expect(Number(c) + Number(p) + Number(m)).toBe(23);
    }
    // 宝龙镇's real 2021 report states 15 figures, fewer than most townships report: partial.
    const baolong2021 = page
      .getByRole('row', { name: /^宝龙镇/ })
      .locator('td')
      .nth(2);
    expect(await baolong2021.innerText()).toBe('部分');
    expect(await baolong2021.getAttribute('title')).toMatch(/^15\/\d+$/);

    // The matrix exports as CSV (BOM first): every township, and per year the counts the page states.
    const matrix = page.getByRole('region', { name: '报送情况（镇街 × 年度）' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      matrix.getByRole('button', { name: /CSV/ }).click(),
    ]);
    const bytes = readFileSync((await download.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows.length - 1).toBe(23);
    const header = rows[0] ?? [];
    const col2021 = header.indexOf('2021');
    expect(rows.find((r) => r[0] === '宝龙镇')?.[col2021]).toBe('部分');
    const line2021 = counts.find((line) => line.startsWith('2021')) ?? '';
    const [, c, p, m] = /齐全 (\d+)，部分 (\d+)，未报送 (\d+)/.exec(line2021) ?? [];
    const statuses = rows.slice(1).map((r) => r[col2021]);
    expect(statuses.filter((x) => x === '齐全').length).toBe(Number(c));
    expect(statuses.filter((x) => x === '部分').length).toBe(Number(p));
    expect(statuses.filter((x) => x === '未报送').length).toBe(Number(m));
    expectClean(session);
  });

  it('table: a rate worked out from counts names each count with its own file, row and column', async () => {
    const lines = readFileSync(new URL('../../data/sample-district.csv', import.meta.url), 'utf8').split(
      /\r?\n/,
    );
    const lineOf = (indicator: string) =>
      lines.findIndex((l) => l.startsWith(`宝龙镇,2021年,${indicator},`)) + 1;
    session = await openApp('?view=table&year=2021');
    const { page } = session;
    await waitForApp(page);
    const rate = page
      .getByRole('row', { name: /^宝龙镇/ })
      .locator('td[data-indicator="mediation_success_rate"] span');
    await rate.waitFor();
    const title = (await rate.getAttribute('title')) ?? '';
    expect(title).toContain('由计数计算得出');
    expect(title).toContain(`调解成功 92，来源：sample-district.csv 第 ${lineOf('调解成功')} 行 D 列`);
    expect(title).toContain(`调解纠纷 94，来源：sample-district.csv 第 ${lineOf('调解纠纷')} 行 D 列`);
    expectClean(session);
  });

  it('heatmap in 同比 mode: its data table holds the changes it draws, not the values', async () => {
    const text = readFileSync(new URL('../../data/sample-district.csv', import.meta.url), 'utf8');
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const baolong = new Map<number, number>();
    for (const [township, written = '', indicator, raw = ''] of rows) {
      const value = parseValue(raw);
      if (township === '宝龙镇' && indicator === '调解纠纷' && value.kind === 'number')
        baolong.set(Number.parseInt(written, 10), value.value);
    }
    const years = [...baolong.keys()].sort((a, b) => a - b);

    session = await openApp('?view=heatmap&indicator=disputes_mediated&mode=change');
    const { page } = session;
    await waitForCharts(page, 1);
    await shownView(page).getByText('以表格查看图中数据').click();
    const table = shownView(page).locator('.data-table');
    const headers = await table.locator('thead th').allInnerTexts();
    const cells = await table
      .getByRole('row', { name: /^宝龙镇/ })
      .locator('td')
      .allInnerTexts();
    // The page writes a change as the chart labels it (▲28, ▼39, ±0); the CSV as a plain number.
    const number = (cell: string) => Number(cell.replace(/[,▲±≈约]/g, '').replace('▼', '-'));
    for (const year of years.slice(1)) {
      const column = headers.findIndex((h) => h.startsWith(`${year}同比`));
      expect(column).toBeGreaterThan(0);
      expect(number(cells[column - 1] ?? '')).toBe((baolong.get(year) ?? 0) - (baolong.get(year - 1) ?? 0));
    }
    // So does its CSV, as plain numbers under headers that say 同比.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('button', { name: /CSV/ }).click(),
    ]);
    const csv = Papa.parse<string[]>(
      readFileSync((await download.path()) ?? '')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    const csvRow = csv.find((r) => r[0] === '宝龙镇') ?? [];
    for (const year of years.slice(1)) {
      const column = (csv[0] ?? []).findIndex((h) => h.startsWith(`${year}同比`));
      expect(column).toBeGreaterThan(0);
      expect(Number(csvRow[column])).toBe((baolong.get(year) ?? 0) - (baolong.get(year - 1) ?? 0));
    }
    expectClean(session);
  });

  it('heatmap, township profile and data quality each show what a user reads', async () => {
    session = await openApp('?view=heatmap&indicator=disputes_mediated');
    const { page } = session;
    await waitForCharts(page, 1);
    await page.getByRole('img', { name: '调解纠纷：各镇街历年热力图' }).waitFor();
    await shownView(page).getByText('以表格查看图中数据').click();
    expect(await page.getByRole('row', { name: /^宝龙镇/ }).innerText()).toContain('94');

    await page.getByRole('button', { name: '镇街画像', exact: true }).click();
    await page.getByLabel('选择镇街').selectOption({ label: '宝龙镇' });
    await page.getByRole('img', { name: '宝龙镇：各项指标历年变化与排名' }).waitFor();
    expect(new URL(page.url()).searchParams.get('township')).toBe('500152104');

    await page.getByRole('button', { name: '数据质量', exact: true }).click();
    const quality = page.locator('.quality-table');
    await quality.waitFor();
    // 宝龙镇 2021 wrote 6000余 leaflets: an approximate value, traced to its source row.
    const approx = quality.getByRole('row').filter({ hasText: '宝龙镇' }).filter({ hasText: '6000余' });
    expect(await approx.first().innerText()).toMatch(/sample-district\.csv 第 \d+ 行 D 列/);
    // Its 97 % for 92 of 94 is a truncation, not a disagreement.
    const disagree = quality
      .getByRole('row')
      .filter({ hasText: '比率与计数不符' })
      .filter({ hasText: '宝龙镇' });
    expect(await disagree.filter({ hasText: '2021' }).count()).toBe(0);
    // The warnings export whole: as many rows as the page counts, 宝龙镇's 6000余 among them.
    const title = (await page.getByRole('heading', { name: /数据质量提醒/ }).innerText()).trim();
    const total = Number(/共 (\d+) 条/.exec(title)?.[1]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /CSV/ }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '').toString('utf8');
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    expect(rows).toHaveLength(total);
    expect(rows.some((r) => r[1] === '宝龙镇' && r[2] === '2021' && r.join(' ').includes('6000余'))).toBe(
      true,
    );
    expectClean(session);
  });

  it('in English, the data-quality warnings read in English, with their source', async () => {
    session = await openApp('?view=quality&lang=en');
    const { page } = session;
    const quality = page.locator('.quality-table');
    await quality.waitFor();
    const approx = quality
      .getByRole('row')
      .filter({ hasText: '宝龙镇' })
      .filter({ hasText: '6000余' })
      .first();
    const text = await approx.innerText();
    expect(text).toContain('Leaflets distributed was written as the approximation “6000余”');
    expect(text).toMatch(/sample-district\.csv, line \d+, column D/);
    expect(await page.getByLabel('Kind', { exact: true }).locator('option').allInnerTexts()).toContain(
      `Approximate (${await quality.getByRole('row').filter({ hasText: 'Approximate' }).count()})`,
    );
    expectClean(session);
  });
});

describe('a province-size district: ranking and heatmap a page of 100 townships at a time', () => {
  it('250 townships: page 2 holds ranks 101–200, a highlighted township opens its page, tables keep all', async () => {
    // 250 townships, two years (2015, 2016), every indicator: imported as a user imports a province.
    const province = generateProvince({ townships: 250, years: 2 });
    const dataPath = outputPath('views-province-250.csv');
    writeFileSync(dataPath, province.csv);
    session = await openApp();
    const { page } = session;
    await waitForApp(page);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '清除示例数据' }).click();
    await page.locator('.empty-state').waitFor();
    await page.getByRole('button', { name: '辖区设置' }).click();
    await page.locator('.district-setup textarea').fill(province.townshipList);
    await page.getByRole('button', { name: '保存名单' }).click();
    await page.getByText('已保存，名单共 250 个镇街。').waitFor();
    await page.getByRole('button', { name: '辖区设置' }).click();
    await importFile(page, dataPath, 'views-province-250.csv');

    const open = async (search: string, title: string) => {
      await page.goto(new URL(search, session?.baseUrl).toString());
      await page.getByRole('img', { name: title }).waitFor({ timeout: 60_000 });
      await waitForCharts(page, 1);
    };
    const status = () => shownView(page).locator('.pager [role="status"]').innerText();
    const ranking = '?view=ranking&indicator=disputes_mediated&year=2016';
    const rankingTitle = '2016年调解纠纷排名';
    await open(ranking, rankingTitle);
    expect(await status()).toBe('第 1–100 个，共 250 个镇街');

    // The table alternative lists every township, best first, with its rank.
    await shownView(page).getByText('以表格查看图中数据').click();
    const rows = shownView(page).locator('.data-table tbody tr');
    await expect.poll(() => rows.count()).toBe(250);
    const ranked = await rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const [name, rank] = [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '');
        return { name, rank: Number(rank) };
      }),
    );
    const label = (i: number) => `${ranked[i]?.rank}. ${ranked[i]?.name}`;

    // Page 2: ranks 101–200 on screen, and in the image exported from it.
    await page.getByRole('button', { name: '下一页' }).click();
    expect(await status()).toBe('第 101–200 个，共 250 个镇街');
    await waitForCharts(page, 1);
    const waiting = page.waitForEvent('download', { timeout: 90_000 });
    await page
      .getByRole('toolbar', { name: '导出图表' })
      .getByRole('button', { name: '下载 SVG（矢量图）' })
      .click();
    const file = await waiting;
    // Named for its ranks, so pages 1 and 2 exported side by side do not overwrite each other.
    expect(file.suggestedFilename()).toBe(
      `${rankingTitle}（第${ranked[100]?.rank}–${ranked[199]?.rank}名）.svg`,
    );
    const svg = readFileSync((await file.path()) ?? '', 'utf8');
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toContain(label(100));
    expect(texts).toContain(label(199));
    expect(texts).not.toContain(label(0));
    expect(texts).not.toContain(label(200));
    expect(svg).toContain(`第 ${ranked[100]?.rank}–${ranked[199]?.rank} 名，共 250 个镇街参与排名`);
    // The table still holds all 250.
    expect(await rows.count()).toBe(250);

    // A link highlighting the township in 150th place opens the ranking at its page; so does the heatmap.
    const code = province.townships.find((t) => t.name === ranked[149]?.name)?.code;
    expect(code).toBeDefined();
    await open(`${ranking}&townships=${code}`, rankingTitle);
    expect(await status()).toBe('第 101–200 个，共 250 个镇街');
    await open(`?view=heatmap&indicator=disputes_mediated&townships=${code}`, '调解纠纷：各镇街历年热力图');
    expect(await status()).toBe('第 101–200 个，共 250 个镇街');
    await shownView(page).getByText('以表格查看图中数据').click();
    const heatmapRows = shownView(page).locator('.data-table tbody tr th');
    await expect.poll(() => heatmapRows.count()).toBe(250);
    // Its rows are in the ranking's order (best 2016 value first): the township is on page 2 there too.
    const order = await heatmapRows.allInnerTexts();
    expect(Math.floor(order.indexOf(ranked[149]?.name ?? '') / 100)).toBe(1);
    await page.getByRole('button', { name: '上一页' }).click();
    expect(await status()).toBe('第 1–100 个，共 250 个镇街');
    expectClean(session);
  });
});
