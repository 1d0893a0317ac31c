/**
 * The only module that assembles ECharts: tree-shaken `echarts/core` with just the charts
 * and components this app draws. Both renderers are registered: canvas on screen and for
 * PNG, SVG for server-side rendering in tests and SVG export.
 */
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';

/** The bundled CJK font first, so screens and exported images look the same everywhere. */
export const CHART_FONT = "'Noto Sans SC', 'Noto Sans CJK SC', sans-serif";

/** Okabe–Ito: distinguishable for the common kinds of colour blindness. */
export const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
  '#000000',
] as const;
export const MUTED = '#b8c0cc';

/** A highlighted township keeps the same colour in every chart: its place in the highlight list. */
export function highlightColour(code: string, highlighted: readonly string[]): string | undefined {
  const index = highlighted.indexOf(code);
  return index < 0 ? undefined : PALETTE[index % PALETTE.length];
}

/** Viridis, low → high: perceptually even and readable with colour blindness and in greyscale. */
export const SEQUENTIAL = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;

/** Orange → neutral → blue, worse → better: no red–green pair, so it reads for every colour vision. */
export const DIVERGING = [
  '#b35806',
  '#f1a340',
  '#fee0b6',
  '#f7f7f7',
  '#d1e5f0',
  '#67a9cf',
  '#2166ac',
] as const;
