import { shortTownshipName, type Township } from '../district/district.ts';
import { normalizeLabel } from './normalize-text.ts';

/** No township name is this long; longer cells are not compared letter by letter. */
const MAX_NAME_LENGTH = 24;

export type TownshipMatch =
  | { readonly kind: 'matched'; readonly township: Township }
  | { readonly kind: 'unknown'; readonly name: string; readonly suggestions: readonly Township[] };

/** The form of a written township name that `townshipAliases` are keyed by: ` 宝龙镇　` → `宝龙镇`, `Baolong` → `baolong`. */
export function townshipKey(name: string): string {
  return normalizeLabel(name);
}

/** `宝龙镇人民政府` and `桂林街道办事处` name the town itself. */
function withoutGovernment(key: string): string {
  return key.replace(/(人民政府|政府|办事处)$/, '');
}

export type TownshipMatcher = (name: string) => TownshipMatch;

/**
 * 宝龙镇, 宝龙, ` 宝龙镇　` all match 宝龙镇. A name that matches nothing is never created
 * silently: the caller gets the closest names to offer the user. The district's names are indexed
 * once and each distinct written name is looked up once, so a file costs one lookup per name.
 */
export function createTownshipMatcher(
  townships: readonly Township[],
  aliases: Readonly<Record<string, string>> = {},
): TownshipMatcher {
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const byName = new Map<string, Township>();
  const byShortName = new Map<string, Township>();
  const shortNames = townships.map((township) => {
    const name = normalizeLabel(township.name);
    const short = shortTownshipName(name);
    if (!byName.has(name)) byName.set(name, township);
    if (!byShortName.has(short)) byShortName.set(short, township);
    return { township, short };
  });
  const cache = new Map<string, TownshipMatch>();

  const lookUp = (key: string): TownshipMatch => {
    const aliasCode = Object.hasOwn(aliases, key) ? aliases[key] : undefined;
    const aliased = aliasCode === undefined ? undefined : byCode.get(aliasCode);
    if (aliased) return { kind: 'matched', township: aliased };
    const short = shortTownshipName(withoutGovernment(key));
    const township = byName.get(key) ?? byShortName.get(short);
    if (township) return { kind: 'matched', township };
    if (short.length > MAX_NAME_LENGTH) return { kind: 'unknown', name: key, suggestions: [] };
    const limit = Math.max(1, Math.floor(short.length / 2));
    const suggestions = shortNames
      .map((candidate) => ({ ...candidate, distance: editDistance(short, candidate.short) }))
      .filter((candidate) => candidate.distance <= limit)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, 3)
      .map((candidate) => candidate.township);
    return { kind: 'unknown', name: key, suggestions };
  };

  return (name) => {
    const key = townshipKey(name);
    let match = cache.get(key);
    if (!match) {
      match = lookUp(key);
      cache.set(key, match);
    }
    return match;
  };
}

export function matchTownship(
  name: string,
  townships: readonly Township[],
  aliases: Readonly<Record<string, string>> = {},
): TownshipMatch {
  return createTownshipMatcher(townships, aliases)(name);
}

/**
 * The township a title or file name is about (`潼南区宝龙镇2021年…` → 宝龙镇): the earliest full name,
 * else the earliest name without its suffix, else the earliest written name the user resolved.
 */
export function findTownshipIn(
  text: string,
  townships: readonly Township[],
  aliases: Readonly<Record<string, string>> = {},
): Township | undefined {
  const folded = normalizeLabel(text);
  const earliest = (candidates: readonly { readonly name: string; readonly township: Township }[]) => {
    let best: { index: number; township: Township } | undefined;
    for (const { name, township } of candidates) {
      if (name.length < 2) continue;
      const index = folded.indexOf(name);
      if (index >= 0 && (best === undefined || index < best.index)) best = { index, township };
    }
    return best?.township;
  };
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const aliasCandidates = Object.entries(aliases).flatMap(([name, code]) => {
    const township = byCode.get(code);
    return township ? [{ name: townshipKey(name), township }] : [];
  });
  return (
    earliest(townships.map((t) => ({ name: normalizeLabel(t.name), township: t }))) ??
    earliest(townships.map((t) => ({ name: shortTownshipName(normalizeLabel(t.name)), township: t }))) ??
    earliest(aliasCandidates)
  );
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
