/**
 * What the benchmarks and the browser tests share: Chromium's path and flags; and, for the benchmarks, building the production bundle only when it is
 * missing or older than its sources.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What a build is made from: a change to any of these makes the build stale. */
const SOURCES = [
  'src',
  'data',
  'index.html',
  'bench.html',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** True when `outDir` (relative to the project) lacks `builtFile` or a source changed after it was built. */
export function buildIsStale(outDir = 'dist', builtFile = 'index.html'): boolean {
  const built = join(ROOT, outDir, builtFile);
  if (!existsSync(built)) return true;
  const sources = SOURCES.map((name) => join(ROOT, name)).filter((path) => existsSync(path));
  return Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs;
}

/** Runs `vite build` into `outDir` when the build there is stale. */
export async function buildIfStale(outDir = 'dist', builtFile = 'index.html'): Promise<void> {
  if (!buildIsStale(outDir, builtFile)) return;
  console.log(`Building ${outDir}/ …`);
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}
