import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { preview } from 'vite';

/** Serves the production build (run `vite build` first) the way `npm start` does. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html'))
    throw new Error('No production build: run `npx vite build` before the browser tests.');
  const server = await preview({
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
