/**
 * The only module that assembles ECharts: tree-shaken `echarts/core` with just the charts
 * and components this app draws. Both renderers are registered: canvas on screen and for
 * PNG, SVG for server-side rendering in tests and SVG export.
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';

/** The bundled CJK font first, so screens and exported images look the same everywhere. */
export const CHART_FONT = '"Noto Sans SC", "Noto Sans CJK SC", sans-serif';

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
