import type { Heatmap, HeatmapCell } from '../db/overview-queries.ts';
import { CHART_PAGE_SIZE, chartPageRows, chartPageStart, pagedSubtitle } from './chart-pages.ts';
import type { ChartOption } from './echarts-setup.ts';
import { CHART_FONT, DIVERGING, SEQUENTIAL } from './echarts-setup.ts';
import { escapeHtml } from './escape-html.ts';
import { formatChange } from './format-change.ts';
import { formatValue } from './format-number.ts';

export type HeatmapMode = 'value' | 'change';

export interface HeatmapInput extends Pick<Heatmap, 'cells' | 'townships' | 'years' | 'better'> {
  /** 'value' colours each cell by its value, 'change' by its 同比 change on the year before. */
  readonly mode: HeatmapMode;
  readonly unit: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly approxMark: string;
  /** e.g. 同比 */
  readonly changeLabel: string;
  /** The unit of a change in a rate, e.g. 个百分点. */
  readonly pointsUnit: string;
  /** Shown in change mode on a value without one the year before, e.g. 无同比. */
  readonly noChangeLabel: string;
  readonly locale: string;
  /**
   * For more than CHART_PAGE_SIZE townships: the page (0-based) of rows drawn, in the given
   * order. Absent, every row is drawn. The colour scale stays that of every township's cells, so
   * a colour means the same value on every page.
   */
  readonly page?: number;
  /**
   * Which rows a page shows, put first in the subtitle when there is more than one page
   * (messages `viewText.pageRange`); Chinese when absent.
   */
  readonly rowRange?: (from: number, to: number, total: number) => string;
}

/**
 * Up to this many townships every cell carries its value as a label, on rows tall enough to read
 * it. A province's thousand rows get thin rows and no cell labels (ten thousand canvas texts took
 * seconds to draw): the tooltip and the table alternative give the values.
 */
export const LABELLED_ROWS = 60;
const ROW_HEIGHT = 26;
const THIN_ROW_HEIGHT = 12;

/** The height (px) the heatmap needs for `rows` townships. */
export function heatmapChartHeight(rows: number): number {
  return Math.max(420, 120 + (rows > LABELLED_ROWS ? THIN_ROW_HEIGHT : ROW_HEIGHT) * rows);
}

const LIGHT_TEXT = '#ffffff';
const DARK_TEXT = '#1a1a1a';
const NO_CHANGE_FILL = '#e9ecf1';

interface CellDatum {
  readonly value: [number, number, number];
  readonly cell: HeatmapCell;
  readonly text: string;
  readonly label: { readonly color: string };
}

function changeText(
  change: number,
  unit: string,
  locale: string,
  pointsUnit: string,
  withUnit: boolean,
): string {
  const text = formatChange(change, unit, locale);
  return withUnit && unit === '%' ? `${text} ${pointsUnit}` : text;
}

/**
 * Townships (rows, in the given order) × years (columns). A value that was not reported has no
 * cell, so a gap never reads as zero. Colours: viridis for values and orange–blue for changes,
 * both turned so the better end (by `better`; 'neutral' reads as 'higher') is the same colour in
 * every heatmap.
 */
export function buildHeatmapOption(input: HeatmapInput): ChartOption {
  const { mode, unit, locale } = input;
  const paged = input.page !== undefined && input.townships.length > CHART_PAGE_SIZE;
  const start = paged ? chartPageStart(input.townships.length, input.page ?? 0) : 0;
  const townships = paged ? chartPageRows(input.townships, input.page) : input.townships;
  const yearIndex = new Map(input.years.map((year, i) => [year, i]));
  const rowIndex = new Map(townships.map((township, i) => [township.code, i]));
  const everyRow = paged ? new Set(input.townships.map((t) => t.code)) : rowIndex;
  // Every township's cells set the scale, drawn or not: a colour on page 3 means what it does on page 1.
  const all = input.cells.filter((c) => yearIndex.has(c.year) && everyRow.has(c.townshipCode));
  const placed = paged ? all.filter((c) => rowIndex.has(c.townshipCode)) : all;
  const measured = (c: HeatmapCell) => mode === 'value' || c.change !== null;
  const coloured = placed.filter(measured);
  const measure = (c: HeatmapCell) => (mode === 'value' ? c.value : (c.change ?? 0));

  const measures = all.filter(measured).map(measure);
  const spread = Math.max(0, ...measures.map(Math.abs));
  let min = mode === 'value' ? Math.min(...measures) : -spread;
  let max = mode === 'value' ? Math.max(...measures) : spread;
  if (!Number.isFinite(min) || !Number.isFinite(max)) [min, max] = [0, 1];
  if (min === max) [min, max] = [min - 1, max + 1];
  const reversed = input.better === 'lower';
  const ramp = mode === 'value' ? [...SEQUENTIAL] : [...DIVERGING];
  const colours = reversed ? ramp.reverse() : ramp;

  const valueText = (c: HeatmapCell) =>
    `${c.approximate ? input.approxMark : ''}${formatValue(c.value, unit, locale)}`;
  const cellChangeText = (c: HeatmapCell, withUnit: boolean) =>
    c.change === null
      ? input.noChangeLabel
      : `${c.changeApproximate ? input.approxMark : ''}${changeText(c.change, unit, locale, input.pointsUnit, withUnit)}`;
  const textColour = (v: number) => {
    const t = (v - min) / (max - min);
    const position = reversed ? 1 - t : t;
    // Viridis is dark below the middle; the diverging ramp is dark only at both ends.
    const dark = mode === 'value' ? position < 0.55 : Math.abs(position - 0.5) > 0.33;
    return dark ? LIGHT_TEXT : DARK_TEXT;
  };
  const labelled = townships.length <= LABELLED_ROWS;
  const datum = (c: HeatmapCell, colourValue: number, text: string, colour: string): CellDatum => ({
    value: [yearIndex.get(c.year) ?? 0, rowIndex.get(c.townshipCode) ?? 0, colourValue],
    cell: c,
    text: labelled ? text : '',
    label: { color: colour },
  });

  const label = {
    show: labelled,
    fontFamily: CHART_FONT,
    fontSize: 11,
    formatter: (params: { data?: { text?: string } }) => params.data?.text ?? '',
  };
  const noChange = mode === 'change' ? placed.filter((c) => c.change === null) : [];
  // A province's cells are plain [x, y, value] arrays: an object per cell makes ECharts build a
  // model per cell. The tooltip finds the cell by its index instead.
  const cellsOf = [coloured, noChange];
  const plain = !labelled;
  const series: object[] = [
    {
      type: 'heatmap',
      name: input.title,
      data: coloured.map((c) =>
        plain
          ? datum(c, measure(c), '', DARK_TEXT).value
          : datum(
              c,
              measure(c),
              mode === 'value' ? valueText(c) : cellChangeText(c, false),
              textColour(measure(c)),
            ),
      ),
      label,
      progressive: plain ? 0 : undefined,
      itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      emphasis: { itemStyle: { borderColor: '#333333', borderWidth: 1 } },
    },
  ];
  if (mode === 'change') {
    series.push({
      type: 'heatmap',
      name: input.noChangeLabel,
      data: noChange.map((c) => {
        const d = datum(c, 0, input.noChangeLabel, DARK_TEXT);
        return plain ? d.value : d;
      }),
      label,
      progressive: plain ? 0 : undefined,
      itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
    });
  }
  const scaleText = (v: number) =>
    mode === 'value' ? formatValue(v, unit, locale) : changeText(v, unit, locale, input.pointsUnit, true);

  const rowRange =
    input.rowRange ??
    ((from: number, to: number, total: number) => `第 ${from}–${to} 个，共 ${total} 个镇街`);
  const subtitle = pagedSubtitle(
    paged ? rowRange(start + 1, start + townships.length, input.townships.length) : null,
    input.subtitle,
  );

  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    title: {
      text: input.title,
      subtext: subtitle,
      left: 'center',
      textStyle: { fontFamily: CHART_FONT, fontSize: 16 },
      subtextStyle: { fontFamily: CHART_FONT },
    },
    grid: { left: 96, right: 24, top: 72, bottom: 72 },
    tooltip: {
      trigger: 'item',
      formatter: (params: { data?: CellDatum | unknown[]; seriesIndex?: number; dataIndex?: number }) => {
        const c =
          params.data && !Array.isArray(params.data)
            ? params.data.cell
            : cellsOf[params.seriesIndex ?? 0]?.[params.dataIndex ?? -1];
        if (!c) return '';
        return `${escapeHtml(c.townshipName)} ${c.year}<br/>${escapeHtml(valueText(c))}<br/>${escapeHtml(
          `${input.changeLabel} ${cellChangeText(c, true)}`,
        )}`;
      },
    },
    xAxis: {
      type: 'category',
      data: input.years.map(String),
      position: 'top',
      splitArea: { show: true },
      axisLabel: { fontFamily: CHART_FONT },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: townships.map((t) => t.name),
      splitArea: { show: labelled },
      axisLabel: { fontFamily: CHART_FONT, interval: 0, fontSize: labelled ? 12 : 10 },
    },
    visualMap: [
      {
        type: 'continuous',
        seriesIndex: 0,
        dimension: 2,
        min,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 12,
        itemHeight: 160,
        text: [scaleText(max), scaleText(min)],
        textStyle: { fontFamily: CHART_FONT },
        inRange: { color: colours },
      },
      // ECharts draws a heatmap only through a visualMap, so the grey cells get a fixed one.
      {
        type: 'piecewise',
        show: false,
        seriesIndex: 1,
        dimension: 2,
        pieces: [{ value: 0, color: NO_CHANGE_FILL }],
      },
    ],
    series,
  };
}
