import type { ChartOption } from '../charts/echarts-setup.ts';
import type { ExportFrame } from '../charts/export-frame.ts';
import type { IndicatorInfo, SeriesPoint } from '../db/queries.ts';
import type { Heatmap, Profile } from '../db/overview-queries.ts';
import type { RankingWithChange } from '../db/ranking-queries.ts';
import type { TrendChange } from '../db/trend-queries.ts';
import type { ExportRow, ExportTable } from '../export/export-table.ts';
import type { SummaryInput, SummaryRow } from '../export/summarize-chart.ts';
import type { YearTable } from '../table/pivot-year-cells.ts';
import { nameIn, type PageContext, unitIn } from './page-context.ts';

/**
 * Everything one chart on screen needs to be exported on its own or put into the meeting pack:
 * its option, its frame (title, subtitle, source), its data as a table, and the data rows its
 * summary is computed from — all from the data the page already holds, nothing queried again.
 */
export interface ChartExport {
  /** Same chart, same data: the basket holds it once. */
  readonly key: string;
  readonly title: string;
  /** The option drawn on screen; framed for export when exported. */
  readonly option: ChartOption;
  /** CSS px, as on screen. */
  readonly height: number;
  /** Without the date: it is the day of the export. */
  readonly frame: Omit<ExportFrame, 'madeOn'>;
  /** Built when asked for (an export, the pack): a province's tables are thousands of cells. */
  readonly table: () => ExportTable;
  readonly summary: () => SummaryInput;
  /** The one year the chart is about (a ranking); null for a chart over years. */
  readonly year: number | null;
}

/**
 * One page of a chart too long for one (a province's ranking or heatmap): its image is the page on
 * screen, its table and summary every township.
 */
export interface ChartPage {
  /** 0-based. */
  readonly index: number;
  /** Which ranks or rows it shows, e.g. 第 101–200 名，共 1000 个镇街参与排名. */
  readonly text: string;
  /** The same, short, for its file name and the meeting pack: 第101–200名. */
  readonly part: string;
}

type Ctx = Pick<PageContext, 't' | 'lang' | 'townships' | 'source'>;

/** Computes once, when first asked. */
function lazy<T>(make: () => T): () => T {
  let value: { readonly v: T } | undefined;
  return () => {
    value ??= { v: make() };
    return value.v;
  };
}

function indicatorLine(ctx: Ctx, indicator: IndicatorInfo, ...parts: string[]): string {
  const { t, lang } = ctx;
  return [t.withUnit(nameIn(lang, indicator), unitIn(lang, indicator)), ...parts].join(t.exports.separator);
}

function yearSpan(ctx: Ctx, years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const from = sorted[0];
  const to = sorted.at(-1);
  return from === undefined || to === undefined ? '' : ctx.t.exports.years(from, to);
}

/** The unit of a 同比 column: percentage points for a rate. */
function changeUnit(ctx: Ctx, indicator: IndicatorInfo): string {
  return indicator.unit.zh === '%' ? ctx.t.pointsUnit.replace(/^个/, '') : unitIn(ctx.lang, indicator);
}

function townshipRows(
  ctx: Ctx,
  year: number,
  indicator: IndicatorInfo,
  rows: readonly SummaryRow[],
  reported: ReadonlySet<string>,
): SummaryInput {
  return {
    kind: 'townships',
    year,
    unit: indicator.unit.zh,
    unitLabel: unitIn(ctx.lang, indicator),
    rows,
    missing: ctx.townships.filter((tw) => !reported.has(tw.code)).map((tw) => tw.name),
  };
}

/**
 * Townships × years of one indicator (trend and heatmap tables), as numbers: the values, or in
 * 同比 mode what the chart draws, each year's change on the year before.
 */
function yearsTable(
  ctx: Ctx,
  title: string,
  indicator: IndicatorInfo,
  townships: readonly { readonly code: string; readonly name: string }[],
  years: readonly number[],
  mode: 'value' | 'change',
  value: (code: string, year: number) => { value: number; approximate: boolean } | undefined,
): ExportTable {
  const unit = mode === 'change' ? changeUnit(ctx, indicator) : unitIn(ctx.lang, indicator);
  const header = (year: number) => (mode === 'change' ? `${year}${ctx.t.changeLabel}` : String(year));
  return {
    title,
    columns: [
      { header: ctx.t.township, kind: 'text' },
      ...years.map((year) => ({ header: header(year), unit, kind: 'number' as const })),
    ],
    rows: townships.map((tw): ExportRow => {
      const approximate: number[] = [];
      const cells = years.map((year, i) => {
        const cell = value(tw.code, year);
        if (cell?.approximate) approximate.push(i + 1);
        return cell?.value ?? null;
      });
      return { cells: [tw.name, ...cells], approximate };
    }),
  };
}

export function rankingExport(
  ctx: Ctx,
  data: RankingWithChange,
  indicator: IndicatorInfo,
  option: ChartOption,
  height: number,
  title: string,
  page: ChartPage | null = null,
): ChartExport {
  const { t } = ctx;
  const missing = data.missing;
  const table = lazy(
    (): ExportTable => ({
      title,
      columns: [
        { header: t.township, kind: 'text' },
        { header: t.rank, kind: 'number' },
        { header: nameIn(ctx.lang, indicator), unit: unitIn(ctx.lang, indicator), kind: 'number' },
        { header: t.changeLabel, unit: changeUnit(ctx, indicator), kind: 'number' },
        { header: t.rankChange, kind: 'number' },
      ],
      rows: data.rows.map((r) => ({
        cells: [r.townshipName, r.rank, r.value, r.change, r.rankChange],
        approximate: [
          ...(r.approximate ? [2] : []),
          ...(r.change !== null && (r.approximate || r.previousApproximate) ? [3] : []),
        ],
      })),
    }),
  );
  const shown = [
    ...(page ? [page.text] : []),
    t.exports.reportedOf(data.rows.length, ctx.townships.length),
    ...(missing.length > 0 ? [t.exports.missing(missing.join(t.viewText.listSeparator))] : []),
  ].join(t.exports.separator);
  return {
    key: `ranking|${data.indicatorId}|${data.year}${page ? `|${page.index}` : ''}`,
    title: page ? t.exports.pagedTitle(title, page.part) : title,
    option,
    height,
    frame: {
      title,
      subtitle: [
        indicatorLine(
          ctx,
          indicator,
          t.exports.years(data.year, data.year),
          t.exports.comparedWith(data.previousYear),
        ),
        shown,
      ],
      source: ctx.source,
    },
    table,
    summary: lazy(() =>
      townshipRows(
        ctx,
        data.year,
        indicator,
        data.rows.map((r) => ({
          name: r.townshipName,
          value: r.value,
          approximate: r.approximate,
          change: r.change,
          changeApproximate: r.approximate || r.previousApproximate,
        })),
        new Set(data.rows.map((r) => r.townshipCode)),
      ),
    ),
    year: data.year,
  };
}

export function trendExport(
  ctx: Ctx,
  data: {
    readonly indicatorId: string;
    readonly mode: 'value' | 'change';
    readonly points: readonly (SeriesPoint | TrendChange)[];
  },
  indicator: IndicatorInfo,
  highlighted: readonly string[],
  option: ChartOption,
  height: number,
  title: string,
): ChartExport {
  const { t } = ctx;
  const years = [...new Set(data.points.map((p) => p.year))].sort((a, b) => a - b);
  const byKey = new Map(data.points.map((p) => [`${p.townshipCode}|${p.year}`, p]));
  const value = (code: string, year: number) => {
    const p = byKey.get(`${code}|${year}`);
    return p?.value == null ? undefined : { value: p.value, approximate: p.approximate };
  };
  const last = years.at(-1) ?? null;
  // The last year drawn, each township's change on the year before taken from the points drawn.
  const summary = lazy((): SummaryInput => {
    const rows: SummaryRow[] = [];
    const reported = new Set<string>();
    if (last !== null)
      for (const tw of ctx.townships) {
        const now = value(tw.code, last);
        if (!now) continue;
        reported.add(tw.code);
        const before = value(tw.code, last - 1);
        rows.push({
          name: tw.name,
          value: now.value,
          approximate: now.approximate,
          change: before ? now.value - before.value : null,
          changeApproximate: now.approximate || (before?.approximate ?? false),
        });
      }
    return townshipRows(ctx, last ?? new Date().getFullYear(), indicator, rows, reported);
  });
  const names = ctx.townships.filter((tw) => highlighted.includes(tw.code)).map((tw) => tw.name);
  return {
    key: `trend|${data.indicatorId}|${data.mode}|${highlighted.join(',')}`,
    title,
    option,
    height,
    frame: {
      title,
      subtitle: [
        indicatorLine(ctx, indicator, yearSpan(ctx, years), t.mode[data.mode] ?? ''),
        [
          t.exports.allTownships(ctx.townships.length),
          ...(names.length > 0 ? [t.exports.highlighted(names.join(t.viewText.listSeparator))] : []),
        ].join(t.exports.separator),
      ],
      source: ctx.source,
    },
    table: lazy(() =>
      yearsTable(ctx, title, indicator, ctx.townships, years, data.mode, (code, year) => {
        if (data.mode === 'value') return value(code, year);
        const p = byKey.get(`${code}|${year}`);
        return p && 'change' in p && p.change !== null
          ? { value: p.change, approximate: p.approximate || p.previousApproximate }
          : undefined;
      }),
    ),
    summary,
    year: null,
  };
}

export function heatmapExport(
  ctx: Ctx,
  data: Heatmap,
  indicator: IndicatorInfo,
  mode: 'value' | 'change',
  option: ChartOption,
  height: number,
  title: string,
  page: ChartPage | null = null,
): ChartExport {
  const { t } = ctx;
  const year = data.latestYear ?? data.years.at(-1) ?? null;
  return {
    key: `heatmap|${data.indicatorId}|${mode}${page ? `|${page.index}` : ''}`,
    title: page ? t.exports.pagedTitle(title, page.part) : title,
    option,
    height,
    frame: {
      title,
      subtitle: [
        indicatorLine(ctx, indicator, yearSpan(ctx, data.years), t.mode[mode] ?? ''),
        page ? page.text : t.exports.allTownships(data.townships.length),
      ],
      source: ctx.source,
    },
    table: lazy(() => {
      const byKey = new Map(data.cells.map((c) => [`${c.townshipCode}|${c.year}`, c]));
      return yearsTable(ctx, title, indicator, data.townships, data.years, mode, (code, y) => {
        const cell = byKey.get(`${code}|${y}`);
        if (mode === 'value' || !cell) return cell;
        return cell.change === null ? undefined : { value: cell.change, approximate: cell.changeApproximate };
      });
    }),
    summary: lazy(() => {
      const latest = data.cells.filter((c) => c.year === year);
      return townshipRows(
        { ...ctx, townships: data.townships },
        year ?? new Date().getFullYear(),
        indicator,
        latest.map((c) => ({
          name: c.townshipName,
          value: c.value,
          approximate: c.approximate,
          change: c.change,
          changeApproximate: c.changeApproximate,
        })),
        new Set(latest.map((c) => c.townshipCode)),
      );
    }),
    year: null,
  };
}

export function profileExport(
  ctx: Ctx,
  data: Profile,
  option: ChartOption,
  height: number,
  title: string,
): ChartExport {
  const { t, lang } = ctx;
  const last = data.years.at(-1) ?? null;
  const rankHeader = last === null ? t.rank : `${last}${t.rank}`;
  const table = lazy(
    (): ExportTable => ({
      title,
      columns: [
        { header: t.viewText.indicatorColumn, kind: 'text' },
        ...data.years.map((year) => ({ header: String(year), kind: 'number' as const })),
        { header: rankHeader, kind: 'text' },
      ],
      rows: data.indicators.map((indicator): ExportRow => {
        const byYear = new Map(indicator.points.map((p) => [p.year, p]));
        const approximate: number[] = [];
        const cells = data.years.map((year, i) => {
          const point = byYear.get(year);
          if (point?.approximate) approximate.push(i + 1);
          return point?.value ?? null;
        });
        const latest = last === null ? undefined : byYear.get(last);
        return {
          cells: [
            t.withUnit(indicator.name[lang], indicator.unit[lang]),
            ...cells,
            latest ? t.rankLabel(latest.rank, latest.ranked) : null,
          ],
          approximate,
        };
      }),
    }),
  );
  const withLast = data.indicators.filter((i) => i.points.some((p) => p.year === last));
  return {
    key: `profile|${data.townshipCode}`,
    title,
    option,
    height,
    frame: {
      title,
      subtitle: [
        [data.townshipName, t.exports.indicatorCount(data.indicators.length), yearSpan(ctx, data.years)]
          .filter(Boolean)
          .join(t.exports.separator),
      ],
      source: ctx.source,
    },
    table,
    summary: lazy(() => ({
      kind: 'profile',
      year: last ?? new Date().getFullYear(),
      township: data.townshipName,
      indicators: withLast.map((indicator) => {
        const point = indicator.points.find((p) => p.year === last);
        const before = indicator.points.find((p) => last !== null && p.year === last - 1);
        return {
          name: indicator.name[lang],
          rank: point?.rank ?? 0,
          ranked: point?.ranked ?? 0,
          previousRank: before?.rank ?? null,
        };
      }),
      missing: data.indicators.filter((i) => !withLast.includes(i)).map((i) => i.name[lang]),
    })),
    year: null,
  };
}

/** The comparison table (对比表) of one year, the columns shown, values as numbers. */
export function comparisonTable(
  ctx: Ctx,
  data: YearTable,
  year: number,
  visible: ReadonlySet<string> | undefined,
): ExportTable {
  const { t, lang } = ctx;
  const indicators = data.indicators.filter((i) => !visible || visible.has(i.id));
  return {
    title: t.exports.comparisonFile(year),
    columns: [
      { header: t.township, kind: 'text' },
      ...indicators.map((i) => ({ header: nameIn(lang, i), unit: unitIn(lang, i), kind: 'number' as const })),
    ],
    rows: data.rows.map((row): ExportRow => {
      const approximate: number[] = [];
      const cells = indicators.map((i, index) => {
        const cell = row.cells[i.id];
        if (cell?.approximate) approximate.push(index + 1);
        return cell?.value ?? null;
      });
      return { cells: [row.townshipName, ...cells], approximate };
    }),
  };
}
