import { defineConfig } from 'vitest/config';

/**
 * One run for every test: unit tests of the ingest (tests/unit/), tests of the
 * built HTML in dist/ (tests/build/) and browser tests in Chromium
 * (tests/e2e/). `npm test` builds dist/ before vitest runs.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/.output/**'],
    environment: 'node',
    // Two cores: two test files at a time. A browser test file and the
    // second build of the determinism test may share the machine.
    pool: 'forks',
    maxWorkers: 2,
    // Browser pages and HTML checks over the whole site are slower than unit
    // tests; the determinism test sets its own, longer timeout.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
