import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, setLanguage, setTheme, test, fillDate } from './fixtures';

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

/** A date-time field value in the display zone (Beijing time, the default), `minutesAgo` before now. */
const localInput = (page: Page, minutesAgo: number) =>
  page.evaluate((m) => {
    const d = new Date(Date.now() - m * 60_000 + 8 * 3_600_000); // Beijing is UTC+8 all year
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
  }, minutesAgo);

test('log a 1.2-million-people leak in China and the EU, see the CAC and GDPR clocks, report to the CAC, close with the timeline', async ({ app }) => {
  test.setTimeout(180_000); // a long journey on a shared, busy machine
  const page = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
  await expect(page.getByRole('heading', { name: 'No incidents logged' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'empty register');

  // The create form asks first for the facts that start the clocks.
  await page.getByRole('button', { name: 'Log an incident' }).first().click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Customer database exposed by a misconfigured bucket');
  await fillDate(page.getByRole('group', { name: 'Discovered at' }), await localInput(page, 30));
  await page.getByRole('spinbutton', { name: 'People affected' }).fill('-5');
  await page.getByRole('button', { name: 'Log and start the clocks' }).click();
  await expect(page.getByText('Cannot be negative').first()).toBeVisible();
  await page.getByRole('spinbutton', { name: 'People affected' }).fill('1200000');
  await page.getByRole('checkbox', { name: 'EU' }).check();
  await page.getByLabel('PI categories (comma-separated)', { exact: true }).fill('name, phone number, e-mail');
  await expectNoSeriousA11yViolations(page, 'create form');
  await page.getByRole('button', { name: 'Log and start the clocks' }).click();

  // The incident: relatively major, CAC report in 4 hours, GDPR Art. 33 in 72 hours.
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^INC-\d{4}-0001 · Customer database exposed/);
  const ref = (await heading.textContent())!.split(' · ')[0];
  await expect(page.getByRole('heading', { name: /CAC grade: Relatively major/ })).toBeVisible();
  const cac = page.getByRole('listitem', { name: 'Report to the cyberspace administration' });
  await expect(cac).toContainText('Pending');
  await expect(cac).toContainText(/due in 3 h \d{1,2} min/);
  const gdpr = page.getByRole('listitem', { name: 'GDPR notice to the supervisory authority' });
  await expect(gdpr).toContainText(/due in 2 d 23 h/);
  await cac.getByText(/^Why:/).click();
  await expect(cac).toContainText('Administrative Measures for Reporting Cybersecurity Incidents');
  await expect(page.getByText('A compliance audit may be ordered')).toBeVisible();
  await page.screenshot({ path: '/tmp/incidents-en-light-detail.png', fullPage: true });
  await expectNoSeriousA11yViolations(page, 'incident detail');

  // The same clocks are on the dashboard board.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deadlines' }).click();
  const cacOnBoard = page.getByRole('article', { name: `Report to the cyberspace administration — ${ref}` });
  await expect(cacOnBoard).toContainText(/due in 3 h \d{1,2} min/);
  await expect(page.getByRole('article', { name: `GDPR notice to the supervisory authority — ${ref}` })).toContainText(/due in 2 d 23 h/);
  await page.screenshot({ path: '/tmp/incidents-en-light-dashboard.png' });
  await cacOnBoard.getByRole('button', { name: new RegExp(ref) }).click();

  // Mark the CAC report done with the receipt number.
  await expect(cac).toBeVisible();
  await cac.getByRole('button', { name: 'Mark done: Report to the cyberspace administration' }).click();
  const dialog = page.getByRole('dialog');
  await fillDate(dialog.getByRole('group', { name: 'When it was done' }), await localInput(page, 5));
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await expect(dialog.getByText(/Enter the receipt or case number/).first()).toBeVisible();
  await dialog.getByLabel(/Reference number/).fill('京网信-2026-0188');
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await expect(cac).toContainText('Done');
  await expect(cac).toContainText('Ref. 京网信-2026-0188');

  // A note with its own time, then close: the app warns that obligations are still pending.
  await page.getByRole('textbox', { name: 'Note', exact: true }).fill('Called the storage vendor; bucket made private');
  await fillDate(page.getByRole('group', { name: 'When it happened' }), await localInput(page, 20));
  await page.getByRole('button', { name: 'Add note' }).click();
  // In the timeline (the files panel also names the entry, to attach a file to it).
  await expect(page.locator('.timeline').getByText('Called the storage vendor; bucket made private')).toBeVisible();
  await page.getByRole('combobox', { name: 'Move to' }).selectOption('contained');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.locator('.incident-state .pill').first()).toHaveText('Contained');
  await page.getByRole('combobox', { name: 'Move to' }).selectOption('closed');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('These obligations are still pending');
  await page.getByRole('dialog').getByRole('button', { name: 'Close anyway' }).click();
  await expect(page.locator('.incident-state .pill').first()).toHaveText('Closed');

  // The timeline shows every step, ordered by when it happened (the note's own time comes first).
  const entries = page.locator('section[aria-labelledby="timeline-h"] .timeline__entry');
  await expect(entries).toHaveCount(5);
  await expect(entries.first()).toContainText('Called the storage vendor; bucket made private');
  for (const step of [
    /Logged: Customer database exposed/,
    /Report to the cyberspace administration: done \(京网信-2026-0188\)/,
    /Detected → Contained/,
    /Contained → Closed \(closed with pending: .*CAC summary report/,
  ]) {
    await expect(entries.filter({ hasText: step })).toHaveCount(1);
  }
  await expect(entries.last()).toContainText('Contained → Closed');
  await page.screenshot({ path: '/tmp/incidents-en-light-closed.png', fullPage: true });

  // The register lists it; both languages and themes render.
  await page.getByRole('button', { name: 'All incidents' }).click();
  await expect(page.getByRole('region', { name: 'Incidents' }).getByRole('button', { name: new RegExp(ref) })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'register');
  await page.screenshot({ path: '/tmp/incidents-en-light-list.png' });
  await setTheme(page, 'dark');
  await page.screenshot({ path: '/tmp/incidents-en-dark-list.png' });
  await setLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { name: '安全事件', level: 1 })).toBeVisible();
  await page.screenshot({ path: '/tmp/incidents-zh-dark-list.png' });
  await page.getByRole('region', { name: '事件列表' }).getByRole('button', { name: new RegExp(ref) }).click();
  await expect(page.getByRole('listitem', { name: '向网信部门报告' })).toContainText('已完成');
  await page.screenshot({ path: '/tmp/incidents-zh-dark-detail.png', fullPage: true });
  await expectNoSeriousA11yViolations(page, 'detail zh dark');
  await setTheme(page, 'light');
  await page.screenshot({ path: '/tmp/incidents-zh-light-detail.png', fullPage: true });
});
