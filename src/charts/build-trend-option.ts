import type { SeriesPoint } from '../db/queries.ts';
import type { ChartOption } from './echarts-setup.ts';
import { CHART_FONT, highlightColour, MUTED } from './echarts-setup.ts';
import { escapeHtml } from './escape-html.ts';
import { formatValue } from './format-number.ts';

export interface TrendInput {
  readonly points: readonly SeriesPoint[];
  readonly unit: string;
  readonly title: string;
  readonly subtitle?: string;
  /** Township codes drawn in colour; the rest are drawn faded for context. */
  readonly highlighted: readonly string[];
  /** Township codes drawn at all; empty means every township. */
  readonly visible: readonly string[];
  readonly approxMark: string;
  readonly locale: string;
}

interface TownshipSeries {
  readonly code: string;
  readonly name: string;
  readonly values: (number | null)[];
  readonly approximate: boolean[];
}

function groupByTownship(points: readonly SeriesPoint[], years: readonly number[]): TownshipSeries[] {
  const byCode = new Map<string, TownshipSeries>();
  for (const point of points) {
    let series = byCode.get(point.townshipCode);
    if (!series) {
      series = {
        code: point.townshipCode,
        name: point.townshipName,
        values: years.map(() => null),
        approximate: years.map(() => false),
      };
      byCode.set(point.townshipCode, series);
    }
    const index = years.indexOf(point.year);
    series.values[index] = point.value;
    series.approximate[index] = point.approximate;
  }
  return [...byCode.values()];
}

/** Year-over-year lines, one per township; gaps where a township reported nothing. */
export function buildTrendOption(input: TrendInput): ChartOption {
  const years = [...new Set(input.points.map((p) => p.year))].sort((a, b) => a - b);
  const visible = new Set(input.visible);
  const highlighted = new Set(input.highlighted);
  const all = groupByTownship(input.points, years).filter((s) => visible.size === 0 || visible.has(s.code));
  // Faded lines first so highlighted ones are drawn on top.
  const ordered = [
    ...all.filter((s) => !highlighted.has(s.code)),
    ...all.filter((s) => highlighted.has(s.code)),
  ];
  const series = ordered.map((s) => {
    const isHighlighted = highlighted.has(s.code);
    const colour = highlightColour(s.code, input.highlighted) ?? MUTED;
    return {
      type: 'line',
      name: s.name,
      connectNulls: false,
      symbol: 'circle',
      symbolSize: isHighlighted ? 7 : 4,
      z: isHighlighted ? 3 : 1,
      itemStyle: { color: colour },
      lineStyle: { color: colour, width: isHighlighted ? 3 : 1, opacity: isHighlighted ? 1 : 0.6 },
      emphasis: { focus: 'series' },
      endLabel: isHighlighted
        ? { show: true, formatter: '{a}', fontFamily: CHART_FONT, color: colour }
        : { show: false },
      data: s.values.map((value, i) => ({
        value,
        approximate: s.approximate[i] ?? false,
        symbol: s.approximate[i] ? 'emptyCircle' : 'circle',
      })),
    };
  });

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
    grid: { left: 56, right: 96, top: 72, bottom: 40 },
    tooltip: {
      trigger: 'item',
      formatter: (params: {
        seriesName?: string;
        name?: string;
        data?: { value: number | null; approximate: boolean };
      }) => {
        const value = params.data?.value;
        const text =
          value === null || value === undefined
            ? '—'
            : `${params.data?.approximate ? input.approxMark : ''}${formatValue(value, input.unit, input.locale)}`;
        return `${escapeHtml(params.seriesName ?? '')}<br/>${escapeHtml(params.name ?? '')}：${escapeHtml(text)}`;
      },
    },
    xAxis: {
      type: 'category',
      data: years.map(String),
      boundaryGap: false,
      axisLabel: { fontFamily: CHART_FONT },
    },
    yAxis: {
      type: 'value',
      scale: input.unit === '%',
      name: input.unit,
      axisLabel: { fontFamily: CHART_FONT },
    },
    series,
  };
}
