import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, setLanguage, setTheme, test, fillDate } from './fixtures';

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

test('register a US transfer of 150,000 people, see the route and why, file the contract on the PRC calendar, export the register', async ({ app }) => {
  test.setTimeout(240_000); // a long journey on a shared, busy machine
  const page = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Transfers' }).click();
  await expect(page.getByRole('heading', { name: 'No transfers registered yet' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'empty register');

  // The record form mirrors Annex 1; an unknown country and a backwards retention are refused by field.
  await page.screenshot({ path: '/tmp/transfers-empty-en-light.png' });
  await page.getByRole('button', { name: 'New transfer' }).first().click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Acme Support Inc.');
  await page.getByLabel('Address').fill('1 Main St, Richmond, VA');
  await page.getByLabel('Contact person').fill('Jane Doe');
  await page.getByLabel('E-mail').fill('privacy@acme.example');
  await page.getByLabel('Purpose').fill('Customer support ticket handling');
  await page.getByLabel('PI categories', { exact: true }).fill('name, e-mail, ticket text');
  await fillDate(page.getByRole('group', { name: 'Retention abroad from' }), '2026-10-01');
  await fillDate(page.getByRole('group', { name: 'Retention abroad to' }), '2026-09-01');
  await page.getByLabel('Route chosen').selectOption('standardContract');
  await page.getByRole('button', { name: 'Register transfer' }).click();
  await expect(page.getByText('Unknown country or region (ISO 3166-1 alpha-2 code expected)').first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Country/region' }).selectOption('US');
  await page.getByRole('button', { name: 'Register transfer' }).click();
  await expect(page.getByText('The end of retention abroad cannot be before its start').first()).toBeVisible();
  await fillDate(page.getByRole('group', { name: 'Retention abroad to' }), '2028-09-30');
  await expectNoSeriousA11yViolations(page, 'create form');
  await page.screenshot({ path: '/tmp/transfers-create-en-light.png' });
  await page.getByRole('button', { name: 'Register transfer' }).click();

  // 150,000 individuals this year: standard contract or certification, with the reason and basis.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Acme Support Inc.');
  await page.getByRole('spinbutton', { name: 'Individuals, non-sensitive PI' }).fill('150000');
  await page.getByRole('button', { name: 'Save volumes' }).click();
  const verdict = page.getByRole('status').filter({ hasText: 'Recommended route' });
  await expect(verdict.getByRole('heading')).toHaveText('Recommended route: standard contract or certification');
  await expect(verdict).toContainText('150,000 individuals');
  await expect(verdict).toContainText('2024 Provisions Art. 8');
  await expect(verdict).toContainText('The chosen route matches the recommendation');

  // The contract takes effect on 2026-09-28: filing due 2026-10-16 across National Day, and why.
  await page.getByRole('button', { name: 'Edit: Standard contract' }).click();
  await fillDate(page.getByRole('group', { name: 'Effective' }), '2026-09-28');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const clock = page.locator('.clock-list li').filter({ hasText: 'File the standard contract' });
  await expect(clock).toContainText('due 2026-10-16');
  await expect(clock).toContainText('Standard Contract Measures Art. 7');
  await expect(clock.locator('p').first()).not.toBeEmpty();
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/transfers-detail-en-light.png' });
  await expectNoSeriousA11yViolations(page, 'detail');

  // Filed on 12 October, then the filing number.
  const filing = page.getByRole('form', { name: 'Record a filing step' });
  await filing.getByLabel('Step').selectOption('submitted');
  await fillDate(filing.getByRole('group', { name: 'Date' }), '2026-10-12');
  await filing.getByRole('button', { name: 'Record step' }).click();
  await expect(page.getByText('Filed with the authority').first()).toBeVisible();
  await filing.getByLabel('Step').selectOption('accepted');
  await fillDate(filing.getByRole('group', { name: 'Date' }), '2026-11-02');
  await filing.getByLabel('Filing number').fill('京网信备2026-0042');
  await filing.getByRole('button', { name: 'Record step' }).click();
  await expect(page.locator('strong.mono', { hasText: '京网信备2026-0042' })).toBeVisible();
  await expect(clock).toContainText('Met');

  // Printable Annex 1 in Chinese.
  await page.getByRole('button', { name: 'Printable Annex 1' }).click();
  await expect(page.getByRole('heading', { name: '附录一 个人信息出境说明' })).toBeVisible();
  await page.getByRole('heading', { name: '附录一 个人信息出境说明' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/transfers-annex-zh.png' });
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  // Dark mode and Chinese.
  await setTheme(page, 'dark');
  await setLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { name: '出境数量及所需路径' })).toBeVisible();
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/transfers-detail-zh-dark.png' });
  await setLanguage(page, 'en');
  await setTheme(page, 'light');

  // The register lists it; the CSV (UTF-8 with BOM) carries the filing due date and number.
  await page.getByRole('button', { name: '← Back to the register' }).click();
  const row = page.getByRole('button', { name: /XB-2026-0001/ });
  await expect(row).toContainText('Filed');
  await expect(row).toContainText('Standard contract');
  await page.screenshot({ path: '/tmp/transfers-list-en-light.png', fullPage: true });
  await expectNoSeriousA11yViolations(page, 'register');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Filing due');
  expect(csv).toContain('2026-10-16');
  expect(csv).toContain('京网信备2026-0042');
  await setLanguage(page, 'zh-CN');
  await setTheme(page, 'dark');
  await page.screenshot({ path: '/tmp/transfers-list-zh-dark.png', fullPage: true });
});

test('the dashboard warns when the company is within 10% of a threshold; the register filters by country and route', async ({ app, host }) => {
  test.setTimeout(120_000);
  const page = app;
  const a = await host.ok('transfers.create', { recipient: { name: 'Sakura KK', country: 'JP' }, route: { chosen: 'exempt', exemptScenario: 'belowThreshold' } });
  const b = await host.ok('transfers.create', { recipient: { name: 'Lion Pte Ltd', country: 'SG' }, route: { chosen: 'standardContract' } });
  await host.ok('transfers.recordVolumes', { id: a.id, year: 2026, nonSensitiveIndividuals: 60_000, sensitiveIndividuals: 0 });
  await host.ok('transfers.recordVolumes', { id: b.id, year: 2026, nonSensitiveIndividuals: 35_000, sensitiveIndividuals: 0 });
  await page.reload();
  const panel = page.getByRole('region', { name: 'Cross-border volumes near a threshold' });
  await expect(panel).toContainText('95,000 of 100,000');
  await expect(panel).toContainText('5,000 more');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/transfers-dashboard-en-light.png' });
  await panel.getByRole('button', { name: 'Open the transfer register' }).click();
  const company = page.getByRole('region', { name: 'Company totals 2026' });
  await expect(company).toContainText('95,000 non-sensitive');
  await company.getByText('Adjust for people counted under two recipients').click();
  await company.getByLabel('Counted twice: non-sensitive').fill('6000');
  await company.getByRole('button', { name: 'Save adjustment' }).click();
  await expect(company).toContainText('89,000 individuals');
  await expectNoSeriousA11yViolations(page, 'register with totals');
  await page.getByRole('combobox', { name: 'Country/region' }).selectOption('JP');
  await expect(page.getByRole('button', { name: /XB-2026-0001/ })).toContainText('Sakura KK');
  await expect(page.getByRole('button', { name: /XB-2026-0002/ })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Country/region' }).selectOption('');
  await page.getByRole('combobox', { name: 'Route chosen' }).selectOption('standardContract');
  await expect(page.getByRole('button', { name: /XB-2026-0002/ })).toContainText('Lion Pte Ltd');
  await expect(page.getByText('1 transfers')).toBeVisible();
});
