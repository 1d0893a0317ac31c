import { type ComponentType, memo, useEffect, useRef, useState } from 'react';
import type { PageContext } from '../page-context.ts';
import { PAGES, type Page } from '../url-state.ts';

export type PageComponent = ComponentType<{ readonly ctx: PageContext }>;

interface ViewStackProps {
  readonly active: Page;
  readonly ctx: PageContext;
  readonly pages: Readonly<Record<Page, PageComponent>>;
}

/** How long a view being prepared may keep the next one waiting (busy queries), at most. */
const PREPARE_WAIT_MS = 30_000;
const PREPARE_POLL_MS = 100;

/**
 * Every view, the active one shown and the others kept in the page, hidden. A hidden view is
 * frozen on the context it last had, so it neither queries nor renders while another is used;
 * shown, it catches up with the current context (cached answers make that quick), and going back
 * to a view shows its drawn charts and its table as they were (a province's heatmap or ranking
 * takes hundreds of ms to draw).
 *
 * Views are prepared ahead, one at a time, when the page is idle and no view waits for DuckDB:
 * a view not opened yet, or one whose data changed since it was last drawn (an import, an undo),
 * is rendered with the current context, so its queries are answered and its charts drawn before
 * the user opens it. Hidden views are laid out at the page's width (their charts need a size) but
 * take no room, are not seen, and cannot be reached by keyboard or assistive technology.
 * `data-prepared` on the stack says when every view is ready.
 */
export function ViewStack({ active, ctx, pages }: ViewStackProps) {
  /** The context each view was last rendered with: the active one's is always the current one. */
  const frozen = useRef(new Map<Page, PageContext>());
  frozen.current.set(active, ctx);
  const [, setPrepared] = useState(0);
  const stack = useRef<HTMLDivElement>(null);
  const next = PAGES.find((page) => frozen.current.get(page)?.revision !== ctx.revision);

  useEffect(() => {
    if (next === undefined) return undefined;
    let cancelled = false;
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = performance.now();
    const prepare = () => {
      if (cancelled) return;
      // One view at a time: not while a view still waits for its answers.
      const busy = stack.current?.querySelector('[aria-busy="true"]');
      if (busy && performance.now() - started < PREPARE_WAIT_MS) {
        timer = setTimeout(schedule, PREPARE_POLL_MS);
        return;
      }
      frozen.current.set(next, ctx);
      setPrepared((n) => n + 1);
    };
    const schedule = () => {
      if (cancelled) return;
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(prepare, { timeout: 1_000 });
      else timer = setTimeout(prepare, PREPARE_POLL_MS);
    };
    schedule();
    return () => {
      cancelled = true;
      if (idle !== undefined) cancelIdleCallback(idle);
      if (timer !== undefined) clearTimeout(timer);
    };
  });

  // The shown view first in the document, so whatever looks for "the chart" or "the table" of the
  // page finds the one on screen; the others follow in the tabs' order.
  const order = [active, ...PAGES.filter((page) => page !== active && frozen.current.has(page))];
  return (
    <div ref={stack} className="view-stack" data-prepared={next === undefined ? 'all' : 'some'}>
      {order.map((page) => {
        const shown = page === active;
        return (
          // A hidden view is laid out but neither seen nor taking room (app.css `.view.kept`).
          <div
            key={page}
            className={shown ? 'view' : 'view kept'}
            data-view={page}
            inert={!shown}
            aria-hidden={shown ? undefined : true}
          >
            <FrozenPage component={pages[page]} ctx={frozen.current.get(page) ?? ctx} />
          </div>
        );
      })}
    </div>
  );
}

/** Renders again only when its context (or component) changes: never while its view is hidden. */
const FrozenPage = memo(function FrozenPage({
  component: Component,
  ctx,
}: {
  readonly component: PageComponent;
  readonly ctx: PageContext;
}) {
  return <Component ctx={ctx} />;
});
