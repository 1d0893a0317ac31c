import type { SeriesPoint } from '../db/queries.ts';
import type { TrendBand, TrendChange } from '../db/trend-queries.ts';
import type { ChartOption } from './echarts-setup.ts';
import { CHART_FONT, highlightColour, MUTED } from './echarts-setup.ts';
import { escapeHtml } from './escape-html.ts';
import { formatChange } from './format-change.ts';
import { formatValue } from './format-number.ts';

/** The district's spread per year, drawn behind the township lines; labels come from the messages. */
export interface TrendBands {
  readonly rows: readonly TrendBand[];
  /** 中位数 / Median */
  readonly medianLabel: string;
  /** 四分位区间 / Interquartile range */
  readonly bandLabel: string;
}

interface TrendCommon {
  readonly unit: string;
  readonly title: string;
  readonly subtitle?: string;
  /** Township codes drawn in colour; the rest are drawn faded for context. */
  readonly highlighted: readonly string[];
  /** Township codes drawn at all; empty means every township. */
  readonly visible: readonly string[];
  readonly approxMark: string;
  readonly locale: string;
  /** Between a year and its value in tooltips (messages `viewText.colon`); Chinese when absent. */
  readonly colon?: string;
  /** Median line and IQR band; drawn in value mode only (they describe values, not changes). */
  readonly bands?: TrendBands;
}

interface TrendValues {
  readonly mode?: 'value';
  readonly points: readonly SeriesPoint[];
}

interface TrendChanges {
  /** Plots each township's 同比 change (from loadTrendChanges) instead of its value, zero marked. */
  readonly mode: 'change';
  readonly points: readonly TrendChange[];
  /** Axis name for the change, e.g. 百分点 for a rate; the unit when absent. */
  readonly changeUnit?: string;
}

export type TrendInput = TrendCommon & (TrendValues | TrendChanges);

interface PlotPoint {
  /** null = a gap: not reported, or no change to take. */
  readonly value: number | null;
  readonly approximate: boolean;
  /** Tooltip text, already escaped. */
  readonly detail: string;
  /** The change as the line's end label shows it (change mode). */
  readonly change?: string;
}

interface TownshipSeries {
  readonly code: string;
  readonly name: string;
  readonly points: (PlotPoint | null)[];
}

/**
 * Above this many faded (not highlighted) townships — a province, not a district — they are drawn
 * as one line series broken between townships, without symbols or hover: a thousand series are a
 * thousand ECharts components, and redrawing them took a second. Highlighted townships keep
 * their own series, symbols and tooltips.
 */
export const MERGE_FADED_ABOVE = 60;

const BAND_COLOUR = 'rgba(86, 100, 120, 0.16)';
const MEDIAN_COLOUR = '#4a5568';
const GAP: PlotPoint = { value: null, approximate: false, detail: '' };

/** `described(code)` false: a line drawn without hover (merged, faded), so no texts are built for it. */
function plotPoints(
  input: TrendInput,
  described: (code: string) => boolean,
): { code: string; name: string; year: number; point: PlotPoint }[] {
  const approx = (approximate: boolean) => (approximate ? input.approxMark : '');
  const valueText = (value: number | null, approximate: boolean) =>
    value === null ? '—' : `${approx(approximate)}${formatValue(value, input.unit, input.locale)}`;
  const colon = input.colon ?? '：';
  const head = (name: string, year: number) => `${escapeHtml(name)}<br/>${year}${escapeHtml(colon)}`;
  if (input.mode === 'change') {
    return input.points.map((p) => {
      const approximate = p.approximate || p.previousApproximate;
      if (!described(p.townshipCode))
        return {
          code: p.townshipCode,
          name: p.townshipName,
          year: p.year,
          point: { value: p.change, approximate, detail: '' },
        };
      const change =
        p.change === null ? '—' : `${approx(approximate)}${formatChange(p.change, input.unit, input.locale)}`;
      const values = `${p.year - 1}${colon}${valueText(p.previousValue, p.previousApproximate)} → ${p.year}${colon}${valueText(p.value, p.approximate)}`;
      return {
        code: p.townshipCode,
        name: p.townshipName,
        year: p.year,
        point: {
          value: p.change,
          approximate,
          change,
          detail: `${head(p.townshipName, p.year)}${escapeHtml(change)}<br/>${escapeHtml(values)}`,
        },
      };
    });
  }
  return input.points.map((p) => ({
    code: p.townshipCode,
    name: p.townshipName,
    year: p.year,
    point: {
      value: p.value,
      approximate: p.approximate,
      detail: described(p.townshipCode)
        ? `${head(p.townshipName, p.year)}${escapeHtml(valueText(p.value, p.approximate))}`
        : '',
    },
  }));
}

function groupByTownship(points: ReturnType<typeof plotPoints>, years: readonly number[]): TownshipSeries[] {
  const byCode = new Map<string, TownshipSeries>();
  for (const { code, name, year, point } of points) {
    let series = byCode.get(code);
    if (!series) {
      series = { code, name, points: years.map(() => null) };
      byCode.set(code, series);
    }
    series.points[years.indexOf(year)] = point;
  }
  return [...byCode.values()];
}

function bandSeries(
  bands: TrendBands,
  years: readonly number[],
  unit: string,
  locale: string,
  colon: string,
): object[] {
  const byYear = new Map(bands.rows.map((row) => [row.year, row]));
  const rows = years.map((year) => byYear.get(year));
  const format = (value: number) => formatValue(value, unit, locale);
  const quiet = {
    type: 'line',
    stack: 'iqr',
    symbol: 'none',
    silent: true,
    connectNulls: false,
    z: 0,
    lineStyle: { opacity: 0 },
    tooltip: { show: false },
  };
  return [
    { ...quiet, name: bands.bandLabel, data: rows.map((row) => row?.q1 ?? null) },
    {
      ...quiet,
      name: bands.bandLabel,
      areaStyle: { color: BAND_COLOUR },
      // Stacked on q1, so the filled area spans q1..q3.
      data: rows.map((row) => (row?.q1 == null || row.q3 == null ? null : row.q3 - row.q1)),
    },
    {
      type: 'line',
      name: bands.medianLabel,
      symbol: 'none',
      connectNulls: false,
      z: 2,
      itemStyle: { color: MEDIAN_COLOUR },
      lineStyle: { color: MEDIAN_COLOUR, type: 'dashed', width: 2 },
      data: rows.map((row, i) => ({
        value: row?.median ?? null,
        detail:
          row?.median == null || row.q1 === null || row.q3 === null
            ? ''
            : `${escapeHtml(bands.medianLabel)}<br/>${years[i]}${escapeHtml(colon)}${escapeHtml(format(row.median))}<br/>` +
              `${escapeHtml(bands.bandLabel)}${escapeHtml(colon)}${escapeHtml(`${format(row.q1)} – ${format(row.q3)}`)}`,
      })),
    },
  ];
}

/** Lines over the years, one per township; gaps where there is no value (or no change) to draw. */
export function buildTrendOption(input: TrendInput): ChartOption {
  const isChange = input.mode === 'change';
  const bands = isChange ? undefined : input.bands;
  const years = [
    ...new Set([...input.points.map((p) => p.year), ...(bands?.rows.map((b) => b.year) ?? [])]),
  ].sort((a, b) => a - b);
  const visible = new Set(input.visible);
  const highlighted = new Set(input.highlighted);
  const codes = new Set<string>(input.points.map((p) => p.townshipCode));
  const fadedCount = [...codes].filter(
    (code) => !highlighted.has(code) && (visible.size === 0 || visible.has(code)),
  ).length;
  const described = (code: string) => fadedCount <= MERGE_FADED_ABOVE || highlighted.has(code);
  const all = groupByTownship(plotPoints(input, described), years).filter(
    (s) => visible.size === 0 || visible.has(s.code),
  );
  // Faded lines first so highlighted ones are drawn on top.
  const ordered = [
    ...all.filter((s) => !highlighted.has(s.code)),
    ...all.filter((s) => highlighted.has(s.code)),
  ];
  const faded = ordered.filter((s) => !highlighted.has(s.code));
  const merged =
    faded.length > MERGE_FADED_ABOVE
      ? [
          {
            type: 'line',
            name: '',
            connectNulls: false,
            showSymbol: false,
            silent: true,
            z: 1,
            itemStyle: { color: MUTED },
            lineStyle: { color: MUTED, width: 1, opacity: 0.6 },
            emphasis: { disabled: true },
            tooltip: { show: false },
            // [year index, value] pairs; an empty point ends one township's line before the next.
            data: faded.flatMap((s) => [
              ...s.points.map((point, i) => [i, point?.value ?? '-']),
              [s.points.length - 1, '-'],
            ]),
          },
        ]
      : undefined;
  const townshipSeries = [
    ...(merged ?? []),
    ...(merged ? ordered.filter((s) => highlighted.has(s.code)) : ordered).map((s) => {
      const isHighlighted = highlighted.has(s.code);
      const colour = highlightColour(s.code, input.highlighted) ?? MUTED;
      // ECharts puts the end label at the last point drawn, so it shows that point's change.
      const lastChange = s.points.findLast((p) => p?.value != null)?.change;
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
          ? {
              show: true,
              // A plain string, so Chart.tsx loads the font for the arrows; `{a}` keeps the name out of the template.
              formatter: lastChange === undefined ? '{a}' : `{a}  ${lastChange}`,
              fontFamily: CHART_FONT,
              color: colour,
            }
          : { show: false },
        data: s.points.map((point) => {
          const p = point ?? GAP;
          return { ...p, symbol: p.approximate ? 'emptyCircle' : 'circle' };
        }),
      };
    }),
  ];
  const zeroLine = {
    type: 'line',
    data: [],
    silent: true,
    markLine: {
      symbol: 'none',
      silent: true,
      label: { show: false },
      lineStyle: { type: 'solid', color: '#333', width: 1 },
      data: [{ yAxis: 0 }],
    },
  };
  const series = [
    ...(bands ? bandSeries(bands, years, input.unit, input.locale, input.colon ?? '：') : []),
    ...townshipSeries,
    ...(isChange ? [zeroLine] : []),
  ];

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
    legend: bands
      ? {
          top: 64,
          selectedMode: false,
          textStyle: { fontFamily: CHART_FONT },
          data: [
            { name: bands.medianLabel },
            { name: bands.bandLabel, icon: 'rect', itemStyle: { color: BAND_COLOUR } },
          ],
        }
      : { show: false },
    grid: { left: 56, right: 96, top: bands ? 100 : 72, bottom: 40 },
    tooltip: {
      trigger: 'item',
      formatter: (params: { data?: { detail?: string } }) => params.data?.detail ?? '',
    },
    xAxis: {
      type: 'category',
      data: years.map(String),
      boundaryGap: false,
      // Years stay at the bottom; a change chart marks its zero with a line of its own.
      axisLine: { onZero: !isChange },
      axisLabel: { fontFamily: CHART_FONT },
    },
    yAxis: {
      type: 'value',
      // A change axis always shows its zero line.
      scale: !isChange && input.unit === '%',
      name: input.mode === 'change' ? (input.changeUnit ?? input.unit) : input.unit,
      axisLabel: { fontFamily: CHART_FONT },
    },
    series,
  };
}
