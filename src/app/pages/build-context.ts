import { useMemo } from 'react';
import type { BuildContext } from '../chart-builds.ts';
import type { PageContext } from '../page-context.ts';

/**
 * The part of the page context a chart's build reads (chart-builds.ts), kept while those parts
 * stay the same. The whole context is new with every change of view state (a picker, the view
 * itself), and building a province's chart again on each — the loading render included — cost
 * tens of ms.
 */
export function useBuildContext(ctx: PageContext): BuildContext {
  const { t, lang, locale, townships, source } = ctx;
  return useMemo(() => ({ t, lang, locale, townships, source }), [t, lang, locale, townships, source]);
}
