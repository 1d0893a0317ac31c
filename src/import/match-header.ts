import { CATALOG, type Indicator, isStored } from '../indicators/catalog.ts';
import { COUNT_UNITS, unitKind } from './count-units.ts';
import { LIST_NUMBER, normalizeLabel, toHalfWidth, trimCell } from './normalize-text.ts';
import { findPartOfYearIn } from './parse-year.ts';
import { isSizedCountUnit } from './unit-scale.ts';

const BRACKETS = /[(（[【][^)）\]】]*[)）\]】]/g;
const SLASH_UNIT = /\/[^/]{1,4}$/;

/** Marks a table puts beside a header to point to a note: `调解纠纷（件）*`, `★调解纠纷`. */
const MARKS = /^[*※#△▲☆★]+|[*※#△▲☆★]+$/g;

/** `其中：调解成功` (of which: …) names the part by itself. */
const OF_WHICH = /^其中\s*[:：]?\s*/;

/**
 * Words in a header's brackets that say what its figures are, not their unit (H12): a part of the
 * year (`（1-11月）`, `（上半年）`), a plan or target, last year's, a share or change, a part of the
 * whole (`（其中线上）`, `（不含…）`). Such a header is not the catalog indicator its name names;
 * `（含线上）`, a whole that includes a part, is.
 */
const QUALIFIER =
  /计划|目标|任务|预计|预算|上年|去年|同期|占比|比例|比重|同比|环比|增长|增减|其中|(?<!含)(?:线上|线下|网上)|不含|除/;

function qualifies(inner: string): boolean {
  return QUALIFIER.test(inner) || findPartOfYearIn(inner) !== undefined;
}

/** Brackets that hold a unit or a note are dropped; those holding a qualifier stay (H12). */
function dropBrackets(text: string): string {
  return text.replace(BRACKETS, (bracket) => (qualifies(bracket.slice(1, -1)) ? bracket : ''));
}

/** `法律咨询/人次`: a unit after a slash is dropped; `法律咨询/援助` names two things and stays. */
function dropSlashUnit(text: string): string {
  return text.replace(SLASH_UNIT, (slash) => (unitOfCell(slash.slice(1)) === null ? slash : ''));
}

/**
 * A header or indicator label without its unit, list number or `其中：`: `调解纠纷（件）`,
 * `调解纠纷(件)`, `法律咨询/人次`, ` 调解纠纷 `, `3、调解纠纷` and `（3）调解纠纷` all become `调解纠纷`.
 */
export function headerKey(label: string): string {
  const folded = normalizeLabel(label).replace(LIST_NUMBER, '').replace(OF_WHICH, '').replace(MARKS, '');
  const withoutBrackets = dropBrackets(folded).replace(MARKS, '');
  return dropSlashUnit(withoutBrackets).replace(/[:：]$/, '');
}

/** The label as written, without its unit or list number: `3. 网格员培训（人次）` → `网格员培训`. */
export function headerLabel(label: string): string {
  const folded = dropSlashUnit(
    dropBrackets(trimCell(trimCell(label).replace(LIST_NUMBER, '').replace(OF_WHICH, ''))),
  );
  return trimCell(folded.replace(/[\s\u3000\u00a0]+/g, ' '));
}

/** The unit a header carries: `调解纠纷（件）` → `件`, `调解成功率(%)` → `%`, `法律咨询/人次` → `人次`. */
export function headerUnit(label: string): string | null {
  const folded = toHalfWidth(trimCell(label)).replace(/[\s\u3000\u00a0]+/g, '');
  const bracket = /[([【]([^)\]】]*)[)\]】]$/.exec(folded);
  if (bracket?.[1] !== undefined && qualifies(bracket[1])) return null;
  const slash = SLASH_UNIT.exec(folded)?.[0].slice(1);
  const unit = bracket?.[1] ?? (slash !== undefined && unitOfCell(slash) !== null ? slash : undefined);
  return unit ? unit : null;
}

const UNIT_WORDS: ReadonlySet<string> = new Set([
  ...COUNT_UNITS,
  '小时',
  '天',
  '元',
  '万元',
  '%',
  '名/校',
  '人/校',
  '个/校',
]);

/** A cell of a unit row: `件`, `（人次）`, `%`, `单位：件`. */
export function unitOfCell(text: string): string | null {
  const folded = toHalfWidth(trimCell(text))
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/^(计量)?单位[:：]/, '');
  const inner = /^[([【]([^)\]】]{1,6})[)\]】]$/.exec(folded)?.[1];
  if (inner !== undefined) return /\d/.test(inner) ? null : inner;
  return UNIT_WORDS.has(folded) || isSizedCountUnit(folded) ? folded : null;
}

function buildIndex(): Map<string, Indicator> {
  const index = new Map<string, Indicator>();
  for (const indicator of CATALOG) {
    if (!isStored(indicator)) continue;
    for (const label of [indicator.name.zh, indicator.name.en, indicator.id, ...indicator.aliases]) {
      const key = headerKey(label);
      if (!index.has(key)) index.set(key, indicator);
    }
  }
  return index;
}

const INDEX = buildIndex();

/** Words a header may end with that say a figure is a count of anything (`信访量`, `调解案件数`). */
const ANY_MEASURE = ['数量', '总数', '数', '量'];
/** Per unit of the catalog, the measure words that count in it: `法律咨询人次`, `宪法讲座场次`. */
const UNIT_MEASURES: Readonly<Record<string, readonly string[]>> = {
  名: ['名', '人数'],
  人: ['人', '人数'],
};
const MEASURES_LONGEST_FIRST = [
  ...new Set([...ANY_MEASURE, ...COUNT_UNITS, ...COUNT_UNITS.map((u) => `${u}数`), '人数']),
].sort((a, b) => b.length - a.length);

/**
 * A catalog name followed by a measure word in its own unit, or one of any unit (H10):
 * `法律咨询人次` and `调解案件数` are 法律咨询 and 调解纠纷; `法治培训人次` (people, not the
 * sessions 法治培训 counts in 场次) is not 法治培训.
 */
function withMeasure(key: string): Indicator | undefined {
  for (const measure of MEASURES_LONGEST_FIRST) {
    if (!key.endsWith(measure) || key.length <= measure.length) continue;
    const indicator = INDEX.get(key.slice(0, -measure.length));
    const unit = indicator?.unit.zh;
    // A rate is no count: `调解成功率数` names nothing.
    if (!indicator || unit === undefined || unit === '%') continue;
    const fits =
      ANY_MEASURE.includes(measure) ||
      measure === unit ||
      measure === `${unit}数` ||
      (UNIT_MEASURES[unit] ?? []).includes(measure);
    if (fits) return indicator;
  }
  return undefined;
}

/** The stored indicator a header or label names, or undefined when it names none. */
export function matchHeader(label: string): Indicator | undefined {
  const key = headerKey(label);
  return INDEX.get(key) ?? withMeasure(key);
}

/**
 * H11: the catalog indicator `labels` name when `unit`, the unit the file states for them (in a
 * header's brackets, a unit row or a unit cell), counts another kind of thing than the indicator
 * does: `法治培训（人次）` counts people, 法治培训 sessions (场次); `法律咨询（场）` counts events,
 * 法律咨询 people (人次); `调解成功（%）` is a rate, 调解成功 a count of cases. Units said of anything
 * (`个`, `次`, `项`) and sizes (`万人次` is 人次) differ from none.
 */
export function unitDiffers(labels: readonly string[], unit: string | null): Indicator | undefined {
  const written = unit === null ? null : unitOfCell(unit);
  if (written === null) return undefined;
  const kind = kindOf(isSizedCountUnit(written) ? written.replace(/^[十百千万亿]+/, '') : written);
  if (kind === undefined) return undefined;
  for (const label of labels) {
    const indicator = matchHeader(label);
    if (!indicator) continue;
    const own = kindOf(indicator.unit.zh);
    return own !== undefined && own !== kind ? indicator : undefined;
  }
  return undefined;
}

/** What a unit counts, for H11; `%` is a rate's (`调解成功（%）` is no count of successes). */
function kindOf(unit: string): string | undefined {
  return unit === '%' ? 'percent' : unitKind(unit);
}

/** Indicator ids custom columns get: `custom:` and the header key, so they never clash with the catalog. */
export function customIndicatorId(key: string): string {
  return `custom:${key}`;
}

/** The header key a custom indicator was made from, as mappings are keyed: `custom:网格员培训` → `网格员培训`. */
export function customIndicatorKey(id: string): string {
  return id.replace(/^custom:/, '');
}
