import { type Township, townshipCodeOf } from './district.ts';

export interface TownshipListIssue {
  /** Line of the pasted text or file, 1-based. */
  readonly line: number;
  readonly message: string;
}

export type TownshipListResult =
  | { readonly ok: true; readonly townships: Township[] }
  | { readonly ok: false; readonly issues: TownshipListIssue[] };

/** Compared after folding (half-width brackets, no spaces, lower case). */
const HEADER_WORDS: ReadonlySet<string> = new Set([
  '序号',
  '名称',
  '镇街',
  '镇街名称',
  '乡镇',
  '乡镇街道',
  '乡镇(街道)',
  '镇(街道)',
  '街道',
  '代码',
  '编码',
  '区划代码',
  '统计用区划代码',
  '城乡分类代码',
  '镇街代码',
  'code',
  'name',
  'no',
  'no.',
]);

/** Statistical division codes: 9 digits for a township, or its 12-digit form ending in 000. */
const CODE = /^\d{6,12}$/;
/** A 序号 column pasted along with the names. */
const ROW_NUMBER = /^\d{1,4}$/;
/** Several names typed on one line: 桂林街道、梓潼街道. */
const LIST_SEPARATOR = /[、;；，,]/;

function foldText(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
}

function splitLine(line: string): string[] {
  const delimiter = line.includes('\t') ? '\t' : /[,，]/;
  return line
    .split(delimiter)
    .flatMap(splitAtCode)
    .map((cell) => foldText(cell).replace(/^"(.*)"$/, '$1'))
    .filter((cell) => cell !== '');
}

/**
 * `500152001000 111 桂林街道`, as the statistics bureau's tables read when copied into a document:
 * numbers apart by spaces from a name, one of them a code, are cells of their own; the rest is the
 * name, spaces inside it (`宝 龙镇`) folded. A header of such a table (`统计用区划代码 名称`) is split
 * alike.
 */
function splitAtCode(cell: string): string[] {
  const parts = cell.trim().split(/[\s\u3000\u00a0]+/);
  if (parts.every((part) => HEADER_WORDS.has(foldText(part).toLowerCase()))) return parts;
  const numbers = parts.filter((part) => /^\d+$/.test(foldText(part)));
  if (!numbers.some((part) => CODE.test(foldText(part)))) return [cell];
  return [...numbers, parts.filter((part) => !numbers.includes(part)).join('')];
}

function isHeader(cells: readonly string[]): boolean {
  return cells.every((cell) => HEADER_WORDS.has(cell.toLowerCase()));
}

/**
 * A township list the user pastes or imports: one name per line, or `code,name` / `name` lines
 * (comma or tab, as Excel and WPS copy a range), with an optional header row. Blank lines and
 * a 序号 column are ignored; spaces, including full-width ones, are removed from names. Names
 * without a code get a local code `local-<n>`.
 */
export function parseTownshipList(text: string): TownshipListResult {
  const townships: Township[] = [];
  const issues: TownshipListIssue[] = [];
  const nameLines = new Map<string, number>();
  const codeLines = new Map<string, number>();
  let localCount = 0;
  let sawContent = false;

  text.split(/\r\n|\r|\n/).forEach((rawLine, index) => {
    const line = index + 1;
    const cells = splitLine(rawLine);
    if (cells.length === 0) return;
    const isFirst = !sawContent;
    sawContent = true;
    if (isFirst && isHeader(cells)) return;

    const codes = cells.filter((cell) => CODE.test(cell));
    const names = cells.filter((cell) => !CODE.test(cell) && !ROW_NUMBER.test(cell));
    const name = names[0];
    if (name === undefined) {
      issues.push({ line, message: `第 ${line} 行只有数字“${cells.join(' ')}”，没有镇街名称。` });
      return;
    }
    if (names.length > 1 || LIST_SEPARATOR.test(name)) {
      issues.push({
        line,
        message: `第 ${line} 行有多个名称“${names.join(' ')}”，每行只能填写一个镇街。`,
      });
      return;
    }
    if (codes.length > 1) {
      issues.push({ line, message: `第 ${line} 行有多个代码“${codes.join(' ')}”，每行只能有一个代码。` });
      return;
    }
    const earlierName = nameLines.get(name);
    if (earlierName !== undefined) {
      issues.push({ line, message: `第 ${line} 行的“${name}”与第 ${earlierName} 行重复。` });
      return;
    }
    nameLines.set(name, line);

    const givenCode = codes[0];
    let code: string;
    if (givenCode === undefined) {
      localCount++;
      code = `local-${localCount}`;
    } else {
      code = townshipCodeOf(givenCode);
      const earlierCode = codeLines.get(code);
      if (earlierCode !== undefined) {
        issues.push({ line, message: `第 ${line} 行的代码 ${code} 与第 ${earlierCode} 行重复。` });
        return;
      }
      codeLines.set(code, line);
    }
    townships.push({ code, name });
  });

  if (issues.length > 0) return { ok: false, issues };
  if (townships.length === 0) {
    return { ok: false, issues: [{ line: 1, message: '镇街名单是空的：请每行填写一个镇街名称。' }] };
  }
  return { ok: true, townships };
}
