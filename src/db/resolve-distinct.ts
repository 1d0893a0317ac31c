/**
 * The import pipeline's per-cell rules applied once per distinct cell text of a bulk file:
 * what a township, year, indicator or value cell means. DuckDB then joins these answers back
 * onto the file's rows, so a million rows cost one rule call per distinct text.
 */
import type { Township } from '../district/district.ts';
import { isGroupHeading, isSummaryLabel, isTotalsLabel } from '../import/classify-row.ts';
import type { Fact } from '../import/fact.ts';
import { checkFacts } from '../import/check-facts.ts';
import type { CustomIndicator, Mappings } from '../import/map-columns.ts';
import { resolveIndicatorName } from '../import/map-columns.ts';
import { trimCell } from '../import/normalize-text.ts';
import { countsWhole, unitKind, writtenAsFraction } from '../import/count-units.ts';
import { parseValue, writtenUnit } from '../import/parse-value.ts';
import { parseYear } from '../import/parse-year.ts';
import type { TownshipResolver } from '../import/resolve-township.ts';
import { CATALOG, findIndicator, isStored } from '../indicators/catalog.ts';

/** A cell text as DuckDB gives it: null for an empty cell. */
export type CellText = string | null;

export interface TownshipText {
  readonly id: number;
  readonly text: CellText;
  readonly trimmed: string;
  readonly blank: boolean;
  readonly totals: boolean;
  readonly code: string | null;
  /** One number per distinct township, for grouping facts by key. */
  readonly codeIndex: number | null;
  /** For a name the district does not know: its alias key and the closest names. */
  readonly unknown: { readonly name: string; readonly suggestions: readonly Township[] } | null;
}

export function resolveTownshipTexts(texts: readonly CellText[], resolver: TownshipResolver): TownshipText[] {
  const codes = new Map<string, number>();
  return texts.map((text, id) => {
    const trimmed = trimCell(text ?? '');
    const blank = trimmed === '';
    const match = blank ? undefined : resolver.match(trimmed);
    const code = match?.kind === 'matched' ? match.township.code : null;
    if (code !== null && !codes.has(code)) codes.set(code, codes.size);
    return {
      id,
      text,
      trimmed,
      blank,
      totals: isSummaryLabel(trimmed) || (!blank && resolver.isTotal(trimmed)),
      code,
      codeIndex: code === null ? null : (codes.get(code) ?? null),
      unknown: match?.kind === 'unknown' ? { name: match.name, suggestions: match.suggestions } : null,
    };
  });
}

export interface YearText {
  readonly id: number;
  readonly text: CellText;
  readonly trimmed: string;
  readonly blank: boolean;
  readonly year: number | null;
}

export function resolveYearTexts(texts: readonly CellText[]): YearText[] {
  return texts.map((text, id) => {
    const trimmed = trimCell(text ?? '');
    return {
      id,
      text,
      trimmed,
      blank: trimmed === '',
      year: trimmed === '' ? null : (parseYear(trimmed) ?? null),
    };
  });
}

export interface IndicatorText {
  readonly id: number;
  readonly text: CellText;
  readonly name: string;
  readonly blank: boolean;
  readonly totals: boolean;
  /** A group heading (`一、学法用法`): with no figure beside it, no data row. */
  readonly heading: boolean;
  /** One number per distinct name: the pipeline resolves (and warns about) a name once. */
  readonly nameId: number;
  /** null: the user chose to ignore this indicator. */
  readonly indicatorId: string | null;
  readonly indicatorIndex: number | null;
  readonly custom: boolean;
  /** Mapping targets that no longer exist, warned about on the name's first row. */
  readonly stale: readonly string[];
  /** Whether the reviewer's checks ever look at this indicator beside another one. */
  readonly checked: boolean;
  /** What the indicator's unit counts (count-units.ts), for C7: null for the file's own or a rate. */
  readonly unitKind: string | null;
  /** Whether the indicator counts in whole numbers (C8). */
  readonly whole: boolean;
}

export function resolveIndicatorTexts(texts: readonly CellText[], mappings: Mappings): IndicatorText[] {
  const names = new Map<string, { nameId: number; indicatorId: string | null; stale: string[] }>();
  const indicators = new Map<string, number>();
  return texts.map((text, id) => {
    const name = trimCell(text ?? '');
    let resolved = names.get(name);
    if (!resolved) {
      const stale: string[] = [];
      const indicatorId =
        name === '' ? null : resolveIndicatorName(name, mappings, (target) => stale.push(target)).indicatorId;
      resolved = { nameId: names.size, indicatorId, stale };
      names.set(name, resolved);
    }
    const { indicatorId } = resolved;
    if (indicatorId !== null && !indicators.has(indicatorId)) indicators.set(indicatorId, indicators.size);
    return {
      id,
      text,
      name,
      blank: name === '',
      totals: isTotalsLabel(name),
      heading: isGroupHeading(name),
      nameId: resolved.nameId,
      indicatorId,
      indicatorIndex: indicatorId === null ? null : (indicators.get(indicatorId) ?? null),
      custom: indicatorId?.startsWith('custom:') ?? false,
      stale: resolved.stale,
      checked: indicatorId !== null && checkedIndicators().has(indicatorId),
      unitKind: (indicatorId !== null && unitKind(findIndicator(indicatorId)?.unit.zh)) || null,
      whole: indicatorId !== null && countsWhole(findIndicator(indicatorId)?.unit.zh),
    };
  });
}

/** What a value cell holds; stored as a number in SQL. */
export const VALUE_KIND = { missing: 0, invalid: 1, negative: 2, number: 3 } as const;
export type ValueKind = (typeof VALUE_KIND)[keyof typeof VALUE_KIND];

export interface ValueText {
  readonly id: number;
  readonly text: CellText;
  readonly blank: boolean;
  readonly kind: ValueKind;
  readonly value: number | null;
  readonly approximate: boolean;
  /** Whether a figure written like this is read as a rate whatever its indicator (`97%`). */
  readonly rateText: boolean;
  /** What the unit the figure is written with counts (`15场`: events), for C7. */
  readonly unitKind: string | null;
  /** Whether the figure is written as no count is (`94.5`, `6.000`), for C8. */
  readonly fraction: boolean;
}

export function resolveValueTexts(texts: readonly CellText[]): ValueText[] {
  return texts.map((text, id) => {
    const raw = text ?? '';
    const parsed = parseValue(raw);
    const kind: ValueKind =
      parsed.kind === 'missing'
        ? VALUE_KIND.missing
        : parsed.kind === 'invalid'
          ? VALUE_KIND.invalid
          : parsed.value < 0
            ? VALUE_KIND.negative
            : VALUE_KIND.number;
    return {
      id,
      text,
      blank: trimCell(raw) === '',
      kind,
      value: parsed.kind === 'number' ? parsed.value : null,
      approximate: parsed.kind === 'number' && parsed.approximate,
      rateText: kind === VALUE_KIND.number && isRate(PROBE_INDICATOR, raw, []),
      unitKind: (kind === VALUE_KIND.number && unitKind(writtenUnit(raw))) || null,
      fraction:
        parsed.kind === 'number' &&
        !parsed.percent &&
        kind === VALUE_KIND.number &&
        writtenAsFraction(parsed.value, raw),
    };
  });
}

const PROBE_INDICATOR = 'custom:';

function probeFact(indicatorId: string, value: number, rawText: string): Fact {
  return {
    townshipCode: '',
    year: 0,
    indicatorId,
    value,
    approximate: false,
    rawText,
    note: null,
    line: 1,
    column: 'A',
  };
}

/**
 * Whether checkFacts reads a fact as a rate (and so flags it above 100). Asked of checkFacts
 * itself, so the bulk path follows the rule as it stands rather than a copy of it.
 */
export function isRate(indicatorId: string, rawText: string, customs: readonly CustomIndicator[]): boolean {
  return checkFacts([probeFact(indicatorId, 1000, rawText)], customs).length > 0;
}

let checked: ReadonlySet<string> | undefined;

/**
 * Catalog indicators that checkFacts compares with another one: pairs where one count may not
 * exceed the other (found by asking checkFacts about every pair), and reported rates with the
 * counts of the rate they are checked against (the catalog's `checksAgainst` and `formula`).
 */
function checkedIndicators(): ReadonlySet<string> {
  if (checked) return checked;
  const ids = new Set<string>();
  const stored = CATALOG.filter(isStored).map((indicator) => indicator.id as string);
  for (const part of stored) {
    for (const whole of stored) {
      if (part === whole) continue;
      if (checkFacts([probeFact(part, 2, '2'), probeFact(whole, 1, '1')], []).length > 0) {
        ids.add(part);
        ids.add(whole);
      }
    }
  }
  for (const indicator of CATALOG) {
    const against =
      'checksAgainst' in indicator ? CATALOG.find((i) => i.id === indicator.checksAgainst) : undefined;
    if (against && 'formula' in against) {
      ids.add(indicator.id);
      ids.add(against.formula.numerator);
      ids.add(against.formula.denominator);
    }
  }
  checked = ids;
  return ids;
}
