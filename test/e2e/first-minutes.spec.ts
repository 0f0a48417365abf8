import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, test } from './fixtures';
import { firstRunLockUnlockIncident } from './journeys/first-minutes';

// The journey the Electron project runs against the packaged app (electron/app.spec.ts), proven
// here on the HTTP host so the two cannot drift apart unnoticed.
test('first minutes on the HTTP host: create the vault, lock, unlock, log an incident and see its clocks', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dpo-e2e-first-minutes-'));
  const host = await startHost(dataDir);
  try {
    await page.addInitScript(() => localStorage.setItem('dpo.language', localStorage.getItem('dpo.language') ?? 'en'));
    await page.goto(host.url);
    await firstRunLockUnlockIncident(page);
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
