/**
 * Each chart the views draw, built from what its view queried and the choices on screen (its
 * recipe): the option, the frame and the tables of its export. A view builds its chart here; the
 * meeting pack keeps each chart's request (the recipe without its data) and queries and builds it
 * here again when the data change or the page is reloaded, so a chart in the pack is the chart
 * the view would draw now.
 */
import { buildHeatmapOption, heatmapChartHeight } from '../charts/build-heatmap-option.ts';
import { buildProfileOption, profileChartHeight } from '../charts/build-profile-option.ts';
import { buildRankingOption, rankingChartHeight } from '../charts/build-ranking-option.ts';
import { buildTrendOption } from '../charts/build-trend-option.ts';
import { CHART_PAGE_SIZE, chartPageRows, chartPageStart, chartPageWithin } from '../charts/chart-pages.ts';
import type { DbClient } from '../db/client.ts';
import { type Heatmap, loadHeatmap, loadProfile, type Profile } from '../db/overview-queries.ts';
import type { IndicatorInfo, SeriesPoint, TownshipRow } from '../db/queries.ts';
import { loadRankingWithChange, type RankingWithChange } from '../db/ranking-queries.ts';
import {
  loadTrendChanges,
  loadTrendLeaders,
  loadTrendView,
  type TrendBand,
  type TrendChange,
} from '../db/trend-queries.ts';
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

type RankingRecipe = {
  readonly kind: 'ranking';
  readonly data: RankingWithChange;
  readonly indicator: IndicatorInfo;
  readonly highlighted: readonly string[];
  readonly page: number;
};
type TrendRecipe = {
  readonly kind: 'trend';
  readonly data: TrendData;
  readonly indicator: IndicatorInfo;
  /** The year whose leaders are drawn in colour when the user picked no township. */
  readonly year: number | null;
  /** The townships the user picked to draw in colour; none: the year's best two and last two. */
  readonly picked: readonly string[];
};
type HeatmapRecipe = {
  readonly kind: 'heatmap';
  readonly data: Heatmap;
  readonly indicator: IndicatorInfo;
  readonly mode: 'value' | 'change';
  readonly page: number;
};
type ProfileRecipe = { readonly kind: 'profile'; readonly data: Profile };

/** A chart: what its view queried and the choices on screen. */
export type ChartRecipe = RankingRecipe | TrendRecipe | HeatmapRecipe | ProfileRecipe;

/** An indicator's chart without its data: the indicator's id instead of the indicator. */
type ByIndicator<R extends { readonly data: unknown; readonly indicator: IndicatorInfo }> = Omit<
  R,
  'data' | 'indicator'
> & { readonly indicatorId: string };

/**
 * A chart without its data, as plain JSON: what to query (loadRecipe) and how to draw it. The
 * meeting pack keeps these, so its charts are drawn from the data as they are now.
 */
export type ChartRequest =
  | (ByIndicator<RankingRecipe> & { readonly year: number })
  | (ByIndicator<TrendRecipe> & { readonly mode: 'value' | 'change' })
  | ByIndicator<HeatmapRecipe>
  | { readonly kind: 'profile'; readonly townshipCode: string };

/** A chart with its export and the request that draws it again. */
export interface BuiltChart extends ChartExport {
  readonly request: ChartRequest;
}

function requestOf(recipe: ChartRecipe): ChartRequest {
  switch (recipe.kind) {
    case 'ranking':
      return {
        kind: 'ranking',
        indicatorId: recipe.indicator.id,
        year: recipe.data.year,
        highlighted: recipe.highlighted,
        page: recipe.page,
      };
    case 'trend':
      return {
        kind: 'trend',
        indicatorId: recipe.indicator.id,
        year: recipe.year,
        mode: recipe.data.mode,
        picked: recipe.picked,
      };
    case 'heatmap':
      return { kind: 'heatmap', indicatorId: recipe.indicator.id, mode: recipe.mode, page: recipe.page };
    case 'profile':
      return { kind: 'profile', townshipCode: recipe.data.townshipCode };
  }
}

/** A trend's lines and what is drawn behind them; in 'change' mode, each value's change on the year before. */
export async function loadTrendData(
  db: DbClient,
  indicatorId: string,
  year: number | null,
  mode: 'value' | 'change',
): Promise<TrendData> {
  if (mode === 'change') {
    const leaders = year === null ? [] : await loadTrendLeaders(db, indicatorId, year);
    return { indicatorId, leaders, mode, points: await loadTrendChanges(db, indicatorId) };
  }
  return { indicatorId, mode, ...(await loadTrendView(db, indicatorId, year)) };
}

/** What the dashboard already holds of the data's lists: a request is checked against them. */
export interface KnownData {
  readonly indicators: readonly IndicatorInfo[];
  readonly townships: readonly TownshipRow[];
  /** The years with any fact (listYears): the heatmap and the profile need not ask again. */
  readonly years: readonly number[];
}

/**
 * Queries what a request draws, as its view would; null when the data no longer have its
 * indicator or township (an import undone, the district's list edited).
 */
export async function loadRecipe(
  db: DbClient,
  request: ChartRequest,
  known: KnownData,
): Promise<ChartRecipe | null> {
  if (request.kind === 'profile') {
    if (!known.townships.some((t) => t.code === request.townshipCode)) return null;
    return { kind: 'profile', data: await loadProfile(db, request.townshipCode, known.years) };
  }
  const indicator = known.indicators.find((i) => i.id === request.indicatorId);
  if (!indicator) return null;
  switch (request.kind) {
    case 'ranking': {
      const data = await loadRankingWithChange(db, indicator.id, request.year);
      return { kind: 'ranking', data, indicator, highlighted: request.highlighted, page: request.page };
    }
    case 'trend': {
      const data = await loadTrendData(db, indicator.id, request.year, request.mode);
      return { kind: 'trend', data, indicator, year: request.year, picked: request.picked };
    }
    case 'heatmap': {
      const data = await loadHeatmap(db, indicator.id, known.years);
      return { kind: 'heatmap', data, indicator, mode: request.mode, page: request.page };
    }
  }
}

const TREND_HEIGHT = 460;

export function buildChart(ctx: BuildContext, recipe: ChartRecipe): BuiltChart {
  const request = requestOf(recipe);
  switch (recipe.kind) {
    case 'ranking':
      return { ...rankingChart(ctx, recipe), request };
    case 'trend':
      return { ...trendChart(ctx, recipe), request };
    case 'heatmap':
      return { ...heatmapChart(ctx, recipe), request };
    case 'profile':
      return { ...profileChart(ctx, recipe), request };
  }
}

function rankingChart(ctx: BuildContext, recipe: RankingRecipe): ChartExport {
  const { t, lang, locale, source } = ctx;
  const { data, indicator, highlighted } = recipe;
  const page = chartPageWithin(data.rows.length, recipe.page);
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

function trendChart(ctx: BuildContext, recipe: TrendRecipe): ChartExport {
  const { t, lang, locale, source } = ctx;
  const { data, indicator } = recipe;
  // The loaders' leaders are already the year's best two and last two.
  const highlighted = recipe.picked.length > 0 ? recipe.picked : data.leaders;
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

function heatmapChart(ctx: BuildContext, recipe: HeatmapRecipe): ChartExport {
  const { t, lang, locale, source } = ctx;
  const { data, indicator, mode } = recipe;
  const title = t.heatmapTitle(nameIn(lang, indicator));
  const total = data.townships.length;
  const page = chartPageWithin(total, recipe.page);
  const pageRows = chartPageRows(data.townships, page);
  const from = chartPageStart(total, page) + 1;
  const to = from + pageRows.length - 1;
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
  return heatmapExport(
    ctx,
    data,
    indicator,
    mode,
    option,
    heatmapChartHeight(pageRows.length),
    title,
    pageInfo,
  );
}

function profileChart(ctx: BuildContext, recipe: ProfileRecipe): ChartExport {
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
