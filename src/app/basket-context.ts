import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ChartExport } from './chart-exports.ts';

/** A chart collected for the meeting pack, at the width it had on screen. */
export interface BasketItem extends ChartExport {
  readonly id: number;
  /** CSS px. */
  readonly width: number;
}

export interface Basket {
  readonly items: readonly BasketItem[];
  readonly add: (chart: ChartExport, width: number) => void;
  readonly remove: (id: number) => void;
  /** -1 up, +1 down. */
  readonly move: (id: number, by: -1 | 1) => void;
  readonly clear: () => void;
  readonly has: (key: string) => boolean;
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
 * The basket lives in the App's state: it survives every change of view (the pages come and
 * go, the App stays). It holds options and data in memory only; a reload empties it, so while it
 * holds a chart the browser asks before the page is reloaded or closed.
 */
export function useBasketState(): Basket {
  const [items, setItems] = useState<readonly BasketItem[]>([]);
  const [nextId, setNextId] = useState(1);
  const add = useCallback(
    (chart: ChartExport, width: number) => {
      setItems((current) =>
        current.some((item) => item.key === chart.key)
          ? current.map((item) => (item.key === chart.key ? { ...chart, id: item.id, width } : item))
          : [...current, { ...chart, id: nextId, width }],
      );
      setNextId((id) => id + 1);
    },
    [nextId],
  );
  const remove = useCallback((id: number) => setItems((current) => current.filter((i) => i.id !== id)), []);
  const move = useCallback((id: number, by: -1 | 1) => setItems((current) => moveItem(current, id, by)), []);
  const clear = useCallback(() => setItems([]), []);
  const has = useCallback((key: string) => items.some((item) => item.key === key), [items]);
  const holding = items.length > 0;
  useEffect(() => {
    if (!holding) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [holding]);
  return useMemo(() => ({ items, add, remove, move, clear, has }), [items, add, remove, move, clear, has]);
}

export const BasketContext = createContext<Basket | null>(null);

/** The meeting pack's basket; null outside the App (e.g. a page rendered on its own). */
export function useBasket(): Basket | null {
  return useContext(BasketContext);
}
