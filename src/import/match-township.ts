import { shortTownshipName, type Township } from '../district/district.ts';
import { normalizeLabel } from './normalize-text.ts';

export type TownshipMatch =
  | { readonly kind: 'matched'; readonly township: Township }
  | { readonly kind: 'unknown'; readonly name: string; readonly suggestions: readonly Township[] };

/**
 * 宝龙镇, 宝龙, ` 宝龙镇　` all match 宝龙镇. A name that matches nothing is never created
 * silently: the caller gets the closest names to offer the user.
 */
export function matchTownship(name: string, townships: readonly Township[]): TownshipMatch {
  const key = normalizeLabel(name);
  const short = shortTownshipName(key);
  for (const township of townships) {
    const candidate = normalizeLabel(township.name);
    if (candidate === key || shortTownshipName(candidate) === short) return { kind: 'matched', township };
  }
  const scored = townships
    .map((township) => ({
      township,
      distance: editDistance(short, shortTownshipName(normalizeLabel(township.name))),
    }))
    .filter((s) => s.distance <= Math.max(1, Math.floor(short.length / 2)))
    .sort((a, b) => a.distance - b.distance);
  return { kind: 'unknown', name: key, suggestions: scored.slice(0, 3).map((s) => s.township) };
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(above + 1, (prev[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return prev[b.length] ?? 0;
}
