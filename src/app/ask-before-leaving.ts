import { useEffect } from 'react';

/** While `when` holds, the browser asks before a reload or close leaves the page (work would be lost). */
export function useAskBeforeLeaving(when: boolean): void {
  useEffect(() => {
    if (!when) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [when]);
}
