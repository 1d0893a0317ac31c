import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import {
  BASKET_STORAGE_KEY,
  loadBasket,
  localStore,
  readBasket,
  type StoredChart,
  saveBasket,
} from './basket-store.ts';
import { type BuildContext, type BuiltChart, buildChart } from './chart-builds.ts';

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
 * The charts of a stored pack, built again in the given context (today's language and source
 * line); a chart that cannot be built from what was stored is left out.
 */
export function restoreItems(
  stored: readonly StoredChart[],
  ctx: BuildContext,
  nextId: () => number,
): BasketItem[] {
  return stored.flatMap(({ recipe, width }) => {
    try {
      return [{ ...buildChart(ctx, recipe), id: nextId(), width }];
    } catch {
      return [];
    }
  });
}

/**
 * The basket lives in the App's state: it survives every change of view (the pages come and
 * go, the App stays). Every change is kept in the browser's local storage (basket-store.ts), read
 * back once the district's townships are known (`ctx`), and followed when another tab of the app
 * changes it. Where the browser will not keep it (storage off or full), the pack lives in the
 * page only, and while it holds a chart the browser asks before the page is reloaded or closed.
 */
export function useBasketState(
  ctx: BuildContext | null,
  storage: Storage | undefined = localStore(),
): Basket {
  const [items, setItems] = useState<readonly BasketItem[]>([]);
  const [kept, setKept] = useState(storage !== undefined);
  const itemsRef = useRef(items);
  const ctxRef = useRef(ctx);
  useEffect(() => {
    ctxRef.current = ctx;
  }, [ctx]);
  const idRef = useRef(0);
  const nextId = useCallback(() => ++idRef.current, []);
  const restoredRef = useRef(false);

  const show = useCallback((next: readonly BasketItem[]) => {
    itemsRef.current = next;
    setItems(next);
  }, []);
  const change = useCallback(
    (update: (current: readonly BasketItem[]) => readonly BasketItem[]) => {
      const next = update(itemsRef.current);
      show(next);
      setKept(saveBasket(storage, next));
    },
    [show, storage],
  );

  useEffect(() => {
    if (!ctx || restoredRef.current) return;
    restoredRef.current = true;
    const restored = restoreItems(loadBasket(storage), ctx, nextId);
    if (restored.length === 0) return;
    const keys = new Set(restored.map((item) => item.key));
    show([...restored, ...itemsRef.current.filter((item) => !keys.has(item.key))]);
  }, [ctx, storage, nextId, show]);

  useEffect(() => {
    const follow = (event: StorageEvent) => {
      const current = ctxRef.current;
      if (event.key !== BASKET_STORAGE_KEY || event.storageArea !== storage || !current) return;
      show(restoreItems(readBasket(event.newValue), current, nextId));
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
  useEffect(() => {
    if (!unkept) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unkept]);
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
