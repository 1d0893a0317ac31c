import type { Profile, ProfileIndicator, ProfilePoint } from '../db/overview-queries.ts';
import type { ChartOption } from './echarts-setup.ts';
import { CHART_FONT, PALETTE } from './echarts-setup.ts';
import { escapeHtml } from './escape-html.ts';
import { formatValue } from './format-number.ts';

export interface ProfileInput {
  readonly profile: Profile;
  readonly language: 'zh' | 'en';
  readonly title: string;
  readonly subtitle?: string;
  /** Panels per row. */
  readonly columns?: number;
  readonly approxMark: string;
  /** e.g. (name, unit) => `${name}（${unit}）` */
  readonly withUnit: (name: string, unit: string) => string;
  /**
   * e.g. `第3/23名`; `year` is given when the township's latest value is older than the
   * profile's last year, so an old rank is never read as this year's.
   */
  readonly rankLabel: (rank: number, ranked: number, year?: number) => string;
  readonly locale: string;
  /** Between the indicator and its value in a tooltip (messages `viewText.colon`); Chinese when absent. */
  readonly colon?: string;
  /** Around the rank in a tooltip (messages `viewText.parens`); Chinese when absent. */
  readonly parens?: (text: string) => string;
}

const HEADER_HEIGHT = 64;
const PANEL_HEIGHT = 180;
const PANEL_TITLE_HEIGHT = 30;
const DEFAULT_COLUMNS = 3;

/** The height (px) the profile chart needs: the option lays panels out in pixels, rows down. */
export function profileChartHeight(indicatorCount: number, columns = DEFAULT_COLUMNS): number {
  return HEADER_HEIGHT + Math.max(1, Math.ceil(indicatorCount / columns)) * PANEL_HEIGHT;
}

interface PointDatum {
  readonly value: number | null;
  readonly point: ProfilePoint | null;
  readonly symbol: string;
}

/** Small multiples: one line per indicator in its own grid, the latest rank in each panel's title. */
export function buildProfileOption(input: ProfileInput): ChartOption {
  const { profile, language, locale } = input;
  const columns = Math.max(1, input.columns ?? DEFAULT_COLUMNS);
  const width = 100 / columns;
  const lastYear = profile.years[profile.years.length - 1];
  const colour = PALETTE[0];
  const colon = input.colon ?? '：';
  const parens = input.parens ?? ((text: string) => `（${text}）`);

  const panelTitle = (indicator: ProfileIndicator) => {
    const heading = input.withUnit(indicator.name[language], indicator.unit[language]);
    const latest = indicator.points[indicator.points.length - 1];
    if (!latest) return heading;
    const rank = input.rankLabel(
      latest.rank,
      latest.ranked,
      latest.year === lastYear ? undefined : latest.year,
    );
    return `${heading} · ${rank}`;
  };
  const pointText = (indicator: ProfileIndicator, point: ProfilePoint) =>
    `${point.approximate ? input.approxMark : ''}${formatValue(point.value, indicator.unit[language], locale)}`;

  const panels = profile.indicators.map((indicator, i) => {
    const left = (i % columns) * width;
    const top = HEADER_HEIGHT + Math.floor(i / columns) * PANEL_HEIGHT;
    const byYear = new Map(indicator.points.map((p) => [p.year, p]));
    const data: PointDatum[] = profile.years.map((year) => {
      const point = byYear.get(year) ?? null;
      return {
        value: point?.value ?? null,
        point,
        symbol: point?.approximate ? 'emptyCircle' : 'circle',
      };
    });
    const unit = indicator.unit[language];
    return {
      title: {
        text: panelTitle(indicator),
        left: `${left + 1}%`,
        top,
        textStyle: { fontFamily: CHART_FONT, fontSize: 13, fontWeight: 'bold' },
      },
      grid: {
        left: `${left + width * 0.16}%`,
        width: `${width * 0.78}%`,
        top: top + PANEL_TITLE_HEIGHT + 16,
        height: PANEL_HEIGHT - PANEL_TITLE_HEIGHT - 48,
      },
      xAxis: {
        type: 'category',
        gridIndex: i,
        data: profile.years.map(String),
        axisLabel: { fontFamily: CHART_FONT, fontSize: 10 },
      },
      yAxis: {
        type: 'value',
        gridIndex: i,
        scale: unit === '%',
        // Room above and below a rate's line, so its point labels clear the axis.
        boundaryGap: unit === '%' ? ['20%', '20%'] : [0, '20%'],
        splitNumber: 3,
        axisLabel: {
          fontFamily: CHART_FONT,
          fontSize: 10,
          formatter: (value: number) => formatValue(value, unit, locale),
        },
      },
      series: {
        type: 'line',
        name: indicator.name[language],
        xAxisIndex: i,
        yAxisIndex: i,
        connectNulls: false,
        symbolSize: 6,
        itemStyle: { color: colour },
        lineStyle: { color: colour, width: 2 },
        data,
        label: {
          show: true,
          position: 'top',
          fontFamily: CHART_FONT,
          fontSize: 10,
          formatter: (params: { data?: PointDatum }) => {
            const point = params.data?.point;
            return point ? pointText(indicator, point) : '';
          },
        },
        tooltip: {
          formatter: (params: { data?: PointDatum }) => {
            const point = params.data?.point;
            if (!point) return '';
            return `${escapeHtml(profile.townshipName)} ${point.year}<br/>${escapeHtml(
              indicator.name[language],
            )}${escapeHtml(colon)}${escapeHtml(pointText(indicator, point))}${escapeHtml(parens(input.rankLabel(point.rank, point.ranked)))}`;
          },
        },
      },
    };
  });

  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    title: [
      {
        text: input.title,
        subtext: input.subtitle ?? '',
        left: 'center',
        textStyle: { fontFamily: CHART_FONT, fontSize: 16 },
        subtextStyle: { fontFamily: CHART_FONT },
      },
      ...panels.map((p) => p.title),
    ],
    tooltip: { trigger: 'item' },
    grid: panels.map((p) => p.grid),
    xAxis: panels.map((p) => p.xAxis),
    yAxis: panels.map((p) => p.yAxis),
    series: panels.map((p) => p.series),
  };
}
