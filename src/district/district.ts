export interface Township {
  /** Statistical division code (9 digits) or a local code for a township the user added. */
  readonly code: string;
  readonly name: string;
}

export interface District {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  readonly townships: readonly Township[];
}

export type TownshipKind = 'street' | 'town' | 'township';

/** 街道 are urban sub-district streets; 镇 towns; 乡 rural townships. */
export function townshipKind(name: string): TownshipKind {
  if (name.endsWith('街道')) return 'street';
  if (name.endsWith('乡')) return 'township';
  return 'town';
}

const SUFFIXES = ['街道办事处', '街道', '镇', '乡'] as const;

/** The name without its administrative suffix: 宝龙镇 → 宝龙, 桂林街道 → 桂林. */
export function shortTownshipName(name: string): string {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length) return name.slice(0, -suffix.length);
  }
  return name;
}

/**
 * A township's statistical division code as the district's list keeps it: 9 digits. The bureau's
 * tables write 12, ending in 000 (`500152104000`); another ending is a village's, kept as written.
 */
export function townshipCodeOf(digits: string): string {
  return digits.length === 12 && digits.endsWith('000') ? digits.slice(0, 9) : digits;
}
