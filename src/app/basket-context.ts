import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { DbClient } from '../db/client.ts';
import { useAskBeforeLeaving } from './ask-before-leaving.ts';
import { BASKET_STORAGE_KEY, loadBasket, localStore, readBasket, saveBasket } from './basket-store.ts';
import {
  type BuildContext,
  type BuiltChart,
  buildChart,
  type ChartRequest,
  type KnownData,
  loadRecipe,
} from './chart-builds.ts';

/** A chart collected for the meeting pack, at the width it had on screen. */
export interface BasketItem extends BuiltChart {
  readonly id: number;
  /** CSS px. */
  readonly width: number;
}

export interface Basket {
  readonly items: readonly BasketItem[];
  readonly add: (chart: BuiltChart, width: number) => void;
  readonly remove: (id: number) => void;
  /** -1 up, +1 down. */
  readonly move: (id: number, by: -1 | 1) => void;
  readonly clear: () => void;
  readonly has: (key: string) => boolean;
  /** The pack is kept in the browser and outlives a reload; false when the browser refused it. */
  readonly kept: boolean;
}

/** Moves the item `id` one place up or down; the list unchanged at either end. */
export function moveItem<T extends { readonly id: number }>(
  items: readonly T[],
  id: number,
  by: -1 | 1,
): T[] {
  const from = items.findIndex((item) => item.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item) next.splice(to, 0, item);
  return next;
}

/**
 * What the pack draws its charts from: the database, the page's context and the data's lists. A
 * new one comes with every change of the data (the lists are read again), the language or the
 * source line, and the pack's charts are queried again.
 */
export interface BasketSource extends KnownData {
  readonly db: DbClient;
  readonly ctx: BuildContext;
}

/** A chart the pack holds, to be queried and built (again). */
export interface Wanted {
  readonly id: number;
  readonly request: ChartRequest;
  readonly width: number;
}

/**
 * The pack's list once `wanted` were built again (rebuildItems): each shown chart replaced by its
 * new build, dropped when it can no longer be drawn, kept as it was when its query failed; charts
 * not shown yet (read from storage) go first, in their stored order, and wait (`pending`) while
 * their query fails. `dropped` says whether the stored pack must be written again.
 */
export function mergeRebuilt(
  current: readonly BasketItem[],
  wanted: readonly Wanted[],
  built: ReadonlyMap<number, BasketItem | null>,
): { items: BasketItem[]; pending: Wanted[]; dropped: boolean } {
  const shown = new Set(current.map((item) => item.id));
  const fresh = wanted.filter((w) => !shown.has(w.id));
  const items = [
    ...fresh.flatMap((w) => built.get(w.id) ?? []),
    ...current.flatMap((item) => (built.has(item.id) ? (built.get(item.id) ?? []) : [item])),
  ];
  const pending = fresh.filter((w) => !built.has(w.id));
  const dropped = wanted.some((w) => built.get(w.id) === null);
  return { items, pending, dropped };
}

/**
 * Queries and builds each wanted chart from the data as they are now. A chart whose indicator or
 * township is gone comes back as null (it can no longer be drawn); one whose query failed (the
 * database restarting) is left out of the answer, so the caller keeps what it had.
 */
export async function rebuildItems(
  source: BasketSource,
  wanted: readonly Wanted[],
): Promise<Map<number, BasketItem | null>> {
  const built = new Map<number, BasketItem | null>();
  for (const { id, request, width } of wanted) {
    try {
      const recipe = await loadRecipe(source.db, request, source);
      built.set(id, recipe ? { ...buildChart(source.ctx, recipe), id, width } : null);
    } catch {
      // Not answered now: asked again at the next change.
    }
  }
  return built;
}

/**
 * The basket lives in the App's state: it survives every change of view (the pages come and
 * go, the App stays). Every change is kept in the browser's local storage (basket-store.ts) as the
 * charts' requests; once the data are known (`source`) and whenever they change, each chart is
 * queried and built again, so the pack always shows the data as they are. A change made in
 * another tab of the app is followed. Where the browser will not keep the pack (storage off or
 * full), it lives in the page only, and while it holds a chart the browser asks before the page
 * is reloaded or closed.
 */
export function useBasketState(
  source: BasketSource | null,
  storage: Storage | undefined = localStore(),
): Basket {
  const [items, setItems] = useState<readonly BasketItem[]>([]);
  const [kept, setKept] = useState(storage !== undefined);
  const itemsRef = useRef(items);
  const idRef = useRef(0);
  const nextId = useCallback(() => ++idRef.current, []);
  const restoredRef = useRef(false);

  const show = useCallback((next: readonly BasketItem[]) => {
    itemsRef.current = next;
    setItems(next);
  }, []);
  /** Charts read from storage whose query has not been answered yet: kept, and asked again. */
  const pendingRef = useRef<readonly Wanted[]>([]);
  const save = useCallback(
    (next: readonly BasketItem[]) => setKept(saveBasket(storage, [...next, ...pendingRef.current])),
    [storage],
  );
  const change = useCallback(
    (update: (current: readonly BasketItem[]) => readonly BasketItem[]) => {
      const next = update(itemsRef.current);
      show(next);
      save(next);
    },
    [show, save],
  );

  const refresh = useCallback(
    async (from: BasketSource, wanted: readonly Wanted[], isCurrent: () => boolean) => {
      const built = await rebuildItems(from, wanted);
      if (!isCurrent()) return;
      const merged = mergeRebuilt(itemsRef.current, wanted, built);
      pendingRef.current = merged.pending;
      show(merged.items);
      if (merged.dropped) save(merged.items);
    },
    [show, save],
  );

  // The stored pack once the data are known, then every chart again at every change of the data,
  // the language or the source line.
  useEffect(() => {
    if (!source) return;
    let current = true;
    const wanted: Wanted[] = restoredRef.current
      ? [...itemsRef.current.map(({ id, request, width }) => ({ id, request, width })), ...pendingRef.current]
      : loadBasket(storage).map(({ request, width }) => ({ id: nextId(), request, width }));
    restoredRef.current = true;
    void refresh(source, wanted, () => current);
    return () => {
      current = false;
    };
  }, [source, storage, nextId, refresh]);

  // Another tab changed the pack: take its list.
  const sourceRef = useRef(source);
  useEffect(() => {
    sourceRef.current = source;
  }, [source]);
  useEffect(() => {
    let latest = 0;
    const follow = (event: StorageEvent) => {
      const from = sourceRef.current;
      if (event.key !== BASKET_STORAGE_KEY || event.storageArea !== storage || !from) return;
      const asked = ++latest;
      const wanted = readBasket(event.newValue).map(({ request, width }) => ({
        id: nextId(),
        request,
        width,
      }));
      void rebuildItems(from, wanted).then((built) => {
        if (asked !== latest) return;
        const merged = mergeRebuilt([], wanted, built);
        pendingRef.current = merged.pending;
        show(merged.items);
      });
    };
    window.addEventListener('storage', follow);
    return () => window.removeEventListener('storage', follow);
  }, [storage, nextId, show]);

  const add = useCallback(
    (chart: BuiltChart, width: number) =>
      change((current) =>
        current.some((item) => item.key === chart.key)
          ? current.map((item) => (item.key === chart.key ? { ...chart, id: item.id, width } : item))
          : [...current, { ...chart, id: nextId(), width }],
      ),
    [change, nextId],
  );
  const remove = useCallback(
    (id: number) => change((current) => current.filter((i) => i.id !== id)),
    [change],
  );
  const move = useCallback(
    (id: number, by: -1 | 1) => change((current) => moveItem(current, id, by)),
    [change],
  );
  const clear = useCallback(() => change(() => []), [change]);
  const has = useCallback((key: string) => items.some((item) => item.key === key), [items]);

  const unkept = items.length > 0 && !kept;
  useAskBeforeLeaving(unkept);
  return useMemo(
    () => ({ items, add, remove, move, clear, has, kept }),
    [items, add, remove, move, clear, has, kept],
  );
}

export const BasketContext = createContext<Basket | null>(null);

/** The meeting pack's basket; null outside the App (e.g. a page rendered on its own). */
export function useBasket(): Basket | null {
  return useContext(BasketContext);
}
