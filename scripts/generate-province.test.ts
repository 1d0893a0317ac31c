import { describe, expect, it } from 'vitest';
import { parseTownshipList } from '../src/district/parse-township-list.ts';
import { importFile } from '../src/import/import-file.ts';
import { generateProvince, generateProvinceTownships, PROVINCE_INDICATORS } from './generate-province.ts';

const SMALL = { townships: 30, years: 3 };
const linesOf = (csv: string) => csv.split('\r\n').filter((line) => line !== '');

describe('generateProvince', () => {
  it('is deterministic: the same seed gives the same lines and row count', () => {
    const a = linesOf(generateProvince(SMALL, 7).csv);
    const b = linesOf(generateProvince(SMALL, 7).csv);
    expect(a).toHaveLength(1 + 30 * 3 * 20);
    expect(b).toHaveLength(a.length);
    expect([b[0], b[1], b.at(-1)]).toEqual([a[0], a[1], a.at(-1)]);
    expect(b.join('\n')).toBe(a.join('\n'));
  });

  it('gives another file for another seed', () => {
    expect(generateProvince(SMALL, 8).csv).not.toBe(generateProvince(SMALL, 7).csv);
  });

  it('writes the long layout of the sample file, UTF-8 with BOM', () => {
    const { csv } = generateProvince(SMALL, 7);
    expect(csv.startsWith('\uFEFF镇街,年度,指标,数值,单位,备注\r\n')).toBe(true);
    expect(PROVINCE_INDICATORS).toHaveLength(20);
    expect(new Set(PROVINCE_INDICATORS).size).toBe(20);
  });

  it('names 1,000 distinct townships with distinct division codes', () => {
    const townships = generateProvinceTownships(1000);
    expect(new Set(townships.map((t) => t.name)).size).toBe(1000);
    expect(new Set(townships.map((t) => t.name.replace(/(街道|镇|乡)$/, ''))).size).toBe(1000);
    expect(new Set(townships.map((t) => t.code)).size).toBe(1000);
    expect(townships.every((t) => /^51\d{7}$/.test(t.code))).toBe(true);
  });

  it('imports without a single issue against its own township list', async () => {
    const province = generateProvince(SMALL, 7);
    const list = parseTownshipList(province.townshipList);
    expect(list).toEqual({ ok: true, townships: province.townships });
    const preview = await importFile(new TextEncoder().encode(province.csv), {
      fileName: 'province.csv',
      townships: province.townships,
    });
    expect(preview.issues).toEqual([]);
    expect(preview.layout).toBe('long');
    expect(preview.facts).toHaveLength(30 * 3 * 20);
  });
});
