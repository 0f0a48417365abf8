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
