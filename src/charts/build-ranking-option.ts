import type { Ranking } from '../db/queries.ts';
import type { ChartOption } from './echarts-setup.ts';
import { CHART_FONT, highlightColour, MUTED, PALETTE } from './echarts-setup.ts';
import { escapeHtml } from './escape-html.ts';
import { formatValue } from './format-number.ts';

export interface RankingInput {
  readonly ranking: Ranking;
  readonly unit: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly averageLabel: string;
  readonly approxMark: string;
  /** Township codes drawn in the accent colour. */
  readonly highlighted: readonly string[];
  readonly locale: string;
}

/** Horizontal bars, best first (rank 1 at the top), with the townships' average marked. */
export function buildRankingOption(input: RankingInput): ChartOption {
  const rows = input.ranking.rows;
  const highlighted = new Set(input.highlighted);
  const label = (value: number, approximate: boolean) =>
    `${approximate ? input.approxMark : ''}${formatValue(value, input.unit, input.locale)}`;
  const average = input.ranking.average;

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
    grid: { left: 88, right: 72, top: 72, bottom: 24 },
    tooltip: {
      trigger: 'item',
      formatter: (params: {
        name?: string;
        data?: { value: number; approximate: boolean; rank: number };
      }) => {
        const data = params.data;
        if (!data) return '';
        return `${escapeHtml(params.name ?? '')}<br/>${escapeHtml(label(data.value, data.approximate))}（第 ${data.rank} 名）`;
      },
    },
    xAxis: {
      type: 'value',
      name: input.unit,
      axisLabel: { fontFamily: CHART_FONT },
      scale: input.unit === '%',
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => `${r.rank}. ${r.townshipName}`),
      axisLabel: { fontFamily: CHART_FONT, interval: 0 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((r) => ({
          value: r.value,
          approximate: r.approximate,
          rank: r.rank,
          itemStyle: {
            color:
              highlightColour(r.townshipCode, input.highlighted) ??
              (highlighted.size > 0 ? MUTED : PALETTE[0]),
            opacity: r.approximate ? 0.6 : 1,
          },
        })),
        label: {
          show: true,
          position: 'right',
          fontFamily: CHART_FONT,
          formatter: (params: { data?: { value: number; approximate: boolean } }) =>
            params.data ? label(params.data.value, params.data.approximate) : '',
        },
        markLine:
          average === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: '#333' },
                label: {
                  fontFamily: CHART_FONT,
                  formatter: `${input.averageLabel} ${formatValue(average, input.unit, input.locale)}`,
                  position: 'insideEndTop',
                },
                data: [{ xAxis: average }],
              },
      },
    ],
  };
}
