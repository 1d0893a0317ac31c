import { CATALOG, type Indicator, isStored } from '../indicators/catalog.ts';
import { normalizeLabel } from './normalize-text.ts';

/**
 * A header or indicator label without its unit: `调解纠纷（件）`, `调解纠纷(件)`,
 * `法律咨询/人次` and ` 调解纠纷 ` all become `调解纠纷`.
 */
export function headerKey(label: string): string {
  const folded = normalizeLabel(label);
  const withoutBrackets = folded.replace(/[(（[【][^)）\]】]*[)）\]】]/g, '');
  const withoutSlashUnit = withoutBrackets.replace(/\/[^/]{1,4}$/, '');
  return withoutSlashUnit.replace(/[:：]$/, '');
}

function buildIndex(): Map<string, Indicator> {
  const index = new Map<string, Indicator>();
  for (const indicator of CATALOG) {
    if (!isStored(indicator)) continue;
    for (const label of [indicator.name.zh, indicator.name.en, indicator.id, ...indicator.aliases]) {
      const key = headerKey(label);
      if (!index.has(key)) index.set(key, indicator);
    }
  }
  return index;
}

const INDEX = buildIndex();

/** The stored indicator a header or label names, or undefined when it names none. */
export function matchHeader(label: string): Indicator | undefined {
  return INDEX.get(headerKey(label));
}
