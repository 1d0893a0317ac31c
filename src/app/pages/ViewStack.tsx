import { type ComponentType, memo, useRef } from 'react';
import type { PageContext } from '../page-context.ts';
import { PAGES, type Page } from '../url-state.ts';

export type PageComponent = ComponentType<{ readonly ctx: PageContext }>;

interface ViewStackProps {
  readonly active: Page;
  readonly ctx: PageContext;
  readonly pages: Readonly<Record<Page, PageComponent>>;
}

/**
 * The views opened so far, the active one shown and the others hidden but kept: going back to a
 * view shows its drawn charts and its table as they were, without querying, rendering or drawing
 * them again (a province's heatmap or ranking takes hundreds of ms to draw). A hidden view is
 * frozen on the context it last had, so it neither queries nor renders while another is used;
 * shown again, it catches up with the current context (cached answers make that quick).
 */
export function ViewStack({ active, ctx, pages }: ViewStackProps) {
  const opened = useRef(new Set<Page>());
  opened.current.add(active);
  // The shown view first in the document, so whatever looks for "the chart" or "the table" of the
  // page finds the one on screen; the hidden ones follow in the tabs' order (moving a hidden
  // subtree costs no layout).
  const order = [active, ...PAGES.filter((page) => page !== active && opened.current.has(page))];
  return order.map((page) => (
    <KeptView key={page} active={page === active} ctx={ctx} component={pages[page]} />
  ));
}

function KeptView({
  active,
  ctx,
  component,
}: {
  readonly active: boolean;
  readonly ctx: PageContext;
  readonly component: PageComponent;
}) {
  const frozen = useRef(ctx);
  if (active) frozen.current = ctx;
  return (
    <div className="view" hidden={!active}>
      <FrozenPage component={component} ctx={frozen.current} />
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
