import { shortTownshipName, type Township, townshipCodeOf } from '../district/district.ts';
import { editDistance } from './edit-distance.ts';
import { LIST_NUMBER, normalizeLabel } from './normalize-text.ts';
import { pinyinLetters, pinyinSuggestions } from './pinyin-name.ts';

/** No township name is this long; longer cells are not compared letter by letter. */
const MAX_NAME_LENGTH = 24;
/** The longest name in pinyin looked at: `Zhongguancun Jiedao Banshichu` has 27 letters. */
const MAX_PINYIN_LENGTH = 60;

export type TownshipMatch =
  | { readonly kind: 'matched'; readonly township: Township }
  | { readonly kind: 'unknown'; readonly name: string; readonly suggestions: readonly Township[] };

/** The form of a written township name that `townshipAliases` are keyed by: ` 宝龙镇　` → `宝龙镇`, `Baolong` → `baolong`. */
export function townshipKey(name: string): string {
  return normalizeLabel(name);
}

/** A note in brackets after a name, full-width ones already folded by normalizeLabel. */
const ANNOTATION = /\([^)]*\)|【[^】]*】|\[[^\]]*\]/g;

/**
 * A township's office names the township (T2): `宝龙镇人民政府`, `宝龙镇党委`, `宝龙镇司法所`,
 * `中共宝龙镇委员会`, `桂林街道办事处`, `桂林街道办`.
 */
function withoutOffice(key: string): string {
  return key
    .replace(/^中共/, '')
    .replace(/(人民政府办公室|人民政府|党委政府|党政办|党委|党工委|委员会|政府|办事处|司法所)$/, '')
    .replace(/(街道办|街办)$/, '街道');
}

/** Marks a table puts beside a name to point to a note: `宝龙镇*`, `※宝龙镇`. */
const MARKS = /^[*※#△▲☆★]+|[*※#△▲☆★]+$/g;

/** The last character of a place above a township: `重庆市`, `潼南区`, `某县`. */
const PLACE_END = new Set(['省', '市', '州', '盟', '区', '县', '旗']);

/**
 * How a district may be written before its townships, or on its own total row: `重庆市潼南区` as
 * the app keeps it, `潼南区` without the province and city, `潼南` without 区/县/市/旗.
 */
export function namesOfDistrict(fullName: string | undefined): ReadonlySet<string> {
  if (!fullName) return new Set();
  const full = normalizeLabel(fullName);
  const name = full.replace(/^.*(省|自治区|市|州|盟|地区)(?=.{2,}$)/, '');
  const short = name.replace(/(自治县|自治旗|林区|特区|区|县|市|旗)$/, '');
  return new Set([full, name, ...(short.length >= 2 ? [short] : [])]);
}

/** A statistical division code at the start of a name (9 or 12 digits), and the name after it. */
const DIVISION_CODE = /^(\d{12}|\d{9})(?!\d)[-_:：.、]?(.*)$/;

export type TownshipMatcher = (name: string) => TownshipMatch;

/**
 * 宝龙镇, 宝龙, ` 宝龙镇　` all match 宝龙镇. A name that matches nothing is never created
 * silently: the caller gets the closest names to offer the user (for a name in pinyin, those it
 * spells: `Baolong` → 宝龙镇). The district's names are indexed
 * once and each distinct written name is looked up once, so a file costs one lookup per name.
 */
export function createTownshipMatcher(
  townships: readonly Township[],
  aliases: Readonly<Record<string, string>> = {},
  /** The district's name (`重庆市潼南区`): `潼南宝龙镇` is 宝龙镇. */
  districtName?: string,
): TownshipMatcher {
  const districtNames = [...namesOfDistrict(districtName)].sort((a, b) => b.length - a.length);
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const byName = new Map<string, Township>();
  /** Short name → its townships: 开平 is both 开平街道 and 开平镇 in some districts. */
  const byShortName = new Map<string, Township[]>();
  const shortNames = townships.map((township) => {
    const name = normalizeLabel(township.name);
    const short = shortTownshipName(name);
    if (!byName.has(name)) byName.set(name, township);
    const same = byShortName.get(short);
    if (same) same.push(township);
    else byShortName.set(short, [township]);
    return { township, name, short };
  });
  const cache = new Map<string, TownshipMatch>();
  /** A full name, with or without its office (`开平镇人民政府`), else a short name only one township has. */
  const named = (text: string) => {
    const office = withoutOffice(text);
    const same = byShortName.get(shortTownshipName(office));
    return byName.get(text) ?? byName.get(office) ?? (same?.length === 1 ? same[0] : undefined);
  };
  /** `宝龙镇合计`, `宝龙镇汇总`: a township's own total over its villages is the township (R5). */
  const ownTotal = (text: string): Township | undefined => {
    const whole = text.replace(/(合计数?|总计|汇总)$/, '');
    return whole !== text && whole.length >= 2 ? named(whole) : undefined;
  };
  /**
   * `重庆市潼南区宝龙镇`, `潼南宝龙镇`: a township's name after its district's (T2); with no
   * district known, after any place ending 省/市/区/县.
   */
  const afterPlace = (text: string): Township | undefined => {
    for (const district of districtNames) {
      if (text.startsWith(district) && text.length > district.length) {
        const township = named(text.slice(district.length));
        if (township) return township;
      }
    }
    for (let i = 2; i < text.length - 1; i++) {
      if (!PLACE_END.has(text[i - 1] ?? '')) continue;
      // `重庆市大足区宝龙镇` is another district's 宝龙镇, when the district is known.
      const place = text.slice(0, i);
      if (districtNames.length > 0 && !districtNames.some((district) => place.endsWith(district))) continue;
      const township = named(text.slice(i));
      if (township) return township;
    }
    return undefined;
  };

  const lookUp = (key: string): TownshipMatch => {
    const aliasCode = Object.hasOwn(aliases, key) ? aliases[key] : undefined;
    const aliased = aliasCode === undefined ? undefined : byCode.get(aliasCode);
    if (aliased) return { kind: 'matched', township: aliased };
    const coded = DIVISION_CODE.exec(key);
    // A village's code (12 digits not ending 000) names no township: the text is read as a name.
    const code = townshipCodeOf(coded?.[1] ?? '');
    if (coded && code.length === 9) return byDivisionCode(key, byCode.get(code), coded[2] ?? '');
    // `宝龙镇（含原XX乡）`, `桂林街道(城区)`: the name before a note in brackets; `1、宝龙镇`: after
    // its number; `宝龙镇*`: without the mark.
    const plain = key.replace(ANNOTATION, '').replace(LIST_NUMBER, '').replace(MARKS, '') || key;
    const short = shortTownshipName(withoutOffice(plain));
    const township = byName.get(key) ?? named(plain) ?? afterPlace(plain) ?? ownTotal(plain);
    if (township) return { kind: 'matched', township };
    // 开平 where the district has 开平街道 and 开平镇: the user says which.
    const same = byShortName.get(short);
    if (same && same.length > 1) return { kind: 'unknown', name: key, suggestions: same.slice(0, 3) };
    const letters = plain.length > MAX_PINYIN_LENGTH ? undefined : pinyinLetters(plain);
    if (letters !== undefined)
      return { kind: 'unknown', name: key, suggestions: pinyinSuggestions(letters, shortNames, 3) };
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

  /**
   * `500152104`, `500152104000`, `500152104宝龙镇`: the township of the code, when the name beside it
   * is blank, the same township, or one the district does not know and that looks like no other (an
   * old name). A name of another township, or a typo of one (`500152119宝垅镇`: 小渡镇's code, 宝龙镇's
   * typo), leaves the name unknown, the code's township suggested first. A code not in the list:
   * the name decides.
   */
  const byDivisionCode = (key: string, coded: Township | undefined, name: string): TownshipMatch => {
    const nameMatch = name === '' ? undefined : lookUp(name);
    if (!coded) return nameMatch ?? { kind: 'unknown', name: key, suggestions: [] };
    const others =
      nameMatch === undefined
        ? []
        : nameMatch.kind === 'matched'
          ? [nameMatch.township]
          : nameMatch.suggestions.includes(coded)
            ? []
            : nameMatch.suggestions;
    const suggestions = others.filter((t) => t !== coded);
    if (suggestions.length === 0) return { kind: 'matched', township: coded };
    return { kind: 'unknown', name: key, suggestions: [coded, ...suggestions].slice(0, 3) };
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
  districtName?: string,
): TownshipMatch {
  return createTownshipMatcher(townships, aliases, districtName)(name);
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
  // A short name two townships share (开平: 开平街道, 开平镇) names neither.
  const shorts = townships.map((t) => ({ name: shortTownshipName(normalizeLabel(t.name)), township: t }));
  const count = new Map<string, number>();
  for (const { name } of shorts) count.set(name, (count.get(name) ?? 0) + 1);
  return (
    earliest(townships.map((t) => ({ name: normalizeLabel(t.name), township: t }))) ??
    earliest(shorts.filter((candidate) => count.get(candidate.name) === 1)) ??
    earliest(aliasCandidates)
  );
}
