import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
// Latin letters and punctuation for the English interface (the CJK font's quotes are full width).
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './ui/app.css';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import {
  type AppDb,
  DB_LOST_EVENT,
  HANDED_OVER_EVENT,
  onHolderDataChanged,
  openAppDb,
  openReadOnly,
  type ReadOnlyResult,
  takeOver,
} from './app/open-app-db.ts';
import { zh } from './messages/zh.ts';
import { Notice } from './ui/Notice.tsx';

const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(<p className="loading">{zh.loading}</p>);

const reload = { label: zh.tabs.reload, onClick: () => window.location.reload() };

window.addEventListener(HANDED_OVER_EVENT, () =>
  root.render(<Notice title={zh.tabs.handedOverTitle} text={zh.tabs.handedOverText} action={reload} />),
);

window.addEventListener(DB_LOST_EVENT, (event) => {
  const saved = (event as CustomEvent<{ saved?: boolean }>).detail?.saved === true;
  root.render(
    <Notice
      title={zh.tabs.lostTitle}
      text={saved ? zh.tabs.lostSavedText : zh.tabs.lostText}
      action={reload}
    />,
  );
});

function showApp(appDb: AppDb): void {
  root.render(
    <StrictMode>
      <App appDb={appDb} />
    </StrictMode>,
  );
}

/** A replaced read-only copy is closed this long after, when its last queries have answered. */
const CLOSE_OLD_COPY_MS = 10_000;

/**
 * A read-only copy follows the tab holding the data: after each change there, this tab takes a
 * new copy and shows it in a fresh App (the view is in the URL, so it stays). Changes that
 * arrive while a copy is being taken are caught up with by one more copy.
 */
function showReadOnly(first: AppDb): void {
  let current = first;
  let generation = 0;
  let busy = false;
  let again = false;
  const render = () =>
    root.render(
      <StrictMode>
        <App key={generation} appDb={current} />
      </StrictMode>,
    );
  const refresh = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        const result = await openReadOnly().catch(() => null);
        // The holder went away or could not answer: the copy on screen stays as it is.
        if (result?.kind !== 'open') return;
        const old = current;
        current = result.appDb;
        generation++;
        render();
        setTimeout(() => void old.db.close().catch(() => undefined), CLOSE_OLD_COPY_MS);
      } while (again);
    } finally {
      busy = false;
    }
  };
  onHolderDataChanged(() => void refresh());
  render();
}

/** Another tab holds the data: take it over, or look at a read-only copy of it. */
function LockedNotice() {
  const [state, setState] = useState<
    { readonly kind: 'idle' | 'loading' } | { readonly kind: 'failed'; readonly message: string }
  >({ kind: 'idle' });
  const viewReadOnly = async () => {
    setState({ kind: 'loading' });
    let result: ReadOnlyResult;
    try {
      result = await openReadOnly();
    } catch (error) {
      result = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    if (result.kind === 'open') showReadOnly(result.appDb);
    else if (result.kind === 'holder-gone')
      root.render(<Notice title={zh.tabs.holderGoneTitle} text={zh.tabs.holderGoneText} action={reload} />);
    else if (result.kind === 'refused') root.render(<Notice title={zh.errorTitle} text={result.message} />);
    else if (result.kind === 'failed') setState({ kind: 'failed', message: result.message });
    else setState({ kind: 'idle' });
  };
  return (
    <div className="notice-page" role="alert">
      <h1>{zh.tabs.lockedTitle}</h1>
      <p>{zh.tabs.lockedText}</p>
      {state.kind === 'loading' && <p role="status">{zh.tabs.readOnlyLoading}</p>}
      {state.kind === 'failed' && <p>{zh.tabs.readOnlyFailed(state.message)}</p>}
      <p>
        <button type="button" className="primary" onClick={() => void takeOver()}>
          {zh.tabs.takeOver}
        </button>{' '}
        <button type="button" disabled={state.kind === 'loading'} onClick={() => void viewReadOnly()}>
          {zh.tabs.readOnly}
        </button>
      </p>
    </div>
  );
}

openAppDb().then(
  (result) => {
    if (result.kind === 'locked') {
      root.render(<LockedNotice />);
      return;
    }
    if (result.kind === 'refused') {
      root.render(<Notice title={zh.errorTitle} text={result.message} />);
      return;
    }
    showApp(result.appDb);
  },
  (error: unknown) => {
    console.error(error);
    root.render(
      <div className="fatal" role="alert">
        <h1>{zh.errorTitle}</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </div>,
    );
  },
);
