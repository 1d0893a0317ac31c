import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth, type FileReport, formatIssue, formatTable } from '../../scripts/check-files.ts';
import { zh } from '../../src/messages/zh.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = '/work/shared/examples';
const BOM = '\uFEFF';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['scripts/check-files.ts', ...args],
      { cwd: ROOT, timeout: 120_000, env: { ...process.env, TZ: 'Asia/Shanghai', NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function runJson(...args: string[]): Promise<{ code: number; files: FileReport[] }> {
  const run = await runCli('--json', ...args);
  const parsed = JSON.parse(run.stdout) as { files: FileReport[] };
  return { code: run.code, files: parsed.files };
}

let dir: string;
let baolong: string;
let typo: string;
let empty: string;
let missing: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-files-'));
  baolong = join(dir, 'baolong-2021-long-utf8bom.csv');
  copyFileSync(join(EXAMPLES, 'baolong-2021-long-utf8bom.csv'), baolong);
  typo = join(dir, '宝垅镇-2021.csv');
  writeFileSync(
    typo,
    `${BOM}镇街,年度,指标,数值\r\n宝龙镇,2021年,调解纠纷,94\r\n宝垅镇,2021年,调解纠纷,3\r\n`,
  );
  empty = join(dir, 'empty.csv');
  writeFileSync(empty, '');
  missing = join(dir, 'no-such-file.csv');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('npm run check-files on 宝龙镇 2021 (the reference report, long layout, CSV UTF-8)', () => {
  it('--json lists the facts a user checks against the report, and exits 0', async () => {
    const { code, files } = await runJson(baolong);
    expect(code).toBe(0);
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file).toMatchObject({
      file: baolong,
      encoding: 'utf-8-bom',
      layout: 'long',
      year: 2021,
      rowCount: 5,
    });
    expect(file?.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const fact = (indicator: string) => file?.facts.find((f) => f.indicator === indicator);
    expect(fact('调解纠纷')).toMatchObject({
      township: '宝龙镇',
      townshipCode: '500152104',
      year: 2021,
      indicatorId: 'disputes_mediated',
      value: 94,
      approximate: false,
      line: 2,
      column: 'D',
    });
    expect(fact('调解成功')).toMatchObject({
      township: '宝龙镇',
      year: 2021,
      value: 92,
      approximate: false,
      line: 3,
    });
    expect(fact('发放宣传资料')).toMatchObject({
      value: 6000,
      approximate: true,
      rawText: '6000余',
      line: 5,
    });
    expect(fact('法律咨询')).toMatchObject({ value: 500, approximate: true, rawText: '500多', line: 6 });
  });

  it('prints, in Chinese, the encoding, layout, year and an aligned table of the facts', async () => {
    const run = await runCli(baolong);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      '镇街名单：重庆市潼南区（示例区县，23 个镇街；可用 --district 或 --townships 指定）',
    );
    expect(run.stdout).toContain(`文件：${baolong}`);
    expect(run.stdout).toContain('编码：UTF-8（带 BOM，Excel“CSV UTF-8”）');
    expect(run.stdout).toContain('布局：长表');
    expect(run.stdout).toMatch(/年度：2021/);
    expect(run.stdout).toContain('数据行：5 行');
    const header = lines.find((line) => line.trim().startsWith('镇街  '));
    expect(header?.trim()).toMatch(/^镇街\s+年度\s+指标\s+数值\s+约数\s+行\s+列$/);
    const leaflets = lines.find((line) => line.includes('发放宣传资料'));
    expect(leaflets).toMatch(/宝龙镇\s+2021\s+发放宣传资料\s+6000 份\s+✓\s+5\s+D/);
    expect(lines.find((line) => line.includes(' 调解纠纷 '))).toMatch(/94 件\s+2\s+D$/);
    const endOf = (line: string, token: string) =>
      displayWidth(line.slice(0, line.indexOf(token) + token.length));
    expect(endOf(leaflets ?? '', '6000 份')).toBe(endOf(header ?? '', '数值'));
    expect(lines.at(-2)).toMatch(/^共检查 1 个文件：1 个可以导入，0 个有错误；可导入数据 \d+ 条，错误 0 个/);
  });

  it('--district 500152 reads the same facts with the national division list', async () => {
    const { code, files } = await runJson('--district', '500152', baolong);
    expect(code).toBe(0);
    expect(files[0]?.facts.find((f) => f.indicatorId === 'disputes_resolved')?.value).toBe(92);
  });

  it('--townships takes the township list from a file; names without a code get local codes', async () => {
    const list = join(dir, '名单.txt');
    writeFileSync(list, '镇街\r\n桂林街道\r\n宝龙镇\r\n');
    const { code, files } = await runJson('--townships', list, baolong);
    expect(code).toBe(0);
    expect(files[0]?.facts[0]).toMatchObject({ township: '宝龙镇', townshipCode: 'local-2', value: 94 });
  });
});

describe.concurrent('npm run check-files on files with problems', () => {
  it('a mistyped township (宝垅镇) is an error on its line, suggesting 宝龙镇; exit 1', async () => {
    const { code, files } = await runJson(typo);
    expect(code).toBe(1);
    const issue = files[0]?.issues.find((i) => i.code === 'unknown-township');
    expect(issue).toMatchObject({ severity: 'error', line: 3, column: 'A', raw: '宝垅镇' });
    expect(issue?.message).toContain('宝龙镇');
    expect(files[0]?.facts.map((f) => [f.township, f.value])).toEqual([['宝龙镇', 94]]);

    const text = await runCli(typo);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/第 3 行 A 列 \[错误\] 镇街“宝垅镇”.*宝龙镇.*（原文：宝垅镇）/);
    expect(text.stdout).toContain('结论：有错误，改正后才能导入。');
  });

  it('an empty file is an error with a Chinese message; exit 1', async () => {
    const message = zh.issues.empty();
    expect(message).toContain('文件是空的');
    const { code, files } = await runJson(empty);
    expect(code).toBe(1);
    expect(files[0]).toMatchObject({ encoding: null, rowCount: 0, facts: [] });
    expect(files[0]?.issues).toEqual([
      { severity: 'error', code: 'empty', line: null, column: null, raw: null, message },
    ]);
    const text = await runCli(empty);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`[错误] ${message}`);
  });

  it('a missing file is reported in Chinese and the other files are still checked; exit 1', async () => {
    const { code, files } = await runJson(missing, baolong);
    expect(code).toBe(1);
    expect(files.map((f) => f.file)).toEqual([missing, baolong]);
    expect(files[0]).toMatchObject({ encoding: null, layout: null, rowCount: 0, facts: [] });
    expect(files[0]?.issues[0]?.message).toBe(`找不到文件“${missing}”，请检查路径和文件名。`);
    expect(files[1]?.facts.length).toBeGreaterThan(0);

    const text = await runCli(missing, baolong);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`[错误] 找不到文件“${missing}”`);
    expect(text.stdout).toMatch(/共检查 2 个文件：1 个可以导入，1 个有错误（其中 1 个无法读取）/);
  });

  it('a GBK wide table (Excel/WPS "Save as CSV") is read as GB18030, with the year from its title', async () => {
    const gbk = join(dir, 'district-2020-wide-gbk.csv');
    copyFileSync(join(EXAMPLES, 'district-2020-wide-gbk.csv'), gbk);
    const { code, files } = await runJson(gbk);
    expect(code).toBe(0);
    expect(files[0]).toMatchObject({ encoding: 'gb18030', layout: 'wide', year: 2020, yearSource: 'title' });
    const fact = (township: string, indicator: string) =>
      files[0]?.facts.find((f) => f.township === township && f.indicator === indicator);
    expect(fact('梓潼街道', '调解纠纷')).toMatchObject({
      value: 1012,
      rawText: '1,012',
      line: 5,
      column: 'F',
    });
    expect(fact('上和镇', '干部培训')).toMatchObject({ value: 20, approximate: true, rawText: '20余' });
    expect(fact('玉溪镇', '宪法讲座')).toBeUndefined();
  });
});

describe.concurrent('npm run check-files with wrong options', () => {
  it.each([
    [['--district', '999999', 'x.csv'], '找不到区县代码“999999”'],
    [['--district', '500152', '--townships', 'a.txt', 'x.csv'], '--district 和 --townships 只能选一个'],
    [['--encoding', 'latin1', 'x.csv'], '不支持的编码“latin1”'],
    [[], '请指定要检查的文件'],
  ])('%j says why in Chinese and exits 2', async (args, message) => {
    const run = await runCli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('report formatting', () => {
  it('aligns columns by display width, counting a Chinese character as two', () => {
    expect(
      formatTable(
        ['镇街', '数值'],
        [
          ['宝龙镇', '94'],
          ['桂林街道', '1012'],
        ],
        [false, true],
      ),
    ).toEqual(['镇街      数值', '宝龙镇      94', '桂林街道  1012']);
  });

  it.each([
    [{ line: 3, column: 'A', raw: '宝垅镇' }, '第 3 行 A 列 [错误] 消息（原文：宝垅镇）'],
    [{ line: 3, column: null, raw: null }, '第 3 行 [错误] 消息'],
    [{ line: null, column: null, raw: null }, '[错误] 消息'],
  ])('an issue at %j reads %j', (place, expected) => {
    expect(formatIssue({ severity: 'error', code: 'x', message: '消息', ...place })).toBe(expected);
  });
});
