import AxeBuilder from '@axe-core/playwright';
import { expect, PASSPHRASE, PROFILE, setLanguage, test } from './fixtures';

const NEW_PASSPHRASE = 'lantern orchard copper 77';

test('recovery-code unlock → choose a new passphrase → a new code is shown once; failed attempts are told after the next unlock', async ({ host, page }) => {
  const { recoveryCode } = await host.ok('vault.create', { passphrase: PASSPHRASE, profile: PROFILE });
  await host.ok('vault.lock');
  await page.addInitScript(() => localStorage.setItem('dpo.language', localStorage.getItem('dpo.language') ?? 'en'));
  await page.goto(host.url);

  // Two wrong tries first.
  for (const guess of ['not my passphrase', 'still not my passphrase']) {
    await page.getByRole('textbox', { name: 'Passphrase' }).fill(guess);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByText('That passphrase does not open this vault.')).toBeVisible();
  }

  await page.getByRole('button', { name: 'Use the recovery code instead' }).click();
  await page.getByRole('textbox', { name: 'Recovery code' }).fill(recoveryCode.toLowerCase());
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new passphrase' })).toBeVisible();
  const a11y = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(a11y.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: '/tmp/i11-recover-en.png' });
  await page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(NEW_PASSPHRASE);
  await page.getByRole('textbox', { name: 'New passphrase again' }).fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Set the passphrase' }).click();

  await expect(page.getByRole('heading', { name: 'Your new recovery code' })).toBeVisible();
  const shown = (await page.getByRole('status', { name: 'Recovery code' }).or(page.locator('output.recovery-code')).first().textContent())!.trim();
  expect(shown).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
  expect(shown).not.toBe(recoveryCode);
  await page.getByLabel('I have stored the recovery code somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByText(/2 failed attempts since your last unlock, the last at/)).toBeVisible();

  // The old code no longer opens the vault; the new passphrase does.
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Use the recovery code instead' }).click();
  await page.getByRole('textbox', { name: 'Recovery code' }).fill(recoveryCode);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('That recovery code does not open this vault.')).toBeVisible();
  await page.getByRole('button', { name: 'Use the passphrase instead' }).click();
  await page.getByRole('textbox', { name: 'Passphrase' }).fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByText(/1 failed attempt since your last unlock/)).toBeVisible();

  // Settings: a new recovery code needs the passphrase.
  await page.getByRole('link', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'Recovery code' });
  await card.getByLabel('Your passphrase').fill('wrong wrong wrong');
  await card.getByRole('button', { name: 'Create a new recovery code' }).click();
  await expect(card.getByText('Not the current passphrase')).toBeVisible();
  await card.getByLabel('Your passphrase').fill(NEW_PASSPHRASE);
  await card.getByRole('button', { name: 'Create a new recovery code' }).click();
  await expect(card.locator('output.recovery-code')).toHaveText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
  const actions = (await host.ok('audit.list', { limit: 20 })).items.map((e: { action: string }) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['vault.recover', 'vault.newRecoveryCode', 'vault.failedUnlocks']));

  await setLanguage(page, 'zh-CN');
  await expect(page.getByRole('region', { name: '恢复码' })).toBeVisible();
});
