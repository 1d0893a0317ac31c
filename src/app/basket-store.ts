/**
 * The meeting pack kept in the browser's local storage, so that a reload, a closed tab or a
 * restarted browser finds it as it was. Each chart is kept as its recipe (the data its view
 * queried and the choices on screen: chart-builds.ts), never as options with functions, and is
 * built again when read. What is kept is a copy: a chart in the pack shows the data as they were
 * when it was added, as it did before the reload.
 */
import type { ChartRecipe } from './chart-builds.ts';

export const BASKET_STORAGE_KEY = 'fazhi-dashboard:meeting-pack';
const VERSION = 1;
const KINDS: ReadonlySet<string> = new Set(['ranking', 'trend', 'heatmap', 'profile']);

export interface StoredChart {
  readonly recipe: ChartRecipe;
  /** CSS px the chart had on screen. */
  readonly width: number;
}

export function writeBasket(items: readonly StoredChart[]): string {
  return JSON.stringify({
    version: VERSION,
    items: items.map(({ recipe, width }) => ({ recipe, width })),
  });
}

/** The charts of a stored pack; none for a text that is not one (absent, from another version, broken). */
export function readBasket(text: string | null): StoredChart[] {
  if (text === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isRecord(parsed) || parsed.version !== VERSION || !Array.isArray(parsed.items)) return [];
  return parsed.items.filter(isStoredChart);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStoredChart(value: unknown): value is StoredChart {
  if (!isRecord(value) || !isRecord(value.recipe)) return false;
  const { width, recipe } = value;
  return (
    typeof width === 'number' &&
    Number.isFinite(width) &&
    width > 0 &&
    typeof recipe.kind === 'string' &&
    KINDS.has(recipe.kind) &&
    isRecord(recipe.data)
  );
}

/** The browser's local storage, or undefined where there is none (it is switched off, or Node). */
export function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the pack; false when it could not be kept (no storage, or the pack is larger than its quota). */
export function saveBasket(storage: Storage | undefined, items: readonly StoredChart[]): boolean {
  if (!storage) return false;
  try {
    if (items.length === 0) storage.removeItem(BASKET_STORAGE_KEY);
    else storage.setItem(BASKET_STORAGE_KEY, writeBasket(items));
    return true;
  } catch {
    return false;
  }
}

export function loadBasket(storage: Storage | undefined): StoredChart[] {
  try {
    return readBasket(storage?.getItem(BASKET_STORAGE_KEY) ?? null);
  } catch {
    return [];
  }
}
