import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, setLanguage, test } from './fixtures';

test('Settings → Files: the DPO grants a folder for typed paths; a relative one is refused by its line', async ({ app, host }) => {
  const page = app;
  const folder = join(host.dataDir, 'exports-granted');
  mkdirSync(folder);
  await page.getByRole('link', { name: 'Settings' }).click();
  const files = page.getByRole('region', { name: 'Files' });
  await expect(files).toContainText('These are the defaults (your Documents and Downloads).');

  const roots = files.getByLabel('Granted folders');
  await roots.fill(`${folder}\nrelative/folder`);
  await files.getByRole('button', { name: 'Save' }).click();
  await expect(files.getByRole('alert')).toHaveText('Line 2: Give the full path of a folder');

  await roots.fill(folder);
  await files.getByRole('button', { name: 'Save' }).click();
  await expect(files).toContainText('In the browser window the app reads and writes files only inside these folders.');
  await expect(files).not.toContainText('These are the defaults');
  expect(await host.ok('files.roots')).toMatchObject({ roots: [folder], defaults: false });

  await setLanguage(page, 'zh-CN');
  await expect(page.getByRole('region', { name: '文件' })).toContainText('本应用只在以下文件夹内读写文件');
  await page.getByRole('button', { name: '恢复默认' }).click();
  await expect(page.getByRole('region', { name: '文件' })).toContainText('当前为默认值');
});
