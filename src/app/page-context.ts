import type { DbClient } from '../db/client.ts';
import type { IndicatorInfo, TownshipRow } from '../db/queries.ts';
import type { Messages } from '../messages/zh.ts';
import type { Lang, ViewState } from './url-state.ts';

/** What every page of the dashboard receives from the shell. */
export interface PageContext {
  readonly db: DbClient;
  readonly view: ViewState;
  readonly setView: (change: Partial<ViewState>) => void;
  readonly t: Messages;
  readonly lang: Lang;
  readonly locale: string;
  /** Bumps after every change to the data, so pages query again. */
  readonly revision: number;
  readonly indicators: readonly IndicatorInfo[];
  readonly indicator: IndicatorInfo;
  readonly townships: readonly TownshipRow[];
  readonly years: readonly number[];
  /** The chosen year, or the latest with data. */
  readonly year: number | null;
  readonly latest: number | null;
  /** 数据来源：… line for chart subtitles. */
  readonly source: string;
}

export const nameIn = (lang: Lang, i: IndicatorInfo) => (lang === 'en' ? i.name.en : i.name.zh);
export const unitIn = (lang: Lang, i: IndicatorInfo) => (lang === 'en' ? i.unit.en : i.unit.zh);
