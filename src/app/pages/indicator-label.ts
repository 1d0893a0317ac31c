import { useMemo } from 'react';
import type { IndicatorInfo } from '../../db/queries.ts';
import type { IndicatorLabel } from '../../db/quality-queries.ts';
import { nameIn, unitIn } from '../page-context.ts';
import type { Lang } from '../url-state.ts';

/** Indicator names and units in the language shown, for texts built outside the messages. */
export function useIndicatorLabel(indicators: readonly IndicatorInfo[], lang: Lang): IndicatorLabel {
  return useMemo(() => {
    const byId = new Map(indicators.map((i) => [i.id, { name: nameIn(lang, i), unit: unitIn(lang, i) }]));
    return (id: string) => byId.get(id);
  }, [indicators, lang]);
}
