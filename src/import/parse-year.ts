import { toHalfWidth, trimCell } from './normalize-text.ts';

/** `2021`, `2021年`, `2021年度`, `２０２１年` → 2021; anything else → undefined. */
export function parseYear(text: string): number | undefined {
  const match = /^(\d{4})\s*(年度?)?$/.exec(toHalfWidth(trimCell(text)));
  if (!match?.[1]) return undefined;
  const year = Number(match[1]);
  return year >= 1990 && year <= 2100 ? year : undefined;
}

/** The first plausible year written inside a title or file name, e.g. `潼南区2021年度…`. */
export function findYearIn(text: string): number | undefined {
  for (const match of toHalfWidth(text).matchAll(/(?<!\d)(19|20)(\d{2})(?!\d)/g)) {
    const year = Number(`${match[1] ?? ''}${match[2] ?? ''}`);
    if (year >= 1990 && year <= 2100) return year;
  }
  return undefined;
}
