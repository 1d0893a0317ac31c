import type { Completeness, CompletenessStatus, CompletenessYear } from '../db/overview-queries.ts';
import type { ChartOption } from './echarts-setup.ts';
import { CHART_FONT, PALETTE } from './echarts-setup.ts';
import { escapeHtml } from './escape-html.ts';

export interface CompletenessInput {
  readonly completeness: Completeness;
  readonly title: string;
  readonly subtitle?: string;
  /** Legend words, e.g. 完整 / 部分 / 未报送. */
  readonly statusLabels: Readonly<Record<CompletenessStatus, string>>;
  /** The column heading of a year, e.g. with its counts: `2021\n完整 22 · 部分 1 · 未报送 0`. */
  readonly yearLabel: (year: CompletenessYear) => string;
  /** e.g. (reported, expected) => `${reported}/${expected} 项指标` */
  readonly countLabel: (reported: number, expected: number) => string;
}

/** Not colour alone: each cell also says reported/expected, or the missing label. */
const STATUS_STYLE: Record<CompletenessStatus, { level: number; fill: string; text: string }> = {
  complete: { level: 2, fill: PALETTE[0], text: '#ffffff' },
  partial: { level: 1, fill: PALETTE[5], text: '#1a1a1a' },
  missing: { level: 0, fill: PALETTE[4], text: '#1a1a1a' },
};

interface CellDatum {
  readonly value: [number, number, number];
  readonly text: string;
  readonly label: { readonly color: string };
}

/** Townships × years, each cell complete, partial or missing, with the counts per year on top. */
export function buildCompletenessOption(input: CompletenessInput): ChartOption {
  const { years, cells } = input.completeness;
  const yearIndex = new Map(years.map((y, i) => [y.year, i]));
  const townships: string[] = [];
  const rowIndex = new Map<string, number>();
  for (const cell of cells) {
    if (rowIndex.has(cell.townshipCode)) continue;
    rowIndex.set(cell.townshipCode, townships.length);
    townships.push(cell.townshipName);
  }
  const data: CellDatum[] = cells.map((cell) => {
    const style = STATUS_STYLE[cell.status];
    const text =
      cell.status === 'missing' ? input.statusLabels.missing : input.countLabel(cell.reported, cell.expected);
    return {
      value: [yearIndex.get(cell.year) ?? 0, rowIndex.get(cell.townshipCode) ?? 0, style.level],
      text,
      label: { color: style.text },
    };
  });
  const statuses = ['complete', 'partial', 'missing'] as const;

  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    title: {
      text: input.title,
      subtext: input.subtitle ?? '',
      left: 'center',
      textStyle: { fontFamily: CHART_FONT, fontSize: 16 },
      subtextStyle: { fontFamily: CHART_FONT },
    },
    grid: { left: 96, right: 24, top: 112, bottom: 56 },
    tooltip: {
      trigger: 'item',
      formatter: (params: { dataIndex?: number }) => {
        const cell = cells[params.dataIndex ?? -1];
        if (!cell) return '';
        return `${escapeHtml(cell.townshipName)} ${cell.year}<br/>${escapeHtml(
          input.statusLabels[cell.status],
        )}：${escapeHtml(input.countLabel(cell.reported, cell.expected))}`;
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: years.map(input.yearLabel),
      axisLabel: { fontFamily: CHART_FONT, interval: 0, lineHeight: 16 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: townships,
      axisLabel: { fontFamily: CHART_FONT, interval: 0 },
      splitArea: { show: true },
    },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      left: 'center',
      bottom: 12,
      textStyle: { fontFamily: CHART_FONT },
      pieces: statuses.map((status) => ({
        value: STATUS_STYLE[status].level,
        label: input.statusLabels[status],
        color: STATUS_STYLE[status].fill,
      })),
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          fontFamily: CHART_FONT,
          fontSize: 11,
          formatter: (params: { data?: CellDatum }) => params.data?.text ?? '',
        },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      },
    ],
  };
}
