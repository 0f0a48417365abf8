import { expect, setLanguage, setTheme, test } from './fixtures';

// Issue 13: main's problems are said in the DPO's language, and the banner names the field by
// its label on screen, never by an internal key such as `profile.legalName`.

test('a form error is said in Chinese with the field’s label, and follows a switch to English', async ({ app }) => {
  const page = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await setLanguage(page, 'zh-CN');
  const name = page.getByRole('textbox', { name: '公司法定名称' });
  await name.fill('');
  await page.getByRole('button', { name: '保存', exact: true }).first().click();

  const banner = page.getByRole('alert').filter({ hasText: '操作未完成' });
  await expect(banner).toContainText('公司法定名称：必填');
  await expect(banner).not.toContainText('profile.legalName');
  await expect(banner).not.toContainText('Required');
  // The field's own message, under the input, in the same words.
  await expect(page.locator('.field--invalid .field__error').first()).toHaveText('必填');
  await banner.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/problems-settings-zh-light.png' });
  await setTheme(page, 'dark');
  await page.screenshot({ path: '/tmp/problems-settings-zh-dark.png' });

  // The same error, said again in English once the DPO switches (it is data, not a sentence).
  await setLanguage(page, 'en');
  const english = page.getByRole('alert').filter({ hasText: 'That did not work' });
  await expect(english).toContainText('Legal name of the company: Required');
  await page.screenshot({ path: '/tmp/problems-settings-en-dark.png' });
  await setTheme(page, 'light');
  await page.screenshot({ path: '/tmp/problems-settings-en-light.png' });
});
