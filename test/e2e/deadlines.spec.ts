import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, setLanguage, setTheme, test, fillDate } from './fixtures';

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

test('the calculator shows a standard-contract filing due across National Day, and why', async ({ app }) => {
  test.setTimeout(120_000);
  const page = app;
  await expect(page.getByRole('heading', { name: 'Deadline board', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Deadline calculator' }).click();
  const calculator = page.getByRole('region', { name: 'Deadline calculator' });
  await calculator.getByLabel('Rule').selectOption({ label: 'File the standard contract (10 working days)' });
  await fillDate(calculator.getByRole('group', { name: 'Start (event, receipt or effective date)' }), '2026-09-28');
  await calculator.getByRole('button', { name: 'Compute' }).click();
  const result = calculator.getByRole('status', { name: 'Due' });
  await expect(result).toContainText('16 Oct 2026, 23:59 (Beijing time)');
  await expect(result).toContainText('10 working days after 2026-09-28; Oct 1–7 are holidays, Sat Oct 10 is a working day → 2026-10-16');
  await expect(result).toContainText('Standard Contract Measures Art. 7');
  await expectNoSeriousA11yViolations(page, 'calculator');
  await page.screenshot({ path: '/tmp/deadlines-calculator-en-light.png', fullPage: true });

  // The same answer in Chinese.
  await setLanguage(page, 'zh-CN');
  await page.getByRole('region', { name: '期限计算器' }).getByRole('button', { name: '计算', exact: true }).click();
  await expect(page.getByRole('status', { name: '截止' })).toContainText('2026-09-28后第10个工作日；10月1日至7日为节假日，10月10日（周六）调休上班 → 2026-10-16');
  await setTheme(page, 'dark');
  await page.screenshot({ path: '/tmp/deadlines-calculator-zh-dark.png', fullPage: true });

  // A start date in a year without its schedule says it is provisional.
  await fillDate(page.getByRole('group', { name: '起算日（事件、收到或生效日期）' }), '2026-12-24');
  await page.getByRole('button', { name: '计算', exact: true }).click();
  await expect(page.getByRole('status', { name: '截止' })).toContainText('加载2027年安排前为暂定结果');
});

test('the board lists a seeded overdue deadline first, in English and in Chinese', async ({ app, host }) => {
  test.setTimeout(120_000);
  const page = app;
  await expect(page.getByRole('heading', { name: 'No open deadlines' })).toBeVisible();
  await expect(page.getByText('Deadlines arrive on their own')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'empty board');

  // A rights request received 40 days ago: its 15-working-day reply is long overdue.
  const request = await host.ok('inbox.create', {
    channel: 'email',
    receivedAt: daysAgo(40),
    receivedAtReason: 'Found in the shared mailbox',
    requester: { name: 'Zhang San', contact: 'zhang@example.cn' },
    jurisdiction: 'CN',
    type: 'access',
    subject: 'Copy of my order history',
  });
  // An incident discovered an hour ago: its CAC 4-hour clock is still running.
  await host.ok('incidents.create', {
    title: 'Laptop with customer export stolen',
    discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
    individualsAffected: 1_500_000,
    jurisdictions: ['CN'],
  });
  await page.reload();

  const board = page.getByRole('region', { name: 'Open deadlines' });
  // Only the fixed clock that passed is overdue; the incident's "immediately" duty is today's (issue 17).
  await expect(board.getByRole('heading', { name: /^Overdue · 1 / })).toBeVisible();
  await expect(board.getByRole('heading', { name: /^Due today or immediately/ })).toBeVisible();
  // The first counter (Overdue) says the same: one.
  await expect(page.getByRole('definition').first()).toHaveText('1');
  const first = board.getByRole('article').first();
  await expect(first).toContainText('Reply to the rights request (15 working days)');
  await expect(first).toContainText('Overdue');
  await expect(first).toContainText(request.ref);
  await expect(board.getByRole('article').filter({ hasText: 'Report to the cyberspace administration' })).toContainText(/due in \d+ h \d+ min/);
  await expect(page.getByRole('definition').first()).not.toHaveText('0');

  // The alert banner says the reply is overdue.
  await expect(page.getByRole('status', { name: 'Deadline alerts' })).toContainText(`Reply to the rights request (15 working days) for ${request.ref} is overdue`);

  // Why this date, on demand.
  await first.getByText('Why this date?').click();
  await expect(first).toContainText('working days after');
  await expect(first).toContainText('Privacy policy §V; PIPL Art. 50');
  await expectNoSeriousA11yViolations(page, 'board');
  await page.screenshot({ path: '/tmp/deadlines-board-en-light.png', fullPage: true });

  // Filter by module.
  await page.getByLabel('Show deadlines from').selectOption('incidents');
  await expect(board.getByRole('article').first()).not.toContainText(request.ref);
  await page.getByLabel('Show deadlines from').selectOption('');

  await setLanguage(page, 'zh-CN');
  const boardZh = page.getByRole('region', { name: '未完成的期限' });
  await expect(boardZh.getByRole('heading', { name: /^已逾期/ })).toBeVisible();
  await expect(boardZh.getByRole('heading', { name: /^今日到期或须立即履行/ })).toBeVisible();
  const firstZh = boardZh.getByRole('article').first();
  await expect(firstZh).toContainText('答复个人权利请求（15个工作日）');
  await expect(firstZh).toContainText('已逾期');
  await page.screenshot({ path: '/tmp/deadlines-board-zh-light.png', fullPage: true });
  await setTheme(page, 'dark');
  await page.screenshot({ path: '/tmp/deadlines-board-zh-dark.png', fullPage: true });
  await setLanguage(page, 'en');
  await page.screenshot({ path: '/tmp/deadlines-board-en-dark.png', fullPage: true });

  // Clicking the record opens it in its module.
  await page.getByRole('region', { name: 'Open deadlines' }).getByRole('button', { name: `Open ${request.ref}` }).click();
  await expect(page).toHaveURL(new RegExp(`#/inbox/${request.id}$`));
});

test('Settings → Calendars shows each year with its source, imports a year, names bad lines and asks before removing most of a year', async ({ app, host }) => {
  test.setTimeout(120_000);
  const page = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Calendars' }).click();
  const calendars = page.getByRole('region', { name: 'Holiday calendars' });
  await expect(calendars.getByRole('row', { name: /CN 2026/ })).toContainText('2025-11-04');
  await calendars.getByRole('button', { name: 'View 2026' }).click();
  await expect(calendars.getByRole('heading', { name: 'CN 2026 calendar' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'calendars');

  await calendars.getByRole('spinbutton', { name: 'Year', exact: true }).fill('2027');
  await calendars.getByRole('textbox', { name: 'Source' }).last().fill('Draft 2027 schedule');
  await calendars.getByRole('textbox', { name: 'Or paste the dates' }).fill('date,kind\n2027-01-01,holiday\n2027-13-02,holiday\n');
  // Checked before anything is asked or written: the bad line is named at once.
  await calendars.getByRole('button', { name: 'Import' }).click();
  await expect(calendars.getByRole('alert').first()).toContainText('Line 3: "2027-13-02" is not a date');

  await calendars.getByRole('textbox', { name: 'Or paste the dates' }).fill('date,kind,name_en,name_zh\n2027-01-01,holiday,New Year,元旦\n');
  await calendars.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('dialog')).toContainText('2027: 0 day(s) loaded now, 1 after the change — 0 removed, 1 added.');
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  await expect(calendars.getByRole('row', { name: /CN 2027/ })).toContainText('imported');

  // Issue 10, item 6: a header-only file for a loaded year would have wiped it silently.
  const days2026 = (await host.ok('calendar.list', {})).years.find((y: { year: number }) => y.year === 2026);
  const loaded = days2026.holidays.length + days2026.workdays.length;
  await calendars.getByRole('spinbutton', { name: 'Year', exact: true }).fill('2026');
  await calendars.getByRole('textbox', { name: 'Or paste the dates' }).fill('date,kind\n');
  await calendars.getByRole('button', { name: 'Import' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(`2026: ${loaded} day(s) loaded now, 0 after the change — ${loaded} removed, 0 added.`);
  await expect(confirm.getByRole('alert')).toContainText(`This removes ${loaded} of the ${loaded} days loaded for 2026.`);
  await page.screenshot({ path: '/tmp/deadlines-calendar-remove-en.png' });
  await setLanguage(page, 'zh-CN');
  await expect(confirm).toContainText(`删除 ${loaded} 天并导入`);
  await page.screenshot({ path: '/tmp/deadlines-calendar-remove-zh.png' });
  await setLanguage(page, 'en');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect((await host.ok('calendar.list', {})).years.find((y: { year: number }) => y.year === 2026).holidays.length).toBe(days2026.holidays.length);
  await calendars.getByRole('heading', { name: 'Holiday calendars' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/deadlines-calendars-en-light.png' });
  await setLanguage(page, 'zh-CN');
  await setTheme(page, 'dark');
  await page.getByRole('heading', { name: '节假日日历' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/deadlines-calendars-zh-dark.png' });
});
