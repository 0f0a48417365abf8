import { afterEach, describe, expect, it } from 'vitest';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 13 (2) and (6): after a refusal on ground (1) with reasons, "Draft reply" made an
// English-only reply with "refused" unticked and the refusal elements "not required".

let tv: TestVault;
afterEach(() => tv?.cleanup());

async function refusedRequest(jurisdiction: 'CN' | 'EU' = 'CN') {
  const r = await tv.ok('inbox.create', { channel: 'email', requester: { name: '张三', contact: 'zhang@example.cn' }, jurisdiction, type: 'deletion', subject: '请删除我的数据' });
  await tv.ok('inbox.decide', { id: r.id, outcome: 'refused', refusalGround: 'legalObligation', refusalReasons: '订单信息须依《电子商务法》第三十一条保存三年。' });
  return r;
}

const element = (n: { checklist: { elements: { key: string; status: string }[] } }, key: string) => n.checklist.elements.find((e) => e.key === key)!.status;

describe('a reply drafted from a refused request', () => {
  it('starts in the Settings language, prefilled from the decision, with the refusal elements required and covered', async () => {
    tv = await makeTestVault();
    const r = await refusedRequest();
    const n = await tv.ok('notices.create', { kind: 'reply', links: [{ module: 'inbox', recordId: r.id }] });
    expect(n.language).toBe('zh-CN'); // Settings' default language, not the UI's
    expect(n.content.languages).toEqual(['zh-CN']);
    expect(n.content.conditions.refusal).toBe(true);
    expect(n.conditionMeta.find((c) => c.key === 'refusal')?.lockedBy).toBe('REQ-2026-0001');
    for (const key of ['decision', 'refusalGround', 'refusalReasons', 'rightToComplain']) expect(element(n, key)).toBe('covered');
    expect(n.checklist.canApprove).toBe(true);
    const letter = await tv.ok('notices.preview', { id: n.id, channel: 'letter', language: 'zh-CN' });
    expect(letter.text).toContain('我们无法按您的请求处理，理由如下。');
    expect(letter.text).toContain('依据：隐私政策第五部分第（1）项——与我们履行法律法规规定的义务相关的。');
    expect(letter.text).toContain('理由：订单信息须依《电子商务法》第三十一条保存三年。');
    expect(letter.text).toContain('依法向人民法院提起诉讼（《个人信息保护法》第五十条）');
    await tv.ok('notices.submitForReview', { id: n.id });
    expect((await tv.ok('notices.approve', { id: n.id })).state).toBe('approved');
  });

  it('keeps the refusal elements required even when the DPO unticks "refused", and blocks approval without them', async () => {
    tv = await makeTestVault();
    const r = await refusedRequest();
    const n = await tv.ok('notices.create', { kind: 'reply', links: [{ module: 'inbox', recordId: r.id }] });
    const edited = await tv.ok('notices.update', { id: n.id, conditions: { refusal: false }, sections: [{ key: 'refusalReasons', text: { 'zh-CN': '' } }] });
    expect(element(edited, 'refusalReasons')).toBe('missing');
    expect(edited.checklist.canApprove).toBe(false);
    await tv.ok('notices.submitForReview', { id: n.id });
    const approve = await tv.call('notices.approve', { id: n.id });
    expect(approve.ok).toBe(false);
    if (!approve.ok) expect(Object.keys(approve.error.fields ?? {})).toEqual(['elements.refusalReasons']);
  });

  it('an EU requester’s refusal also names the right to complain under GDPR Art. 12(4)', async () => {
    tv = await makeTestVault();
    const r = await refusedRequest('EU');
    const n = await tv.ok('notices.create', { kind: 'reply', language: 'en', links: [{ module: 'inbox', recordId: r.id }] });
    const email = await tv.ok('notices.preview', { id: n.id, channel: 'email', language: 'en' });
    expect(email.text).toContain('Ground: privacy policy §V, item (1) — It relates to our performance of obligations under laws and regulations.');
    expect(email.text).toContain('GDPR Art. 12(4)');
  });

  it('a fulfilled request’s reply leaves the refusal elements not required', async () => {
    tv = await makeTestVault();
    const r = await tv.ok('inbox.create', { channel: 'email', requester: { name: 'A', contact: 'a@example.cn' }, jurisdiction: 'CN', type: 'complaint', subject: 'x' });
    await tv.ok('inbox.decide', { id: r.id, outcome: 'fulfilled', actionsTaken: '已删除。' });
    const n = await tv.ok('notices.create', { kind: 'reply', links: [{ module: 'inbox', recordId: r.id }] });
    expect(element(n, 'decision')).toBe('covered');
    expect(element(n, 'refusalGround')).toBe('notRequired');
    expect(n.content.sections.find((s) => s.key === 'decision')?.text['zh-CN']).toBe('{{request.decisionText}}');
  });
});

describe('the notice languages', () => {
  it('any language box can be unticked while one stays; the notice’s language follows', async () => {
    tv = await makeTestVault();
    const n = await tv.ok('notices.create', { kind: 'policy.change', language: 'en', languages: ['en', 'zh-CN'] });
    const zhOnly = await tv.ok('notices.update', { id: n.id, languages: ['zh-CN'] });
    expect(zhOnly.language).toBe('zh-CN');
    expect(zhOnly.content.languages).toEqual(['zh-CN']);
    const none = await tv.call('notices.update', { id: n.id, languages: [] });
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { languages: expect.any(String) } } });
  });
});
