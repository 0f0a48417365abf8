import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';

// A Chromium or Chrome on the machine (Debian's, installed by .ci/run, or DPO_CHROMIUM); never
// Playwright's own download. `npm run test:e2e` stops first with what to install when there is none.
const chromium = findChromium().path ?? undefined;

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 1,
  retries: 0,
  reporter: [['list']],
  // Parallel runs with their own DPO_OUT_DIR must not wipe each other's artifacts.
  outputDir: process.env.DPO_OUT_DIR ? `${process.env.DPO_OUT_DIR}/test-results` : 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1360, height: 860 },
  },
  projects: [
    {
      name: 'chromium-http',
      testIgnore: '**/electron/**',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromium,
          args: CHROMIUM_ARGS,
        },
      },
    },
    {
      name: 'electron',
      testMatch: '**/electron/**/*.spec.ts',
    },
  ],
});
