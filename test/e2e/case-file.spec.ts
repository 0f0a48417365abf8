import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, setLanguage, setTheme, test } from './fixtures';

// Issue 13: one coherent case file, in Chinese. An incident at a US recipient → its transfer
// flagged → a request citing the incident linked → the refusal reply prefilled and approved →
// the audit log read in Chinese.

async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

test('zh-CN: incident at a US recipient flags its transfer, a citing request is linked, the refusal reply is prefilled and approved, the audit log reads in Chinese', async ({ app, host }) => {
  test.setTimeout(240_000);
  const page = app;
  await setLanguage(page, 'zh-CN');
  const nav = page.getByRole('navigation', { name: '主导航' });

  // Seed what the DPO already has: the transfer to the US recipient and the incident there.
  const transfer = await host.ok('transfers.create', {
    recipient: { name: 'Acme Support Inc.', country: 'US' },
    annex1: { individualsScale: 150_000, piCategories: ['姓名', '电子邮件地址'] },
    route: { chosen: 'standardContract' },
    contract: { signedDate: '2026-01-05', effectiveDate: '2026-01-05' },
  });
  const incident = await host.ok('incidents.create', {
    title: 'Acme 客服数据库泄露',
    discoveredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    individualsAffected: 150_000,
    jurisdictions: ['CN'],
  });
  const request = await host.ok('inbox.create', {
    channel: 'email',
    requester: { name: '张三', contact: 'zhang@example.cn' },
    jurisdiction: 'CN',
    type: 'deletion',
    subject: '因 INC-2026-0001 事件请删除我的数据',
    body: '贵司公告的 INC-2026-0001 事件涉及我的数据，请删除我的全部个人信息。',
  });

  // 1. The incident page links the transfer: the incident happened at that recipient.
  await page.goto(`${host.url.split('#')[0]}#/incidents/${incident.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${incident.ref} · Acme 客服数据库泄露`);
  const incidentLinks = page.getByRole('region', { name: '关联记录' });
  await incidentLinks.getByRole('textbox', { name: '按编号关联' }).fill(transfer.ref);
  await incidentLinks.getByRole('button', { name: '关联', exact: true }).click();
  const toTransfer = incidentLinks.getByRole('listitem', { name: /XB-2026-0001/ });
  await expect(toTransfer).toContainText('境外接收方发生的事件');
  await expect(toTransfer).toContainText('待备案'); // the transfer's own state, as its module says it

  // 2. The transfer is flagged: the incident, and a re-assess deadline until the outcome is recorded.
  await toTransfer.getByRole('button', { name: /^XB-2026-0001 ·/ }).click();
  const reviews = page.getByRole('region', { name: '该境外接收方发生的事件' });
  await expect(reviews.getByRole('listitem', { name: 'INC-2026-0001' })).toContainText('待重新评估');
  await expect(page.getByRole('region', { name: '无论何种路径均须履行' })).toContainText('境外接收方发生事件 INC-2026-0001');
  await page.screenshot({ path: '/tmp/case-file-transfer-zh.png' });
  await expectNoSeriousA11yViolations(page, 'flagged transfer');

  // 3. The request cites the incident: the link is offered, one click makes it.
  await page.goto(`${host.url.split('#')[0]}#/inbox/${request.id}`);
  const requestLinks = page.getByRole('region', { name: '关联记录' });
  await expect(requestLinks.getByRole('status')).toContainText('本记录提到了 INC-2026-0001');
  await requestLinks.getByRole('button', { name: '关联 INC-2026-0001' }).click();
  await expect(requestLinks.getByRole('listitem', { name: /INC-2026-0001/ })).toContainText('已发现');

  // 4. A refusal on ground (1), then the reply: drafted in Chinese (Settings) and prefilled.
  await expect(page.getByRole('button', { name: '起草答复' })).toBeDisabled();
  await host.ok('inbox.decide', { id: request.id, outcome: 'refused', refusalGround: 'legalObligation', refusalReasons: '订单记录须依《电子商务法》第三十一条保存三年。' });
  await page.reload();
  await page.getByRole('button', { name: '起草答复' }).click();
  await expect(page).toHaveURL(/#\/notices\/.+/);
  await expect(page.getByRole('checkbox', { name: '拒绝（全部或部分）请求' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '拒绝（全部或部分）请求' })).toBeDisabled();
  const checklist = page.getByRole('list', { name: '要素核对' });
  for (const name of ['处理决定', '拒绝的依据（隐私政策所列情形之一）', '拒绝的理由', '向主管部门投诉或向法院起诉的权利']) {
    await expect(checklist.getByRole('listitem').filter({ hasText: name })).toContainText('已包含');
  }
  const actions = page.getByRole('region', { name: '操作' });
  await actions.getByRole('button', { name: '提交审核' }).click();
  await actions.getByRole('button', { name: '批准' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '批准' }).click();
  await expect(page.getByText(/由 Li Wei 于 .* 批准/).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/case-file-reply-zh.png' });

  // 5. The audit log reads in Chinese: no raw action codes, no English lines.
  await nav.getByRole('link', { name: '审计日志' }).click();
  const log = page.getByRole('region', { name: '审计条目' });
  await expect(log).toContainText('INC-2026-0001 与 XB-2026-0001 建立关联（境外接收方发生的事件）');
  await expect(log).toContainText('处理决定：拒绝，依据隐私政策第五部分第（1）项');
  await expect(log).toContainText('第 1 版已批准');
  await expect(log).not.toContainText('inbox.create');
  await expect(log).not.toContainText('links.create');
  await expect(log).not.toContainText('logged');
  await page.screenshot({ path: '/tmp/case-file-audit-zh-light.png' });
  await expectNoSeriousA11yViolations(page, 'audit log (zh-CN)');
  await setTheme(page, 'dark');
  await page.screenshot({ path: '/tmp/case-file-audit-zh-dark.png' });

  // The inbox history reads in Chinese too.
  await page.goto(`${host.url.split('#')[0]}#/inbox/${request.id}`);
  const history = page.getByRole('region', { name: '处理记录' });
  await expect(history).toContainText('新收到 → 处理中');
  await expect(history).not.toContainText('inProgress');
});
