import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain .mjs helper shared with scripts/start.mjs
import { electronBinary } from '../../../scripts/electron-binary.mjs';

const { path: binary, reason } = electronBinary() as { path: string | null; reason: string | null };

// The same first journey as foundation.spec.ts, in the real Electron window, where a binary exists.
test.describe('Electron app', () => {
  test.skip(!binary, `Electron binary not available: ${reason}`);
  if (!binary) console.log(`[electron project] skipped: ${reason}`);

  test('creates a vault, locks from the keyboard and unlocks', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dpo-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: [resolve('.'), '--data-dir', dataDir] });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: /Create your vault|创建保险库/ })).toBeVisible();
      // Isolation seen from the page: no Node, only the bridge.
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(() => (window as unknown as { dpo?: { host: string } }).dpo?.host)).toBe('electron');
      expect(await page.evaluate(() => location.protocol)).toBe('app:');
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
