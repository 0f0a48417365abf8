import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, PASSPHRASE, PROFILE, setLanguage, setTheme, startHost, test } from './fixtures';

// Settings → Rules: the DPO sees every rule with its basis, source and dates, changes a period
// after a preview of what moves, and sees a request whose clock runs into an unloaded year
// marked "provisional".

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

const openRules = async (page: Page) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Rules' }).click();
};

test('the Rules page lists each rule with its basis, source kind and dates, in English and in Chinese', async ({ app }) => {
  test.setTimeout(120_000);
  const page = app;
  await openRules(page);
  await expect(page.getByRole('heading', { name: 'Rules', level: 2, exact: true })).toBeVisible();
  const logs = page.getByRole('row', { name: /Keep network logs \(at least 6 months\)/ });
  await expect(logs).toContainText('Cybersecurity Law (amended 2025) Art. 23(3)');
  await expect(logs).toContainText('Official text');
  await expect(logs).toContainText('from 2026-01-01');
  await expect(page.getByRole('row', { name: /Send the supplements requested/ })).toContainText('Commentary');
  // Opening a rule shows its versions: the 2016 article until 2025-12-31, the amended one from 2026.
  await page.getByRole('button', { name: 'Open Keep network logs (at least 6 months)' }).click();
  await expect(page.getByRole('heading', { name: /Version until 2025-12-31/ })).toBeVisible();
  await expect(page.getByText('Cybersecurity Law (2016) Art. 21: network logs kept at least 6 months')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'rules en');
  await page.screenshot({ path: '/tmp/rules-en-light.png', fullPage: true });

  await setLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { name: '规则', level: 2, exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /留存网络日志（不少于6个月）/ }).first()).toContainText('正式文本');
  await page.getByLabel('法域').selectOption({ label: '加州' });
  await expect(page.getByRole('row', { name: /确认收到CCPA请求（10个工作日（美国联邦假日除外））/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /留存网络日志/ })).toHaveCount(0);
  await setTheme(page, 'dark');
  await expectNoSeriousA11yViolations(page, 'rules zh dark');
  await page.screenshot({ path: '/tmp/rules-zh-dark.png', fullPage: true });
});

test('editing a period: the preview says which open deadline moves and by how much, then the change applies', async ({ app, host }) => {
  test.setTimeout(120_000);
  const page = app;
  const request = await host.ok('inbox.create', {
    channel: 'email',
    requester: { name: 'Zhang San', contact: 'zhang@example.cn' },
    jurisdiction: 'CN',
    type: 'access',
    subject: 'Copy of my order history',
  });
  await openRules(page);
  await page.getByRole('button', { name: 'Open Reply to the rights request (15 working days)' }).click();
  await page.getByRole('button', { name: 'Edit this version' }).click();
  const editor = page.getByRole('form', { name: /Correct the version/ });
  await editor.getByRole('spinbutton', { name: 'Number' }).fill('20');
  await editor.getByRole('button', { name: 'Preview the changes' }).click();
  const effects = editor.getByRole('region', { name: 'What this changes' });
  const row = effects.getByRole('row', { name: new RegExp(request.ref) });
  await expect(row).toContainText('Reply to the rights request (20 working days)');
  await expect(row).toContainText(/\d+ days? later/);
  await expectNoSeriousA11yViolations(page, 'rule preview');
  await page.screenshot({ path: '/tmp/rules-preview-en.png', fullPage: true });
  // Nothing is kept by the preview.
  expect((await host.ok('inbox.get', { id: request.id })).dueAt).toBe(request.dueAt);

  await editor.getByLabel('Reason for the change (goes to the audit log)').fill('Privacy policy §V now promises 20 working days');
  await editor.getByRole('button', { name: 'Apply the change' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Apply the change' }).click();
  await expect(page.getByText(/Rule changed; open deadlines recomputed: 1/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close Reply to the rights request (20 working days)' })).toBeVisible();
  await expect(page.getByText('Reason: Privacy policy §V now promises 20 working days')).toBeVisible();
  const after = await host.ok('inbox.get', { id: request.id });
  expect(Date.parse(after.dueAt)).toBeGreaterThan(Date.parse(request.dueAt));
  const audit = await host.ok('audit.list', { limit: 1 });
  expect(audit.items[0]).toMatchObject({ action: 'rules.edit', entityId: 'request.rights.15wd' });
});

test('a request received in late December shows "provisional" until the next year’s schedule is loaded', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'dpo-e2e-'));
  const host = await startHost(dataDir, { DPO_CLOCK_START: '2026-12-21T02:00:00.000Z' });
  try {
    await host.ok('vault.create', { passphrase: PASSPHRASE, profile: PROFILE });
    const request = await host.ok('inbox.create', {
      channel: 'email',
      requester: { name: '李四', contact: 'lisi@example.cn' },
      jurisdiction: 'CN',
      type: 'deletion',
      subject: '请删除我的账户',
    });
    await page.addInitScript(() => {
      if (!localStorage.getItem('dpo.language')) localStorage.setItem('dpo.language', 'en');
    });
    await page.goto(host.url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('button', { name: new RegExp(request.ref) }).first().click();
    const reply = page.getByRole('listitem', { name: 'Reply to the rights request (15 working days)' });
    await expect(reply).toContainText('Provisional until the 2027 schedule is loaded');
    await reply.getByText('Why?').click();
    await expect(reply).toContainText('counted on the statutory holidays (Holiday Measures Art. 2), provisional until the 2027 schedule is loaded');
    await page.screenshot({ path: '/tmp/rules-provisional-request-en.png', fullPage: true });

    // The board counts it and says where to load the schedule.
    await nav.getByRole('link', { name: 'Deadlines' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 open deadline is provisional: the 2027 holiday schedule is not loaded' })).toBeVisible();
    await page.getByRole('button', { name: 'Load the schedule in Settings → Calendars' }).click();
    await expect(page.getByRole('row', { name: /2027/ })).toContainText('Provisional');

    // Loading the official 2027 schedule recomputes the deadline, shows the change and audits it.
    await host.ok('calendar.upsertYear', {
      country: 'CN',
      year: 2027,
      source: 'General Office of the State Council, 2027 public holiday schedule',
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, name: { en: 'New Year', zh: '元旦' } })),
      workdays: [],
    });
    const after = await host.ok('inbox.get', { id: request.id });
    expect(after.deadlines.find((d: { key: string }) => d.key === 'reply').provisional).toBeNull();
    const audit = await host.ok('audit.list', { limit: 1 });
    expect(audit.items[0].summary).toContain('1 no longer provisional');
    await setLanguage(page, 'zh-CN');
    await page.getByRole('tab', { name: '常规' }).click();
    await page.getByRole('tab', { name: '节假日安排' }).click();
    await expect(page.getByRole('row', { name: /2027/ }).first()).toContainText('正式');
    await page.screenshot({ path: '/tmp/calendars-zh.png', fullPage: true });
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
