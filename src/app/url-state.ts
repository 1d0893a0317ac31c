import { DEFAULT_INDICATOR_ID } from '../indicators/catalog.ts';

export type Lang = 'zh' | 'en';

export const PAGES = ['overview', 'trend', 'ranking', 'heatmap', 'profile', 'table', 'quality'] as const;
export type Page = (typeof PAGES)[number];

export interface ViewState {
  readonly page: Page;
  /** Trend and heatmap: plot the value, or its 同比 change. */
  readonly mode: 'value' | 'change';
  /** The township of the profile page. */
  readonly township: string | null;
  readonly indicatorId: string;
  /** null = the latest year with data. */
  readonly year: number | null;
  /** Township codes the user highlighted; empty = the default highlight. */
  readonly highlighted: readonly string[];
  readonly lang: Lang;
  /** Table sort: indicator id or 'township', and direction. */
  readonly sortBy: string | null;
  readonly sortDesc: boolean;
}

/** Catalog ids and `custom:<header>` ids; anything else in a URL is ignored. */
const INDICATOR_ID = /^(custom:)?[\p{L}\p{N}_（）()%/.-]{1,64}$/u;

export const DEFAULT_VIEW: ViewState = {
  page: 'overview',
  mode: 'value',
  township: null,
  indicatorId: DEFAULT_INDICATOR_ID,
  year: null,
  highlighted: [],
  lang: 'zh',
  sortBy: null,
  sortDesc: false,
};

/** The whole view lives in the URL so a pasted link reopens exactly the same view. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const indicator = params.get('indicator');
  const year = Number(params.get('year'));
  const sort = params.get('sort');
  const page = params.get('view');
  const township = params.get('township');
  return {
    page: PAGES.find((p) => p === page) ?? DEFAULT_VIEW.page,
    mode: params.get('mode') === 'change' ? 'change' : 'value',
    township: township && /^[0-9A-Za-z_-]{1,32}$/.test(township) ? township : null,
    indicatorId: indicator && INDICATOR_ID.test(indicator) ? indicator : DEFAULT_VIEW.indicatorId,
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null,
    highlighted: (params.get('townships') ?? '')
      .split(',')
      .filter((code) => /^[0-9A-Za-z_-]{1,32}$/.test(code)),
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
    sortBy: sort && (sort === 'township' || INDICATOR_ID.test(sort)) ? sort : null,
    sortDesc: params.get('desc') === '1',
  };
}

export function formatViewState(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.page !== DEFAULT_VIEW.page) params.set('view', view.page);
  if (view.mode !== DEFAULT_VIEW.mode) params.set('mode', view.mode);
  if (view.township !== null) params.set('township', view.township);
  if (view.indicatorId !== DEFAULT_VIEW.indicatorId) params.set('indicator', view.indicatorId);
  if (view.year !== null) params.set('year', String(view.year));
  if (view.highlighted.length > 0) params.set('townships', view.highlighted.join(','));
  if (view.lang !== 'zh') params.set('lang', view.lang);
  if (view.sortBy !== null) params.set('sort', view.sortBy);
  if (view.sortDesc) params.set('desc', '1');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
