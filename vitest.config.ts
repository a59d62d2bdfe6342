import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The store tests kill child processes and the e2e tests run Chromium:
    // on a 2-core machine running files one at a time keeps them from starving.
    fileParallelism: false,
  },
});
