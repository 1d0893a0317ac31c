/**
 * Each chart the views draw, built from what its view queried and the choices on screen (its
 * recipe): the option, the frame and the tables of its export. A view builds its chart here, and
 * the meeting pack builds its charts again here from their recipes after a reload, so a chart in
 * the pack is the chart the view drew.
 */
import { buildHeatmapOption, heatmapChartHeight } from '../charts/build-heatmap-option.ts';
import { buildProfileOption, profileChartHeight } from '../charts/build-profile-option.ts';
import { buildRankingOption, rankingChartHeight } from '../charts/build-ranking-option.ts';
import { buildTrendOption } from '../charts/build-trend-option.ts';
import { CHART_PAGE_SIZE, chartPageRows } from '../charts/chart-pages.ts';
import type { IndicatorInfo, SeriesPoint } from '../db/queries.ts';
import type { Heatmap, Profile } from '../db/overview-queries.ts';
import type { RankingWithChange } from '../db/ranking-queries.ts';
import type { TrendBand, TrendChange } from '../db/trend-queries.ts';
import {
  type ChartExport,
  heatmapExport,
  profileExport,
  rankingExport,
  trendExport,
} from './chart-exports.ts';
import { nameIn, type PageContext, unitIn } from './page-context.ts';

/** What building a chart reads of the page context. */
export type BuildContext = Pick<PageContext, 't' | 'lang' | 'locale' | 'townships' | 'source'>;

export type TrendData = { readonly indicatorId: string; readonly leaders: readonly string[] } & (
  | { readonly mode: 'value'; readonly points: readonly SeriesPoint[]; readonly bands: readonly TrendBand[] }
  | { readonly mode: 'change'; readonly points: readonly TrendChange[] }
);

/** A chart as data only (no function), so it can be kept as JSON and built again. */
export type ChartRecipe =
  | {
      readonly kind: 'ranking';
      readonly data: RankingWithChange;
      readonly indicator: IndicatorInfo;
      readonly highlighted: readonly string[];
      readonly page: number;
    }
  | {
      readonly kind: 'trend';
      readonly data: TrendData;
      readonly indicator: IndicatorInfo;
      /** The townships drawn in colour. */
      readonly highlighted: readonly string[];
    }
  | {
      readonly kind: 'heatmap';
      readonly data: Heatmap;
      readonly indicator: IndicatorInfo;
      readonly mode: 'value' | 'change';
      readonly page: number;
    }
  | { readonly kind: 'profile'; readonly data: Profile };

/** A chart with its export and the recipe it was built from. */
export interface BuiltChart extends ChartExport {
  readonly recipe: ChartRecipe;
}

export const TREND_HEIGHT = 460;

export function buildChart(ctx: BuildContext, recipe: ChartRecipe): BuiltChart {
  switch (recipe.kind) {
    case 'ranking':
      return { ...rankingChart(ctx, recipe), recipe };
    case 'trend':
      return { ...trendChart(ctx, recipe), recipe };
    case 'heatmap':
      return { ...heatmapChart(ctx, recipe), recipe };
    case 'profile':
      return { ...profileChart(ctx, recipe), recipe };
  }
}

function rankingChart(ctx: BuildContext, recipe: Extract<ChartRecipe, { kind: 'ranking' }>): ChartExport {
  const { t, lang, locale, source } = ctx;
  const { data, indicator, highlighted, page } = recipe;
  const title = t.rankingTitle(nameIn(lang, indicator), data.year);
  const pageRows = chartPageRows(data.rows, page);
  const first = pageRows[0];
  const last = pageRows.at(-1);
  const pageInfo =
    first && last && data.rows.length > CHART_PAGE_SIZE
      ? {
          index: page,
          text: t.viewText.rankRange(first.rank, last.rank, data.rows.length),
          part: t.exports.rankPart(first.rank, last.rank),
        }
      : null;
  const missing = data.missing;
  const option = buildRankingOption({
    ranking: data,
    unit: unitIn(lang, indicator),
    title,
    subtitle: [missing.length > 0 ? t.missingList(missing.join(t.viewText.listSeparator)) : '', source]
      .filter(Boolean)
      .join(' · '),
    averageLabel: t.districtAverage,
    medianLabel: t.median,
    approxMark: t.approxMark,
    rankText: t.viewText.rankInline,
    colon: t.viewText.colon,
    highlighted,
    locale,
    page,
    rankRange: t.viewText.rankRange,
  });
  return rankingExport(ctx, data, indicator, option, rankingChartHeight(pageRows.length), title, pageInfo);
}

function trendChart(ctx: BuildContext, recipe: Extract<ChartRecipe, { kind: 'trend' }>): ChartExport {
  const { t, lang, locale, source } = ctx;
  const { data, indicator, highlighted } = recipe;
  const unit = unitIn(lang, indicator);
  const title = t.trendTitle(nameIn(lang, indicator));
  const common = {
    unit,
    title,
    subtitle: `${unit} · ${source}`,
    highlighted,
    visible: [],
    approxMark: t.approxMark,
    colon: t.viewText.colon,
    locale,
  };
  const option =
    data.mode === 'change'
      ? buildTrendOption({
          ...common,
          mode: 'change',
          points: data.points,
          changeUnit: unit === '%' ? t.pointsUnit : unit,
        })
      : buildTrendOption({
          ...common,
          points: data.points,
          bands: { rows: data.bands, medianLabel: t.median, bandLabel: t.iqr },
        });
  return trendExport(ctx, data, indicator, highlighted, option, TREND_HEIGHT, title);
}

function heatmapChart(ctx: BuildContext, recipe: Extract<ChartRecipe, { kind: 'heatmap' }>): ChartExport {
  const { t, lang, locale, source } = ctx;
  const { data, indicator, mode, page } = recipe;
  const title = t.heatmapTitle(nameIn(lang, indicator));
  const total = data.townships.length;
  const from = page * CHART_PAGE_SIZE + 1;
  const to = Math.min(total, (page + 1) * CHART_PAGE_SIZE);
  const pageInfo =
    total > CHART_PAGE_SIZE
      ? { index: page, text: t.viewText.pageRange(from, to, total), part: t.exports.rowPart(from, to) }
      : null;
  const option = buildHeatmapOption({
    ...data,
    mode,
    unit: unitIn(lang, indicator),
    title,
    subtitle: source,
    approxMark: t.approxMark,
    changeLabel: t.changeLabel,
    pointsUnit: t.pointsUnit,
    noChangeLabel: t.noChange,
    locale,
    page,
    rowRange: t.viewText.pageRange,
  });
  const height = heatmapChartHeight(chartPageRows(data.townships, page).length);
  return heatmapExport(ctx, data, indicator, mode, option, height, title, pageInfo);
}

function profileChart(ctx: BuildContext, recipe: Extract<ChartRecipe, { kind: 'profile' }>): ChartExport {
  const { t, lang, locale, source } = ctx;
  const { data } = recipe;
  const name = ctx.townships.find((x) => x.code === data.townshipCode)?.name ?? data.townshipName;
  const title = t.profileTitle(name);
  const option = buildProfileOption({
    profile: data,
    language: lang,
    title,
    subtitle: source,
    approxMark: t.approxMark,
    withUnit: t.withUnit,
    rankLabel: t.rankLabel,
    colon: t.viewText.colon,
    parens: t.viewText.parens,
    locale,
  });
  return profileExport(ctx, data, option, profileChartHeight(data.indicators.length), title);
}
