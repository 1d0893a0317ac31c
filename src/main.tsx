import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { DB_LOST_EVENT, openAppDb, takeOver } from './app/open-app-db.ts';
import { zh } from './messages/zh.ts';
import { Notice } from './ui/Notice.tsx';

const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(<p className="loading">{zh.loading}</p>);

window.addEventListener('fazhi-handed-over', () =>
  root.render(
    <Notice
      title={zh.tabs.handedOverTitle}
      text={zh.tabs.handedOverText}
      action={{ label: zh.tabs.reload, onClick: () => window.location.reload() }}
    />,
  ),
);

window.addEventListener(DB_LOST_EVENT, () =>
  root.render(
    <Notice
      title={zh.tabs.lostTitle}
      text={zh.tabs.lostText}
      action={{ label: zh.tabs.reload, onClick: () => window.location.reload() }}
    />,
  ),
);

openAppDb().then(
  (result) => {
    if (result.kind === 'locked') {
      root.render(
        <Notice
          title={zh.tabs.lockedTitle}
          text={zh.tabs.lockedText}
          action={{ label: zh.tabs.takeOver, onClick: () => void takeOver() }}
        />,
      );
      return;
    }
    if (result.kind === 'refused') {
      root.render(<Notice title={zh.errorTitle} text={result.message} />);
      return;
    }
    root.render(
      <StrictMode>
        <App appDb={result.appDb} />
      </StrictMode>,
    );
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
