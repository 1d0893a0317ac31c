import { defineConfig } from 'vitest/config';

/** Browser tests: the production build in Debian's Chromium, driven by playwright-core. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.spec.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A state the page reaches (a card stored, a chart redrawn) may take seconds on a busy two-core
    // machine: expect.poll waits up to 15 s for it instead of Vitest's 1 s.
    expect: { poll: { timeout: 15_000 } },
    // One Chromium at a time: the machine has two cores and DuckDB-WASM is heavy.
    fileParallelism: false,
  },
});
