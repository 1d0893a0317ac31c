import { numberFormat } from '../charts/format-number.ts';
import type { ExportTable, ExportValue } from './export-table.ts';

/** A chart's PNG as rendered for the deck. */
export interface DeckImage {
  /** data:image/png;base64,… */
  readonly dataUrl: string;
  /** Pixels, for the aspect ratio. */
  readonly width: number;
  readonly height: number;
}

export interface DeckChart {
  readonly title: string;
  readonly image: DeckImage;
  /** Sentences from summarizeChart. */
  readonly summary: readonly string[];
  /** The chart's data, for the appendix. */
  readonly table: ExportTable;
}

/** Words on the slides, from the messages of the language shown (`exports.deck`). */
export interface DeckLabels {
  /** e.g. 2021年度镇街法治政府建设指标汇报材料 */
  readonly deckTitle: (year: number | null) => string;
  /** e.g. 制作日期：2024年5月1日 */
  readonly madeOn: string;
  /** Heading of a chart's summary, e.g. 要点 */
  readonly summaryHeading: string;
  /** e.g. 附表：2021年调解成功率排名 */
  readonly appendixTitle: (title: string) => string;
  /** e.g. (续) for an appendix table continued on another slide */
  readonly continued: string;
  readonly approxMark: string;
  readonly notReported: string;
  /** (name, unit) => 调解成功率（%） */
  readonly withUnit: (name: string, unit: string) => string;
  /** Footer line of every slide, e.g. 数据来源：… */
  readonly source: string;
}

export interface DeckInput {
  /** e.g. 重庆市潼南区; null when no district is set. */
  readonly district: string | null;
  readonly year: number | null;
  readonly charts: readonly DeckChart[];
  readonly labels: DeckLabels;
  readonly locale: string;
}

/** 16:9, in inches. */
const SLIDE_W = 10;
const SLIDE_H = 5.625;
const MARGIN = 0.35;
/**
 * Installed with every Chinese Windows and WPS: PowerPoint draws slide text with the reader's
 * fonts (the chart itself is a picture, drawn in the bundled font).
 */
const FONT = 'Microsoft YaHei';
const TITLE_COLOUR = '1D2430';
const TEXT_COLOUR = '333B48';
const MUTED_COLOUR = '5B6472';
const ACCENT = '0072B2';
/** Table rows that fit on one appendix slide under its title. */
const ROWS_PER_SLIDE = 24;

/** The size of an image fitted into a box, keeping its aspect ratio, centred. */
export function fitImage(
  image: { readonly width: number; readonly height: number },
  box: { readonly x: number; readonly y: number; readonly w: number; readonly h: number },
): { x: number; y: number; w: number; h: number } {
  const scale = Math.min(box.w / image.width, box.h / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

function cellText(
  value: ExportValue,
  unit: string | undefined,
  approximate: boolean,
  input: DeckInput,
): string {
  if (value === null) return input.labels.notReported;
  if (typeof value === 'string') return value;
  const digits = unit === '%' ? 1 : Number.isInteger(value) ? 0 : 2;
  return `${approximate ? input.labels.approxMark : ''}${numberFormat(input.locale, digits, digits).format(value)}`;
}

/** How many appendix slides a table takes. */
export function appendixSlideCount(table: ExportTable): number {
  return Math.max(1, Math.ceil(table.rows.length / ROWS_PER_SLIDE));
}

/** Slides in a deck: the title slide, one per chart, and the appendix tables. */
export function deckSlideCount(charts: readonly DeckChart[]): number {
  return 1 + charts.length + charts.reduce((sum, chart) => sum + appendixSlideCount(chart.table), 0);
}

/**
 * The meeting pack as one PowerPoint file: a title slide (district, year, date), one slide per
 * chart (its title, its picture and a short summary) and the charts' data tables as an appendix.
 * pptxgenjs is loaded only now, when the user downloads the pack.
 */
export async function writePptx(input: DeckInput): Promise<Uint8Array> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const { labels } = input;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = labels.deckTitle(input.year);
  pptx.author = input.district ?? '';
  pptx.company = input.district ?? '';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const text = { fontFace: FONT, lang: 'zh-CN', color: TEXT_COLOUR } as const;
  const footer = (slide: ReturnType<typeof pptx.addSlide>, page: number) => {
    slide.addText(labels.source, {
      ...text,
      x: MARGIN,
      y: SLIDE_H - 0.35,
      w: SLIDE_W - 2 * MARGIN - 0.8,
      h: 0.25,
      fontSize: 8,
      color: MUTED_COLOUR,
    });
    slide.addText(String(page), {
      ...text,
      x: SLIDE_W - MARGIN - 0.8,
      y: SLIDE_H - 0.35,
      w: 0.8,
      h: 0.25,
      fontSize: 8,
      color: MUTED_COLOUR,
      align: 'right',
    });
  };

  const cover = pptx.addSlide();
  cover.addShape(pptx.ShapeType.rect, { x: 0, y: 0, w: SLIDE_W, h: 0.18, fill: { color: ACCENT } });
  if (input.district)
    cover.addText(input.district, {
      ...text,
      x: MARGIN,
      y: 1.3,
      w: SLIDE_W - 2 * MARGIN,
      h: 0.6,
      fontSize: 24,
      color: MUTED_COLOUR,
      align: 'center',
    });
  cover.addText(labels.deckTitle(input.year), {
    ...text,
    x: MARGIN,
    y: 2.0,
    w: SLIDE_W - 2 * MARGIN,
    h: 1.0,
    fontSize: 32,
    bold: true,
    color: TITLE_COLOUR,
    align: 'center',
  });
  cover.addText(labels.madeOn, {
    ...text,
    x: MARGIN,
    y: 3.3,
    w: SLIDE_W - 2 * MARGIN,
    h: 0.4,
    fontSize: 14,
    color: MUTED_COLOUR,
    align: 'center',
  });
  let page = 1;

  for (const chart of input.charts) {
    page += 1;
    const slide = pptx.addSlide();
    slide.addText(chart.title, {
      ...text,
      x: MARGIN,
      y: 0.2,
      w: SLIDE_W - 2 * MARGIN,
      h: 0.5,
      fontSize: 20,
      bold: true,
      color: TITLE_COLOUR,
    });
    const picture = fitImage(chart.image, { x: MARGIN, y: 0.8, w: 6.3, h: SLIDE_H - 0.8 - 0.45 });
    slide.addImage({ data: chart.image.dataUrl, ...picture, altText: chart.title });
    slide.addText(
      [
        {
          text: labels.summaryHeading,
          options: { bold: true, fontSize: 13, color: TITLE_COLOUR, breakLine: true },
        },
        ...chart.summary.map((line) => ({
          text: line,
          options: { bullet: true, fontSize: 10.5, paraSpaceBefore: 4, breakLine: true },
        })),
      ],
      {
        ...text,
        x: MARGIN + 6.45,
        y: 0.8,
        w: SLIDE_W - 2 * MARGIN - 6.45,
        h: SLIDE_H - 0.8 - 0.45,
        valign: 'top',
        fit: 'shrink',
      },
    );
    footer(slide, page);
  }

  for (const chart of input.charts) {
    const { table } = chart;
    const header = table.columns.map((c) => (c.unit ? labels.withUnit(c.header, c.unit) : c.header));
    const slides = appendixSlideCount(table);
    for (let part = 0; part < slides; part += 1) {
      page += 1;
      const slide = pptx.addSlide();
      slide.addText(`${labels.appendixTitle(chart.title)}${part > 0 ? labels.continued : ''}`, {
        ...text,
        x: MARGIN,
        y: 0.15,
        w: SLIDE_W - 2 * MARGIN,
        h: 0.4,
        fontSize: 16,
        bold: true,
        color: TITLE_COLOUR,
      });
      const rows = table.rows.slice(part * ROWS_PER_SLIDE, (part + 1) * ROWS_PER_SLIDE).map((row) => {
        const approximate = new Set(row.approximate ?? []);
        return table.columns.map((column, index) => ({
          text: cellText(row.cells[index] ?? null, column.unit, approximate.has(index), input),
          options: { align: column.kind === 'number' ? ('right' as const) : ('left' as const) },
        }));
      });
      slide.addTable(
        [
          header.map((h) => ({
            text: h,
            options: { bold: true, fill: { color: 'E9EEF5' }, color: TITLE_COLOUR, align: 'center' as const },
          })),
          ...rows,
        ],
        {
          ...text,
          x: MARGIN,
          y: 0.6,
          w: SLIDE_W - 2 * MARGIN,
          fontSize: header.length > 8 ? 7 : 8,
          rowH: 0.18,
          margin: 0.02,
          border: { type: 'solid', pt: 0.5, color: 'C9D0DA' },
          autoPage: false,
        },
      );
      footer(slide, page);
    }
  }

  const data = await pptx.write({ outputType: 'uint8array' });
  return data as Uint8Array;
}
