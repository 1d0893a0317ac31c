import {
  isFootnoteRow,
  isGroupHeadingRow,
  isSummaryLabel,
  isTitleRow,
  isTotalsLabel,
} from './classify-row.ts';
import { headerKey, headerLabel, headerUnit, matchHeader, unitOfCell } from './match-header.ts';
import { normalizeLabel, trimCell } from './normalize-text.ts';
import { isBlankRow } from './parse-csv.ts';
import { parseValue } from './parse-value.ts';
import { type HeaderYear, parseYearHeader, splitYearFromHeader } from './parse-year.ts';

export type ColumnRole =
  | 'township'
  | 'code'
  | 'year'
  | 'indicator'
  | 'value'
  | 'unit'
  | 'note'
  | 'serial'
  | 'other';
export type HeaderLayout = 'long' | 'sheet' | 'wide' | 'transposed';

/** One column of the header, its one or two header rows and a unit row combined. */
export interface HeaderColumn {
  readonly index: number;
  /** What the header rows say above this column, joined by a space. */
  readonly header: string;
  /** Labels to match against the catalog, most specific first. */
  readonly labels: readonly string[];
  /** headerKey of the whole header: what mappings are keyed by and custom ids are made of. */
  readonly key: string;
  /** The header without its unit, for a custom indicator's name. */
  readonly label: string;
  readonly unit: string | null;
  /** Row number of the header row the label was read from. */
  readonly line: number;
  /**
   * A wide column under a year (`调解纠纷` over `2020年`, `2021年`, or `2020年` over indicators):
   * the year of its values, whatever the row's or the file's year; or under `本年` / `上年`: the
   * row's year or the one before it.
   */
  readonly year?: HeaderYear;
}

export interface HeaderBlock {
  readonly layout: HeaderLayout;
  /** Index of the first header row. */
  readonly start: number;
  /** Index of the first row after the header rows. */
  readonly end: number;
  readonly columns: readonly HeaderColumn[];
  readonly roles: ReadonlyMap<number, ColumnRole>;
  /**
   * The value columns of a table with its indicators in the rows and no 数值 column, each headed by
   * what its values are of: a year (`指标, 2020年, 2021年`) or a township (`指标, 宝龙镇, 上和镇`,
   * layout `transposed`). Undefined for every other table, whose one value column has role `value`.
   */
  readonly across?: Across;
}

export type Across =
  | {
      readonly kind: 'year';
      readonly columns: readonly { readonly index: number; readonly year: HeaderYear }[];
    }
  | {
      readonly kind: 'township';
      /** `text` is the header as written, for the township resolver; totals columns are `totals`. */
      readonly columns: readonly {
        readonly index: number;
        readonly text: string;
        readonly totals: boolean;
      }[];
    };

/** Header rows sit below at most this many title, unit, note and blank rows. */
export const HEADER_SEARCH_ROWS = 20;

const ROLE_LABELS: Readonly<Record<ColumnRole, readonly string[]>> = {
  township: [
    '镇街',
    '镇街名称',
    '镇街道',
    '街镇',
    '乡镇',
    '乡镇名称',
    '乡镇街道',
    '乡镇(街道)',
    '镇(街道)',
    '镇(街)',
    '镇(乡、街道)',
    '单位名称',
    '填报单位',
    '名称',
    '地区',
    'township',
  ],
  // The township's statistical division code, beside its name (T9).
  code: ['区划代码', '统计用区划代码', '行政区划代码', '区划编码', '镇街代码', '镇街编码', '代码', 'code'],
  year: [
    '年度',
    '年份',
    '年',
    '统计年度',
    '报告年度',
    '时期',
    '期别',
    '统计期',
    '统计期间',
    '报告期',
    'year',
  ],
  indicator: ['指标', '指标名称', '指标项', '项目', '项目名称', '名称', '内容', '工作内容', 'indicator'],
  value: [
    '数值',
    '数据',
    '值',
    '指标值',
    '数量',
    '完成数',
    '完成值',
    '完成数值',
    '实际完成',
    '实际完成数',
    'value',
  ],
  unit: ['单位', '计量单位', 'unit'],
  note: [
    '备注',
    '说明',
    '备注说明',
    '情况说明',
    '其他说明',
    '附注',
    '备注1',
    '备注2',
    '存在问题',
    '问题说明',
    'note',
    'notes',
  ],
  serial: ['序号', '编号', '序', 'no', 'no.', '#'],
  other: [
    '联系人',
    '联系电话',
    '填报人',
    '审核人',
    '填报日期',
    '数据来源',
    '区县',
    '所属区县',
    '类型',
    '类别',
    // A place among the townships, or whether a report came in: not a figure reported.
    '排名',
    '名次',
    '排序',
    '是否按时报送',
    '报送情况',
    '报送时间',
    // A change worked out from two years' figures (`本年数, 上年数, 同比增减（%）`): not a figure reported.
    '增减',
    '增减数',
    '增减量',
    '增减率',
    '增减幅度',
    '增减情况',
    '增长',
    '增长率',
    '增幅',
    '同比',
    '同比增减',
    '同比增长',
    '同比增长率',
    '同比增减率',
    '同比增减幅度',
    '比上年增减',
    '较上年增减',
    '比上年增长',
    '较上年增长',
  ],
};

const ROLE_INDEX: ReadonlyMap<string, ColumnRole> = new Map(
  Object.entries(ROLE_LABELS).flatMap(([role, labels]) =>
    labels.map((label) => [normalizeLabel(label), role as ColumnRole] as const),
  ),
);

/** In a wide table `单位` names the reporting township, not a unit. */
const WIDE_ROLES: ReadonlySet<ColumnRole> = new Set(['township', 'code', 'year', 'note', 'serial', 'other']);

function roleOf(column: HeaderColumn): ColumnRole | undefined {
  for (const label of column.labels) {
    const role = roleOfLabel(label);
    if (role) return role;
  }
  return undefined;
}

function roleOfLabel(label: string): ColumnRole | undefined {
  return ROLE_INDEX.get(normalizeLabel(label)) ?? ROLE_INDEX.get(headerKey(label));
}

/**
 * Whether a header cell labels a column of `role` in a table of `layout`: `镇街`, `单位名称` a
 * township column; in a wide table `单位` too.
 */
export function labelsRole(text: string, role: ColumnRole, layout: HeaderLayout): boolean {
  if (layout === 'wide' && role === 'township' && normalizeLabel(text) === '单位') return true;
  return roleOfLabel(text) === role;
}

function makeColumn(
  index: number,
  top: string,
  bottom: string,
  filledTop: string,
  unitCell: string,
  topLine: number,
): HeaderColumn {
  const unitBelow = unitOfCell(unitCell);
  const unitShown = unitBelow === null ? '' : unitCell;
  const bottomUnit = bottom === '' ? null : unitOfCell(bottom);
  const shown = (parts: readonly string[]) => parts.filter((p) => p !== '').join(' ');
  if (bottom === '' || bottomUnit !== null || filledTop === '') {
    const text = bottom === '' || bottomUnit !== null ? top : bottom;
    // `2021年调解纠纷（件）`, `本年法律咨询`: an indicator of the catalog and the year of its figures.
    const split = splitYearFromHeader(text);
    if (split && matchHeader(split.name)) {
      return {
        index,
        header: shown([top, bottom, unitShown]),
        labels: [split.name],
        key: headerKey(split.name),
        label: headerLabel(split.name),
        unit: unitBelow ?? bottomUnit ?? headerUnit(split.name),
        line: text === top ? topLine : topLine + 1,
        year: split.year,
      };
    }
    return {
      index,
      header: shown([top, bottom, unitShown]),
      labels: text === '' ? [] : [text],
      key: headerKey(text),
      label: headerLabel(text),
      unit: unitBelow ?? bottomUnit ?? headerUnit(text),
      line: text === top ? topLine : topLine + 1,
    };
  }
  const yearBelow = parseYearHeader(bottom);
  const yearAbove = parseYearHeader(filledTop);
  if (yearBelow !== undefined || yearAbove !== undefined) {
    const text = yearBelow !== undefined ? filledTop : bottom;
    return {
      index,
      header: shown([filledTop, bottom, unitShown]),
      labels: [text],
      key: headerKey(text),
      label: headerLabel(text),
      unit: unitBelow ?? headerUnit(text),
      line: yearBelow !== undefined ? topLine : topLine + 1,
      year: yearBelow ?? yearAbove,
    };
  }
  return {
    index,
    header: shown([filledTop, bottom, unitShown]),
    labels: [bottom, `${filledTop}${bottom}`],
    key: headerKey(filledTop) + headerKey(bottom),
    label: `${headerLabel(filledTop)} ${headerLabel(bottom)}`,
    unit: unitBelow ?? headerUnit(bottom) ?? headerUnit(filledTop),
    line: topLine + 1,
  };
}

/**
 * Combines the header rows per column. A group heading merged over several columns reaches the
 * CSV only in its first column, so it is carried right over the columns below it that have a
 * lower label of their own.
 */
function headerColumns(
  rows: readonly (readonly string[])[],
  start: number,
  twoRows: boolean,
  unitRow: readonly string[] | undefined,
): HeaderColumn[] {
  const topRow = rows[start] ?? [];
  const bottomRow = twoRows ? (rows[start + 1] ?? []) : [];
  const width = Math.max(topRow.length, bottomRow.length, unitRow?.length ?? 0);
  const columns: HeaderColumn[] = [];
  let carried = '';
  let previousBottom = '';
  let unitHeading: { readonly text: string; readonly unit: string } | undefined;
  for (let index = 0; index < width; index++) {
    const written = trimCell(topRow[index] ?? '');
    const bottom = trimCell(bottomRow[index] ?? '');
    const unitCell = trimCell(unitRow?.[index] ?? '');
    const unit = unitOfCell(unitCell);
    // `法治培训` merged over the units `场次` and `人次`: the heading reaches the CSV in its first
    // column only, and each unit below it is the heading's in that unit (H11). Under the same unit
    // again, a column with no header stays unnamed.
    const top =
      written === '' && bottom === '' && unit !== null && unitHeading && unitHeading.unit !== unit
        ? unitHeading.text
        : written;
    unitHeading = top !== '' && bottom === '' && unit !== null ? { text: top, unit } : undefined;
    const bottomIsLabel = bottom !== '' && unitOfCell(bottom) === null;
    const filledTop = top !== '' ? top : bottomIsLabel && previousBottom !== '' ? carried : '';
    carried = filledTop;
    previousBottom = bottomIsLabel ? bottom : '';
    columns.push(makeColumn(index, top, bottom, filledTop, unitCell, start + 1));
  }
  return columns;
}

/** A row of units under the header: `,,（次）,（人）,件,%`. */
function isUnitRow(row: readonly string[] | undefined): boolean {
  if (!row || isBlankRow(row)) return false;
  let units = 0;
  for (const cell of row) {
    const text = trimCell(cell);
    if (text === '') continue;
    if (unitOfCell(text) !== null) units++;
    else if (!/^(计量)?单位$/.test(normalizeLabel(text))) return false;
  }
  return units > 0;
}

/** A second header row: labels only, no figure, dash, township name or total in it. */
function isSecondHeaderRow(
  row: readonly string[] | undefined,
  isTownship: (text: string) => boolean,
): boolean {
  if (!row || isBlankRow(row) || isFootnoteRow(row) || isGroupHeadingRow(row)) return false;
  for (const cell of row) {
    const text = trimCell(cell);
    if (text === '') continue;
    if (parseValue(text).kind !== 'invalid' || isTownship(text) || isTotalsLabel(text)) return false;
  }
  return true;
}

function firstWithRole(roles: ReadonlyMap<number, ColumnRole>, role: ColumnRole): number | undefined {
  for (const [index, r] of roles) if (r === role) return index;
  return undefined;
}

function recordRoles(columns: readonly HeaderColumn[]): Map<number, ColumnRole> | undefined {
  const roles = new Map<number, ColumnRole>();
  const taken = new Set<ColumnRole>();
  for (const column of columns) {
    const role = roleOf(column);
    if (!role || (taken.has(role) && role !== 'other' && role !== 'note')) continue;
    // A second note column (`备注1, 备注2`, `备注, 情况说明`): text like the first, kept out of the figures.
    roles.set(column.index, taken.has(role) && role === 'note' ? 'other' : role);
    taken.add(role);
  }
  return taken.has('indicator') && taken.has('value') ? roles : undefined;
}

/**
 * A header with an indicator column and, instead of a 数值 column, one value column per year
 * (every other labelled column a year) or per township (most of them district townships, the rest
 * read as township names too, so a typo is reported rather than dropped; 合计 columns are totals).
 */
function acrossRoles(
  columns: readonly HeaderColumn[],
  isTownship: (text: string) => boolean,
): { roles: Map<number, ColumnRole>; across: Across } | undefined {
  const roles = new Map<number, ColumnRole>();
  const taken = new Set<ColumnRole>();
  const rest: HeaderColumn[] = [];
  for (const column of columns) {
    if (column.labels.length === 0) continue;
    const role = roleOf(column);
    if (role === 'value') return undefined;
    // `指标, 宝龙镇, 上和镇, 平均`: worked out from the others, never facts (R13).
    if (!role && isSummaryLabel(column.labels[0] ?? '')) {
      roles.set(column.index, 'other');
      continue;
    }
    if (!role || (taken.has(role) && role !== 'other')) {
      rest.push(column);
      continue;
    }
    roles.set(column.index, role);
    taken.add(role);
  }
  const text = (column: HeaderColumn) => column.labels[0] ?? '';
  // `,宝龙镇,上和镇`: with no 指标 label, names of two district townships say the indicators are in
  // the first column, as a wide table's townships are when it has no 镇街 label.
  const unlabelledFirst = columns[0] !== undefined && columns[0].labels.length === 0;
  if (!taken.has('indicator') && unlabelledFirst && rest.filter((c) => isTownship(text(c))).length >= 2) {
    roles.set(0, 'indicator');
  }
  const indicator = firstWithRole(roles, 'indicator');
  if (indicator === undefined || rest.length === 0 || rest.some((c) => c.index < indicator)) return undefined;
  const years = rest.map((column) => ({ index: column.index, year: parseYearHeader(text(column)) }));
  if (years.every((c) => c.year !== undefined)) {
    for (const c of years) roles.set(c.index, 'value');
    return { roles, across: { kind: 'year', columns: years as { index: number; year: HeaderYear }[] } };
  }
  if (taken.has('township')) return undefined;
  const named = rest.map((column) => ({
    index: column.index,
    text: trimCell(text(column)),
    totals: isTotalsLabel(text(column)),
  }));
  const townships = named.filter((c) => !c.totals);
  const known = townships.filter((c) => isTownship(c.text)).length;
  if (known === 0 || known * 2 < townships.length) return undefined;
  for (const c of named) roles.set(c.index, 'value');
  return { roles, across: { kind: 'township', columns: named } };
}

/**
 * `指标, 数值, 上年数值` or `指标, 数值, 2020年`: columns of other years beside the 数值 column,
 * whose figures are the row's year (L13). Without them the table has its one value column.
 */
function besideValue(
  columns: readonly HeaderColumn[],
  roles: Map<number, ColumnRole>,
): { roles: Map<number, ColumnRole>; across?: Across } {
  const value = firstWithRole(roles, 'value');
  const years = columns.flatMap((column) => {
    const year = roles.has(column.index) ? undefined : parseYearHeader(column.labels[0] ?? '');
    return year === undefined ? [] : [{ index: column.index, year }];
  });
  if (value === undefined || years.length === 0) return { roles };
  for (const column of years) roles.set(column.index, 'value');
  return { roles, across: { kind: 'year', columns: [{ index: value, year: { offset: 0 } }, ...years] } };
}

function wideRoles(columns: readonly HeaderColumn[]): Map<number, ColumnRole> | undefined {
  const roles = new Map<number, ColumnRole>();
  const taken = new Set<ColumnRole>();
  for (const column of columns) {
    const role = normalizeLabel(column.labels[0] ?? '') === '单位' ? 'township' : roleOf(column);
    if (!role || !WIDE_ROLES.has(role) || (taken.has(role) && role !== 'other' && role !== 'note')) continue;
    roles.set(column.index, taken.has(role) && role === 'note' ? 'other' : role);
    taken.add(role);
  }
  const rest = columns.filter((c) => !roles.has(c.index) && c.labels.length > 0);
  if (taken.has('township')) return rest.length > 0 ? roles : undefined;
  // No township label: a table whose first unlabelled column holds the names, e.g. `,中心组学法,…`.
  const matched = rest.filter((c) => c.labels.some((label) => matchHeader(label)));
  const firstMatched = matched[0];
  if (matched.length < 2 || firstMatched === undefined) return undefined;
  const names = columns.find(
    (c) => c.index < firstMatched.index && !roles.has(c.index) && !matched.includes(c),
  );
  if (!names) return undefined;
  roles.set(names.index, 'township');
  return roles;
}

/**
 * Finds the header below title, note, unit and blank rows and decides the layout from it:
 * `long` (镇街, 年度, 指标, 数值), `sheet` (指标, 数值 without a township column), `wide` (a
 * township column and one column per indicator) or `transposed` (指标 and one column per
 * township). `long` and `sheet` may have a column per year instead of 数值 (指标, 2020年, 2021年).
 */
export function findHeader(
  rows: readonly (readonly string[])[],
  isTownship: (text: string) => boolean,
  /** Where to begin: a table further down the file (find-tables.ts). */
  from = 0,
): HeaderBlock | undefined {
  const limit = Math.min(rows.length, from + HEADER_SEARCH_ROWS);
  for (let start = from; start < limit; start++) {
    const row = rows[start] ?? [];
    if (isBlankRow(row) || isFootnoteRow(row) || isTitleRow(row)) continue;

    const unitBelow = isUnitRow(rows[start + 1]);
    const single = headerColumns(rows, start, false, unitBelow ? rows[start + 1] : undefined);
    const singleEnd = start + (unitBelow ? 2 : 1);
    const records = recordRoles(single);
    if (records) {
      const layout = firstWithRole(records, 'township') === undefined ? 'sheet' : 'long';
      return { layout, start, end: singleEnd, columns: single, ...besideValue(single, records) };
    }
    const across = acrossRoles(single, isTownship);
    if (across) {
      const hasTownship = firstWithRole(across.roles, 'township') !== undefined;
      const layout = across.across.kind === 'township' ? 'transposed' : hasTownship ? 'long' : 'sheet';
      return { layout, start, end: singleEnd, columns: single, ...across };
    }
    if (!unitBelow && isSecondHeaderRow(rows[start + 1], isTownship)) {
      const unitAfter = isUnitRow(rows[start + 2]);
      const combined = headerColumns(rows, start, true, unitAfter ? rows[start + 2] : undefined);
      const roles = wideRoles(combined);
      if (roles) {
        return { layout: 'wide', start, end: start + (unitAfter ? 3 : 2), columns: combined, roles };
      }
    }
    const roles = wideRoles(single);
    if (roles) return { layout: 'wide', start, end: singleEnd, columns: single, roles };
  }
  return undefined;
}

export function columnWithRole(block: HeaderBlock, role: ColumnRole): number | undefined {
  return firstWithRole(block.roles, role);
}
