import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import { expect, setLanguage, setTheme, test } from './fixtures';

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

const FILL: [string, string][] = [
  ['Basic situation of the incident (中文)', '2026年11月28日，我们发现用户数据库遭到未授权访问。'],
  ['Possible harm and impact (中文)', '您可能收到冒充我们的诈骗短信或邮件。'],
  ['Remedial measures taken or to be taken (中文)', '我们已吊销泄露的密钥并加强了访问控制。'],
  ['What individuals can do to reduce the harm (中文)', '请警惕索要验证码的来电和短信，并修改密码。'],
];

test('from an incident: draft the individuals’ notice, see what is missing, complete it, approve, export the .eml and record the dispatch', async ({ app, host }) => {
  test.setTimeout(240_000); // a long journey on a shared, busy machine
  const page = app;
  // The incident comes through the API; the notice journey starts on its page.
  const incident = await host.ok('incidents.create', {
    title: '用户数据库未授权访问',
    discoveredAt: '2026-11-28T20:00:00+08:00',
    individualsAffected: 1200,
    jurisdictions: ['CN'],
    piCategories: ['姓名', '手机号码'],
    cause: '测试环境访问密钥被误公开',
  });

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Notices' }).click();
  await expect(page.getByRole('heading', { name: 'No notices yet' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'empty notices list');

  await nav.getByRole('link', { name: 'Incidents' }).click();
  await page.getByRole('region', { name: 'Incidents' }).getByRole('button', { name: new RegExp(incident.ref) }).click();
  const incidentNotices = page.getByRole('region', { name: 'Notices' });
  await incidentNotices.getByRole('combobox', { name: 'Notice', exact: true }).selectOption('incident.individuals');
  await incidentNotices.getByRole('combobox', { name: 'Language', exact: true }).selectOption('zh-CN');
  await incidentNotices.getByRole('button', { name: 'Draft notice' }).click();

  // The studio: what the incident already answers is filled; the rest is listed as missing.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('NTC-2026-0001 · 关于个人信息安全事件的告知');
  const checklist = page.getByRole('list', { name: 'Checklist' });
  await expect(page.getByText('5 required elements missing.')).toBeVisible();
  for (const name of ['Basic situation of the incident', 'Possible harm and impact', 'Remedies available to individuals']) {
    await expect(checklist.getByRole('listitem').filter({ hasText: name })).toContainText('Missing');
  }
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Categories of personal information involved' })).toContainText('Covered');
  await expect(page.getByRole('textbox', { name: 'Categories of personal information involved (中文)' })).toHaveValue('本次事件涉及的个人信息种类：{{incident.piCategories}}。');
  await page.screenshot({ path: '/tmp/notices-en-light-studio-draft.png', fullPage: true });
  await expectNoSeriousA11yViolations(page, 'studio (draft)');

  // Approval is refused, naming each missing element.
  const actions = page.getByRole('region', { name: 'Actions' });
  await actions.getByRole('button', { name: 'Submit for review' }).click();
  // Issue 13: Approve is disabled while anything required is missing, with the live list beside it.
  await expect(actions.getByRole('button', { name: 'Approve' })).toBeDisabled();
  const blocked = actions.getByRole('status');
  await expect(blocked).toContainText('Basic situation of the incident');
  await expect(blocked).toContainText('Remedies available to individuals');

  // Complete four sections: the checklist follows the typing before any save; waive the remedies with a reason.
  for (const [label, text] of FILL) await page.getByRole('textbox', { name: label, exact: true }).fill(text);
  await expect(page.getByText('1 required element missing.')).toBeVisible();
  await expect(blocked).not.toContainText('Basic situation of the incident');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('1 required element missing.')).toBeVisible();
  await page.getByRole('button', { name: 'Waive… Remedies available to individuals' }).click();
  const waive = page.getByRole('dialog', { name: /Waive “Remedies available to individuals”/ });
  await waive.getByRole('textbox').fill('本次事件未造成经济损失，经法务确认无需额外补救');
  await waive.getByRole('button', { name: 'Waive' }).click();
  await expect(page.getByText('Every required element is covered or waived.')).toBeVisible();
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Remedies available to individuals' })).toContainText('Waived: 本次事件未造成经济损失');

  // The e-mail preview shows the incident's facts filled in.
  const previews = page.getByRole('region', { name: 'Channel previews' });
  await expect(previews.getByRole('article', { name: 'E-mail' })).toContainText('本次事件涉及的个人信息种类：姓名、手机号码。'); // a Chinese list, from the bilingual vocabulary
  await previews.getByRole('button', { name: 'SMS' }).click();
  await expect(previews).toContainText('UCS-2');

  await actions.getByRole('button', { name: 'Submit for review' }).click();
  await actions.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('dialog', { name: 'Approve this version?' }).getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText(/Approved by Li Wei on/).first()).toBeVisible();

  // Export the .eml: it parses back to the draft, Chinese subject included.
  const exports = page.getByRole('region', { name: 'Export' });
  const download = page.waitForEvent('download');
  await exports.getByRole('button', { name: 'Export .eml' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('NTC-2026-0001-v1-zh-CN.eml');
  const mail = await PostalMime.parse(readFileSync((await file.path())!));
  expect(mail.subject).toBe('关于个人信息安全事件的告知');
  expect(mail.from).toMatchObject({ name: '北京智言科技有限公司', address: 'dpo@example.cn' });
  expect(mail.text).toContain('2026年11月28日，我们发现用户数据库遭到未授权访问。');
  await expect(exports.getByRole('status')).toContainText('Saved NTC-2026-0001-v1-zh-CN.eml (SHA-256');

  // Record the dispatch with that file: channel, time, recipients and the file's SHA-256.
  await actions.getByRole('button', { name: 'Record dispatch…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record the dispatch' });
  const outputSent = dialog.getByRole('combobox', { name: 'Output sent' });
  await expect(outputSent.locator('option').nth(1)).toHaveText(/^NTC-2026-0001-v1-zh-CN\.eml · [0-9a-f]{12}…$/);
  await outputSent.selectOption({ index: 1 });
  await dialog.getByRole('spinbutton', { name: 'Number of recipients' }).fill('1200');
  await dialog.getByRole('button', { name: 'Record dispatch' }).click();
  await expect(page.getByText(/Dispatched by e-mail on .* to 1200 recipients/)).toBeVisible();
  await expect(page.getByText(/NTC-2026-0001-v1-zh-CN\.eml · SHA-256 [0-9a-f]{16}…/)).toBeVisible();
  await page.screenshot({ path: '/tmp/notices-en-light-studio-dispatched.png', fullPage: true });

  // The incident learned it: its duty to tell the individuals is met by this notice.
  const after = await host.ok('incidents.get', { id: incident.id });
  expect(after.obligations.find((o: { key: string }) => o.key === 'pipl57.individuals')?.done?.via).toMatch(/^notice:/);
  const audit = await host.ok('audit.list', { limit: 5, entity: 'notice' });
  expect(audit.items[0].summary).toMatch(/dispatched by email to 1200 recipient\(s\), file SHA-256 [0-9a-f]{64}/);

  // Edit after dispatch: version 2, and the diff against version 1.
  await page.getByRole('textbox', { name: 'Possible harm and impact (中文)', exact: true }).fill('您可能收到冒充我们的诈骗短信。');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Version 2').first()).toBeVisible();
  const versions = page.getByRole('region', { name: 'Versions' });
  await versions.getByRole('button', { name: 'Compare with current: Version 1' }).click();
  await expect(versions.locator('del')).toHaveText('或邮件');

  // The list, in both languages and themes.
  await nav.getByRole('link', { name: 'Notices' }).click();
  await expect(page.getByRole('region', { name: 'Notices' }).getByRole('button', { name: /NTC-2026-0001/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'notices list');
  await page.screenshot({ path: '/tmp/notices-en-light-list.png', fullPage: true });
  await setTheme(page, 'dark');
  await page.getByRole('region', { name: 'Notices' }).getByRole('button', { name: /NTC-2026-0001/ }).click();
  await page.screenshot({ path: '/tmp/notices-en-dark-studio.png', fullPage: true });
  await expectNoSeriousA11yViolations(page, 'studio (dark)');
  await setLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { name: '要素核对' })).toBeVisible();
  await page.screenshot({ path: '/tmp/notices-zh-dark-studio.png', fullPage: true });
  await setTheme(page, 'light');
  await page.screenshot({ path: '/tmp/notices-zh-light-studio.png', fullPage: true });
  await page.getByRole('region', { name: '渠道预览' }).getByRole('button', { name: '信函 / 公告' }).click();
  await expect(page.locator('.letter-print').first()).toContainText('北京市海淀区中关村大街1号');
  await page.getByRole('region', { name: '渠道预览' }).screenshot({ path: '/tmp/notices-zh-light-letter.png' });
  await page.getByRole('region', { name: '版本' }).getByRole('button', { name: '与当前版本比较: 第 1 版' }).click();
  await page.getByRole('region', { name: '版本' }).screenshot({ path: '/tmp/notices-zh-light-versions.png' });
  await page.getByRole('button', { name: '全部通知' }).click();
  await page.screenshot({ path: '/tmp/notices-zh-light-list.png', fullPage: true });
});

test('edit the policy-change template: the next draft starts from the new version; the mail-merge dialog reports bad rows by line', async ({ app }) => {
  test.setTimeout(180_000);
  const page = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notices' }).click();
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('combobox', { name: 'Kind of notice' }).selectOption('policy.change');
  await page.getByRole('textbox', { name: 'Subject / title (中文)', exact: true }).fill('《隐私政策》更新通知（2026年12月）');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('combobox', { name: 'Template version' })).toContainText('1 · Li Wei');
  await expectNoSeriousA11yViolations(page, 'templates');
  await page.screenshot({ path: '/tmp/notices-en-light-templates.png', fullPage: true });

  await page.getByRole('button', { name: 'All notices' }).click();
  await page.getByRole('button', { name: 'New notice' }).first().click();
  await page.getByRole('combobox', { name: 'Kind of notice' }).selectOption('policy.change');
  await page.getByRole('combobox', { name: 'Language of the notice' }).selectOption('zh-CN');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('NTC-2026-0001 · 《隐私政策》更新通知（2026年12月）');

  // Recipients pasted into the mail-merge dialog: a dry run names each bad row by its line.
  await page.getByRole('button', { name: 'Mail-merge…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mail-merge' });
  await dialog.getByRole('textbox', { name: 'Or paste the CSV here' }).fill('email,name\nzhang@example.com,张三\nnot-an-email,李四\nzhang@example.com,张三\n');
  await dialog.getByRole('button', { name: 'Check recipients' }).click();
  await expect(dialog.getByText('Checked: nothing was written.')).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText('Rows read: 3 · good: 1 · bad: 2');
  const bad = dialog.getByRole('table', { name: 'Bad rows' });
  await expect(bad.getByRole('row').nth(1)).toContainText('3email"not-an-email" is not a valid e-mail address');
  await expect(bad.getByRole('row').nth(2)).toContainText('4emailDuplicate of line 2 (zhang@example.com)');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('article')).toContainText('《隐私政策》更新通知（2026年12月）');
  await expectNoSeriousA11yViolations(page, 'mail-merge dialog');
  await page.screenshot({ path: '/tmp/notices-en-light-mailmerge.png' });
});
