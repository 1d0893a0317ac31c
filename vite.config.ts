import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // The app is served from any path on an intranet host; keep asset URLs relative.
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // The DuckDB wasm is 34 MB; never inline it.
    assetsInlineLimit: 0,
    // bench.html measures imports (`npm run bench`); the app never links to it.
    rolldownOptions: { input: { main: 'index.html', bench: 'bench.html' } },
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  // `npm start -- --host` serves the district's intranet under whatever name its hosts know.
  preview: { port: 4173, allowedHosts: true },
});
