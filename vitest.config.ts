import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The fast tier (`npm test`): unit, rule, CLI and formatter tests. Slow end-to-end tests
// (servers over stdio, Chromium, the bundle, worker pools, huge files) live in test/e2e and run
// with `npm run test:e2e` (vitest.e2e.config.ts), which .ci/run runs after `npm test`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on a 2-core machine that is one.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
