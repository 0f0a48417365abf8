import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium (installed by .ci/run); never Playwright's own download.
const chromium = process.env.DPO_CHROMIUM ?? '/usr/bin/chromium';

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
          executablePath: existsSync(chromium) ? chromium : undefined,
          args: [
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            '--no-sandbox',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: '**/electron/**/*.spec.ts',
    },
  ],
});
