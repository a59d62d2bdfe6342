import { defineConfig } from 'vitest/config';

/**
 * The tests in four tiers, chosen by path (the files stay where they are).
 * `npm test` runs them all, one tier after another (sequence.groupOrder);
 * `npm run test:unit|test:node|test:e2e|test:slow` runs one.
 *
 * - unit: pure logic (tests/unit, tests/renderer), files in parallel.
 * - node: the Node side against real files and child processes (tests/node
 *   minus the slow tier), two files at a time.
 * - e2e: the built renderer in Chromium (tests/e2e; needs `npm run build`),
 *   one file at a time: each starts its own Chromium, which is a whole core.
 * - slow: crash loops that kill writers mid-save, fuzzing, the benchmark
 *   smoke test; one file at a time.
 *
 * Sized for a 2-core machine that is busy with other work: timeouts are
 * generous, and no test waits a fixed time or asserts how long it took.
 */

/** tests/node files that belong to the slow tier. */
const SLOW = ['tests/node/store-crash.test.ts', 'tests/node/vault-crash.test.ts', 'tests/node/fuzz-*.test.ts', 'tests/node/bench.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // expect.poll waits for a condition, not a time: give it as long as a busy machine needs.
    expect: { poll: { timeout: 30_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/renderer/**/*.test.{ts,tsx}'],
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/node/**/*.test.{ts,tsx}'],
          exclude: SLOW,
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.{ts,tsx}'],
          maxWorkers: 1,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: SLOW,
          maxWorkers: 1,
          testTimeout: 600_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
