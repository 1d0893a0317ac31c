import type { RankedValue, Ranking } from '../db/queries.ts';
import type { RankedChange, RankingWithChange } from '../db/ranking-queries.ts';
import { CHART_PAGE_SIZE, chartPageRows, pagedSubtitle } from './chart-pages.ts';
import type { ChartOption } from './echarts-setup.ts';
import { CHART_FONT, highlightColour, MUTED, PALETTE } from './echarts-setup.ts';
import { escapeHtml } from './escape-html.ts';
import { formatChange, formatRankChange } from './format-change.ts';
import { formatValue } from './format-number.ts';

export interface RankingInput {
  /** With a RankingWithChange (loadRankingWithChange) each bar also shows its 同比 and rank change. */
  readonly ranking: Ranking | RankingWithChange;
  readonly unit: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly averageLabel: string;
  /** 中位数 / Median: draws the ranking's median as a second line, when the ranking has one. */
  readonly medianLabel?: string;
  readonly approxMark: string;
  /** Township codes drawn in the accent colour. */
  readonly highlighted: readonly string[];
  readonly locale: string;
  /** A bar's rank in its tooltip (messages `viewText.rankInline`); Chinese when absent. */
  readonly rankText?: (rank: number) => string;
  /** Between a year and its value in the tooltip (messages `viewText.colon`); Chinese when absent. */
  readonly colon?: string;
  /**
   * For a ranking longer than CHART_PAGE_SIZE: the page (0-based) of bars drawn. Absent, every
   * bar is drawn. The average and median stay those of the whole ranking.
   */
  readonly page?: number;
  /**
   * Which ranks a page shows, put first in the subtitle of a ranking with more than one page
   * (messages `viewText.rankRange`); Chinese when absent.
   */
  readonly rankRange?: (first: number, last: number, ranked: number) => string;
}

/**
 * Above this many bars — a province — rows are drawn closer, in smaller type: a thousand bars
 * at a district's spacing made a canvas 24,000 px tall.
 */
export const COMPACT_ROWS = 100;

/**
 * A round number at or above `value`, for an axis that ends there: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5,
 * 6 or 8 times a power of ten.
 */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    // Against floating-point noise: 0.3 / 0.1 is 2.9999999999999996.
    const candidate = Number((step * power).toPrecision(12));
    if (candidate >= value) return candidate;
  }
  return 10 * power;
}

/** The height (px) the ranking needs for `rows` bars. */
export function rankingChartHeight(rows: number): number {
  return Math.max(360, 100 + (rows > COMPACT_ROWS ? 16 : 24) * rows);
}

function hasChange(row: RankedValue | RankedChange): row is RankedChange {
  return 'rankChange' in row;
}

/** Horizontal bars, best first (rank 1 at the top), with the townships' average (and median) marked. */
export function buildRankingOption(input: RankingInput): ChartOption {
  const { ranking } = input;
  const all: readonly (RankedValue | RankedChange)[] = ranking.rows;
  const paged = input.page !== undefined && all.length > CHART_PAGE_SIZE;
  const rows = paged ? chartPageRows(all, input.page) : all;
  const highlighted = new Set(input.highlighted);
  const format = (value: number) => formatValue(value, input.unit, input.locale);
  const label = (value: number, approximate: boolean) =>
    `${approximate ? input.approxMark : ''}${format(value)}`;
  // The moves after the value: `▲1.2  ↑3`; nothing for a township absent the year before.
  const moves = (row: RankedChange) =>
    [
      row.change === null
        ? ''
        : `${row.approximate || row.previousApproximate ? input.approxMark : ''}${formatChange(row.change, input.unit, input.locale)}`,
      row.rankChange === null ? '' : formatRankChange(row.rankChange),
    ]
      .filter(Boolean)
      .join('  ');
  const average = ranking.average;
  const median = 'median' in ranking && input.medianLabel !== undefined ? ranking.median : null;
  const showsChange = all.some(hasChange);
  const compact = rows.length > COMPACT_ROWS;
  const rankText = input.rankText ?? ((rank: number) => `（第 ${rank} 名）`);
  const colon = input.colon ?? '：';

  const lines = [
    ...(average === null
      ? []
      : [
          {
            xAxis: average,
            lineStyle: { type: 'dashed', color: '#333' },
            label: { formatter: `${input.averageLabel} ${format(average)}`, position: 'start', distance: 4 },
          },
        ]),
    ...(median === null
      ? []
      : [
          {
            xAxis: median,
            lineStyle: { type: 'dotted', color: '#666', width: 2 },
            // Stacked above the average's label: the two are often only a few units apart.
            label: {
              formatter: `${input.medianLabel} ${format(median)}`,
              position: 'start',
              distance: average === null ? 4 : 20,
              color: '#666',
            },
          },
        ]),
  ];

  const rankRange =
    input.rankRange ??
    ((first: number, last: number, ranked: number) => `第 ${first}–${last} 名，共 ${ranked} 个镇街参与排名`);
  const first = rows[0];
  const last = rows.at(-1);
  const subtitle = pagedSubtitle(
    paged && first && last ? rankRange(first.rank, last.rank, all.length) : null,
    input.subtitle,
  );
  // Every page on the same scale, so a bar on page 3 is as long as the same value on page 1; and
  // the district's average and median, often on another page, stay on the axis.
  const top = paged
    ? niceCeil(
        Math.max(
          input.unit === '%' ? 100 : 0,
          ...all.map((r) => r.value),
          ...(average === null ? [] : [average]),
          ...(median === null ? [] : [median]),
        ),
      )
    : null;

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
    // Line labels sit above the bars (the category axis is inverted, so a line starts at the top).
    grid: { left: 88, right: showsChange ? 150 : 72, top: 76 + 16 * lines.length, bottom: 24 },
    tooltip: {
      trigger: 'item',
      formatter: (params: { data?: { detail?: string } }) => params.data?.detail ?? '',
    },
    xAxis: {
      type: 'value',
      name: input.unit,
      axisLabel: { fontFamily: CHART_FONT },
      // A bar's length is its value: bars start at zero, or a 7-point gap would look twelvefold.
      // Rates run to 100 %.
      min: 0,
      ...(top !== null
        ? { max: top }
        : input.unit === '%'
          ? { max: (extent: { max: number }) => Math.max(100, extent.max) }
          : {}),
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => `${r.rank}. ${r.townshipName}`),
      axisLabel: { fontFamily: CHART_FONT, interval: 0, fontSize: compact ? 10 : 12 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: compact ? 12 : 18,
        data: rows.map((r) => {
          const value = label(r.value, r.approximate);
          const change = hasChange(r) ? moves(r) : '';
          const before =
            hasChange(r) && 'previousYear' in ranking && r.previousValue !== null
              ? `<br/>${ranking.previousYear}${escapeHtml(colon)}${escapeHtml(label(r.previousValue, r.previousApproximate))}` +
                (r.previousRank === null ? '' : escapeHtml(rankText(r.previousRank)))
              : '';
          return {
            value: r.value,
            approximate: r.approximate,
            rank: r.rank,
            // Plain strings, not a callback: Chart.tsx loads the font for every string in the option.
            label: { formatter: change === '' ? value : `${value}  ${change}` },
            detail:
              `${escapeHtml(r.townshipName)}<br/>${escapeHtml(value)}${escapeHtml(rankText(r.rank))}` +
              `${change === '' ? '' : `  ${escapeHtml(change)}`}${before}`,
            itemStyle: {
              color:
                highlightColour(r.townshipCode, input.highlighted) ??
                (highlighted.size > 0 ? MUTED : PALETTE[0]),
              opacity: r.approximate ? 0.6 : 1,
            },
          };
        }),
        label: { show: true, position: 'right', fontFamily: CHART_FONT, fontSize: compact ? 10 : 12 },
        markLine:
          lines.length === 0
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                label: { fontFamily: CHART_FONT },
                data: lines,
              },
      },
    ],
  };
}
