import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeUtf16 } from '../bench/encode-utf16.ts';
import { generateLongCsv } from '../bench/generate-long-csv.ts';
import { TONGNAN } from '../district/tongnan.ts';
import { type ImportOptions, type ImportPreview, importFile } from '../import/import-file.ts';
import {
  commitStagedImport,
  dropStagedImport,
  FACT_SAMPLE,
  ISSUE_LIMIT,
  loadStagedFacts,
  type StagedImport,
  stagedFacts,
  stageLongImport,
} from './bulk-import.ts';
import type { DbClient } from './client.ts';
import { type CommitOptions, commitImport, ImportHeld, type ImportRecord } from './commit-import.ts';
import { RULE_TEXT_LIMIT } from './distinct-texts.ts';
import {
  CONFLICT_LIST_LIMIT,
  type Conflicts,
  conflictsOf,
  findConflicts,
  findConflictsIn,
} from './import-checks.ts';
import { openNodeDb } from './node-client.ts';
import { applySchema, replaceTownships } from './schema.ts';

const BAOLONG = '500152104';
const SHANGHE = '500152101';
let db: DbClient;

beforeAll(async () => {
  db = await openNodeDb();
  await applySchema(db);
  await replaceTownships(db, TONGNAN.townships);
});
afterAll(async () => {
  await db.close();
});

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../${path}`, import.meta.url)));
const utf8 = (lines: readonly string[], newline = '\n') =>
  new TextEncoder().encode(lines.join(newline) + newline);
const options = (fileName: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  fileName,
  townships: TONGNAN.townships,
  ...extra,
});

async function stage(bytes: Uint8Array | Blob, opts: ImportOptions): Promise<StagedImport> {
  const staged = await stageLongImport(db, bytes, opts);
  if (!staged) throw new Error('The bulk import refused the file.');
  return staged;
}

/**
 * The bulk path must give exactly the pipeline's preview: same facts, issues, lines and columns.
 * `asFile` gives it the bytes as the app does, in a File the user picked.
 */
async function expectSameAsPipeline(
  bytes: Uint8Array,
  opts: ImportOptions,
  asFile = false,
): Promise<ImportPreview> {
  const pipeline = await importFile(bytes, opts);
  const staged = await stage(
    asFile ? new File([bytes as Uint8Array<ArrayBuffer>], opts.fileName) : bytes,
    opts,
  );
  try {
    expect(await loadStagedFacts(db, staged, 0, 10_000_000)).toEqual(pipeline.facts);
    expect(staged.preview.facts).toEqual(pipeline.facts.slice(0, FACT_SAMPLE));
    expect({ ...staged.preview, facts: [] }).toEqual({ ...pipeline, facts: [] });
    expect(staged.factCount).toBe(pipeline.facts.length);
    expect(staged.issueCount).toBe(pipeline.issues.length);
  } finally {
    await dropStagedImport(db, staged);
  }
  return pipeline;
}

describe('the bulk import reads long files exactly as importFile does', () => {
  it.each([
    'test/fixtures/baolong-2021-long-utf8bom.csv',
    'test/fixtures/value-forms-long.csv',
    'test/fixtures/township-names-long.csv',
    'test/fixtures/checks-long.csv',
    'test/fixtures/header-only.csv',
    'data/sample-district.csv',
  ])('%s', async (path) => {
    await expectSameAsPipeline(fixture(path), options(path.split('/').pop() ?? path));
  });

  it('the sample district: every township and year, no issue', async () => {
    const preview = await expectSameAsPipeline(
      fixture('data/sample-district.csv'),
      options('sample-district.csv'),
    );
    expect(preview.issues).toEqual([]);
    expect(preview.facts.length).toBeGreaterThan(FACT_SAMPLE);
  });

  it('with the user’s township aliases and header mappings (a stale one too)', async () => {
    await expectSameAsPipeline(
      fixture('test/fixtures/township-names-long.csv'),
      options('names.csv', {
        townshipAliases: { 宝垅镇: BAOLONG, baolong: BAOLONG },
        mappings: { 调解纠纷: 'ignore', 张贴标语: 'custom:标语', 法律咨询: 'no_such_indicator' },
      }),
    );
  });

  it('merged cells: blank township and year cells take the ones above', async () => {
    await expectSameAsPipeline(
      utf8([
        '镇街,年度,指标,数值,单位,备注',
        '宝龙镇,2021年,调解纠纷,94,件,',
        ',,调解成功,92,件,',
        ',2022年,调解纠纷,80,件,',
        ',,调解成功,81,件,',
        '古溪镇,,调解纠纷,70,件,',
        ',,合计,244,件,',
      ]),
      options('merged.csv'),
    );
  });

  it('a count written as a percentage is flagged as the pipeline flags it', async () => {
    await expectSameAsPipeline(
      utf8([
        '镇街,年度,指标,数值',
        '宝龙镇,2021,调解纠纷,94',
        '宝龙镇,2021,调解成功,97%',
        '宝龙镇,2021,法律咨询,500',
      ]),
      options('percent.csv'),
    );
  });

  it('C7 a figure in a unit of another kind is flagged as the pipeline flags it', async () => {
    const pipeline = await expectSameAsPipeline(
      utf8([
        '镇街,年度,指标,数值',
        '宝龙镇,2021,主题宣传活动,万余人',
        '宝龙镇,2021,法律咨询,15场',
        '宝龙镇,2021,调解纠纷,94起',
        '宝龙镇,2021,法治培训,3次',
        '上和镇,2021,法律咨询,500多人',
        '上和镇,2021,主题宣传活动,12',
        '上和镇,2021,网格员,300人',
      ]),
      options('units.csv'),
    );
    expect(pipeline.issues.map((i) => [i.code, i.line, i.raw, i.detail])).toEqual([
      ['unit-mismatch', 2, '万余人', '场次'],
      ['unit-mismatch', 3, '15场', '人次'],
    ]);
  });

  it('H11 units of the kind the catalog counts (场 for 场次, 起 for 件) or of any kind (次) keep the catalog indicator', async () => {
    const pipeline = await expectSameAsPipeline(
      utf8([
        '镇街,年度,指标,数值,单位',
        '宝龙镇,2021,法治培训,12,场',
        '宝龙镇,2021,调解纠纷,94,起',
        '上和镇,2021,法治培训,3,次',
        '上和镇,2021,网格员培训,300,人',
      ]),
      options('units.csv'),
    );
    expect(pipeline.facts.map((f) => f.indicatorId)).toEqual([
      'law_training_sessions',
      'disputes_mediated',
      'law_training_sessions',
      'custom:网格员培训',
    ]);
  });

  it('C8 a count with decimals is flagged as the pipeline flags it, plain figures read by DuckDB too', async () => {
    const pipeline = await expectSameAsPipeline(
      utf8([
        '镇街,年度,指标,数值',
        '宝龙镇,2021,调解纠纷,94.5',
        '宝龙镇,2021,发放宣传资料,"6.000"',
        '宝龙镇,2021,调解成功,92',
        '宝龙镇,2021,调解成功率,97.87',
        '上和镇,2021,法律咨询,1.5万',
        '上和镇,2021,调解纠纷,0.98件',
      ]),
      options('decimals.csv'),
    );
    expect(pipeline.issues.map((i) => [i.code, i.line, i.raw])).toEqual([
      ['fractional-count', 2, '94.5'],
      ['fractional-count', 3, '6.000'],
      // 92 of 94.5 is 97.35 %.
      ['rate-disagrees', 5, '97.87'],
      ['fractional-count', 7, '0.98件'],
    ]);
  });

  it('group headings over numbered indicator names; a heading with a figure is read', async () => {
    await expectSameAsPipeline(
      utf8([
        '镇街,年度,指标,数值,单位',
        '宝龙镇,2021,一、学法用法,,',
        '宝龙镇,2021,1.中心组学法,15,次',
        '宝龙镇,2021,（2）宪法讲座,两场,场',
        '宝龙镇,2021,二、矛盾纠纷化解,,',
        '宝龙镇,2021,3、调解纠纷,94,件',
        '宝龙镇,2021,三、法治宣传,5,场',
        '宝龙镇,2021,,,',
      ]),
      options('headings.csv'),
    );
  });

  it('townships written with their division code or a list number; a code and a name that disagree', async () => {
    const pipeline = await expectSameAsPipeline(
      utf8([
        '镇街,年度,指标,数值',
        '500152104宝龙镇,2021,调解纠纷,94',
        '1、上和镇,2021,调解纠纷,30',
        '500152113000,2021,调解纠纷,5',
        '500152101宝龙镇,2021,调解成功,92',
        '500152104001,2021,调解纠纷,1',
      ]),
      options('codes.csv'),
    );
    expect(pipeline.facts.map((f) => [f.townshipCode, f.value])).toEqual([
      ['500152104', 94],
      ['500152101', 30],
      ['500152113', 5],
    ]);
    expect(pipeline.unknownTownships.map((u) => [u.name, u.suggestions.map((t) => t.name)])).toEqual([
      ['500152101宝龙镇', ['上和镇', '宝龙镇']],
      ['500152104001', []],
    ]);
  });

  it('R5 a township’s own total (宝龙镇合计) is its row, as the pipeline reads it', async () => {
    const pipeline = await expectSameAsPipeline(
      utf8(['镇街,年度,指标,数值', '宝龙镇合计,2021,调解纠纷,94', '上和镇,2021,调解纠纷,60']),
      options('own-total.csv'),
    );
    expect(pipeline.facts.map((f) => f.value)).toEqual([94, 60]);
  });

  it('average and share rows (平均, 全区平均, 其中：街道) are no townships', async () => {
    await expectSameAsPipeline(
      utf8([
        '镇街,年度,指标,数值',
        '宝龙镇,2021,调解纠纷,94',
        '上和镇,2021,调解纠纷,30',
        '平均,2021,调解纠纷,62',
        '全区平均,2021,调解纠纷,62',
        '其中：街道,2021,调解纠纷,0',
      ]),
      options('summary.csv'),
    );
  });

  it('a first data row without township or year is reported, not filled', async () => {
    await expectSameAsPipeline(
      utf8(['镇街,年度,指标,数值', ',,调解纠纷,94', '宝龙镇,,调解成功,92', '宝龙镇,2021,调解成功,92']),
      options('gaps.csv'),
    );
  });

  it('titles, totals, footnotes, blank rows, padded cells and notes', async () => {
    await expectSameAsPipeline(
      utf8(
        [
          '潼南区2021年度法治政府建设指标统计表,,,,,',
          ',,,,,',
          '镇街,年度,指标,数值,单位,备注',
          ' 宝龙镇　,2021,调解纠纷, 94 ,件,  含邻里纠纷　',
          '宝龙镇,2021,调解成功,92,件,\u3000',
          ',,,,,',
          '  ,,,,,',
          '宝龙镇,2021,合计,186,件,',
          '古溪镇,2021,中心组学法,十五次,次,注：含线上学习',
          '注：本表由各镇街填报,,,,,',
          ',,注：数据截至年底,,,',
          ',,,,,说明：单位为件',
          '填报人：张三,,审核人：李四,,,',
        ],
        '\r\n',
      ),
      options('titles.csv'),
    );
  });

  it('unknown townships, bad years, blank indicators, invalid and negative values, duplicates', async () => {
    await expectSameAsPipeline(
      utf8([
        '镇街,年度,指标,数值',
        '宝陇镇,2021,调解纠纷,94',
        '宝陇镇,2021,调解成功,92',
        ' 宝陇镇 ,2021,法律咨询,500',
        '火星镇,2021,调解纠纷,1',
        '宝龙镇,二〇二一,调解纠纷,94',
        '宝龙镇,1850,调解纠纷,94',
        '宝龙镇,2021,,94',
        '宝龙镇,2021,,',
        '宝龙镇,2021,调解纠纷,abc',
        '宝龙镇,2021,调解成功,-3',
        '宝龙镇,2021,信访,—',
        '宝龙镇,2021,调解纠纷,94',
        '宝龙镇,2021年,调解纠纷,95',
        '宝龙,2021,调解纠纷,96',
        '宝龙镇,2021,调解成功,97',
      ]),
      options('problems.csv'),
    );
  });

  it('plain figures, which DuckDB reads itself, next to every other form of value', async () => {
    await expectSameAsPipeline(
      utf8([
        '镇街,年度,指标,数值,备注',
        '宝龙镇,2021,调解纠纷,0,',
        '宝龙镇,2021,调解成功,007,',
        '宝龙镇,2021,法律咨询,123456789012345,',
        '宝龙镇,2021,普法宣传,1234567890123456,',
        '宝龙镇,2021,中心组学法,12.5,',
        '宝龙镇,2021,学法考试参考人数,12.500000,',
        '宝龙镇,2021,学法考试合格人数,0.1234567,',
        '宝龙镇,2021,调解成功率,97.87,',
        '古溪镇,2021,调解纠纷,94.,',
        '古溪镇,2021,调解成功,.5,',
        '古溪镇,2021,法律咨询, 12 ,',
        '古溪镇,2021,普法宣传,１２,',
        '古溪镇,2021,中心组学法,1.2万,',
        '古溪镇,2021,学法考试参考人数,1e3,',
        '古溪镇,2021,学法考试合格人数,+5,',
        '古溪镇,2021,调解成功率,97%,',
        '双江镇,2021,调解纠纷,"1,234",',
        '双江镇,2021,调解成功,"12,345.5",',
        '双江镇,2021,法律咨询,"1,234,567",',
        '双江镇,2021,普法宣传,"1,23",',
        '双江镇,2021,中心组学法,"1,2345",',
        '双江镇,2021,学法考试参考人数,",123",',
        '双江镇,2021,学法考试合格人数,"1,234.",',
        // A figure quoted by the issues: blank indicator, and a duplicate fact.
        '米心镇,2021,,4567.25,',
        '米心镇,2021,调解纠纷,4567.25,',
        '米心镇,2021,调解纠纷,4567.5,重复',
      ]),
      options('figures.csv'),
    );
  });

  it('a file whose every figure has decimals: nearly as many value texts as rows', async () => {
    const preview = await expectSameAsPipeline(
      generateLongCsv(20_000, { decimals: true }),
      options('decimals.csv'),
    );
    expect(new Set(preview.facts.map((fact) => fact.rawText)).size).toBeGreaterThan(15_000);
  });

  it(`a different note on each of more than ${RULE_TEXT_LIMIT.toLocaleString('en-US')} rows`, async () => {
    const lines = ['镇街,年度,指标,数值,单位,备注'];
    const rows = RULE_TEXT_LIMIT + 10_000;
    for (let i = 0; i < rows; i++) {
      const township = TONGNAN.townships[i % 23]?.name;
      lines.push(
        `${township},${1991 + Math.floor(i / 4600)}年,指标${Math.floor(i / 23) % 200},${i},件,（第${i}条）`,
      );
    }
    const staged = await stage(utf8(lines, '\r\n'), options('notes.csv'));
    try {
      expect(staged.factCount).toBe(rows);
      const [last] = await loadStagedFacts(db, staged, rows - 1, 1);
      expect(last).toMatchObject({ value: rows - 1, note: `（第${rows - 1}条）`, line: rows + 1 });
    } finally {
      await dropStagedImport(db, staged);
    }
  });

  it('no year column: the year comes from the title, else from the file name', async () => {
    const rows = ['镇街,指标,数值', '宝龙镇,调解纠纷,94', '古溪镇,调解纠纷,80'];
    await expectSameAsPipeline(utf8(['潼南区2022年度统计表,,', ...rows]), options('x.csv'));
    await expectSameAsPipeline(utf8(rows), options('潼南区2020年法治指标.csv'));
    await expectSameAsPipeline(utf8(rows), options('指标.csv'));
  });

  it('L19 a title and a file name that disagree on the year: a warning, as the pipeline gives it', async () => {
    const rows = ['镇街,指标,数值', '宝龙镇,调解纠纷,94', '古溪镇,调解纠纷,80'];
    const pipeline = await expectSameAsPipeline(
      utf8(['潼南区2021年度统计表,,', ...rows]),
      options('潼南区2022年法治指标.csv'),
    );
    expect(pipeline.issues.map((i) => i.code)).toEqual(['file-name-differs']);
  });

  it('L18 a year column without the year the title or file name states', async () => {
    const rows = ['镇街,年度,指标,数值', '宝龙镇,2021,调解纠纷,94', '古溪镇,2021年,调解纠纷,80'];
    await expectSameAsPipeline(utf8(['潼南区2022年度统计表,,,', ...rows]), options('x.csv'));
    await expectSameAsPipeline(utf8(rows), options('潼南区2022年度法治指标.csv'));
    await expectSameAsPipeline(utf8(rows), options('潼南区2021年度法治指标.csv'));
    const staged = await stage(utf8(rows), options('潼南区2023年法治指标.csv'));
    expect(staged.preview.issues).toEqual([
      {
        severity: 'warning',
        code: 'year-differs',
        line: 2,
        column: 'B',
        raw: '2021',
        detail: 'file-name:2023',
      },
    ]);
    await dropStagedImport(db, staged);
  });

  it('L17 a title or file name naming part of a year is an error, with or without a year column', async () => {
    const rows = ['镇街,指标,数值', '宝龙镇,调解纠纷,94', '古溪镇,调解纠纷,80'];
    const withYear = ['镇街,年度,指标,数值', '宝龙镇,2021,调解纠纷,94', '古溪镇,2021,调解纠纷,80'];
    await expectSameAsPipeline(utf8(['潼南区2021年上半年统计表,,', ...rows]), options('x.csv'));
    await expectSameAsPipeline(utf8(['潼南区2021年上半年统计表,,,', ...withYear]), options('x.csv'));
    await expectSameAsPipeline(utf8(rows), options('潼南区2021年1-6月法治指标.csv'));
    const staged = await stage(utf8(withYear), options('潼南区2021年第三季度.csv'));
    expect(staged.preview.issues).toEqual([
      { severity: 'error', code: 'part-of-year', raw: '2021年第三季度', detail: 'file-name' },
    ]);
    await dropStagedImport(db, staged);
  });

  it('custom indicators keep the unit of their first row; rates are checked by unit and by `%`', async () => {
    await expectSameAsPipeline(
      utf8([
        '镇街,年度,指标,数值,单位',
        '宝龙镇,2021,网格员培训,3,场',
        '古溪镇,2021,网格员培训（人次）,5,人次',
        '宝龙镇,2021,群众满意度,101,%',
        '宝龙镇,2021,走访户数,120%,户',
        '宝龙镇,2021,调解纠纷,94,件',
        '宝龙镇,2021,调解成功,95,件',
        '宝龙镇,2021,调解成功率,90%,%',
      ]),
      options('custom.csv'),
    );
  });

  it('semicolons, quoted cells and thousands separators', async () => {
    await expectSameAsPipeline(
      utf8(['镇街;年度;指标;数值', '宝龙镇;2021;"调解纠纷";"1,012"', '"宝龙镇";2021;法律咨询;"约""500"""']),
      options('semicolon.csv'),
    );
  });

  it('V14 cells written as Excel text (="…"), quoted so that DuckDB reads them whole', async () => {
    const preview = await expectSameAsPipeline(
      utf8([
        '镇街,年度,指标,数值,单位,备注',
        '"=""宝龙镇""","=""2021""","=""调解纠纷""","=""94""","=""件""","=""已核实"""',
        '"=""""","=""2021年""","=""法律咨询""","=""6000余""","=""人次""",',
        '"=""上和镇""",2021,新设指标,"=""30""","=""个"""," =""待核"" "',
      ]),
      options('excel-text.csv'),
    );
    expect(preview.facts.map((f) => [f.townshipCode, f.indicatorId, f.value, f.note])).toEqual([
      [BAOLONG, 'disputes_mediated', 94, '已核实'],
      [BAOLONG, 'legal_consultations', 6000, null],
      [SHANGHE, 'custom:新设指标', 30, '待核'],
    ]);
    expect(preview.customIndicators).toMatchObject([{ label: '新设指标', unit: '个' }]);
  });

  it('GB18030 and UTF-16 files are decoded first', async () => {
    const text = ['镇街,年度,指标,数值,单位', '宝龙镇,2021年,调解纠纷,94,件', '宝龙镇,2021年,调解成功,92,件'];
    const gbk = await expectSameAsPipeline(encodeGb18030(`${text.join('\r\n')}\r\n`), options('gbk.csv'));
    expect(gbk.encoding).toBe('gb18030');
    const utf16 = await expectSameAsPipeline(
      encodeUtf16(`\uFEFF${text.join('\r\n')}\r\n`),
      options('u16.txt'),
    );
    expect(utf16.encoding).toBe('utf-16le');
    await expectSameAsPipeline(utf8(text), options('chosen.csv', { encoding: 'utf-8' }));
  });

  it('a file larger than the head it sniffs, with problems beyond it', async () => {
    const bytes = generateLongCsv(12_000);
    const text = new TextDecoder().decode(bytes);
    const tail = [
      '宝陇镇,2001年,调解纠纷,5,件,',
      '宝龙镇,2001年,调解纠纷,abc,件,',
      '宝龙镇,1991年,中心组学法,7,次,',
    ];
    await expectSameAsPipeline(
      new TextEncoder().encode(`${text}${tail.join('\r\n')}\r\n`),
      options('big.csv'),
    );
  });

  it('a File the user picked, UTF-8 or GB18030, is read as its bytes are', async () => {
    const bytes = generateLongCsv(12_000);
    const text = new TextDecoder().decode(bytes);
    const tail = ['宝陇镇,2001年,调解纠纷,5,件,', '宝龙镇,2001年,调解纠纷,abc,件,'];
    const big = `${text}${tail.join('\r\n')}\r\n`;
    const utf8File = await expectSameAsPipeline(new TextEncoder().encode(big), options('big.csv'), true);
    expect(utf8File.encoding).toBe('utf-8');
    const gbk = await expectSameAsPipeline(encodeGb18030(big), options('big-gbk.csv'), true);
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.facts).toEqual(utf8File.facts);
  });
});

describe('files the bulk import leaves to importFile', () => {
  it.each([
    ['quoted line breaks', fixture('test/fixtures/quoted-fields-long.csv')],
    ['a wide table', fixture('test/fixtures/tongnan-2020-wide-gbk.csv')],
    ['a one-township sheet', fixture('test/fixtures/baolong-2021-sheet-title.csv')],
    ['no header', fixture('test/fixtures/no-header.csv')],
    [
      'an empty line among the data',
      utf8(['镇街,年度,指标,数值', '宝龙镇,2021,调解纠纷,94', '', '宝龙镇,2021,调解成功,92']),
    ],
    [
      'CR and CRLF line ends mixed',
      new TextEncoder().encode('镇街,年度,指标,数值\r\n宝龙镇,2021,调解纠纷,94\n'),
    ],
    ['a quote inside an unquoted cell', utf8(['镇街,年度,指标,数值', '宝龙镇,2021,调解"纠纷,94'])],
    ['text after a closing quote', utf8(['镇街,年度,指标,数值', '宝龙镇,2021,"调解纠纷" ,94'])],
    ['an empty file', new Uint8Array()],
    [
      'a column per year instead of 数值',
      utf8(['镇街,指标,2020年,2021年', '宝龙镇,调解纠纷,80,94', '宝龙镇,调解成功,75,92']),
    ],
    ['townships across', fixture('test/fixtures/tongnan-2021-transposed-gbk.csv')],
    [
      'a second table below the first, with its own title and the same header',
      utf8([
        '2020年,,,',
        '镇街,年度,指标,数值',
        '宝龙镇,2020,调解纠纷,80',
        '2021年,,,',
        '镇街,年度,指标,数值',
        '宝龙镇,2021,调解纠纷,94',
      ]),
    ],
    [
      'a second table below the first whose header gained a column (单位)',
      utf8([
        '2020年,,,,',
        '镇街,年度,指标,数值,',
        '宝龙镇,2020,调解纠纷,80,',
        '2021年,,,,',
        '镇街,年度,指标,单位,数值',
        '宝龙镇,2021,调解纠纷,件,94',
      ]),
    ],
    [
      'a figure split at its thousands comma',
      utf8(['镇街,年度,指标,数值', '宝龙镇,2021,发放宣传资料,6,000', '宝龙镇,2021,调解纠纷,94']),
    ],
    [
      'a 合计 row, checked against its year’s township rows (R6)',
      utf8(['镇街,年度,指标,数值', '宝龙镇,2021,调解纠纷,94', '全区合计,2021,调解纠纷,300']),
    ],
    [
      'a row a cell too wide in the head (R16)',
      utf8(['镇街,年度,指标,数值,单位', '宝龙镇,2021,法律咨询,1,50,人次', '宝龙镇,2021,调解纠纷,94,件']),
    ],
    [
      'a quote never closed below the head (R15)',
      new TextEncoder().encode(
        `${new TextDecoder().decode(generateLongCsv(8_000))}宝龙镇,2001年,调解纠纷,5,件,"未完\r\n宝龙镇,2002年,调解纠纷,6,件,\r\n`,
      ),
    ],
    [
      'a year written 上年同期 below the head',
      new TextEncoder().encode(
        `${new TextDecoder().decode(generateLongCsv(8_000))}宝龙镇,上年同期,法律咨询,5,人次,\r\n`,
      ),
    ],
    [
      'a rate written as fractions (0.875) below the head',
      new TextEncoder().encode(
        `${new TextDecoder().decode(generateLongCsv(8_000))}宝龙镇,2001年,结案率,0.875,%,\r\n`,
      ),
    ],
    [
      'a unit written as Excel text that states a size (="万人次") below the head',
      new TextEncoder().encode(
        `${new TextDecoder().decode(generateLongCsv(8_000))}宝龙镇,2001年,法律咨询,0.05,"=""万人次""",\r\n`,
      ),
    ],
    [
      'a division code column beside the names',
      utf8([
        '区划代码,镇街,年度,指标,数值',
        '500152104,宝龙镇,2021,调解纠纷,94',
        '500152101,上和镇,2021,调解纠纷,30',
      ]),
    ],
    [
      'a second table below the head whose township column is labelled otherwise (单位名称)',
      new TextEncoder().encode(
        `${new TextDecoder().decode(generateLongCsv(8_000))}2002年,,,,,\r\n单位名称,年度,指标,数值,单位,备注\r\n宝龙镇,2002年,调解纠纷,94,件,\r\n`,
      ),
    ],
    [
      'an indicator name carrying a unit that states a size (法律咨询（万人次）) below the head (H9)',
      new TextEncoder().encode(
        `${new TextDecoder().decode(generateLongCsv(8_000))}宝龙镇,2001年,法律咨询（万人次）,0.05,,\r\n`,
      ),
    ],
    [
      'an indicator whose unit cell counts another kind of thing (法治培训, 人次) below the head (H11)',
      new TextEncoder().encode(
        `${new TextDecoder().decode(generateLongCsv(8_000))}宝龙镇,2001年,法治培训,1200,人次,\r\n`,
      ),
    ],
    [
      'an indicator name carrying a unit of another kind (法律咨询（场）) below the head (H11)',
      new TextEncoder().encode(
        `${new TextDecoder().decode(generateLongCsv(8_000))}宝龙镇,2001年,法律咨询（场）,30,,\r\n`,
      ),
    ],
    [
      'a rate of no cases written #DIV/0! below the head (V16)',
      new TextEncoder().encode(
        `${new TextDecoder().decode(generateLongCsv(8_000))}宝龙镇,2001年,调解成功率,#DIV/0!,%,\r\n`,
      ),
    ],
    [
      'a year still to come (2091) below the head (L20)',
      new TextEncoder().encode(
        `${new TextDecoder().decode(generateLongCsv(8_000))}宝龙镇,2091年,调解纠纷,5,件,\r\n`,
      ),
    ],
    [
      'a unit stating a size (万人次) below the head',
      new TextEncoder().encode(
        `${new TextDecoder().decode(generateLongCsv(8_000))}宝龙镇,2001年,法律咨询,0.05,万人次,\r\n`,
      ),
    ],
  ])('%s', async (_name, bytes) => {
    expect(await stageLongImport(db, bytes, options('x.csv'))).toBeUndefined();
  });

  it('a row wider than any in the head', async () => {
    const head = new TextDecoder().decode(generateLongCsv(8_000));
    const bytes = new TextEncoder().encode(`${head}宝龙镇,2001年,调解纠纷,5,件,,多余\r\n`);
    expect(await stageLongImport(db, bytes, options('x.csv'))).toBeUndefined();
  });

  it(`more than ${RULE_TEXT_LIMIT.toLocaleString('en-US')} texts for the rules (here: indicator names)`, async () => {
    const lines = ['镇街,年度,指标,数值'];
    for (let i = 0; i <= RULE_TEXT_LIMIT; i++) lines.push(`宝龙镇,2021,指标${i},${i}`);
    expect(await stageLongImport(db, utf8(lines), options('x.csv'))).toBeUndefined();
  });

  it('a first line longer than the head the page reads of a File', async () => {
    const title = `${'法治'.repeat(100_000)}\r\n`;
    const bytes = new TextEncoder().encode(`${title}${new TextDecoder().decode(generateLongCsv(100))}`);
    expect(await stageLongImport(db, new File([bytes], 'x.csv'), options('x.csv'))).toBeUndefined();
  });

  it('bytes that stop being UTF-8 after the head', async () => {
    const head = generateLongCsv(8_000);
    const bad = new Uint8Array(head.length + 4);
    bad.set(head);
    bad.set([0xb1, 0xa6, 0x0d, 0x0a], head.length);
    expect(await stageLongImport(db, bad, options('x.csv'))).toBeUndefined();
  });
});

describe('issue lists of very long files are cut, never their errors', () => {
  it(`keeps the first ${ISSUE_LIMIT} issues in order and counts them all`, async () => {
    const rows = Array.from({ length: 1_500 }, (_, i) => `火星镇,2021,指标${i},${i}`);
    const bytes = utf8(['镇街,年度,指标,数值', ...rows]);
    const pipeline = await importFile(bytes, options('mars.csv'));
    const staged = await stage(bytes, options('mars.csv'));
    expect(staged.issueCount).toBe(pipeline.issues.length);
    expect(staged.preview.issues).toEqual(pipeline.issues.slice(0, ISSUE_LIMIT));
    expect(staged.preview.unknownTownships[0]?.lines).toEqual(
      pipeline.unknownTownships[0]?.lines.slice(0, 1_000),
    );
    await dropStagedImport(db, staged);
  });
});

describe('committing a staged file stores what commitImport stores', () => {
  beforeEach(async () => {
    for (const table of ['facts', 'imports', 'replaced_facts', 'header_mappings', 'township_aliases']) {
      await db.run(`DELETE FROM ${table}`);
    }
    await db.run(`DELETE FROM indicators WHERE kind = 'custom'`);
  });

  const recordOf = (preview: ImportPreview): ImportRecord => ({
    fileName: preview.fileName,
    contentHash: preview.contentHash,
    encoding: preview.encoding ?? 'unknown',
    layout: preview.layout,
    rowCount: preview.rowCount,
    isSample: false,
  });
  const commitOptions = (preview: ImportPreview, extra: Partial<CommitOptions> = {}): CommitOptions => ({
    onConflict: 'replace',
    customIndicators: preview.customIndicators.map((c) => ({ id: c.id, label: c.label, unit: c.unit ?? '' })),
    ...extra,
  });
  const snapshot = async () => ({
    facts: await db.query('SELECT * FROM facts ORDER BY ALL'),
    replaced: await db.query('SELECT * FROM replaced_facts ORDER BY ALL'),
    imports: await db.query(
      'SELECT id, file_name, content_hash, encoding, layout, row_count, fact_count, is_sample FROM imports ORDER BY id',
    ),
    custom: await db.query(`SELECT * FROM indicators WHERE kind = 'custom' ORDER BY ALL`),
    mappings: await db.query('SELECT * FROM header_mappings ORDER BY ALL'),
    aliases: await db.query('SELECT * FROM township_aliases ORDER BY ALL'),
  });
  const reset = async () => {
    for (const table of ['facts', 'imports', 'replaced_facts', 'header_mappings', 'township_aliases']) {
      await db.run(`DELETE FROM ${table}`);
    }
    await db.run(`DELETE FROM indicators WHERE kind = 'custom'`);
  };

  /** Commits `first` then `second` both ways and compares the database after each. */
  async function expectSameCommits(first: Uint8Array, second: Uint8Array, extra: Partial<CommitOptions>) {
    const opts = options('x.csv');
    const [a, b] = [await importFile(first, opts), await importFile(second, opts)];
    await commitImport(db, recordOf(a), a.facts, commitOptions(a));
    await commitImport(db, recordOf(b), b.facts, commitOptions(b, extra));
    const expected = await snapshot();
    await reset();
    for (const [bytes, more] of [
      [first, {}],
      [second, extra],
    ] as const) {
      const staged = await stage(bytes, opts);
      await commitStagedImport(db, staged, recordOf(staged.preview), commitOptions(staged.preview, more));
      await dropStagedImport(db, staged);
    }
    expect(await snapshot()).toEqual(expected);
  }

  const older = utf8([
    '镇街,年度,指标,数值,单位,备注',
    '宝龙镇,2021,调解纠纷,90,件,旧',
    '宝龙镇,2021,网格员培训,2,场,',
  ]);
  const newer = utf8([
    '镇街,年度,指标,数值,单位,备注',
    '宝龙镇,2021,调解纠纷,94,件,',
    '宝龙镇,2021,调解成功,92,件,',
    '宝龙镇,2021,法律明白人,30,名,新',
  ]);

  it.each(['replace', 'keep'] as const)('small files, %s', async (onConflict) => {
    await expectSameCommits(older, newer, {
      onConflict,
      mappings: { 调处纠纷: 'disputes_mediated' },
      townshipAliases: { 宝垅镇: BAOLONG },
    });
  });

  it.each(['replace', 'keep'] as const)(
    'large files, %s, keep one fact per township, year and indicator',
    async (onConflict) => {
      const text = new TextDecoder().decode(generateLongCsv(30_000));
      const changed = text.replace(
        /^(桂林街道,1991年,[^,]+,)(\d+)/gm,
        (_m, head: string, value: string) => `${head}${Number(value) + 1}`,
      );
      await expectSameCommits(new TextEncoder().encode(text), new TextEncoder().encode(changed), {
        onConflict,
      });
      const [row] = await db.query<{ facts: number; keys: number }>(
        `SELECT count(*) AS facts, count(DISTINCT (township_code, year, indicator_id)) AS keys FROM facts`,
      );
      expect(row?.facts).toBeGreaterThan(29_000);
      expect(row?.keys).toBe(row?.facts);
    },
  );

  it('a staged file lists the same conflicts as the pipeline’s facts, the first few and all counted', async () => {
    const text = new TextDecoder().decode(generateLongCsv(30_000));
    const changed = text.replace(
      /^(桂林街道,\d+年,[^,]+,)(\d+)/gm,
      (_m, head: string, value: string) => `${head}${Number(value) + 1}`,
    );
    const first = await stage(new TextEncoder().encode(text), options('a.csv'));
    await commitStagedImport(db, first, recordOf(first.preview), commitOptions(first.preview));
    await dropStagedImport(db, first);
    const opts = options('b.csv');
    const bytes = new TextEncoder().encode(changed);
    const pipeline = await importFile(bytes, opts);
    const expected = await findConflicts(db, pipeline.facts);
    const staged = await stage(bytes, opts);
    try {
      const found = await findConflictsIn(db, stagedFacts(staged));
      expect(found.total).toBe(expected.length);
      expect(expected.length).toBeGreaterThan(CONFLICT_LIST_LIMIT);
      expect(found.conflicts).toEqual(expected.slice(0, CONFLICT_LIST_LIMIT));
      expect(found.conflicts[0]).toMatchObject({ townshipName: '桂林街道', year: 1991 });
      expect(found.conflicts[0]?.newValue).toBe((found.conflicts[0]?.oldValue ?? 0) + 1);

      // The commit's own check, inside its transaction, sees the same; refused, it stores nothing.
      const before = await db.query('SELECT count(*) AS n, sum(value) AS total FROM facts');
      let seen: Conflicts | undefined;
      const held = commitStagedImport(db, staged, recordOf(staged.preview), {
        ...commitOptions(staged.preview),
        confirm: async (tx, source) => {
          seen = await conflictsOf(tx, source, CONFLICT_LIST_LIMIT);
          return false;
        },
      });
      await expect(held).rejects.toBeInstanceOf(ImportHeld);
      expect(seen).toEqual(found);
      expect(await db.query('SELECT count(*) AS n, sum(value) AS total FROM facts')).toEqual(before);
      expect(await db.query('SELECT file_name FROM imports')).toEqual([{ file_name: 'a.csv' }]);
    } finally {
      await dropStagedImport(db, staged);
    }
  });

  it('a dropped staging cannot be committed', async () => {
    const staged = await stage(newer, options('x.csv'));
    await dropStagedImport(db, staged);
    await expect(
      commitStagedImport(db, staged, recordOf(staged.preview), commitOptions(staged.preview)),
    ).rejects.toThrow();
  });
});

/** GB18030 bytes for CJK text, from the decoder's own table (Node has no GB18030 encoder). */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, readonly number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (!table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? []));
  }
  return new Uint8Array(out);
}
