import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, setLanguage, setTheme, startHost, test } from './fixtures';

const PASSPHRASE = 'violet tundra marmalade 42';
const NEXT_PASSPHRASE = 'violet tundra marmalade 43 after recovery';

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

test('first run → recovery code → lock → wrong passphrase → unlock → edit profile → restart keeps it', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dpo-e2e-first-run-'));
  let host = await startHost(dataDir);
  try {
    await page.addInitScript(() => localStorage.setItem('dpo.language', localStorage.getItem('dpo.language') ?? 'en'));
    await page.goto(host.url);

    // Create: passphrase twice with a strength hint.
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'setup');
    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('short');
    await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Passphrase again').fill(PASSPHRASE + 'x');
    await expect(page.getByText('The two passphrases differ.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
    await page.getByLabel('Passphrase again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Next' }).click();

    // Profile: a bad e-mail is named, nothing is created.
    await page.getByLabel('Legal name of the company').fill('北京智言科技有限公司');
    await page.getByLabel('DPO name').fill('Li Wei');
    await page.getByLabel('DPO e-mail').fill('not-an-email');
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect(page.getByText('Not a valid e-mail address').first()).toBeVisible();
    expect((await host.ok('vault.status')).state).toBe('none');
    await page.getByLabel('DPO e-mail').fill('dpo@example.cn');
    await expectNoSeriousA11yViolations(page, 'profile');
    await page.getByRole('button', { name: 'Create vault' }).click();

    // The recovery code, shown once, with confirmation.
    const code = page.getByLabel('Recovery code', { exact: true });
    await expect(code).toHaveText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    const recoveryCode = (await code.textContent())!;
    await expectNoSeriousA11yViolations(page, 'recovery code');
    await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
    await page.getByLabel('I have stored the recovery code somewhere safe').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    // Lock, then a wrong passphrase shows the error inline.
    await page.keyboard.press('Control+l');
    await expect(page.getByRole('heading', { name: 'The vault is locked' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'lock');
    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('definitely not it');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByText('That passphrase does not open this vault.')).toBeVisible();

    // The recovery code opens it too, and leads straight to a new passphrase and a new code.
    await page.getByRole('button', { name: 'Use the recovery code instead' }).click();
    await page.getByRole('textbox', { name: 'Recovery code', exact: true }).fill(recoveryCode.toLowerCase());
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Choose a new passphrase' })).toBeVisible();
    await page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(NEXT_PASSPHRASE);
    await page.getByRole('textbox', { name: 'New passphrase again' }).fill(NEXT_PASSPHRASE);
    await page.getByRole('button', { name: 'Set the passphrase' }).click();
    await expect(page.getByRole('heading', { name: 'Your new recovery code' })).toBeVisible();
    await page.getByLabel('I have stored the recovery code somewhere safe').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByText(/1 failed attempt since your last unlock/)).toBeVisible();

    // Edit the profile in Settings.
    await page.getByRole('link', { name: 'Settings' }).click();
    await expectNoSeriousA11yViolations(page, 'settings');
    await page.getByLabel('Registered address', { exact: true }).fill('北京市海淀区中关村大街1号');
    await page.getByLabel('DPO e-mail').fill('privacy@example.cn');
    await page.getByRole('form', { name: 'Organisation profile' }).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved')).toBeVisible();

    // Audit log lists it and verifies.
    await page.getByRole('link', { name: 'Audit log' }).click();
    // Rendered from the stored change (field names as the form labels them), not the stored English line.
    await expect(page.getByText('Settings changed: Registered address, DPO e-mail')).toBeVisible();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await expect(page.getByText(/The chain is intact: \d+ entries/)).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'audit');

    // Restart the host on the same folder: the profile is still there after unlocking.
    await host.stop();
    host = await startHost(dataDir);
    await page.goto(host.url);
    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(NEXT_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByLabel('Registered address', { exact: true })).toHaveValue('北京市海淀区中关村大街1号');
    await expect(page.getByLabel('DPO e-mail')).toHaveValue('privacy@example.cn');
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('switching to Chinese shows Chinese at once, and dark mode keeps every screen readable', async ({ app }) => {
  await setLanguage(app, 'zh-CN');
  await expect(app.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(app.getByRole('link', { name: '安全事件' })).toBeVisible();
  await app.getByRole('link', { name: '设置' }).click();
  await expect(app.getByRole('heading', { name: '组织信息' })).toBeVisible();
  await app.screenshot({ path: test.info().outputPath('settings-zh-light.png') });
  await setTheme(app, 'dark');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoSeriousA11yViolations(app, 'settings (zh, dark)');
  await app.screenshot({ path: test.info().outputPath('settings-zh-dark.png') });
  await app.getByRole('link', { name: '审计日志' }).click();
  await expectNoSeriousA11yViolations(app, 'audit (zh, dark)');
});

test('the command palette finds pages by name and locks with Ctrl+L', async ({ app }) => {
  await app.keyboard.press('Control+k');
  const box = app.getByRole('combobox', { name: 'Go to or search' });
  await expect(box).toBeFocused();
  await box.fill('Audit');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await app.keyboard.press('Alt+7');
  await expect(app.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
});

// Issue 10 (same fault as item 8, in the renderer): a malformed escape in the address threw in
// decodeURIComponent while the app started, leaving a blank window.
test('an address with a malformed escape opens the page, not a blank window', async ({ app, host }) => {
  const page = app;
  await page.goto(`${host.origin}/#/incidents/%E0%A4%A`);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No incidents logged' })).toBeVisible();
});
