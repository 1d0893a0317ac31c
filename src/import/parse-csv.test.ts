import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TONGNAN } from '../district/tongnan.ts';
import { importFile } from './import-file.ts';
import { parseCsv, sniffDelimiter } from './parse-csv.ts';

const SPECTRUM = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const CASES = readdirSync(join(SPECTRUM, 'csvs'))
  .filter((file) => file.endsWith('.csv'))
  .map((file) => file.slice(0, -'.csv'.length))
  .sort();

/**
 * Known errata of the corpus: location_coordinates.json expects a phone number its CSV does not
 * contain (github.com/max-mapper/csv-spectrum/issues/20); the CSV's own cell is the truth here.
 */
const ERRATA: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  location_coordinates: { 'Contact Phone Number': '2095257564' },
};

function expectedCells(name: string): string[][] {
  const json: unknown = JSON.parse(readFileSync(join(SPECTRUM, 'json', `${name}.json`), 'utf8'));
  const records = (Array.isArray(json) ? json : [json]) as Record<string, string>[];
  const header = Object.keys(records[0] ?? {});
  const fixed = records.map((record) => ({ ...record, ...ERRATA[name] }));
  return [header, ...fixed.map((record) => header.map((key) => record[key] ?? ''))];
}

describe('csv-spectrum conformance corpus', () => {
  it('R1 the corpus is there to test against', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(CASES)('R1 %s: parseCsv gives exactly the expected header and cells', (name) => {
    const text = readFileSync(join(SPECTRUM, 'csvs', `${name}.csv`), 'utf8');
    expect(parseCsv(text).rows).toEqual(expectedCells(name));
  });

  it.each(CASES)(
    'B3 B5 %s: importFile answers no-header (no township column) and never throws',
    async (name) => {
      const bytes = readFileSync(join(SPECTRUM, 'csvs', `${name}.csv`));
      const preview = await importFile(bytes, { fileName: `${name}.csv`, townships: TONGNAN.townships });
      expect(preview.facts).toEqual([]);
      expect(preview.issues).toEqual([{ severity: 'error', code: 'no-header' }]);
    },
  );
});

describe('parseCsv', () => {
  it.each<[text: string, delimiter: string]>([
    ['镇街,年度,指标\n宝龙镇,2021,调解纠纷\n', ','],
    ['镇街;年度;指标\n宝龙镇;2021;调解纠纷\n', ';'],
    ['镇街\t年度\t指标\n宝龙镇\t2021\t调解纠纷\n', '\t'],
    ['潼南区2021年度统计表,,,,\n镇街;调解纠纷;调解成功\n宝龙镇;94;92\n桂林街道;280;270\n', ';'],
    ['镇街;备注\n宝龙镇;"含邻里, 婚姻纠纷"\n桂林街道;"a, b, c"\n', ';'],
  ])('R1 sniffs the delimiter of %j as %j', (text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });

  it.each<[text: string, rows: string[][]]>([
    ['a,b\r\n\r\n1,2\r\n', [['a', 'b'], [''], ['1', '2']]],
    [
      'a,b\n1,2\n\n\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,"x\ny"\n1,2',
      [
        ['a', 'x\ny'],
        ['1', '2'],
      ],
    ],
    [
      'title,,,\na,b,,\n',
      [
        ['title', '', '', ''],
        ['a', 'b', '', ''],
      ],
    ],
  ])('R2 R3 keeps blank rows inside (line numbers match), drops the trailing ones: %j', (text, rows) => {
    expect(parseCsv(text, ',').rows).toEqual(rows);
  });
});
