import Papa from 'papaparse';
import { neutralizeCell } from '../export/neutralize-cell.ts';
import type { DbClient } from './client.ts';

export const FACTS_CSV_HEADER = [
  '镇街',
  '镇街代码',
  '年度',
  '指标',
  '指标代码',
  '数值',
  '约数',
  '原文',
  '单位',
  '备注',
  '来源文件',
  '来源行',
  '来源列',
  '导入时间',
] as const;

/**
 * Every stored value (no derived rates) as one long CSV with where it came from, as Excel's
 * "CSV UTF-8" writes it: a BOM, CRLF line ends. It imports back as a long table. Every text
 * cell is neutralised, so nothing a township wrote runs as a formula in Excel or WPS.
 */
export async function exportFactsCsv(db: DbClient): Promise<string> {
  const rows = await db.query<{
    township_name: string;
    township_code: string;
    year: number;
    indicator_name: string;
    indicator_id: string;
    value: number;
    approximate: boolean;
    raw_text: string | null;
    unit: string | null;
    note: string | null;
    file_name: string | null;
    source_line: number | null;
    source_column: string | null;
    imported_at: string | null;
  }>(
    `SELECT COALESCE(t.name, f.township_code) AS township_name, f.township_code, f.year,
            COALESCE(i.name_zh, f.indicator_id) AS indicator_name, f.indicator_id, f.value, f.approximate,
            f.raw_text, i.unit_zh AS unit, f.note, m.file_name, f.source_line, f.source_column,
            strftime(m.imported_at, '%Y-%m-%d %H:%M:%S') AS imported_at
     FROM facts f
     LEFT JOIN townships t ON t.code = f.township_code
     LEFT JOIN indicators i ON i.id = f.indicator_id
     LEFT JOIN imports m ON m.id = f.import_id
     ORDER BY t.sort_order NULLS LAST, f.township_code, f.year, i.sort_order NULLS LAST, f.indicator_id`,
  );
  const text = (value: string | null) => neutralizeCell(value ?? '');
  const cells = rows.map((r) => [
    text(r.township_name),
    text(r.township_code),
    String(r.year),
    text(r.indicator_name),
    text(r.indicator_id),
    String(r.value),
    r.approximate ? '是' : '否',
    text(r.raw_text),
    text(r.unit),
    text(r.note),
    text(r.file_name),
    r.source_line === null ? '' : String(r.source_line),
    text(r.source_column),
    text(r.imported_at),
  ]);
  return `\uFEFF${Papa.unparse([[...FACTS_CSV_HEADER], ...cells], { newline: '\r\n' })}\r\n`;
}
