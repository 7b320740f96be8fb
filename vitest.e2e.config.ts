import { defineConfig } from 'vitest/config';

// The slow end-to-end tier: real servers over stdio, headless Chromium, the bundle and pools.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
