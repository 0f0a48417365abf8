import { expect, type Page } from '@playwright/test';
import { fillDate } from '../fixtures';

// The foundation journey a DPO makes in the first minutes, as one function so the very same
// steps run on the HTTP host (first-minutes.spec.ts, here) and in the Electron app
// (electron/app.spec.ts, where an Electron binary exists).
export const JOURNEY_PASSPHRASE = 'amber lantern harbour 2026';

/** A datetime-local value in the page's zone, `minutesAgo` before now. */
const localInput = (page: Page, minutesAgo: number) =>
  page.evaluate((m) => {
    // The field reads times in the display zone (Beijing time by default, UTC+8 all year).
    const d = new Date(Date.now() - m * 60_000 + 8 * 3_600_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
  }, minutesAgo);

export async function firstRunLockUnlockIncident(page: Page): Promise<void> {
  // First run: passphrase twice, the organisation, the recovery code once.
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(JOURNEY_PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(JOURNEY_PASSPHRASE);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Legal name of the company').fill('北京智言科技有限公司');
  await page.getByLabel('DPO name').fill('Li Wei');
  await page.getByLabel('DPO e-mail').fill('dpo@example.cn');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByLabel('Recovery code', { exact: true })).toHaveText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
  await page.getByLabel('I have stored the recovery code somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  // Lock from the keyboard, unlock with the passphrase.
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'The vault is locked' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(JOURNEY_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  // Log an incident and see its clocks: a leak of 1.2 million people in China is relatively
  // major, so the CAC report is due within 4 hours of discovery (found 30 minutes ago).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
  await page.getByRole('button', { name: 'Log an incident' }).first().click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Customer database exposed by a misconfigured bucket');
  await fillDate(page.getByRole('group', { name: 'Discovered at' }), await localInput(page, 30));
  await page.getByRole('spinbutton', { name: 'People affected' }).fill('1200000');
  await page.getByRole('button', { name: 'Log and start the clocks' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^INC-\d{4}-0001 · Customer database exposed/);
  await expect(page.getByRole('heading', { name: /CAC grade: Relatively major/ })).toBeVisible();
  const cac = page.getByRole('listitem', { name: 'Report to the cyberspace administration' });
  await expect(cac).toContainText('Pending');
  await expect(cac).toContainText(/due in 3 h \d{1,2} min/);
}
