import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, formatViewState, parseViewState, type ViewState } from './url-state.ts';

describe('the whole view lives in the URL', () => {
  it.each<[string, Partial<ViewState>]>([
    ['the default view is an empty query', {}],
    [
      'ranking of a custom indicator for 2021',
      { page: 'ranking', indicatorId: 'custom:网格员培训', year: 2021 },
    ],
    ['a township profile in English', { page: 'profile', township: '500152104', lang: 'en' }],
    [
      'trend of 同比 changes with highlighted townships',
      { page: 'trend', mode: 'change', highlighted: ['500152104', '500152001'] },
    ],
    ['table sorted by a column, descending', { page: 'table', sortBy: 'disputes_mediated', sortDesc: true }],
  ])('%s round-trips', (_name, change) => {
    const view = { ...DEFAULT_VIEW, ...change };
    expect(parseViewState(formatViewState(view))).toEqual(view);
  });

  it('ignores what a hand-edited link cannot mean', () => {
    const view = parseViewState('?view=admin&year=3021&townships=<script>,500152104&indicator=a;DROP&mode=x');
    expect(view).toEqual({ ...DEFAULT_VIEW, highlighted: ['500152104'] });
  });
});
