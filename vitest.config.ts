import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The fast tier (`npm test`): unit, rule, CLI and formatter tests. Slow end-to-end tests
// (servers over stdio, Chromium, the bundle, worker pools, huge files) live in test/e2e and run
// with `npm run test:e2e` (vitest.e2e.config.ts), which .ci/run runs after `npm test`.
//
// Most test files only call the linter, so they share one module graph per worker
// (isolate: false): importing the rules, parsers and axe-core again for every file was half
// of the tier's time. Files that mock the rule registry or check which modules a lint loads
// need a fresh graph, so they keep vitest's default isolation.
const ISOLATED = [
  'test/baseline.test.ts',
  'test/cache.test.ts',
  'test/fix.test.ts',
  'test/formatters.test.ts',
  'test/progress.test.ts',
  'test/start-up.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on a 2-core machine that is one.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: { name: 'isolated', include: ISOLATED, isolate: true },
      },
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', ...ISOLATED],
          isolate: false,
        },
      },
    ],
  },
});
