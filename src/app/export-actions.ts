import type { ChartOption } from '../charts/echarts-setup.ts';
import { type ChartSize, frameForExport } from '../charts/export-frame.ts';
import { dataUrlBytes, type PngImage, renderChartPng, renderChartSvg } from '../charts/render-chart-image.ts';
import type { ExportTable, ExportTableLabels } from '../export/export-table.ts';
import { fileName, pngFileName } from '../export/file-names.ts';
import { summarizeChart } from '../export/summarize-chart.ts';
import { writeTableCsv } from '../export/write-table-csv.ts';
import type { Messages } from '../messages/zh.ts';
import type { BasketItem } from './basket-context.ts';
import type { ChartExport } from './chart-exports.ts';
import { downloadBytes, downloadText } from './download-file.ts';

/** The chart as exported: framed with its title, subtitle, source and today's date. */
export function exportOption(
  chart: ChartExport,
  size: ChartSize,
  t: Messages,
  now = new Date(),
): ChartOption {
  return frameForExport(chart.option, { ...chart.frame, madeOn: t.exports.madeOn(now) }, size);
}

export function tableLabels(t: Messages): ExportTableLabels {
  return { withUnit: t.withUnit, approxColumn: t.exports.approxColumn, approxFlag: t.exports.approxFlag };
}

export async function chartPng(
  chart: ChartExport,
  size: ChartSize,
  ratio: number,
  t: Messages,
): Promise<PngImage> {
  return renderChartPng(exportOption(chart, size, t), size, ratio);
}

export async function downloadChartPng(chart: ChartExport, size: ChartSize, ratio: number, t: Messages) {
  const png = await chartPng(chart, size, ratio, t);
  downloadBytes(pngFileName(chart.title, ratio, t.exports.pngSuffix), dataUrlBytes(png.dataUrl), 'image/png');
}

export async function downloadChartSvg(chart: ChartExport, size: ChartSize, t: Messages) {
  const svg = await renderChartSvg(exportOption(chart, size, t), size);
  downloadText(fileName(chart.title, 'svg'), svg, 'image/svg+xml;charset=utf-8');
}

/**
 * Copies the chart as a PNG. The clipboard item is handed over at once with the picture still
 * being drawn (a promise), so the browser keeps the click's permission to write.
 */
export async function copyChartPng(chart: ChartExport, size: ChartSize, t: Messages): Promise<boolean> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) return false;
  const blob = chartPng(chart, size, 2, t).then(
    (png) => new Blob([dataUrlBytes(png.dataUrl) as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
  );
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    return true;
  } catch {
    return false;
  }
}

export function downloadTableCsv(table: ExportTable, base: string, t: Messages): void {
  downloadText(fileName(base, 'csv'), writeTableCsv(table, tableLabels(t)), 'text/csv;charset=utf-8');
}

export async function downloadTableXlsx(table: ExportTable, base: string, t: Messages): Promise<void> {
  const { writeTableXlsx } = await import('../export/write-table-xlsx.ts');
  const bytes = await writeTableXlsx(table, tableLabels(t));
  downloadBytes(
    fileName(base, 'xlsx'),
    bytes,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

/**
 * The year a pack is about: the latest of its one-year charts (rankings); with charts over years
 * only, the latest year they show.
 */
export function packYear(items: readonly BasketItem[]): number | null {
  const years = items.map((item) => item.year).filter((year): year is number => year !== null);
  const fallback = items.map((item) => item.summary().year);
  const pool = years.length > 0 ? years : fallback;
  return pool.length === 0 ? null : Math.max(...pool);
}

/** Renders every chart of the basket (2×) and downloads the pack as one .pptx; returns its file name. */
export async function downloadDeck(
  items: readonly BasketItem[],
  district: string | null,
  t: Messages,
  locale: string,
): Promise<string> {
  const { writePptx } = await import('../export/write-pptx.ts');
  const now = new Date();
  const charts = [];
  for (const item of items) {
    const size = { width: item.width, height: item.height };
    charts.push({
      title: item.title,
      image: await renderChartPng(exportOption(item, size, t, now), size, 2),
      summary: summarizeChart(item.summary(), t.exports.summary, locale),
      table: item.table(),
    });
  }
  const year = packYear(items);
  const bytes = await writePptx({
    district,
    year,
    charts,
    locale,
    labels: {
      ...t.exports.deck,
      madeOn: t.exports.deck.madeOn(now),
      approxMark: t.approxMark,
      notReported: '—',
      withUnit: t.withUnit,
      source: items[0]?.frame.source ?? '',
    },
  });
  const name = fileName(t.exports.basket.fileName(year), 'pptx');
  downloadBytes(name, bytes, 'application/vnd.openxmlformats-officedocument.presentationml.presentation');
  return name;
}
