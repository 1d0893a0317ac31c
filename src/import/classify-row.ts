import { normalizeLabel, trimCell } from './normalize-text.ts';

/** What a footnote row's first cell starts with, before a colon or a space (regular expressions). */
export const FOOTNOTE_LABELS = [
  '注\\d*',
  '备注',
  '说明',
  '填报单位',
  '填报人',
  '填表人',
  '填报日期',
  '填表日期',
  '数据来源',
  '资料来源',
  '制表人?',
  '制表日期',
  '审核人?',
  '联系人',
  '联系电话',
  '负责人',
  '单位负责人',
] as const;
/** `填报单位（盖章）：…`: a note in brackets may stand between the label and its colon. */
const FOOTNOTE = new RegExp(`^(${FOOTNOTE_LABELS.join('|')})\\s*([(（][^)）]{0,8}[)）])?\\s*[:：\\s]`);
const META_CELL =
  /^(单位|计量单位|金额单位|填报单位|填报日期|填表日期|统计时间|日期|制表人?|审核人?)\s*([(（][^)）]{0,8}[)）])?\s*[:：]/;
const TOTALS =
  /^(其中[:：]?)?[\p{Script=Han}]{0,4}(合计|总计|小计|合计数|汇总)$|^(总数|全区|全县|全市|全旗)$/u;

export function firstFilledCell(row: readonly string[]): { readonly index: number; readonly text: string } {
  for (let index = 0; index < row.length; index++) {
    const text = trimCell(row[index] ?? '');
    if (text !== '') return { index, text };
  }
  return { index: -1, text: '' };
}

/** `注：…`, `填报单位：…`, `数据来源：…`, `制表人：…` rows around the table, never data. */
export function isFootnoteRow(row: readonly string[]): boolean {
  return FOOTNOTE.test(firstFilledCell(row).text);
}

/** A title row: one cell of text (`潼南区2021年度…统计表`), perhaps beside a `单位：件` note. */
export function isTitleRow(row: readonly string[]): boolean {
  let filled = 0;
  for (const cell of row) {
    const text = trimCell(cell);
    if (text !== '' && !META_CELL.test(text)) filled++;
    if (filled > 1) return false;
  }
  return true;
}

/** `合计`, `合 计`, `总计`, `全区合计`, `全区汇总`, `全区`, `小计`, `街道小计`, `其中：镇小计`. */
export function isTotalsLabel(text: string): boolean {
  return TOTALS.test(normalizeLabel(text));
}

const SUMMARY =
  /^(全区|全县|全市|全旗|全镇)?(平均|平均值|平均数|均值|中位数|最大值|最小值|最高值|最低值)$|^其中[:：]?(街道|镇|乡|乡镇|镇街|街镇|城区|农村)$/u;

/**
 * A row of figures worked out from the townships' that is no total to check: `平均`, `全区平均`,
 * `中位数`, `最大值`, or a share `其中：街道` (R13). Never a township, never facts.
 */
export function isSummaryLabel(text: string): boolean {
  return SUMMARY.test(normalizeLabel(text));
}

export function isSubtotalLabel(text: string): boolean {
  return normalizeLabel(text).endsWith('小计');
}

/**
 * A group heading: `一、街道`, `（二）镇`, or the bare word `街道`, `镇`, `乡`, `乡镇` — a row that
 * names a group of townships below it, never a township itself.
 */
const GROUP_HEADING =
  /^(([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])\s*[\p{Script=Han}]{1,8}|街道|镇|乡|镇街|乡镇|街镇)$/u;

export function isGroupHeading(text: string): boolean {
  return GROUP_HEADING.test(trimCell(text));
}

/** A row whose one filled cell is a group heading (`一、街道,,,`). */
export function isGroupHeadingRow(row: readonly string[]): boolean {
  const filled = row.map(trimCell).filter((text) => text !== '');
  return filled.length === 1 && isGroupHeading(filled[0] ?? '');
}
