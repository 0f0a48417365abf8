import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, PASSPHRASE, PROFILE, setLanguage, setTheme, startHost, test } from './fixtures';

async function noSeriousA11y(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

/** Drops a file on an element the way a browser does: the bytes arrive in a DataTransfer. */
async function dropFile(page: Page, selector: string, name: string, content: string, type: string) {
  const transfer = await page.evaluateHandle(
    ({ name, content, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type }));
      return dt;
    },
    { name, content, type },
  );
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
}

test('records with attachments → back up → change things → restore from the lock screen → the old state and its files', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dpo-e2e-backup-'));
  const files = mkdtempSync(join(tmpdir(), 'dpo-e2e-files-'));
  const host = await startHost(dataDir, { DPO_FILE_ROOTS: files });
  try {
    await host.ok('vault.create', { passphrase: PASSPHRASE, profile: PROFILE });
    const incident = await host.ok('incidents.create', { title: 'Vendor bucket left public', discoveredAt: '2026-11-29T01:00:00.000Z', individualsAffected: 1200, jurisdictions: ['CN'], piCategories: ['name', 'phone'] });
    const contract = join(files, 'signed-contract.txt');
    writeFileSync(contract, 'Standard contract signed 2026-11-01 by both parties.');
    await page.addInitScript(() => localStorage.setItem('dpo.language', localStorage.getItem('dpo.language') ?? 'en'));
    await page.goto(host.url);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    // The board says there is no backup yet.
    await expect(page.getByText('This vault has never been backed up.')).toBeVisible();

    // Attach two files to the incident: one dropped on the page, one chosen by its path.
    await page.goto(`${host.url.split('#')[0]}#/incidents/${incident.id}`);
    const panel = page.getByRole('region', { name: 'Files' });
    await expect(panel).toContainText('No files yet.');
    await dropFile(page, '.attachments__drop', 'call-notes.txt', '14:05 the vendor confirmed the bucket is closed.', 'text/plain');
    await expect(panel.getByRole('cell', { name: /^call-notes\.txt/ })).toBeVisible();
    await panel.getByLabel('Attach a file from disk').fill(contract);
    await panel.getByRole('button', { name: 'Use this path' }).click();
    await expect(panel.getByRole('cell', { name: /^signed-contract\.txt/ })).toBeVisible();
    await panel.getByRole('button', { name: 'Preview: call-notes.txt' }).click();
    const preview = page.getByRole('dialog', { name: 'Preview: call-notes.txt' });
    await expect(preview).toContainText('14:05 the vendor confirmed the bucket is closed.');
    await noSeriousA11y(page, 'attachment preview');
    await preview.getByRole('button', { name: 'Close' }).click();
    await noSeriousA11y(page, 'incident with files');
    await page.screenshot({ path: '/tmp/i11-incident-files-en-light.png', fullPage: true });

    // Back up to a typed path inside the granted folder.
    await page.getByRole('link', { name: 'Settings' }).click();
    const backups = page.getByRole('region', { name: 'Backups' });
    const backupFile = join(files, 'before-changes.dpobackup');
    await backups.getByLabel('Backup file').fill(backupFile);
    await backups.getByRole('button', { name: 'Use this path' }).first().click();
    await backups.getByRole('button', { name: 'Back up now' }).click();
    await expect(backups.getByText(/Verified backup written: .*before-changes\.dpobackup/)).toBeVisible({ timeout: 30_000 });
    await expect(backups).toContainText('Last verified backup:');
    await noSeriousA11y(page, 'settings backups');
    await page.screenshot({ path: '/tmp/i11-settings-backups-en-light.png', fullPage: true });

    // Change things after the backup.
    await host.ok('incidents.create', { title: 'A later incident', discoveredAt: '2026-11-29T03:00:00.000Z', individualsAffected: 3, jurisdictions: ['CN'], piCategories: ['name'] });
    await page.goto(`${host.url.split('#')[0]}#/incidents/${incident.id}`);
    await page.getByRole('button', { name: 'Remove: call-notes.txt' }).click();
    const removeDialog = page.getByRole('dialog', { name: 'Remove call-notes.txt?' });
    await removeDialog.getByLabel('Why is it removed?').fill('Duplicate of the ticket');
    await removeDialog.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText(/Duplicate of the ticket/)).toBeVisible();

    // Restore from the lock screen.
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await page.getByLabel('Backup file').fill(backupFile);
    await page.getByRole('button', { name: 'Use this path' }).click();
    await page.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Open and show what it holds' }).click();
    await expect(page.getByRole('heading', { name: 'This backup holds' })).toBeVisible();
    const held = page.locator('.restore-preview');
    await expect(held).toContainText('Incidents');
    await expect(held.locator('dt:has-text("Incidents") + dd')).toHaveText('1');
    await expect(held.locator('dt:has-text("Files") + dd')).toContainText('2');
    await expect(page.getByText(/kept as vault\.before-restore-<time>/)).toBeVisible();
    await noSeriousA11y(page, 'restore preview');
    await page.screenshot({ path: '/tmp/i11-restore-preview-en-light.png', fullPage: true });
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByRole('dialog', { name: 'Replace the vault with this backup?' }).getByRole('button', { name: 'Restore this backup' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 30_000 });

    // The old state: one incident, both files, the notes readable again.
    await page.getByRole('link', { name: 'Incidents' }).click();
    await expect(page.getByText('A later incident')).toHaveCount(0);
    await page.goto(`${host.url.split('#')[0]}#/incidents/${incident.id}`);
    const restored = page.getByRole('region', { name: 'Files' });
    await expect(restored.getByRole('cell', { name: /^call-notes\.txt/ })).toBeVisible();
    await expect(restored.getByRole('cell', { name: /^signed-contract\.txt/ })).toBeVisible();
    await restored.getByRole('button', { name: 'Preview: signed-contract.txt' }).click();
    await expect(page.getByRole('dialog', { name: 'Preview: signed-contract.txt' })).toContainText('Standard contract signed 2026-11-01');
    await page.getByRole('button', { name: 'Close' }).click();
    const audit = await host.ok('audit.list', { limit: 3 });
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('vault.restore');

    await setLanguage(page, 'zh-CN');
    await setTheme(page, 'dark');
    await expect(page.getByRole('region', { name: '文件' })).toBeVisible();
    await page.screenshot({ path: '/tmp/i11-incident-files-zh-dark.png', fullPage: true });
    await page.getByRole('link', { name: '设置' }).click();
    await expect(page.getByRole('region', { name: '备份' })).toContainText('最近一次经校验的备份');
    await page.screenshot({ path: '/tmp/i11-settings-backups-zh-dark.png', fullPage: true });
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  }
});

test('first run on a new laptop: Restore from a backup beside Create a new vault', async ({ page }) => {
  const first = mkdtempSync(join(tmpdir(), 'dpo-e2e-old-'));
  const laptop = mkdtempSync(join(tmpdir(), 'dpo-e2e-new-'));
  const files = mkdtempSync(join(tmpdir(), 'dpo-e2e-files-'));
  mkdirSync(join(files, 'usb'));
  const old = await startHost(first, { DPO_FILE_ROOTS: files });
  const { recoveryCode } = await old.ok('vault.create', { passphrase: PASSPHRASE, profile: PROFILE });
  await old.ok('incidents.create', { title: 'Carried over', discoveredAt: '2026-11-29T01:00:00.000Z', individualsAffected: 5, jurisdictions: ['CN'], piCategories: ['name'] });
  const grant = await old.ok('files.grantPath', { purpose: 'backup', mode: 'save', path: join(files, 'usb', 'vault.dpobackup') });
  const job = await old.ok('vault.backup', { grantId: grant.grantId });
  await expect.poll(async () => (await old.ok('jobs.status', { jobId: job.jobId })).state, { timeout: 30_000 }).toBe('done');
  await old.stop();
  const host = await startHost(laptop, { DPO_FILE_ROOTS: files });
  try {
    await page.addInitScript(() => localStorage.setItem('dpo.language', localStorage.getItem('dpo.language') ?? 'en'));
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await page.getByLabel('Backup file').fill(join(files, 'usb', 'vault.dpobackup'));
    await page.getByRole('button', { name: 'Use this path' }).click();
    await page.getByRole('button', { name: 'Use the recovery code' }).click();
    await page.getByLabel('Recovery code of the backup').fill(recoveryCode);
    await page.getByRole('button', { name: 'Open and show what it holds' }).click();
    await expect(page.getByText('There is no vault on this computer yet')).toBeVisible();
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore this backup' }).click();
    // Opened with the recovery code: a new passphrase comes first.
    await expect(page.getByRole('heading', { name: 'Choose a new passphrase' })).toBeVisible({ timeout: 30_000 });
  } finally {
    await host.stop();
    for (const d of [first, laptop, files]) rmSync(d, { recursive: true, force: true });
  }
});
