import AxeBuilder from '@axe-core/playwright';
import { test as base, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approvedPolicyChange } from '../fixtures/notices/approved';
import { expect, openApp, PASSPHRASE, setLanguage, startHost, type Host } from './fixtures';

// The DPO's mail-merge under the loopback host: files come only from the folders granted for
// this run (DPO_FILE_ROOTS), typed as paths and checked by main; lock stops a running merge.
const test = base.extend<{ folder: string; host: Host; app: Page }>({
  folder: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'dpo-e2e-merge-'));
    mkdirSync(join(dir, 'granted'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ folder }, use) => {
    const host = await startHost(join(folder, 'data'), { DPO_FILE_ROOTS: join(folder, 'granted') });
    await use(host);
    await host.stop();
  },
  app: async ({ host, page }, use) => {
    await use(await openApp(host, page));
  },
});

test('mail-merge from a granted CSV into a granted folder; a path outside is refused; a lock stops a running merge and says so after unlock', async ({ app, host, folder }) => {
  test.setTimeout(240_000);
  const page = app;
  const granted = join(folder, 'granted');
  writeFileSync(join(granted, 'recipients.csv'), 'email,name\nzhang@example.com,张三\nli@example.com,李四\n');
  writeFileSync(join(folder, 'outside.csv'), 'email,name\nx@example.com,X\n');
  const notice = await approvedPolicyChange(host, { opening: { 'zh-CN': '尊敬的{{recipient.name}}：', en: 'Dear {{recipient.name}},' } });
  await page.evaluate((id) => (window.location.hash = `#/notices/${id}`), notice.id);
  await page.getByRole('button', { name: 'Mail-merge…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mail-merge' });

  // A file outside the granted folders is refused by main, with the reason under the field.
  const source = dialog.getByRole('textbox', { name: 'Recipient CSV file' });
  await source.fill(join(folder, 'outside.csv'));
  await dialog.getByRole('button', { name: 'Use this path' }).first().click();
  await expect(dialog.getByRole('alert').first()).toContainText('Outside the folders granted in Settings');
  await source.fill(join(granted, 'recipients.csv'));
  await dialog.getByRole('button', { name: 'Use this path' }).first().click();
  await expect(dialog.getByText('Chosen: recipients.csv')).toBeVisible();

  // Writing needs a chosen output; a folder typed with a trailing / takes the suggested, unique name.
  await expect(dialog.getByRole('button', { name: 'Write files' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Write to' }).fill(`${granted}/`);
  await dialog.getByRole('button', { name: 'Use this path' }).nth(1).click();
  await expect(dialog.getByText(new RegExp(`Chosen: ${notice.ref}-v1-zh-CN-\\d{8}T\\d{6}-[0-9a-f]{6}\\.mbox`))).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: '/tmp/mailmerge-en-light-chosen.png' });
  await dialog.getByRole('button', { name: 'Write files' }).click();
  await expect(dialog.getByText(/^Done: messages written: 2, to/)).toBeVisible();
  const mbox = readdirSync(granted).find((f) => f.endsWith('.mbox'))!;
  expect(readFileSync(join(granted, mbox), 'utf8')).toContain('zhang@example.com');
  await setLanguage(page, 'zh-CN');
  await expect(page.getByRole('dialog', { name: '邮件合并' }).getByText(/^完成：已写入 2 封至/)).toBeVisible();
  await page.screenshot({ path: '/tmp/mailmerge-zh-light-done.png' });
  await setLanguage(page, 'en');

  // A long run, then the DPO locks: the run stops, its file goes, and after unlock the app says so.
  const rows = ['email,name'];
  for (let i = 0; i < 400_000; i++) rows.push(`user${i}@example.com,User ${i}`);
  writeFileSync(join(granted, 'many.csv'), rows.join('\n'));
  await dialog.getByRole('button', { name: 'Choose another' }).first().click();
  await source.fill(join(granted, 'many.csv'));
  await dialog.getByRole('button', { name: 'Use this path' }).first().click();
  await dialog.getByRole('textbox', { name: 'Write to' }).fill(join(granted, 'all.mbox'));
  await dialog.getByRole('button', { name: 'Use this path' }).nth(1).click();
  await dialog.getByRole('button', { name: 'Write files' }).click();
  await expect(dialog.getByRole('button', { name: 'Cancel run' })).toBeVisible();
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'The vault is locked' })).toBeVisible();
  expect(readdirSync(granted).filter((f) => f.startsWith('all.mbox'))).toEqual([]);
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  const banner = page.getByRole('status', { name: 'Locking stopped work that was running' });
  await expect(banner).toContainText(`Mail-merge of ${notice.ref} v1 · zh-CN: cancelled by the lock; its partial output was removed.`);
  await page.screenshot({ path: '/tmp/mailmerge-en-light-cancelled-by-lock.png' });
  await setLanguage(page, 'zh-CN');
  const bannerZh = page.getByRole('status', { name: '锁定时停止了正在运行的任务' });
  await expect(bannerZh).toContainText(`${notice.ref} v1 · zh-CN 的邮件合并：因锁定而取消`);
  await page.screenshot({ path: '/tmp/mailmerge-zh-light-cancelled-by-lock.png' });
  await bannerZh.getByRole('button', { name: '知道了' }).click();
  await expect(bannerZh).toHaveCount(0);
  expect(readdirSync(granted).filter((f) => f.startsWith('all.mbox'))).toEqual([]);
});

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}
