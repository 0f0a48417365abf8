import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fillDate, setLanguage, test } from './fixtures';

// Issue 17: the guided breach assessment, in zh-CN, keyboard first: a 1.2-million-people leak in
// China and the EU ends with the same clocks as the incident journey (CAC 4 h, GDPR 72 h from the
// discovery time, not from logging). axe runs on every step and on the start screen, with and
// without a draft.

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

const beijingInput = (ms: number) => {
  const d = new Date(ms + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
};

const SHOTS = process.env.DPO_SCREENSHOTS;

test('guided assessment of a 1.2-million-people leak in China and the EU, in Chinese, by keyboard, resumed from a draft, logged with clocks from the discovery', async ({ app, host }) => {
  test.setTimeout(150_000);
  const page = app;
  await setLanguage(page, 'zh-CN');
  const discovered = Math.floor((Date.now() - 30 * 60_000) / 60_000) * 60_000;
  await page.getByRole('navigation').getByRole('link', { name: '安全事件' }).click();
  await page.getByRole('button', { name: '评估安全事件' }).click();
  await expect(page.getByText('没有进行中的评估。')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'start, no drafts');
  await page.getByRole('button', { name: '开始新的评估' }).click();

  // 1. What happened and when: the panel says no clock runs until the discovery time is given.
  await expect(page.getByRole('heading', { name: '发生了什么？何时发现？' })).toBeVisible();
  const panel = page.getByRole('complementary', { name: '当前结论' });
  await expect(panel).toContainText('尚未起算任何期限');
  await page.getByRole('textbox', { name: '简要标题' }).fill('客户数据库备份泄露');
  await fillDate(page.getByRole('group', { name: '发现时间' }), beijingInput(discovered));
  await page.getByText('本题的法律依据').click();
  await expect(page.getByText(/《国家网络安全事件报告管理办法》/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'step what');
  await page.getByRole('textbox', { name: '简要标题' }).press('Enter');

  // 2. Categories from the bilingual vocabulary, sensitive ones marked.
  await expect(page.getByRole('heading', { name: '涉及哪些个人信息？' })).toBeVisible();
  await page.getByRole('checkbox', { name: '姓名', exact: true }).check();
  await expectNoSeriousA11yViolations(page, 'step categories');
  await page.getByRole('textbox', { name: '列表中没有的其他类别（用逗号分隔）' }).press('Enter');

  // 3. People: 1,000,000 in China and 200,000 in the EU — the panel grades it and starts the clocks.
  await expect(page.getByRole('heading', { name: '涉及多少人？他们在哪里？' })).toBeVisible();
  await page.getByRole('spinbutton', { name: '中国' }).fill('1000000');
  await page.getByRole('spinbutton', { name: '欧盟' }).fill('200000');
  await expect(panel).toContainText('网信定级：较大');
  await expect(panel.getByRole('listitem', { name: '向网信部门报告' })).toContainText('须履行');
  await expect(panel.getByRole('listitem', { name: 'GDPR 向监管机构通知' })).toContainText('到期');
  await expectNoSeriousA11yViolations(page, 'step people');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/assessment-zh-people.png`, fullPage: true });

  // Alt+← goes back a question, and the answers are kept.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByRole('heading', { name: '涉及哪些个人信息？' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '姓名', exact: true })).toBeChecked();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('spinbutton', { name: '中国' }).press('Enter');

  // Stop here and resume later from the drafts list.
  await expect(page.getByRole('heading', { name: '数据是否已加密或以其他方式无法识别？' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: '安全事件' }).click();
  await page.getByRole('button', { name: '评估安全事件' }).click();
  await expect(page.getByRole('button', { name: '继续：客户数据库备份泄露' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'start, one draft');
  await page.getByRole('button', { name: '继续：客户数据库备份泄露' }).click();
  await expect(page.getByRole('heading', { name: '数据是否已加密或以其他方式无法识别？' })).toBeVisible();
  await page.getByRole('combobox', { name: '获取者能否识别这些数据？' }).selectOption({ label: '能识别' });
  await expectNoSeriousA11yViolations(page, 'step protection');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { name: '采取了哪些控制措施？' })).toBeVisible();
  await page.getByRole('textbox', { name: '已采取的措施' }).fill('关闭公开访问，轮换密钥');
  await expectNoSeriousA11yViolations(page, 'step containment');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { name: '公司是否为关键信息基础设施运营者？' })).toBeVisible();
  await page.getByRole('combobox', { name: '关键信息基础设施运营者' }).selectOption('no');
  await expectNoSeriousA11yViolations(page, 'step CII operator');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { name: '核对并登记事件' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'step review');
  await page.getByRole('button', { name: '登记事件' }).click();

  // The incident: every fact, and the clocks from the discovery time (CAC 4 h, GDPR 72 h).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^INC-\d{4}-0001 · 客户数据库备份泄露/);
  const [item] = (await host.ok('incidents.list', {})).items;
  const inc = await host.ok('incidents.get', { id: item.id });
  expect(inc.facts).toMatchObject({ discoveredAt: new Date(discovered).toISOString(), individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'], piCategories: ['name'] });
  const due = (key: string) => inc.obligations.find((o: { key: string }) => o.key === key).deadline.dueAt;
  expect(due('cac.report')).toBe(new Date(discovered + 4 * 3_600_000).toISOString());
  expect(due('gdpr33.authority')).toBe(new Date(discovered + 72 * 3_600_000).toISOString());
  expect((await host.ok('assessment.listDrafts', {})).items).toEqual([]);
});
