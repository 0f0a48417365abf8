import AxeBuilder from '@axe-core/playwright';
import { expect, setLanguage, setTheme, test } from './fixtures';

// Issue 13 (helper 13b): the incident timeline in the UI language from stored data; GDPR Art. 34
// without a clock while to be assessed; voided records listed on request; one scrollbar per page.

test('the incident timeline reads in Chinese and English, with no code and no "Started" on a duty to be assessed', async ({ app, host }) => {
  const page = app;
  const found = new Date(Date.now() - 3600_000).toISOString();
  const inc = await host.ok('incidents.create', { title: '客服数据库暴露', discoveredAt: found, individualsAffected: 1000, jurisdictions: ['CN', 'EU'] });
  await host.ok('incidents.update', { id: inc.id, facts: { individualsAffected: 1_200_000, minorsInvolved: true } });
  await host.ok('incidents.overrideGrade', { id: inc.id, grade: 'major', reason: '媒体报道' });
  await host.ok('incidents.transition', { id: inc.id, to: 'assessing' });
  await page.goto(`${host.url.split('#')[0]}#/incidents/${inc.id}`);
  await page.reload();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Minors’ PI involved: no → yes; People affected: 1,000 → 1,200,000');
  await expect(timeline).toContainText('Grade set to Major by the DPO (computed: Relatively major) — 媒体报道');
  await expect(timeline).toContainText('Detected → Assessing');
  await expect(timeline).not.toContainText('incidentTimeline');
  const art34 = page.getByRole('listitem', { name: 'GDPR communication to data subjects' });
  await expect(art34).toContainText('To be assessed');
  await expect(art34).not.toContainText('Started');
  await timeline.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/13b-timeline-en-light.png', fullPage: false });

  await setLanguage(page, 'zh-CN');
  const zh = page.getByRole('region', { name: '时间线' });
  await expect(zh).toContainText('涉及未成年人个人信息：否 → 是；受影响人数：1,000 → 1,200,000');
  await expect(zh).toContainText('DPO 将定级设为重大（计算结果：较大）——媒体报道');
  await expect(zh).toContainText('已发现 → 评估中');
  await expect(zh).not.toContainText(/People affected|Detected|incidentTimeline/);
  await expect(page.getByRole('listitem', { name: 'GDPR 告知数据主体' })).not.toContainText('起算');
  await zh.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/13b-timeline-zh-light.png' });
  await setTheme(page, 'dark');
  await page.screenshot({ path: '/tmp/13b-timeline-zh-dark.png' });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

/** Every element that scrolls on its own (overflow auto/scroll with content past its box), and the window. */
async function scrollers(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.scrollingElement!;
    if (doc.scrollHeight > doc.clientHeight + 1) out.push(`document(${doc.scrollHeight}/${doc.clientHeight})`);
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`document-x(${doc.scrollWidth}/${doc.clientWidth})`);
    // a text box scrolling its own text is not a page scrollbar
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *:not(textarea)'))) {
      const s = getComputedStyle(el);
      const y = /(auto|scroll)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 1;
      const x = /(auto|scroll)/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1;
      if (y || x) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${y ? ` y(${el.scrollHeight}/${el.clientHeight})` : ''}${x ? ` x(${el.scrollWidth}/${el.clientWidth})` : ''}`);
    }
    return out;
  });
}

const LONG = 'The recipient hosts the customer support ticketing system and stores ticket text, attachments and contact details in its US data centres. '.repeat(6);

/** Only the content pane scrolls: the window itself does not. */
async function expectOneScroller(page: import('@playwright/test').Page, what: string) {
  const found = await scrollers(page);
  expect(found.filter((f) => !f.startsWith('main.content ')), what).toEqual([]);
}

test('a long record scrolls in one container at 1280×800: the transfer page, and the other record pages', async ({ app, host }) => {
  const page = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const base = host.url.split('#')[0];
  const t = await host.ok('transfers.create', {
    recipient: { name: 'Acme Support Inc.', country: 'US' },
    route: { chosen: 'standardContract' },
    annex1: { purpose: LONG, processingMethod: LONG, individualsScale: 150_000, piCategories: ['name', 'phone number', 'e-mail', 'ticket text'], onwardRecipients: LONG, transferMethod: LONG, storageLocation: LONG, otherMatters: LONG },
  });
  await page.goto(`${base}#/transfers/${t.id}`);
  await expect(page.getByRole('heading', { name: /Acme Support Inc\./ }).first()).toBeVisible();
  await expect(page.getByRole('table', { name: /volumes/i })).toBeAttached();
  await expectOneScroller(page, 'transfer');
  await page.screenshot({ path: '/tmp/13b-transfer-1280-en-light.png' });
  await page.locator('main.content').evaluate((m) => m.scrollTo(0, m.scrollHeight));
  await page.screenshot({ path: '/tmp/13b-transfer-1280-en-light-end.png' });
  await setLanguage(page, 'zh-CN');
  await setTheme(page, 'dark');
  await expectOneScroller(page, 'transfer zh-CN');
  await page.screenshot({ path: '/tmp/13b-transfer-1280-zh-dark.png' });
  await setLanguage(page, 'en');
  await setTheme(page, 'light');

  const inc = await host.ok('incidents.create', { title: 'Support database exposed', description: LONG, discoveredAt: new Date(Date.now() - 3600_000).toISOString(), individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU', 'US-CA'] });
  const req = await host.ok('inbox.create', { channel: 'email', requester: { name: 'Wang Fang', contact: 'wang@example.cn' }, jurisdiction: 'CN', type: 'access', subject: LONG.slice(0, 200) });
  const notice = await host.ok('notices.create', { kind: 'policy.change', language: 'zh-CN' });
  for (const [what, hash] of [['incident', `incidents/${inc.id}`], ['request', `inbox/${req.id}`], ['notice', `notices/${notice.id}`], ['settings', 'settings'], ['audit log', 'audit'], ['assessment', 'incidents/assess']] as const) {
    await page.goto(`${base}#/${hash}`);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main.content h1').first()).toBeVisible();
    await expectOneScroller(page, what);
    await page.screenshot({ path: `/tmp/13b-onescroll-${what.replace(' ', '-')}-en-light.png` });
  }
});

test('"Show voided" brings voided records back into the lists, greyed with the reason, out of the count', async ({ app, host }) => {
  const page = app;
  const base = host.url.split('#')[0];
  const found = new Date(Date.now() - 3600_000).toISOString();
  const keep = await host.ok('incidents.create', { title: 'Support database exposed', discoveredAt: found, individualsAffected: 1_200_000, jurisdictions: ['CN'] });
  const dup = await host.ok('incidents.create', { title: 'Support database exposed (again)', discoveredAt: found, individualsAffected: 1_200_000, jurisdictions: ['CN'] });
  await host.ok('records.void', { module: 'incidents', recordId: dup.id, reason: 'Logged twice by mistake' });
  const r = await host.ok('inbox.create', { channel: 'email', requester: { name: 'Test', contact: 't@example.cn' }, jurisdiction: 'CN', type: 'access', subject: 'test entry' });
  await host.ok('records.void', { module: 'inbox', recordId: r.id, reason: 'A test entry' });
  const tr = await host.ok('transfers.create', { recipient: { name: 'Wrong Recipient Ltd', country: 'US' }, route: { chosen: 'standardContract' } });
  await host.ok('records.void', { module: 'transfers', recordId: tr.id, reason: 'Wrong recipient' });
  const n = await host.ok('notices.create', { kind: 'policy.change', language: 'zh-CN' });
  await host.ok('records.void', { module: 'notices', recordId: n.id, reason: 'Wrong kind' });

  await page.goto(`${base}#/incidents`);
  await page.reload();
  await expect(page.getByText('Incidents: 1')).toBeVisible();
  await expect(page.getByRole('button', { name: /Support database exposed \(again\)/ })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show voided' }).check();
  const voided = page.getByRole('button', { name: /Support database exposed \(again\)/ });
  await expect(voided).toContainText('Voided: Logged twice by mistake');
  await expect(voided).toHaveClass(/row--voided/);
  await expect(page.getByRole('button', { name: new RegExp(keep.ref) })).not.toHaveClass(/row--voided/);
  await expect(page.getByText('Incidents: 1')).toBeVisible(); // still out of the count
  await page.screenshot({ path: '/tmp/13b-incidents-voided-en-light.png' });
  await setLanguage(page, 'zh-CN');
  await setTheme(page, 'dark');
  await expect(voided).toContainText('已作废：Logged twice by mistake');
  await expect(page.getByText('共 1 起事件')).toBeVisible();
  await page.screenshot({ path: '/tmp/13b-incidents-voided-zh-dark.png' });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await setLanguage(page, 'en');
  await setTheme(page, 'light');

  for (const [hash, reason, file] of [['inbox', 'A test entry', 'inbox'], ['transfers', 'Wrong recipient', 'transfers'], ['notices', 'Wrong kind', 'notices']] as const) {
    await page.goto(`${base}#/${hash}`);
    await expect(page.getByText(`Voided: ${reason}`)).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Show voided' }).check();
    await expect(page.getByText(`Voided: ${reason}`)).toBeVisible();
    await page.screenshot({ path: `/tmp/13b-${file}-voided-en-light.png` });
  }
});
