import { defineConfig } from 'vitest/config';

// One suite for `npm test`: small (domain), medium (server modules through buildApp + inject against
// PGlite, or PostgreSQL when DATABASE_URL is set) and API end-to-end tests. Browser journeys run
// separately (`npm run test:browser`) because they need Chromium.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'e2e/api/**/*.test.ts', 'e2e/edge/**/*.test.ts'],
    globalSetup: ['packages/server/src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
