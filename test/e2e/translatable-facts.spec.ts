import { expect, setLanguage, setTheme, test } from './fixtures';

// Issue 13: a fact that flows into notices is typed once, in either language; "Add the English
// version" opens the other box. The notice prints each language's own text, and until the
// translation exists the checklist says which field prints as typed in the other language.

const ZH = '攻击者利用公开的测试密钥读取了用户表。';
const EN = 'An attacker read the user table with a leaked test key.';

test('type a fact in Chinese, see the warning on the English notice, add the English version, see both notices', async ({ app, host }) => {
  test.setTimeout(180_000);
  const page = app;
  const base = host.url.split('#')[0];
  const incident = await host.ok('incidents.create', {
    title: '用户数据库未授权访问',
    discoveredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    individualsAffected: 12_000,
    jurisdictions: ['CN'],
  });

  // 1. Type the description once, in Chinese: the box says how it is filed and offers the English version.
  await page.goto(`${base}#/incidents/${incident.id}`);
  await page.getByRole('button', { name: 'Edit facts' }).click();
  const description = page.getByRole('textbox', { name: 'Description', exact: true });
  await description.fill(ZH);
  await expect(page.getByText('Typed in Chinese; the English notice prints it as typed until you add the English version.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add the English version' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Save facts' }).click();
  const facts = page.getByRole('region', { name: 'Facts' });
  await expect(facts).toContainText(ZH);
  await expect(facts).toContainText('(typed in Chinese only)');

  // 2. The English notice prints the Chinese text, and the checklist names the field — never silent.
  // (A draft takes the sections the record answers: drafted now, its basic situation is the description.)
  const draft = await host.ok('notices.create', { kind: 'incident.individuals', language: 'zh-CN', links: [{ module: 'incidents', recordId: incident.id }] });
  const notice = await host.ok('notices.update', { id: draft.id, languages: ['zh-CN', 'en'] });
  await page.goto(`${base}#/notices/${notice.id}`);
  const warning = page.getByRole('status', { name: 'Printed as typed in the other language' });
  await expect(warning).toContainText('Description: the English version prints it as typed in Chinese');
  await warning.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/translatable-en-light-warning.png' });
  await setLanguage(page, 'zh-CN');
  await setTheme(page, 'dark');
  await expect(page.getByRole('status', { name: '按另一语言原文打印' })).toContainText('描述：英文版按中文原文打印');
  await page.getByRole('status', { name: '按另一语言原文打印' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/translatable-zh-dark-warning.png' });
  await setLanguage(page, 'en');
  await setTheme(page, 'light');

  // 3. Add the English version on the record.
  await page.goto(`${base}#/incidents/${incident.id}`);
  await page.getByRole('button', { name: 'Edit facts' }).click();
  await page.getByRole('button', { name: 'Add the English version' }).first().click();
  await expect(page.getByRole('textbox', { name: 'Description (Chinese)' })).toHaveValue(ZH);
  await page.getByRole('textbox', { name: 'Description (English)' }).fill(EN);
  await page.screenshot({ path: '/tmp/translatable-en-light-form.png', fullPage: true });
  await setTheme(page, 'dark');
  await page.screenshot({ path: '/tmp/translatable-en-dark-form.png', fullPage: true });
  await setLanguage(page, 'zh-CN');
  await expect(page.getByRole('textbox', { name: '描述（英文）' })).toHaveValue(EN);
  await page.screenshot({ path: '/tmp/translatable-zh-dark-form.png', fullPage: true });
  await setLanguage(page, 'en');
  await setTheme(page, 'light');
  await page.getByRole('button', { name: 'Save facts' }).click();
  await expect(facts).toContainText(EN);
  await expect(facts).not.toContainText('(typed in Chinese only)');

  // 4. Both notices: each language prints its own text; the warning is gone.
  await page.goto(`${base}#/notices/${notice.id}`);
  await expect(page.getByRole('heading', { name: 'Checklist' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Printed as typed in the other language' })).toHaveCount(0);
  // The English notice in the English UI, then the Chinese notice in the Chinese UI; dark, then light.
  const shown = [
    { ui: 'en', region: 'Channel previews', combo: 'Preview language', article: 'E-mail', own: EN, other: ZH, themes: ['light', 'dark'] },
    { ui: 'zh-CN', region: '渠道预览', combo: '预览语言', article: '电子邮件', own: ZH, other: EN, themes: ['dark', 'light'] },
  ] as const;
  for (const v of shown) {
    await setLanguage(page, v.ui);
    const previews = page.getByRole('region', { name: v.region });
    await previews.getByRole('combobox', { name: v.combo }).selectOption(v.ui);
    await expect(previews.getByRole('article', { name: v.article })).toContainText(v.own);
    await expect(previews.getByRole('article', { name: v.article })).not.toContainText(v.other);
    for (const theme of v.themes) {
      await setTheme(page, theme);
      await previews.screenshot({ path: `/tmp/translatable-${v.ui === 'en' ? 'en' : 'zh'}-${theme}-notice.png` });
    }
  }

  // The Chinese UI's read-only view of an English-only fact says so.
  await host.ok('incidents.update', { id: incident.id, facts: { cause: 'A test key was published by mistake' } });
  await page.goto(`${base}#/incidents/${incident.id}`);
  await expect(page.getByRole('region', { name: '事实' })).toContainText('A test key was published by mistake （仅有英文）');
  await page.screenshot({ path: '/tmp/translatable-zh-light-facts.png', fullPage: true });
});

test('a decision typed in Chinese gets its English version in the decision card', async ({ app, host }) => {
  test.setTimeout(120_000);
  const page = app;
  const request = await host.ok('inbox.create', { channel: 'email', requester: { name: '张三', contact: 'zhang@example.cn' }, jurisdiction: 'CN', type: 'deletion', subject: '请删除我的数据' });
  await host.ok('inbox.verifyIdentity', { id: request.id, method: 'accountLogin', outcome: 'verified' });
  await page.goto(`${host.url.split('#')[0]}#/inbox/${request.id}`);
  const card = page.getByRole('region', { name: 'Decision' });
  await card.getByRole('textbox', { name: 'What was done' }).fill('已删除账户数据。');
  await card.getByRole('button', { name: 'Add the English version' }).click();
  await card.getByRole('textbox', { name: 'What was done (English)' }).fill('Account data deleted.');
  await card.getByRole('button', { name: 'Record decision' }).click();
  await expect(card.locator('.banner').first()).toContainText('Account data deleted.');
  await card.screenshot({ path: '/tmp/translatable-en-light-decision.png' });
  await setTheme(page, 'dark');
  await setLanguage(page, 'zh-CN');
  await expect(page.getByRole('region', { name: '处理决定' }).locator('.banner').first()).toContainText('已删除账户数据。');
  await page.getByRole('region', { name: '处理决定' }).screenshot({ path: '/tmp/translatable-zh-dark-decision.png' });
  expect((await host.ok('inbox.get', { id: request.id })).decision.actionsTaken).toEqual({ zh: '已删除账户数据。', en: 'Account data deleted.' });
});
