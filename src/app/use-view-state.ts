import { useCallback, useEffect, useState } from 'react';
import { formatViewState, parseViewState, type ViewState } from './url-state.ts';

/** View state backed by the URL: changes push history entries, back/forward restore them. */
export function useViewState(): [ViewState, (change: Partial<ViewState>) => void] {
  const [view, setView] = useState(() => parseViewState(window.location.search));
  useEffect(() => {
    const onPop = () => setView(parseViewState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((change: Partial<ViewState>) => {
    setView((current) => {
      const next = { ...current, ...change };
      const search = formatViewState(next);
      if (search !== window.location.search)
        window.history.pushState(null, '', `${window.location.pathname}${search}`);
      return next;
    });
  }, []);
  return [view, update];
}
