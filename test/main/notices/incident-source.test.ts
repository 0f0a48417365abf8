import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// The same journey as service.test.ts, but through the real incidents NoticeSource.
let tv: TestVault;
beforeEach(async () => {
  tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
});
afterEach(() => tv.cleanup());

describe('a notice drafted from a real incident', () => {
  it('prefills the sections the incident already answers, leaves the rest missing, and meets the obligation on dispatch', async () => {
    const incident = await tv.ok('incidents.create', {
      title: '用户数据库未授权访问',
      discoveredAt: '2026-11-28T20:00:00+08:00',
      individualsAffected: 12000,
      jurisdictions: ['CN'],
      piCategories: ['姓名', '手机号码'],
      cause: '测试环境访问密钥被误公开',
    });
    const n = await tv.ok('notices.create', { kind: 'incident.individuals', language: 'zh-CN', links: [{ module: 'incidents', recordId: incident.id }] });
    expect(n.links[0]).toMatchObject({ module: 'incidents', ref: incident.ref, found: true });
    const byKey = Object.fromEntries(n.checklist.elements.map((e) => [e.key, e.status]));
    expect(byKey).toMatchObject({ piCategories: 'covered', cause: 'covered', contact: 'covered', basicSituation: 'missing', possibleHarm: 'missing', remedies: 'missing' });
    const preview = await tv.ok('notices.preview', { id: n.id, channel: 'email', language: 'zh-CN' });
    // A Chinese notice lists the categories as Chinese does (、), from the bilingual vocabulary.
    expect(preview.text).toContain('本次事件涉及的个人信息种类：姓名、手机号码。');
    expect(preview.text).toContain('事件原因：测试环境访问密钥被误公开');

    await tv.ok('notices.update', {
      id: n.id,
      sections: ['basicSituation', 'possibleHarm', 'measuresTaken', 'selfProtection', 'remedies'].map((key) => ({ key, text: { 'zh-CN': `${key} 的说明` } })),
    });
    await tv.ok('notices.submitForReview', { id: n.id });
    await tv.ok('notices.approve', { id: n.id });
    tv.setNow('2026-11-29T02:30:00.000Z');
    await tv.ok('notices.markDispatched', { id: n.id, channel: 'email', dispatchedAt: '2026-11-29T02:15:00Z', recipientsCount: 12000 });
    const after = await tv.ok('incidents.get', { id: incident.id });
    const duty = after.obligations.find((o) => o.key === 'pipl57.individuals');
    expect(duty?.done).toMatchObject({ at: '2026-11-29T02:15:00.000Z', via: `notice:${n.id}` });
  });
});
