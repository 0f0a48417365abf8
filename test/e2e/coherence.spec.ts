import { expect, setLanguage, setTheme, test } from './fixtures';

// Issue 13, what the DPO sees for each numbered item: one fact per fact, what was typed is kept,
// the screen follows every write, and "not required" only with a recorded reason.

test('(1) Annex 1 scale is the year’s volume: the verdict counts it on save', async ({ app, host }) => {
  const page = app;
  const t = await host.ok('transfers.create', { recipient: { name: 'Acme Support Inc.', country: 'US' }, route: { chosen: 'standardContract' } });
  await page.goto(`${host.url.split('#')[0]}#/transfers/${t.id}`);
  const verdict = page.getByRole('status').filter({ hasText: 'Recommended route' });
  await expect(verdict.getByRole('heading')).toHaveText('Recommended route: exempt from all routes');
  await page.getByRole('button', { name: 'Edit: Annex 1: description of the transfer' }).click();
  await page.getByRole('spinbutton', { name: /Scale: individuals this year/ }).fill('150000');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(verdict.getByRole('heading')).toHaveText('Recommended route: standard contract or certification');
  await expect(verdict).toContainText('150,000 individuals');
  await expect(page.getByRole('spinbutton', { name: 'Individuals, non-sensitive PI' })).toHaveValue('150000');
  await page.screenshot({ path: '/tmp/coherence-transfer-scale-en-light.png' });
});

test('(3)(4)(5) the done note is shown, the banner drops a duty once done, GDPR Art. 34 waits for the risk assessment', async ({ app, host }) => {
  const page = app;
  const inc = await host.ok('incidents.create', { title: 'Support database exposed', discoveredAt: new Date(Date.now() - 3600_000).toISOString(), individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'] });
  await page.goto(`${host.url.split('#')[0]}#/incidents/${inc.id}`);
  await page.reload(); // the incident was written through the API, outside this window
  const banner = page.getByRole('status', { name: 'Deadline alerts' });
  await expect(banner).toContainText('Notify the PI protection authority');

  // (5) To be assessed, with the question.
  const art34 = page.getByRole('listitem', { name: 'GDPR communication to data subjects' });
  await expect(art34).toContainText('To be assessed');
  await expect(art34.getByRole('note')).toContainText('high risk');

  // (3) The note typed in "Mark done" is shown with the obligation and on the timeline.
  const authority = page.getByRole('listitem', { name: 'Notify the PI protection authority' });
  await authority.getByRole('button', { name: /Mark done/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reference number').fill('BJ-CAC-0099');
  await dialog.getByLabel('Note').fill('Phoned the duty officer Wang');
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await expect(authority).toContainText('Note: Phoned the duty officer Wang');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('— Phoned the duty officer Wang');
  // (4) The banner follows the write at once: the authority duty is gone from it.
  await expect(banner).not.toContainText('Notify the PI protection authority');
  await page.screenshot({ path: '/tmp/coherence-incident-en-light.png' });
  await setLanguage(page, 'zh-CN');
  await setTheme(page, 'dark');
  await expect(page.getByRole('listitem', { name: 'GDPR 告知数据主体' })).toContainText('待评估');
  await page.screenshot({ path: '/tmp/coherence-incident-zh-dark.png' });
});

test('(6) a reply starts in the Settings language and the English box can be unticked', async ({ app, host }) => {
  const page = app; // the DPO reads the app in English; the organisation writes in Chinese
  const n = await host.ok('notices.create', { kind: 'policy.change', languages: ['zh-CN', 'en'] });
  await page.goto(`${host.url.split('#')[0]}#/notices/${n.id}`);
  const langs = page.getByRole('group', { name: 'Languages sent' });
  await expect(langs.getByRole('checkbox', { name: '中文' })).toBeChecked();
  await langs.getByRole('checkbox', { name: 'English' }).uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(langs.getByRole('checkbox', { name: 'English' })).not.toBeChecked();
  expect((await host.ok('notices.get', { id: n.id })).content.languages).toEqual(['zh-CN']);
  // The last box left cannot be unticked.
  await expect(langs.getByRole('checkbox', { name: '中文' })).toBeDisabled();
});

test('undo the last field edit of a form', async ({ app, host }) => {
  const page = app;
  const inc = await host.ok('incidents.create', { title: 'Lost laptop', discoveredAt: new Date(Date.now() - 3600_000).toISOString(), individualsAffected: 600, jurisdictions: ['CN'] });
  await page.goto(`${host.url.split('#')[0]}#/incidents/${inc.id}`);
  await page.reload();
  await page.getByRole('button', { name: 'Edit facts' }).click();
  await page.getByRole('spinbutton', { name: 'People affected' }).fill('6000000');
  await page.getByRole('button', { name: 'Save facts' }).click();
  await expect(page.getByRole('heading', { name: /CAC grade/ })).toContainText('Relatively major');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: /CAC grade/ })).toContainText('General');
  expect((await host.ok('incidents.get', { id: inc.id })).facts.individualsAffected).toBe(600);
});
