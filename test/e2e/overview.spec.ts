import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, setLanguage, setTheme, test } from './fixtures';

// Issue 17: the DPO's overview in both languages, light and dark, with a click-through from a
// figure to the list filtered to exactly what it counted.

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

const SHOTS = process.env.DPO_SCREENSHOTS;

test('the overview shows the programme at a glance and each figure opens its filtered list, in English and Chinese', async ({ app, host }) => {
  test.setTimeout(120_000);
  const page = app;
  const now = Date.now();
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
  await host.ok('incidents.create', { title: 'Customer database leak', discoveredAt: hoursAgo(1), individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'] });
  await host.ok('incidents.create', { title: 'Lost laptop', discoveredAt: hoursAgo(2), individualsAffected: 40, jurisdictions: ['CN'] });
  await host.ok('inbox.create', { channel: 'email', receivedAt: hoursAgo(3), receivedAtReason: 'Received by e-mail', requester: { name: 'Zhang San', contact: 'z@example.cn' }, jurisdiction: 'CN', type: 'access', subject: 'Copy of my data' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Programme overview' })).toBeVisible();
  const incidents = page.getByRole('region', { name: 'Incidents per quarter by CAC grade' });
  await expect(incidents.getByRole('img', { name: /^Incidents per quarter by CAC grade\. Chart/ })).toBeVisible();
  const obligations = page.getByRole('region', { name: 'Open obligations by regime' });
  await expect(obligations.getByRole('row', { name: /^PRC/ })).toBeVisible();
  await expect(obligations.getByRole('row', { name: /^EU/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Transfers by route and filing state' })).toContainText('No transfers recorded');
  await expectNoSeriousA11yViolations(page, 'overview');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/overview-en-light.png`, fullPage: true });

  // One relatively major incident this quarter: the figure opens the register filtered to it.
  await incidents.getByRole('button', { name: /^1 — Open the list: Relatively major incidents discovered in Q\d \d{4}$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'from the overview' })).toContainText(/Relatively major incidents discovered in Q\d/);
  await expect(page.getByText('Customer database leak')).toBeVisible();
  await expect(page.getByText('Lost laptop')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the whole list' }).click();
  await expect(page.getByText('Lost laptop')).toBeVisible();

  // The same page in Chinese and dark, its request figure opening the inbox for the month.
  await setLanguage(page, 'zh-CN');
  await setTheme(page, 'dark');
  await page.getByRole('navigation').getByRole('link', { name: '工作概览' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '工作概览' })).toBeVisible();
  const requests = page.getByRole('region', { name: '每月收到和答复的请求' });
  await expect(requests.getByRole('columnheader', { name: '答复天数中位数' })).toBeVisible();
  await page.getByRole('combobox', { name: '统计期间' }).selectOption({ label: '本年度' });
  await expect(page.getByText(/当前显示：\d{4}年/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'overview zh-CN dark');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/overview-zh-dark.png`, fullPage: true });
  if (SHOTS) {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: `${SHOTS}/overview-zh-dark-1024.png`, fullPage: true });
    await page.setViewportSize({ width: 1360, height: 860 });
  }
  await requests.getByRole('button', { name: /^1 — 打开列表：\d{4}年\d{1,2}月收到的请求$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '来自工作概览' })).toBeVisible();
  await expect(page.getByText('Copy of my data')).toBeVisible();
});

test('the overview exports as one PDF page for a management report', async ({ app, host }) => {
  const page = app;
  const dir = join(host.dataDir, 'out');
  mkdirSync(dir, { recursive: true });
  await host.ok('settings.update', { fileRoots: [dir] });
  await host.ok('incidents.create', { title: 'Customer database leak', discoveredAt: new Date(Date.now() - 3_600_000).toISOString(), individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'] });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the overview' });
  await expect(dialog.getByRole('radio', { name: 'PDF page (management report)' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Save to' }).fill(join(dir, 'overview.pdf'));
  await dialog.getByRole('button', { name: 'Use this path' }).click();
  await expectNoSeriousA11yViolations(page, 'overview export dialog');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByText(/^Saved overview\.pdf\. SHA-256 [0-9a-f]{64}$/)).toBeVisible({ timeout: 30_000 });
  expect(readFileSync(join(dir, 'overview.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
});

test('the obligations and the timeline open the deadline board on exactly the clocks they counted, in English and Chinese', async ({ app, host }) => {
  test.setTimeout(150_000);
  const page = app;
  const shots = SHOTS ?? '/tmp';
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  // An incident found an hour ago (CAC 4 h, PIPL "immediately", GDPR 72 h), a reply long overdue and one running.
  await host.ok('incidents.create', { title: 'Customer database leak', discoveredAt: hoursAgo(1), individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'] });
  const late = await host.ok('inbox.create', { channel: 'email', receivedAt: hoursAgo(40 * 24), receivedAtReason: 'Found in the shared mailbox', requester: { name: 'Zhang San', contact: 'z@example.cn' }, jurisdiction: 'CN', type: 'access', subject: 'Copy of my data' });
  await host.ok('inbox.create', { channel: 'email', receivedAt: hoursAgo(3), receivedAtReason: 'Received by e-mail', requester: { name: 'Li Si', contact: 'l@example.cn' }, jurisdiction: 'CN', type: 'deletion', subject: 'Delete my account' });

  const toOverview = async (name: string) => {
    await page.getByRole('navigation', { name: /Main|主/ }).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  };
  const board = () => page.getByRole('region', { name: /Open deadlines|未完成的期限/ });
  /** Clicks a figure's count and checks the board then lists exactly that many clocks. */
  const follow = async (button: ReturnType<Page['getByRole']>) => {
    const n = Number((await button.getAttribute('aria-label'))!.match(/^([\d,]+) —/)![1].replace(/,/g, ''));
    await button.click();
    await expect(page.getByRole('status').filter({ hasText: /from the overview|来自工作概览/ })).toBeVisible();
    await expect(board().getByRole('article')).toHaveCount(n);
    return n;
  };

  await toOverview('Overview');
  const obligations = page.getByRole('region', { name: 'Open obligations by regime' });
  // Overdue: only the reply the privacy policy promises (a fixed clock); PRC has none overdue: its
  // "immediately" duty is due soon, as on the board.
  await expect(obligations.getByRole('row', { name: /^PRC/ }).getByRole('cell').first()).toHaveText('0');
  expect(await follow(obligations.getByRole('button', { name: /^1 — Open the list: Privacy policy clocks: Overdue$/ }))).toBe(1);
  await expect(page.getByRole('status').filter({ hasText: 'from the overview' })).toContainText('Privacy policy clocks: Overdue');
  await expect(board().getByRole('article')).toContainText(late.ref);
  await expectNoSeriousA11yViolations(page, 'board filtered from the overview');
  await page.screenshot({ path: `${shots}/board-from-obligations-en-light.png`, fullPage: true });
  await page.getByRole('button', { name: 'Show the whole list' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'from the overview' })).toHaveCount(0);
  expect(await board().getByRole('article').count()).toBeGreaterThan(1);

  await toOverview('Overview');
  const dueSoon = await follow(obligations.getByRole('button', { name: /— Open the list: PRC clocks: Due soon$/ }));
  expect(dueSoon).toBeGreaterThanOrEqual(2); // the CAC report and the "immediately" duty at least
  await expect(board().getByRole('article').filter({ hasText: late.ref })).toHaveCount(0);

  // A day of the timeline: today's fixed clocks from now on (the CAC report in 3 h).
  await toOverview('Overview');
  const timeline = page.getByRole('region', { name: /^Deadlines in the next 30 days/ });
  await follow(timeline.getByRole('button', { name: /— Open the list: Fixed-time clocks due on \d{4}-\d{2}-\d{2}$/ }).first());
  await expect(board().getByRole('article').filter({ hasText: 'Report to the cyberspace administration' })).toHaveCount(1);
  await page.screenshot({ path: `${shots}/board-from-timeline-en-light.png`, fullPage: true });

  // The same in Chinese, dark.
  await setLanguage(page, 'zh-CN');
  await setTheme(page, 'dark');
  await toOverview('工作概览');
  const timelineZh = page.getByRole('region', { name: /^未来30天/ });
  await follow(timelineZh.getByRole('button', { name: /— 打开列表：\d{4}-\d{2}-\d{2}到期的固定期限$/ }).last());
  await expectNoSeriousA11yViolations(page, 'board filtered from the overview, zh-CN dark');
  await page.screenshot({ path: `${shots}/board-from-timeline-zh-dark.png`, fullPage: true });
  await toOverview('工作概览');
  const obligationsZh = page.getByRole('region', { name: '按法域统计的未完成义务' });
  await follow(obligationsZh.getByRole('button', { name: /— 打开列表：中国的期限：即将到期$/ }));
  await page.screenshot({ path: `${shots}/board-from-obligations-zh-dark.png`, fullPage: true });
});
