import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { preview } from 'vite';

/**
 * Serves the production build (run `vite build` first) the way `npm start` does.
 * E2E_DIST and E2E_PORT let two builds be tested side by side.
 */
export default async function setup(project: TestProject) {
  const outDir = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`))
    throw new Error(`No production build: run \`npx vite build\` before the browser tests (${outDir}).`);
  const server = await preview({
    build: { outDir },
    preview: { port: Number(process.env.E2E_PORT ?? 4179), strictPort: true, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4179/';
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
