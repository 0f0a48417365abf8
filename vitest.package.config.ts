import { defineConfig } from 'vitest/config';

// The packaged app's tests (test/package/): they read out/package/, which `npm run test:package`
// builds first (scripts/package-offline.mjs, after `npm run build`), so they run apart from the unit suite.
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
