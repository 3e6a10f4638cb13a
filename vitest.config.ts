import { defineConfig } from 'vitest/config';

// Two projects: 'unit' (pure and integration tests, each database test file on a fresh database)
// and 'browser' (Chromium against the built web app served in-process).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // Two files at a time even on 2 cores (vitest's default is cores − 1): much of a database
          // test's time is spent waiting on PostgreSQL or on spawned processes.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['packages/*/test/**/*.browser.test.ts', 'packages/*/src/**/*.browser.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
