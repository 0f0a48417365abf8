import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfPages } from '../helpers/pdf';
import { expect, setLanguage, setTheme, test, type Host } from './fixtures';

const SHOTS = process.env.DPO_OUT_DIR ? join(process.env.DPO_OUT_DIR, 'shots') : '/tmp/dpo-exports-shots';

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

/** A folder granted for exports (as Settings → Files would), inside the test's data folder. */
async function grantedFolder(host: Host): Promise<string> {
  const dir = join(host.dataDir, 'out');
  mkdirSync(dir, { recursive: true });
  await host.ok('settings.update', { fileRoots: [dir] });
  return dir;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The PDF's first page as a PNG (pdftoppm, Debian's poppler-utils), to look at. */
function firstPagePng(pdf: string, name: string): string {
  mkdirSync(SHOTS, { recursive: true });
  const out = join(SHOTS, name);
  const r = spawnSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, out]);
  expect(r.status, r.stderr?.toString()).toBe(0);
  return `${out}.png`;
}

test('build the incident’s evidence pack from the incident page, in English and in Chinese; the zip is what the unit tests check', async ({ app, host }) => {
  test.setTimeout(120_000);
  const page = app;
  const dir = await grantedFolder(host);
  const inc = await host.ok('incidents.create', { title: '客服系统用户数据泄露', discoveredAt: new Date(Date.now() - 3_600_000).toISOString(), individualsAffected: 2_000_000, jurisdictions: ['CN', 'EU'] });
  await host.ok('incidents.markObligation', { id: inc.id, key: 'cac.report', state: 'done', doneAt: new Date(Date.now() - 600_000).toISOString(), reference: 'CAC-2026-7788' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
  await page.getByRole('button', { name: /INC-\d{4}-0001/ }).click();
  await page.getByRole('button', { name: 'Evidence pack…' }).click();
  const dialog = page.getByRole('dialog', { name: /Evidence pack of INC-/ });
  await dialog.getByRole('radio', { name: 'English only' }).check();
  const path = dialog.getByRole('textbox', { name: 'Save to' });
  await expect(path).toHaveValue(join(dir, `${inc.ref}-evidence-pack.zip`));
  await path.fill(join(dir, 'pack-en.zip'));
  await dialog.getByRole('button', { name: 'Use this path' }).click();
  await expect(dialog.getByText('Chosen: pack-en.zip')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'pack dialog');
  await dialog.getByRole('button', { name: 'Build the pack' }).click();
  await expect(dialog.getByText(/Saved pack-en\.zip \(\d+ files\)\. SHA-256 [0-9a-f]{64}/)).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: join(SHOTS, 'pack-dialog-en.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

  const zip = unzipSync(readFileSync(join(dir, 'pack-en.zip')));
  const manifest = JSON.parse(strFromU8(zip['manifest.json']));
  for (const f of manifest.files) expect(sha(zip[f.path]), f.path).toBe(f.sha256);
  const text = (await pdfPages(zip['report.pdf'])).join('\n');
  expect(text).toContain('客服系统用户数据泄露');
  expect(text).toContain('Relatively major');
  expect(text).toContain('CAC-2026-7788');
  const pdfEn = join(dir, 'report-en.pdf');
  (await import('node:fs')).writeFileSync(pdfEn, zip['report.pdf']);
  expect(existsSync(firstPagePng(pdfEn, 'report-en-page1'))).toBe(true);

  // The same pack in Chinese, from the Chinese UI.
  await setLanguage(page, 'zh-CN');
  await page.getByRole('button', { name: '证据包…' }).click();
  const zh = page.getByRole('dialog', { name: /的证据包/ });
  await zh.getByRole('radio', { name: '仅中文' }).check();
  await zh.getByRole('textbox', { name: '保存到' }).fill(join(dir, 'pack-zh.zip'));
  await zh.getByRole('button', { name: '使用此路径' }).click();
  await zh.getByRole('button', { name: '生成证据包' }).click();
  await expect(zh.getByText(/已保存 pack-zh\.zip/)).toBeVisible({ timeout: 30_000 });
  await setTheme(page, 'dark');
  await page.screenshot({ path: join(SHOTS, 'pack-dialog-zh-dark.png') });
  await setTheme(page, 'light');
  const zhZip = unzipSync(readFileSync(join(dir, 'pack-zh.zip')));
  const zhText = (await pdfPages(zhZip['report.pdf'])).join('\n');
  expect(zhText).toContain('较大');
  expect(zhText).toContain('个人信息安全事件报告');
  const pdfZh = join(dir, 'report-zh.pdf');
  (await import('node:fs')).writeFileSync(pdfZh, zhZip['report.pdf']);
  expect(existsSync(firstPagePng(pdfZh, 'report-zh-page1'))).toBe(true);
});

test('export the inbox as an Excel workbook: typed cells and Chinese text read back', async ({ app, host }) => {
  const page = app;
  const dir = await grantedFolder(host);
  await host.ok('inbox.create', { subject: '请删除我的账户信息', requester: { name: '王芳', contact: 'wang@example.cn' }, type: 'deletion', channel: 'email', jurisdiction: 'CN' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
  await expect(page.getByText('请删除我的账户信息')).toBeVisible();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the inbox' });
  await expect(dialog.getByRole('radio', { name: 'Excel workbook (.xlsx)' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Save to' }).fill(join(dir, 'inbox.xlsx'));
  await dialog.getByRole('button', { name: 'Use this path' }).click();
  await expectNoSeriousA11yViolations(page, 'export dialog');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText(/Saved inbox\.xlsx: 1 rows/)).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'export-dialog-en.png') });

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'inbox.xlsx'));
  const sheet = wb.worksheets[0];
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.getRow(1).getCell(2).value).toBe('Subject');
  expect(sheet.getRow(2).getCell(2).value).toBe('请删除我的账户信息');
  expect(sheet.getRow(2).getCell(3).value).toBe('王芳');
  expect(sheet.getRow(2).getCell(8).value).toBeInstanceOf(Date);
});

test('export the audit log with its MACs, then verify the file against the vault; print a receipt', async ({ app, host }) => {
  const page = app;
  const dir = await grantedFolder(host);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('button', { name: 'Export with MACs…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the audit log as evidence' });
  await dialog.getByRole('textbox', { name: 'Save to' }).fill(join(dir, 'audit.jsonl'));
  await dialog.getByRole('button', { name: 'Use this path' }).click();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText(/Saved audit\.jsonl: \d+ rows/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  const lines = readFileSync(join(dir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(lines[0]).toMatchObject({ type: 'header', format: 'dpo-audit-export' });
  expect(lines.filter((l) => l.type === 'entry').every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);

  await page.getByRole('button', { name: 'Verify an export…' }).click();
  const check = page.getByRole('dialog', { name: 'Verify an exported audit file' });
  await check.getByRole('textbox', { name: 'Exported file' }).fill(join(dir, 'audit.jsonl'));
  await check.getByRole('button', { name: 'Use this path' }).click();
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(check.getByText(/The file matches the vault: \d+ entries/)).toBeVisible();
  await check.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await expect(page.getByText(/It still holds the head anchored outside the vault/)).toBeVisible();

  await page.getByRole('button', { name: 'Audit receipt…' }).click();
  const receipt = page.getByRole('dialog', { name: 'Audit receipt' });
  await expect(receipt.getByText('北京智言科技有限公司')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'receipt');
  await page.screenshot({ path: join(SHOTS, 'receipt-en.png') });
  // The print view uses the bundled font (served from the renderer build under the CSP).
  const font = await page.evaluate(async () => {
    await document.fonts.load('16px "DPO Noto Sans CJK SC"', '审计');
    return document.fonts.check('16px "DPO Noto Sans CJK SC"', '审计');
  });
  expect(font).toBe(true);
});

test('an anchor file altered while the app was closed is reported on every page, and the DPO accepts the chain with a reason', async ({ app, host }) => {
  const page = app;
  await host.ok('settings.update', { dueSoonHours: 12 });
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  const { readFileSync: read, writeFileSync: write } = await import('node:fs');
  const anchorFile = join(host.dataDir, 'vault.anchor');
  const anchor = JSON.parse(read(anchorFile, 'utf8'));
  write(anchorFile, JSON.stringify({ ...anchor, seq: anchor.seq + 5 }));
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Unlock' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'does not match its anchor outside the vault' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Open the audit log' }).click();
  await expect(page.getByText('The anchor file beside the vault was altered or belongs to another vault.')).toBeVisible();
  await setLanguage(page, 'zh-CN');
  await setTheme(page, 'dark');
  await page.screenshot({ path: join(SHOTS, 'audit-integrity-zh-dark.png') });
  await setLanguage(page, 'en');
  await setTheme(page, 'light');
  await page.getByRole('button', { name: 'Accept the chain as it is…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Accept the audit chain as it is now?' });
  await confirm.getByLabel('Why (e.g. “restored the backup of 1 March”)').fill('Anchor file restored from an old copy by mistake');
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('The anchor now matches the chain.')).toBeVisible();
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await expect(page.getByText(/It still holds the head anchored outside the vault/)).toBeVisible();
  await expect(page.getByText(/Audit anchor reset by the DPO/)).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'audit-en-light.png') });
});
