/**
 * Checks township CSV exports from the command line with the app's own import pipeline, and
 * says in Chinese what would be imported and what is wrong, without storing anything.
 *
 *   npm run check-files -- [--json] [--district CODE | --townships FILE] [--encoding NAME] <files...>
 *
 * Exit code: 0 when no file has errors, 1 when a file has errors or cannot be read, 2 for wrong
 * options. The printing is done by the pure `format*` functions, so it can be tested.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Township } from '../src/district/district.ts';
import { loadDistrict } from '../src/district/load-divisions.ts';
import { parseTownshipList } from '../src/district/parse-township-list.ts';
import { TONGNAN } from '../src/district/tongnan.ts';
import { decodeBytes, type TextEncodingName } from '../src/import/decode-bytes.ts';
import { type ImportPreview, importFile } from '../src/import/import-file.ts';
import type { ImportIssue } from '../src/import/import-issue.ts';
import { findIndicator } from '../src/indicators/catalog.ts';
import { zh } from '../src/messages/zh.ts';

export interface FactRow {
  readonly township: string;
  readonly townshipCode: string;
  readonly year: number;
  readonly indicatorId: string;
  readonly indicator: string;
  readonly unit: string | null;
  readonly value: number;
  readonly approximate: boolean;
  readonly rawText: string;
  readonly line: number;
  readonly column: string;
}

export interface IssueRow {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly raw: string | null;
  readonly message: string;
}

export interface FileReport {
  readonly file: string;
  readonly encoding: string | null;
  readonly layout: string | null;
  readonly year: number | null;
  readonly yearSource: string | null;
  /** The township of a one-township sheet. */
  readonly township: string | null;
  readonly townshipSource: string | null;
  readonly rowCount: number;
  readonly facts: readonly FactRow[];
  readonly issues: readonly IssueRow[];
}

export interface CheckOptions {
  readonly json: boolean;
  readonly district?: string;
  readonly townshipsFile?: string;
  readonly encoding?: TextEncodingName;
  readonly files: readonly string[];
}

export const USAGE = `用法：npm run check-files -- [选项] <文件…>

按看板的导入规则检查各镇街报来的 CSV 文件，列出将导入的数据和发现的问题，不保存任何数据。

选项：
  --json              以 JSON 格式输出
  --district 代码     按区县的统计用区划代码取镇街名单，如潼南区 500152
  --townships 文件    从名单文件取镇街名单（每行一个镇街，或“代码,名称”）
  --encoding 编码     指定文件编码：utf-8、utf-8-bom、gb18030（即 GBK）、utf-16le、utf-16be
  -h, --help          显示本说明

不指定镇街名单时，使用示例区县重庆市潼南区的 23 个镇街。
退出码：0 表示没有错误；1 表示有文件存在错误或无法读取；2 表示选项有误。`;

const ENCODINGS: Readonly<Record<string, TextEncodingName>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8-bom',
  'utf-8-sig': 'utf-8-bom',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  unicode: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
};

const ENCODING_LABELS: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8（无 BOM）',
  'utf-8-bom': 'UTF-8（带 BOM，Excel“CSV UTF-8”）',
  gb18030: 'GBK/GB18030（Excel/WPS 另存的“CSV”）',
  'utf-16le': 'UTF-16LE（Excel“Unicode 文本”）',
  'utf-16be': 'UTF-16BE',
};

const LAYOUT_LABELS: Readonly<Record<string, string>> = {
  long: '长表（镇街、年度、指标、数值各占一列）',
  wide: '宽表（每行一个镇街，每列一个指标）',
  sheet: '单镇街表（指标、数值两列，或每年一列数值）',
  transposed: '转置宽表（每行一个指标，每列一个镇街）',
  unknown: '未能识别',
};

const SOURCE_LABELS: Readonly<Record<string, string>> = {
  column: '年度列',
  header: '表头',
  tables: '各表的标题',
  title: '标题行',
  note: '表上或表下的说明行（填报单位等）',
  'file-name': '文件名',
  option: '导入时指定',
};

export type ParsedArgs =
  | { readonly ok: true; readonly help: boolean; readonly options: CheckOptions }
  | { readonly ok: false; readonly message: string };

export function parseCheckArgs(argv: readonly string[]): ParsedArgs {
  let values: { json?: boolean; help?: boolean; district?: string; townships?: string; encoding?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        district: { type: 'string' },
        townships: { type: 'string' },
        encoding: { type: 'string' },
      },
    }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `选项有误：${detail}\n\n${USAGE}` };
  }
  const base = { json: values.json ?? false, files: positionals };
  if (values.help) return { ok: true, help: true, options: base };
  if (values.district !== undefined && values.townships !== undefined) {
    return { ok: false, message: '--district 和 --townships 只能选一个。' };
  }
  let encoding: TextEncodingName | undefined;
  if (values.encoding !== undefined) {
    encoding = ENCODINGS[values.encoding.trim().toLowerCase()];
    if (encoding === undefined) {
      return {
        ok: false,
        message: `不支持的编码“${values.encoding}”。可选：utf-8、utf-8-bom、gb18030（即 GBK）、utf-16le、utf-16be。`,
      };
    }
  }
  if (positionals.length === 0) return { ok: false, message: `请指定要检查的文件。\n\n${USAGE}` };
  return {
    ok: true,
    help: false,
    options: {
      ...base,
      ...(values.district === undefined ? {} : { district: values.district }),
      ...(values.townships === undefined ? {} : { townshipsFile: values.townships }),
      ...(encoding === undefined ? {} : { encoding }),
    },
  };
}

export type TownshipList =
  | {
      readonly ok: true;
      readonly label: string;
      readonly townships: readonly Township[];
      /** The district's name, when known: a row named so is its total. */
      readonly districtName?: string;
    }
  | { readonly ok: false; readonly message: string };

export async function loadTownshipList(options: CheckOptions): Promise<TownshipList> {
  if (options.district !== undefined) {
    const code = options.district.trim();
    const district = /^\d{6}$/.test(code) ? await loadDistrict(code) : undefined;
    if (!district) {
      return {
        ok: false,
        message: `找不到区县代码“${options.district}”。请填写 6 位统计用区划代码，如重庆市潼南区为 500152。`,
      };
    }
    return {
      ok: true,
      label: `${district.fullName}（${district.code}，${district.townships.length} 个镇街）`,
      townships: district.townships,
      districtName: district.fullName,
    };
  }
  if (options.townshipsFile !== undefined) {
    const path = options.townshipsFile;
    const bytes = await readBytes(path);
    if (!bytes.ok) return { ok: false, message: `镇街名单：${bytes.message}` };
    const decoded = decodeBytes(bytes.bytes);
    if (!decoded.ok) {
      return {
        ok: false,
        message: `镇街名单文件“${path}”无法读取：${issueMessage({ code: decoded.problem })}`,
      };
    }
    const parsed = parseTownshipList(decoded.text);
    if (!parsed.ok) {
      return {
        ok: false,
        message: [
          `镇街名单文件“${path}”有问题：`,
          ...parsed.issues.map((issue) => `  ${issue.message}`),
        ].join('\n'),
      };
    }
    return {
      ok: true,
      label: `${basename(path)}（${parsed.townships.length} 个镇街）`,
      townships: parsed.townships,
    };
  }
  return {
    ok: true,
    label: `${TONGNAN.fullName}（示例区县，${TONGNAN.townships.length} 个镇街；可用 --district 或 --townships 指定）`,
    townships: TONGNAN.townships,
    districtName: TONGNAN.fullName,
  };
}

type ReadBytes =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly code: 'file-not-found' | 'unreadable-file'; readonly message: string };

async function readBytes(path: string): Promise<ReadBytes> {
  try {
    return { ok: true, bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return { ok: false, code: 'file-not-found', message: `找不到文件“${path}”，请检查路径和文件名。` };
    if (code === 'EISDIR')
      return { ok: false, code: 'unreadable-file', message: `“${path}”是文件夹，不是文件。` };
    if (code === 'EACCES' || code === 'EPERM')
      return { ok: false, code: 'unreadable-file', message: `没有权限读取文件“${path}”。` };
    return {
      ok: false,
      code: 'unreadable-file',
      message: `无法读取文件“${path}”（${code ?? String(error)}）。`,
    };
  }
}

type IssueMessages = Partial<Record<string, (raw: string, detail?: string) => string>>;

/** The Chinese message of an issue; the bare code when no message exists for it yet. */
export function issueMessage(issue: Pick<ImportIssue, 'raw' | 'detail'> & { readonly code: string }): string {
  const messages: IssueMessages = zh.issues;
  const message = messages[issue.code];
  return message ? message(issue.raw ?? '', issue.detail) : issue.code;
}

function stringField(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

interface IndicatorLabel {
  readonly label: string;
  readonly unit: string | null;
}

/** Names and units of the custom indicators a preview may carry, by id; tolerant of the shape. */
function customIndicatorLabels(value: unknown): Map<string, IndicatorLabel> {
  const labels = new Map<string, IndicatorLabel>();
  if (!Array.isArray(value)) return labels;
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const entry = item as { id?: unknown; label?: unknown; unit?: unknown };
    const id = stringField(entry.id);
    const label = stringField(entry.label);
    if (id !== null && label !== null) labels.set(id, { label, unit: stringField(entry.unit) });
  }
  return labels;
}

/** The township a one-township sheet is about, when the preview names one. */
function sheetTownship(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  return stringField((value as { name?: unknown }).name);
}

/** The preview as plain data for printing and JSON; fields the importer may not have yet are optional. */
export function buildFileReport(
  file: string,
  preview: ImportPreview,
  townships: readonly Township[],
): FileReport {
  const extra = preview as ImportPreview & {
    readonly year?: unknown;
    readonly yearSource?: unknown;
    readonly customIndicators?: unknown;
    readonly township?: unknown;
    readonly townshipSource?: unknown;
  };
  const names = new Map(townships.map((t) => [t.code, t.name]));
  const custom = customIndicatorLabels(extra.customIndicators);
  const facts = preview.facts.map((fact): FactRow => {
    const indicator = findIndicator(fact.indicatorId);
    const customLabel = custom.get(fact.indicatorId);
    return {
      township: names.get(fact.townshipCode) ?? fact.townshipCode,
      townshipCode: fact.townshipCode,
      year: fact.year,
      indicatorId: fact.indicatorId,
      indicator: indicator?.name.zh ?? customLabel?.label ?? fact.indicatorId,
      unit: indicator?.unit.zh ?? customLabel?.unit ?? null,
      value: fact.value,
      approximate: fact.approximate,
      rawText: fact.rawText,
      line: fact.line,
      column: fact.column,
    };
  });
  const years = [...new Set(facts.map((f) => f.year))];
  const year = typeof extra.year === 'number' ? extra.year : years.length === 1 ? (years[0] ?? null) : null;
  return {
    file,
    encoding: preview.encoding,
    layout: preview.layout,
    year,
    yearSource: stringField(extra.yearSource),
    township: sheetTownship(extra.township),
    townshipSource: stringField(extra.townshipSource),
    rowCount: preview.rowCount,
    facts,
    issues: preview.issues.map((issue) => ({
      severity: issue.severity,
      code: issue.code,
      line: issue.line ?? null,
      column: issue.column ?? null,
      raw: issue.raw ?? null,
      message: issueMessage(issue),
    })),
  };
}

export function buildUnreadableReport(file: string, code: string, message: string): FileReport {
  return {
    file,
    encoding: null,
    layout: null,
    year: null,
    yearSource: null,
    township: null,
    townshipSource: null,
    rowCount: 0,
    facts: [],
    issues: [{ severity: 'error', code, line: null, column: null, raw: null, message }],
  };
}

export async function checkFile(
  path: string,
  townships: readonly Township[],
  encoding?: TextEncodingName,
  districtName?: string,
): Promise<FileReport> {
  const read = await readBytes(path);
  if (!read.ok) return buildUnreadableReport(path, read.code, read.message);
  const preview = await importFile(read.bytes, {
    fileName: basename(path),
    townships,
    ...(encoding === undefined ? {} : { encoding }),
    ...(districtName === undefined ? {} : { districtName }),
  });
  return buildFileReport(path, preview, townships);
}

export function hasFileErrors(report: FileReport): boolean {
  return report.issues.some((issue) => issue.severity === 'error');
}

/** Columns a terminal draws two cells wide: CJK ideographs, kana, hangul, full-width forms. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Rows of cells as aligned text lines; `alignRight[i]` right-aligns column i (numbers). */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  alignRight: readonly boolean[] = [],
): string[] {
  // A reduce, not Math.max(...rows): spreading 200,000 rows overflows the call stack.
  const widths = header.map((cell, i) =>
    rows.reduce((widest, row) => Math.max(widest, displayWidth(row[i] ?? '')), displayWidth(cell)),
  );
  return [header, ...rows].map((row) =>
    header
      .map((_, i) => pad(row[i] ?? '', widths[i] ?? 0, alignRight[i] ?? false))
      .join('  ')
      .trimEnd(),
  );
}

export function formatValue(fact: Pick<FactRow, 'value' | 'unit'>): string {
  const value = Number.isInteger(fact.value) ? String(fact.value) : String(Number(fact.value.toFixed(4)));
  return fact.unit ? `${value} ${fact.unit}` : value;
}

export function formatFacts(facts: readonly FactRow[]): string[] {
  return formatTable(
    ['镇街', '年度', '指标', '数值', '约数', '行', '列'],
    facts.map((f) => [
      f.township,
      String(f.year),
      f.indicator,
      formatValue(f),
      f.approximate ? '✓' : '',
      String(f.line),
      f.column,
    ]),
    [false, false, false, true, false, true, false],
  );
}

/** `第 3 行 A 列 [错误] 镇街“宝垅镇”不在本区镇街名单中，是否为：宝龙镇？（原文：宝垅镇）` */
export function formatIssue(issue: IssueRow): string {
  const place = [
    issue.line === null ? '' : `第 ${issue.line} 行`,
    issue.column === null ? '' : `${issue.column} 列`,
  ]
    .filter((part) => part !== '')
    .join(' ');
  const severity = issue.severity === 'error' ? '[错误]' : '[警告]';
  const raw = issue.raw === null ? '' : `（原文：${issue.raw}）`;
  return `${place === '' ? '' : `${place} `}${severity} ${issue.message}${raw}`;
}

function formatSource(source: string | null): string {
  return source === null ? '' : `（取自${SOURCE_LABELS[source] ?? source}）`;
}

function formatConclusion(report: FileReport): string {
  if (hasFileErrors(report)) return '  结论：有错误，改正后才能导入。';
  if (report.issues.length > 0) return '  结论：可以导入（请看一下上面的警告）。';
  return '  结论：可以导入，没有发现问题。';
}

export function formatFileReport(report: FileReport, encodingGiven = false): string {
  const lines = [`文件：${report.file}`];
  if (report.encoding !== null) {
    const label = ENCODING_LABELS[report.encoding] ?? report.encoding;
    lines.push(
      `  编码：${label}${encodingGiven ? '（按 --encoding 指定）' : ''}`,
      `  布局：${report.layout === null ? '—' : (LAYOUT_LABELS[report.layout] ?? report.layout)}`,
    );
    if (report.township !== null) {
      lines.push(`  镇街：${report.township}${formatSource(report.townshipSource)}`);
    }
    if (report.year !== null) {
      lines.push(`  年度：${report.year}${formatSource(report.yearSource)}`);
    } else if (report.facts.length > 0) {
      const years = [...new Set(report.facts.map((f) => f.year))].sort().join('、');
      lines.push(`  年度：${years}${formatSource(report.yearSource ?? 'column')}`);
    }
    lines.push(`  数据行：${report.rowCount} 行`);
    lines.push(
      ...(report.facts.length > 0
        ? [`  可导入数据 ${report.facts.length} 条：`, ...formatFacts(report.facts).map((l) => `    ${l}`)]
        : ['  没有可导入的数据。']),
    );
  }
  if (report.issues.length > 0) {
    lines.push(
      `  问题 ${report.issues.length} 个：`,
      ...report.issues.map((issue) => `    ${formatIssue(issue)}`),
    );
  }
  lines.push(formatConclusion(report));
  return lines.join('\n');
}

export function formatSummary(reports: readonly FileReport[]): string {
  const withErrors = reports.filter(hasFileErrors).length;
  const unreadable = reports.filter((r) => r.layout === null).length;
  const count = (severity: IssueRow['severity']) =>
    reports.reduce((n, r) => n + r.issues.filter((i) => i.severity === severity).length, 0);
  const facts = reports.reduce((n, r) => n + (hasFileErrors(r) ? 0 : r.facts.length), 0);
  return [
    `共检查 ${reports.length} 个文件：${reports.length - withErrors} 个可以导入，${withErrors} 个有错误`,
    unreadable > 0 ? `（其中 ${unreadable} 个无法读取）` : '',
    `；可导入数据 ${facts} 条，错误 ${count('error')} 个，警告 ${count('warning')} 个。`,
  ].join('');
}

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((report) => ({
    ...report,
    facts: report.facts.map(({ unit: _unit, ...fact }) => fact),
  }));
  return JSON.stringify({ files }, null, 2);
}

export async function runCheckFiles(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const parsed = parseCheckArgs(argv);
  if (!parsed.ok) {
    err(parsed.message);
    return 2;
  }
  if (parsed.help) {
    out(USAGE);
    return 0;
  }
  const { options } = parsed;
  const list = await loadTownshipList(options);
  if (!list.ok) {
    err(list.message);
    return 2;
  }
  const reports: FileReport[] = [];
  for (const file of options.files)
    reports.push(await checkFile(file, list.townships, options.encoding, list.districtName));
  if (options.json) {
    out(formatJson(reports));
  } else {
    out(`镇街名单：${list.label}\n`);
    for (const report of reports) out(`${formatFileReport(report, options.encoding !== undefined)}\n`);
    out(formatSummary(reports));
  }
  return reports.some(hasFileErrors) ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await runCheckFiles(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`${text}\n`),
  );
}
