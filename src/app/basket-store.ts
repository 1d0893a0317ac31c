/**
 * The meeting pack kept in the browser's local storage, so that a reload, a closed tab or a
 * restarted browser finds it as it was. Each chart is kept as its request (what to query and how
 * to draw it: chart-builds.ts), never as options with functions nor as data: it is queried and
 * built again when read, from the data as they are then.
 */
import type { ChartRequest } from './chart-builds.ts';

export const BASKET_STORAGE_KEY = 'fazhi-dashboard:meeting-pack';
const VERSION = 2;

export interface StoredChart {
  readonly request: ChartRequest;
  /** CSS px the chart had on screen. */
  readonly width: number;
}

export function writeBasket(items: readonly StoredChart[]): string {
  return JSON.stringify({
    version: VERSION,
    items: items.map(({ request, width }) => ({ request, width })),
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
  if (!isRecord(value)) return false;
  const { width, request } = value;
  return typeof width === 'number' && Number.isFinite(width) && width > 0 && isRequest(request);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isPage = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isMode = (value: unknown) => value === 'value' || value === 'change';
const isCodes = (value: unknown) => Array.isArray(value) && value.every(isText);

function isRequest(value: unknown): value is ChartRequest {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'ranking':
      return (
        isText(value.indicatorId) &&
        Number.isInteger(value.year) &&
        isCodes(value.highlighted) &&
        isPage(value.page)
      );
    case 'trend':
      return (
        isText(value.indicatorId) &&
        (value.year === null || Number.isInteger(value.year)) &&
        isMode(value.mode) &&
        isCodes(value.picked)
      );
    case 'heatmap':
      return isText(value.indicatorId) && isMode(value.mode) && isPage(value.page);
    case 'profile':
      return isText(value.townshipCode);
    default:
      return false;
  }
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
