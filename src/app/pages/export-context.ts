import { useMemo } from 'react';
import type { PageContext } from '../page-context.ts';

/** What a chart's export needs of the page context (chart-exports.ts). */
export type ExportContext = Pick<PageContext, 't' | 'lang' | 'townships' | 'source'>;

/**
 * The part of the page context a chart's export reads, kept while those parts stay the same. The
 * whole context is new with every change of view state (a picker, the view itself), and building a
 * province's export again on each — the loading render included — cost tens of ms.
 */
export function useExportContext(ctx: PageContext): ExportContext {
  const { t, lang, townships, source } = ctx;
  return useMemo(() => ({ t, lang, townships, source }), [t, lang, townships, source]);
}
