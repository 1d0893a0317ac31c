import { findIndicator, isStored } from '../indicators/catalog.ts';
import { columnLetter } from './fact.ts';
import type { ColumnRole, HeaderBlock, HeaderColumn } from './find-header.ts';
import type { ImportIssue } from './import-issue.ts';
import { type HeaderYear, parseYearHeader } from './parse-year.ts';
import {
  customIndicatorId,
  headerKey,
  headerLabel,
  headerUnit,
  matchHeader,
  unitDiffers,
  unitOfCell,
} from './match-header.ts';

export type ColumnSource = 'catalog' | 'mapping' | 'custom' | 'ignored' | 'role';

/** What the import made of one column of the file. */
export interface ImportColumn {
  /** Column letter as a spreadsheet shows it. */
  readonly column: string;
  readonly header: string;
  /** What `mappings` are keyed by. */
  readonly headerKey: string;
  readonly indicatorId: string | null;
  readonly source: ColumnSource;
  /** For source 'role': what the column holds instead of an indicator. */
  readonly role: ColumnRole | null;
}

/** An indicator the catalog does not have, named by the file; its facts are kept under `id`. */
export interface CustomIndicator {
  readonly id: string;
  readonly label: string;
  readonly unit: string | null;
}

export type Mappings = Readonly<Record<string, string>>;

export const IGNORE = 'ignore';

export type Resolution =
  | { readonly source: 'catalog' | 'mapping'; readonly indicatorId: string }
  | {
      readonly source: 'custom';
      readonly indicatorId: string;
      /**
       * H11: the catalog indicator the name names, passed over because the unit stated counts
       * another kind of thing; `unit` is that unit, which the custom indicator's key ends with.
       */
      readonly differs?: { readonly indicatorId: string; readonly unit: string };
    }
  | { readonly source: 'ignored'; readonly indicatorId: null };

/** H11: the catalog indicator a resolution passed over for its unit, and that unit. */
export function passedOverFor(
  resolution: Resolution | null | undefined,
): { indicatorId: string; unit: string } | undefined {
  return resolution?.source === 'custom' ? resolution.differs : undefined;
}

/** H11's warning, on the header or cell that states the unit. */
export function unitDiffersIssue(
  differs: { readonly indicatorId: string; readonly unit: string },
  line: number,
  column: string,
): ImportIssue {
  return {
    severity: 'warning',
    code: 'unit-differs',
    line,
    column,
    raw: differs.unit,
    detail: differs.indicatorId,
  };
}

function isMappingTarget(id: string): boolean {
  if (id.startsWith('custom:')) return id.length > 'custom:'.length;
  const indicator = findIndicator(id);
  return indicator !== undefined && isStored(indicator);
}

/**
 * Header or indicator name → indicator: the user's mapping first, then the catalog's names and
 * aliases, else a custom indicator of its own. A mapping to an id that no longer exists is
 * reported and passed over. A name whose stated `unit` counts another kind of thing than the
 * catalog indicator it names is not that indicator (H11): it is keyed with its unit
 * (`法治培训（人次）` → `法治培训人次`, as H10 keys that header), so the user's mapping of it is its own.
 */
export function resolveIndicator(
  keys: readonly string[],
  labels: readonly string[],
  mappings: Mappings,
  stale: (target: string) => void,
  unit: string | null = null,
): Resolution {
  const passedOver = unitDiffers(labels, unit);
  if (passedOver && unit !== null) {
    const written = unitOfCell(unit) ?? unit;
    const withUnit = keys.map((key) => `${key}${written}`);
    const resolution = resolveIndicator(withUnit, [], mappings, stale);
    return resolution.source === 'custom'
      ? { ...resolution, differs: { indicatorId: passedOver.id, unit: written } }
      : resolution;
  }
  for (const key of keys) {
    if (!Object.hasOwn(mappings, key)) continue;
    const target = mappings[key] ?? '';
    if (target === IGNORE) return { source: 'ignored', indicatorId: null };
    if (isMappingTarget(target)) return { source: 'mapping', indicatorId: target };
    stale(target);
    break;
  }
  for (const label of labels) {
    const indicator = matchHeader(label);
    if (indicator) return { source: 'catalog', indicatorId: indicator.id };
  }
  return { source: 'custom', indicatorId: customIndicatorId(keys[0] ?? '') };
}

/** An indicator named in a cell of the long or sheet layout. */
export function resolveIndicatorName(
  name: string,
  mappings: Mappings,
  stale: (target: string) => void,
  unit: string | null = null,
): Resolution {
  return resolveIndicator([headerKey(name)], [name], mappings, stale, unit ?? headerUnit(name));
}

/** A custom indicator named in a cell; one passed over for its unit (H11) is labelled with it: 法治培训人次. */
export function customIndicatorOf(
  id: string,
  name: string,
  unit: string | null,
  resolution?: Resolution,
): CustomIndicator {
  const differs = passedOverFor(resolution);
  return {
    id,
    label: differs ? `${headerLabel(name)}${differs.unit}` : headerLabel(name),
    unit: unit ?? headerUnit(name),
  };
}

export interface MappedColumn extends ImportColumn {
  readonly index: number;
  /** Two columns claim this indicator (for the same year): neither is read until the user decides. */
  readonly conflict: boolean;
  /** The year of the column's values, from a header row above or below its name. */
  readonly year?: HeaderYear;
}

export interface MappedColumns {
  readonly columns: readonly MappedColumn[];
  readonly customIndicators: readonly CustomIndicator[];
  readonly issues: readonly ImportIssue[];
}

/** A header that is a year and nothing else: `2019年`, `2021年度`, `本年`, `上年同期`. */
function namesOnlyAYear(header: HeaderColumn): boolean {
  return header.labels.length > 0 && header.labels.every((label) => parseYearHeader(label) !== undefined);
}

/** Decides every headed column of a wide table; two columns for one indicator are both errors. */
export function mapColumns(block: HeaderBlock, mappings: Mappings): MappedColumns {
  const issues: ImportIssue[] = [];
  const decided: { header: HeaderColumn; role: ColumnRole | null; resolution: Resolution | null }[] = [];
  for (const header of block.columns) {
    const role = block.roles.get(header.index) ?? null;
    if (role === null && header.labels.length === 0) continue;
    const resolution =
      role !== null
        ? null
        : resolveIndicator(
            [...new Set([header.key, ...header.labels.map(headerKey)])],
            header.labels,
            mappings,
            (target) =>
              issues.push({
                severity: 'warning',
                code: 'unknown-indicator',
                line: header.line,
                column: columnLetter(header.index),
                raw: target,
                detail: header.header,
              }),
            header.unit,
          );
    const differs = passedOverFor(resolution);
    if (differs) issues.push(unitDiffersIssue(differs, header.line, columnLetter(header.index)));
    // `镇街, 2019年, 2020年, 2021年`: a year for a header names no indicator (H13). Its figures are
    // no one's: an error, and the column is not read.
    if (resolution?.source === 'custom' && header.year === undefined && namesOnlyAYear(header)) {
      issues.push({
        severity: 'error',
        code: 'year-as-header',
        line: header.line,
        column: columnLetter(header.index),
        raw: header.header,
      });
      decided.push({ header, role, resolution: { source: 'ignored', indicatorId: null } });
      continue;
    }
    decided.push({ header, role, resolution });
  }

  // `调解纠纷 2020年` and `调解纠纷 2021年` are one indicator in two years, not a clash.
  const claim = (indicatorId: string, header: HeaderColumn) =>
    `${indicatorId}|${JSON.stringify(header.year ?? null)}`;
  const byIndicator = new Map<string, number[]>();
  for (const { header, resolution } of decided) {
    if (!resolution?.indicatorId) continue;
    const key = claim(resolution.indicatorId, header);
    const list = byIndicator.get(key) ?? [];
    list.push(header.index);
    byIndicator.set(key, list);
  }

  const customIndicators = new Map<string, CustomIndicator>();
  const columns = decided.map(({ header, role, resolution }): MappedColumn => {
    const indicatorId = resolution?.indicatorId ?? null;
    const sharing = indicatorId === null ? [] : (byIndicator.get(claim(indicatorId, header)) ?? []);
    const conflict = sharing.length > 1;
    if (conflict && indicatorId !== null) {
      issues.push({
        severity: 'error',
        code: 'duplicate-indicator-column',
        line: header.line,
        column: columnLetter(header.index),
        raw: header.header,
        detail: sharing
          .filter((i) => i !== header.index)
          .map(columnLetter)
          .join('、'),
        indicatorId,
      });
    }
    const differs = passedOverFor(resolution);
    if (indicatorId?.startsWith('custom:') && !customIndicators.has(indicatorId)) {
      customIndicators.set(indicatorId, {
        id: indicatorId,
        label: differs ? `${header.label}${differs.unit}` : header.label,
        unit: header.unit,
      });
    }
    return {
      index: header.index,
      column: columnLetter(header.index),
      header: header.header,
      // A column passed over for its unit (H11) is mapped under its key with the unit.
      headerKey: differs ? `${header.key}${differs.unit}` : header.key,
      indicatorId,
      source: role !== null ? 'role' : (resolution?.source ?? 'ignored'),
      role,
      conflict,
      ...(header.year === undefined ? {} : { year: header.year }),
    };
  });
  return { columns, customIndicators: [...customIndicators.values()], issues };
}
