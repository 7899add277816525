import { defineConfig } from 'vitest/config';

/**
 * Three layers, one project each; `vitest run` (in `npm test`) runs them all:
 *
 * - unit (tests/unit/): pure functions of the ingest, the site's modules and
 *   the browser code, on fixtures and on the real sources. No dist/, no
 *   browser, no run of a whole command: `npm run test:unit` (or
 *   `npx vitest run --project unit`) checks a change in seconds.
 * - build (tests/build/): what the commands make: the whole ingest run on the
 *   real sources (as `npm run ingest`, and on broken copies of them), and the
 *   built HTML in dist/ (`npm run build` first).
 * - e2e (tests/e2e/): the built site in Chromium (build first).
 */
export default defineConfig({
  test: {
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
    // expect.poll waits for what a page shows after a fetch or a worker's answer:
    // a second (the default) is too short for a machine busy with other work.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Each file still gets fresh modules, in a VM context of a worker that
          // is reused, which spares starting a process per file. Files must not
          // share modules (isolate: false): the ingest's tests load jieba with
          // different theme dictionaries. In a VM context, an error thrown by a
          // Node built-in (fs, …) is not `instanceof Error`: match its message.
          pool: 'vmForks',
        },
      },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
    ],
  },
});
