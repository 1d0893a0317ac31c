import Papa from 'papaparse';
import type { Township } from '../district/district.ts';
import { CATALOG, type Indicator, isStored } from '../indicators/catalog.ts';
import { neutralizeCell } from './neutralize-cell.ts';

export interface TemplateOptions {
  readonly townships: readonly Township[];
  readonly year: number;
  /** Columns to fill, in this order; default every indicator a township states (no derived rates). */
  readonly indicators?: readonly Indicator[];
}

/** `调解纠纷（件）`: the name and unit the importer reads back from a header. */
export function formatIndicatorHeader(indicator: Indicator): string {
  return `${indicator.name.zh}（${indicator.unit.zh}）`;
}

/**
 * A blank wide-layout CSV for the townships to fill in, as Excel's "CSV UTF-8" writes it: a BOM
 * (without it Excel on Chinese Windows reads the file as GBK and garbles it), CRLF line ends, a
 * title row padded to the table's width, the header, and one row per township.
 */
export function writeTemplateCsv(options: TemplateOptions): string {
  const indicators = options.indicators ?? CATALOG.filter(isStored);
  const header = ['序号', '镇街', '年度', ...indicators.map(formatIndicatorHeader), '备注'];
  const title = [`${options.year}年度各镇街法治政府建设主要指标统计表`, ...header.slice(1).map(() => '')];
  const rows = options.townships.map((township, index) => [
    String(index + 1),
    township.name,
    `${options.year}年`,
    ...indicators.map(() => ''),
    '',
  ]);
  const cells = [title, header, ...rows].map((row) => row.map(neutralizeCell));
  return `\uFEFF${Papa.unparse(cells, { newline: '\r\n' })}\r\n`;
}
