import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { openAppDb } from './app/open-app-db.ts';
import { zh } from './messages/zh.ts';

const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(<p className="loading">{zh.loading}</p>);

openAppDb().then(
  (appDb) =>
    root.render(
      <StrictMode>
        <App appDb={appDb} />
      </StrictMode>,
    ),
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
