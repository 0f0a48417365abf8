import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstRunLockUnlockIncident } from '../journeys/first-minutes';
import { electronTarget } from './target';

const target = electronTarget();

// The journey of first-minutes.spec.ts, in the real Electron window: the packaged app in the
// release job, a development Electron where one is installed, skipped (with the reason) elsewhere.
test.describe('Electron app', () => {
  test.skip(!target.executablePath, `Electron not available: ${target.reason}`);
  if (!target.executablePath) console.log(`[electron project] skipped: ${target.reason}`);

  test('first minutes in the desktop app: create the vault, lock, unlock, log an incident and see its clocks', async () => {
    test.setTimeout(120_000);
    const dataDir = mkdtempSync(join(tmpdir(), 'dpo-electron-'));
    const app = await electron.launch({
      executablePath: target.executablePath!,
      args: [...target.args, '--lang=en-US', '--data-dir', dataDir],
      env: { ...process.env, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' },
    });
    try {
      const page = await app.firstWindow();
      // Isolation seen from the page: our scheme, no Node, only the bridge.
      expect(await page.evaluate(() => location.href)).toBe('app://dpo/index.html');
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(() => (window as unknown as { dpo?: { host: string } }).dpo?.host)).toBe('electron');
      expect(await app.evaluate(({ app: electronApp }) => electronApp.isPackaged)).toBe(target.packaged);
      if (target.packaged) {
        // DevTools are off in an installed app: asking for them opens nothing.
        const opened = await app.evaluate(async ({ BrowserWindow }) => {
          const contents = BrowserWindow.getAllWindows()[0].webContents;
          contents.openDevTools();
          await new Promise((r) => setTimeout(r, 500));
          return contents.isDevToolsOpened();
        });
        expect(opened).toBe(false);
      }
      await firstRunLockUnlockIncident(page);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
