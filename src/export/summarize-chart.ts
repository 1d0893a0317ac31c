import { formatChange } from '../charts/format-change.ts';
import { formatValue } from '../charts/format-number.ts';

/** One township's value in the summarised year, as the chart's data rows have it. */
export interface SummaryRow {
  readonly name: string;
  readonly value: number;
  readonly approximate: boolean;
  /** 同比: value − the year before's; null when the year before was not reported. */
  readonly change: number | null;
  /** Whether either value of the change is approximate. */
  readonly changeApproximate?: boolean;
}

/** Townships' values of one indicator in one year (ranking, trend, heatmap). */
export interface TownshipSummaryInput {
  readonly kind: 'townships';
  readonly year: number;
  /** The catalog's unit: '%' formats as a rate, its change in points. */
  readonly unit: string;
  /** The unit as the reader reads it after a count, e.g. 件; '' for none. */
  readonly unitLabel: string;
  readonly rows: readonly SummaryRow[];
  /** Townships of the district with no value that year. */
  readonly missing: readonly string[];
}

export interface ProfileSummaryIndicator {
  readonly name: string;
  /** 1 = best in the district. */
  readonly rank: number;
  readonly ranked: number;
  /** The rank the year before; null when there is none. */
  readonly previousRank: number | null;
}

/** One township's ranks across indicators in one year (the township profile). */
export interface ProfileSummaryInput {
  readonly kind: 'profile';
  readonly year: number;
  readonly township: string;
  readonly indicators: readonly ProfileSummaryIndicator[];
  /** Indicators the township reported in other years but not in this one. */
  readonly missing: readonly string[];
}

export type SummaryInput = TownshipSummaryInput | ProfileSummaryInput;

/** The summary's sentences in the language shown (messages `exports.summary`). */
export interface SummaryText {
  readonly highest: (items: string) => string;
  readonly lowest: (items: string) => string;
  readonly rises: (items: string) => string;
  readonly falls: (items: string) => string;
  readonly noChange: (year: number) => string;
  readonly missing: (names: string, count: number) => string;
  readonly noneMissing: string;
  readonly noData: (year: number) => string;
  /** A tied group: 丙镇、丁镇（并列） */
  readonly tied: (names: string) => string;
  /** A name and its figure: 宝龙镇 97.9% */
  readonly item: (name: string, figure: string) => string;
  /** A count with its unit: 94件 */
  readonly withUnit: (value: string, unit: string) => string;
  readonly pointsUnit: string;
  readonly approxMark: string;
  /** Between the items of a line. */
  readonly itemSeparator: string;
  /** Between tied names. */
  readonly listSeparator: string;
  readonly bestRanks: (items: string) => string;
  readonly worstRanks: (items: string) => string;
  readonly rankRises: (items: string) => string;
  readonly rankFalls: (items: string) => string;
  readonly rank: (rank: number, ranked: number) => string;
  readonly rankMove: (from: number, to: number) => string;
  readonly missingIndicators: (names: string, count: number) => string;
}

const EPSILON = 1e-9;

/**
 * The first `count` places by `key` (in the order given), a tie at the last place taken whole:
 * 10, 9, 8, 8 → three places, four townships.
 */
export function topGroups<T>(sorted: readonly T[], key: (item: T) => number, count = 3): T[][] {
  const groups: T[][] = [];
  let taken = 0;
  for (const item of sorted) {
    const last = groups.at(-1);
    const lastItem = last?.[0];
    if (last && lastItem !== undefined && Math.abs(key(lastItem) - key(item)) < EPSILON) {
      last.push(item);
      taken += 1;
      continue;
    }
    if (taken >= count) break;
    groups.push([item]);
    taken += 1;
  }
  return groups;
}

function line<T>(
  groups: readonly (readonly T[])[],
  name: (item: T) => string,
  figure: (item: T) => string,
  text: SummaryText,
): string {
  return groups
    .map((group) => {
      const first = group[0] as T;
      const names = group.map(name).join(text.listSeparator);
      return text.item(group.length > 1 ? text.tied(names) : names, figure(first));
    })
    .join(text.itemSeparator);
}

function summarizeTownships(input: TownshipSummaryInput, text: SummaryText, locale: string): string[] {
  const { unit } = input;
  const mark = (approximate: boolean | undefined) => (approximate ? text.approxMark : '');
  const value = (row: SummaryRow) =>
    `${mark(row.approximate)}${unit === '%' ? formatValue(row.value, unit, locale) : text.withUnit(formatValue(row.value, unit, locale), input.unitLabel)}`;
  const change = (row: SummaryRow) =>
    `${mark(row.changeApproximate)}${text.withUnit(formatChange(row.change ?? 0, unit, locale), unit === '%' ? text.pointsUnit : input.unitLabel)}`;
  const name = (row: SummaryRow) => row.name;
  const lines: string[] = [];

  if (input.rows.length === 0) lines.push(text.noData(input.year));
  else {
    const high = topGroups(
      [...input.rows].sort((a, b) => b.value - a.value),
      (r) => r.value,
    );
    lines.push(text.highest(line(high, name, value, text)));
    const shown = new Set(high.flat());
    const low = topGroups(
      input.rows.filter((r) => !shown.has(r)).sort((a, b) => a.value - b.value),
      (r) => r.value,
    );
    if (low.length > 0) lines.push(text.lowest(line(low, name, value, text)));

    const changed = input.rows.filter((r) => r.change !== null);
    if (changed.length === 0) lines.push(text.noChange(input.year));
    const rises = changed
      .filter((r) => (r.change ?? 0) > EPSILON)
      .sort((a, b) => (b.change ?? 0) - (a.change ?? 0));
    const falls = changed
      .filter((r) => (r.change ?? 0) < -EPSILON)
      .sort((a, b) => (a.change ?? 0) - (b.change ?? 0));
    if (rises.length > 0)
      lines.push(
        text.rises(
          line(
            topGroups(rises, (r) => r.change ?? 0),
            name,
            change,
            text,
          ),
        ),
      );
    if (falls.length > 0)
      lines.push(
        text.falls(
          line(
            topGroups(falls, (r) => r.change ?? 0),
            name,
            change,
            text,
          ),
        ),
      );
  }
  lines.push(
    input.missing.length === 0
      ? text.noneMissing
      : text.missing(input.missing.join(text.listSeparator), input.missing.length),
  );
  return lines;
}

function summarizeProfile(input: ProfileSummaryInput, text: SummaryText): string[] {
  type Item = ProfileSummaryIndicator;
  const name = (i: Item) => i.name;
  const rank = (i: Item) => text.rank(i.rank, i.ranked);
  const move = (i: Item) => text.rankMove(i.previousRank ?? i.rank, i.rank);
  const lines: string[] = [];
  if (input.indicators.length === 0) lines.push(text.noData(input.year));
  else {
    // Standing: the share of townships ahead, so 3rd of 23 and 3rd of 10 compare fairly.
    const standing = (i: Item) => (i.rank - 1) / Math.max(1, i.ranked);
    const best = topGroups(
      [...input.indicators].sort((a, b) => standing(a) - standing(b)),
      standing,
    );
    lines.push(text.bestRanks(line(best, name, rank, text)));
    const shown = new Set(best.flat());
    const worst = topGroups(
      input.indicators.filter((i) => !shown.has(i)).sort((a, b) => standing(b) - standing(a)),
      standing,
    );
    if (worst.length > 0) lines.push(text.worstRanks(line(worst, name, rank, text)));
    const moved = (i: Item) => (i.previousRank === null ? 0 : i.previousRank - i.rank);
    const withPrevious = input.indicators.filter((i) => i.previousRank !== null);
    if (withPrevious.length === 0) lines.push(text.noChange(input.year));
    const rises = withPrevious.filter((i) => moved(i) > 0).sort((a, b) => moved(b) - moved(a));
    const falls = withPrevious.filter((i) => moved(i) < 0).sort((a, b) => moved(a) - moved(b));
    if (rises.length > 0) lines.push(text.rankRises(line(topGroups(rises, moved), name, move, text)));
    if (falls.length > 0) lines.push(text.rankFalls(line(topGroups(falls, moved), name, move, text)));
  }
  if (input.missing.length > 0)
    lines.push(text.missingIndicators(input.missing.join(text.listSeparator), input.missing.length));
  return lines;
}

/**
 * A few sentences a slide can carry under its chart: the highest and lowest three, the largest
 * 同比 rises and falls, and who did not report — computed from the chart's own data rows.
 */
export function summarizeChart(input: SummaryInput, text: SummaryText, locale = 'zh-CN'): string[] {
  return input.kind === 'profile' ? summarizeProfile(input, text) : summarizeTownships(input, text, locale);
}
