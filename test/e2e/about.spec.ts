import AxeBuilder from '@axe-core/playwright';
import { expect, setLanguage, setTheme, test } from './fixtures';

test('Settings → About names the app version, the vault schema and the build, in both languages', async ({ app, host }) => {
  const info = await host.ok('app.info');
  // The built app carries a real build id (the commit), never the "dev" of the source tree.
  expect(info.buildId).not.toBe('dev');
  await app.getByRole('link', { name: 'Settings' }).click();
  const about = app.getByRole('region', { name: 'About' });
  await about.scrollIntoViewIfNeeded();
  await expect(about.getByRole('definition').nth(0)).toHaveText(info.version);
  await expect(about.getByText('App version')).toBeVisible();
  await expect(about.getByText('Vault schema version')).toBeVisible();
  await expect(about.getByRole('definition').nth(1)).toHaveText(String(info.schemaVersion));
  await expect(about.getByRole('definition').nth(2)).toHaveText(info.buildId);
  await app.screenshot({ path: test.info().outputPath('about-en-light.png'), fullPage: true });

  await setLanguage(app, 'zh-CN');
  const zh = app.getByRole('region', { name: '关于' });
  await expect(zh.getByText('应用版本')).toBeVisible();
  await expect(zh.getByText('构建编号')).toBeVisible();
  await setTheme(app, 'dark');
  await app.screenshot({ path: test.info().outputPath('about-zh-dark.png'), fullPage: true });
  const results = await new AxeBuilder({ page: app }).include('[aria-labelledby="settings-about"]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
