import { defineConfig } from 'vitest/config';

// Browser journeys: a real Chromium against the real server (started in-process, fresh data directory).
export default defineConfig({
  test: {
    include: ['e2e/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
    reporters: ['default'],
  },
});
