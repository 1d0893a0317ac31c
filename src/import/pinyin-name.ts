/**
 * Township names written in pinyin (`Baolong`, `Bǎolóng Zhèn`, `Guilin Subdistrict`): which of the
 * district's townships they may spell, for the user to pick. A pinyin name is never matched on
 * its own: two townships can share a spelling, and a clerk's `Baolong` may be a typo for another.
 */
import type { Township } from '../district/district.ts';
import { editDistance } from './edit-distance.ts';
import { OTHER, PRIMARY } from './pinyin-readings.ts';

/** Administrative words at the end of a pinyin or English name: `Baolong Zhen`, `Guilin Subdistrict`. */
const SUFFIXES = [
  'jiedaobanshichu',
  'banshichu',
  'renminzhengfu',
  'zhengfu',
  'subdistrict',
  'jiedao',
  'township',
  'street',
  'town',
  'zhen',
  'xiang',
] as const;

/**
 * The letters of a name written in Latin letters, toneless and lower case, or undefined for any
 * other name (one with Chinese characters or digits). `v` and `ü` are `u`, as in the table.
 */
export function pinyinLetters(written: string): string | undefined {
  const folded = written
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (!/^[a-zü\s'’\-.·]+$/.test(folded) || !/[a-z]/.test(folded)) return undefined;
  return folded.replace(/[^a-zü]/g, '').replace(/[vü]/g, 'u');
}

/** The letters without an administrative word at the end, when something is left. */
function withoutSuffix(letters: string): string {
  for (const suffix of SUFFIXES) {
    if (letters.endsWith(suffix) && letters.length > suffix.length) return letters.slice(0, -suffix.length);
  }
  return letters;
}

let table: { primary: Map<string, string>; all: Map<string, string[]> } | undefined;

function readings(): NonNullable<typeof table> {
  if (table) return table;
  const primary = new Map<string, string>();
  const all = new Map<string, string[]>();
  const read = (grouped: string, isPrimary: boolean) => {
    for (const [, syllable = '', chars = ''] of grouped.matchAll(/([a-z]+)([^a-z]+)/g)) {
      for (const ch of chars) {
        if (isPrimary) primary.set(ch, syllable);
        all.set(ch, [...(all.get(ch) ?? []), syllable]);
      }
    }
  };
  read(PRIMARY, true);
  read(OTHER, false);
  table = { primary, all };
  return table;
}

/** Whether `letters` is one reading of each character of `name` in turn (柏梓: baizi or bozi). */
function spells(letters: string, name: string): boolean {
  const { all } = readings();
  let positions = new Set([0]);
  for (const ch of name) {
    const next = new Set<number>();
    for (const at of positions) {
      for (const syllable of all.get(ch) ?? []) {
        if (letters.startsWith(syllable, at)) next.add(at + syllable.length);
      }
    }
    if (next.size === 0) return false;
    positions = next;
  }
  return positions.has(letters.length);
}

/** The usual reading of a name, characters without one left out. */
function usualReading(name: string): string {
  const { primary } = readings();
  return Array.from(name, (ch) => primary.get(ch) ?? '').join('');
}

export interface PinyinCandidate {
  readonly township: Township;
  /** The township's name, folded (no spaces). */
  readonly name: string;
  /** The name without its suffix (宝龙镇 → 宝龙). */
  readonly short: string;
}

/**
 * The candidates a pinyin name may spell, closest first: every one it spells exactly (with or
 * without the suffix, in any reading of a character with several), then those whose usual
 * reading is within a few letters of it (`Baolon`, `Boalong`).
 */
export function pinyinSuggestions(
  letters: string,
  candidates: readonly PinyinCandidate[],
  limit: number,
): Township[] {
  const bare = withoutSuffix(letters);
  const exact = candidates.filter(
    (c) => spells(letters, c.name) || spells(bare, c.short) || spells(letters, c.short),
  );
  const within = Math.max(1, Math.floor(bare.length / 3));
  const near = candidates
    .filter((c) => !exact.includes(c))
    .map((c) => ({ c, distance: editDistance(bare, usualReading(c.short)) }))
    .filter(({ distance }) => distance <= within)
    .sort((a, b) => a.distance - b.distance)
    .map(({ c }) => c);
  return [...exact, ...near].slice(0, limit).map((c) => c.township);
}
