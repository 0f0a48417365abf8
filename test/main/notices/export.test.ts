import { createHash } from 'node:crypto';
import PostalMime from 'postal-mime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestVault, type TestVault } from '../../helpers/vault';
import { approvedPolicyChange } from '../../fixtures/notices/approved';

let tv: TestVault;
beforeEach(async () => {
  tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
});
afterEach(() => tv.cleanup());

const parse = (base64: string) => PostalMime.parse(Buffer.from(base64, 'base64'));

describe('.eml export', () => {
  it('parses back (postal-mime) to the draft: Chinese subject, sender name, plain text and HTML', async () => {
    const n = await approvedPolicyChange(tv);
    const out = await tv.ok('notices.exportEml', { id: n.id, language: 'zh-CN', to: { name: '张三', address: 'zhangsan@example.com' } });
    expect(out.fileName).toBe(`${n.ref}-v1-zh-CN.eml`);
    expect(out.sha256).toBe(createHash('sha256').update(Buffer.from(out.base64, 'base64')).digest('hex'));
    const raw = Buffer.from(out.base64, 'base64').toString('latin1');
    // RFC 5322 headers stay ASCII: the Chinese subject and names travel as RFC 2047 encoded words.
    expect(raw).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    expect(/[^\x00-\x7f]/.test(raw)).toBe(false);
    const mail = await parse(out.base64);
    expect(mail.subject).toBe('隐私政策更新通知');
    expect(mail.from).toMatchObject({ name: '北京智言科技有限公司', address: 'dpo@example.cn' });
    expect(mail.to).toEqual([{ name: '张三', address: 'zhangsan@example.com' }]);
    const preview = await tv.ok('notices.preview', { id: n.id, channel: 'email', language: 'zh-CN' });
    expect(mail.text?.trim()).toBe(preview.text);
    expect(mail.text).toContain('我们新增了跨境传输章节。');
    expect(mail.html).toContain('<h2>变更内容</h2>');
  });

  it('HTML typed by the user comes out escaped in the HTML part and verbatim in the text part', async () => {
    const attack = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"';
    const n = await approvedPolicyChange(tv, { opening: { 'zh-CN': attack } });
    const mail = await parse((await tv.ok('notices.exportEml', { id: n.id, language: 'zh-CN' })).base64);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(mail.text).toContain(attack);
  });

  it('records every output with its SHA-256 in the audit log', async () => {
    const n = await approvedPolicyChange(tv);
    const out = await tv.ok('notices.exportEml', { id: n.id, language: 'en' });
    const audit = await tv.ok('audit.list', { limit: 1 });
    expect(audit.items[0]).toMatchObject({ action: 'notices.output', entityId: n.id });
    expect(audit.items[0].summary).toContain(out.sha256);
    expect((await tv.ok('audit.verify', {})).ok).toBe(true);
  });

  it('refuses to export a draft: only what was approved is sent', async () => {
    const n = await tv.ok('notices.create', { kind: 'policy.change', language: 'en' });
    expect(await tv.call('notices.exportEml', { id: n.id, language: 'en' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses an e-mail without a subject, naming the channel', async () => {
    const n = await tv.ok('notices.create', { kind: 'policy.change', language: 'en' });
    await tv.ok('notices.update', {
      id: n.id,
      subject: { en: '  ' },
      sections: ['whatChanged', 'criticalChange', 'effectiveDate', 'channel'].map((key) => ({ key, text: { en: `${key} text` } })),
    });
    await tv.ok('notices.submitForReview', { id: n.id });
    await tv.ok('notices.approve', { id: n.id });
    const r = await tv.call('notices.exportEml', { id: n.id, language: 'en' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'channels.email.en': 'The e-mail has no subject.' } } });
  });

  it('a recipient merge field in a single export is VALIDATION pointing to the mail-merge', async () => {
    const n = await approvedPolicyChange(tv, { opening: { 'zh-CN': '尊敬的{{recipient.name}}：' } });
    const r = await tv.call('notices.exportEml', { id: n.id, language: 'zh-CN' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'mergeFields.recipient.name': expect.stringContaining('mail-merge') } } });
  });
});

describe('SMS, push and letter outputs', () => {
  it('exports the SMS text as sent, with the segment check passed', async () => {
    const n = await approvedPolicyChange(tv);
    const out = await tv.ok('notices.exportText', { id: n.id, language: 'zh-CN', channel: 'sms' });
    expect(Buffer.from(out.base64, 'base64').toString('utf8')).toBe('【北京智言科技有限公司】我们更新了隐私政策，详情请查看邮件或应用内公告。\n');
    const preview = await tv.ok('notices.preview', { id: n.id, channel: 'sms', language: 'zh-CN' });
    expect(preview.checks[0]).toMatchObject({ severity: 'ok', metrics: { encoding: 'UCS-2', segments: 1 } });
  });

  it('the letter view carries the letterhead from the profile and its printing is recorded', async () => {
    const n = await approvedPolicyChange(tv);
    const letter = await tv.ok('notices.preview', { id: n.id, channel: 'letter', language: 'en' });
    expect(letter.letterhead).toMatchObject({ legalName: '北京智言科技有限公司', address: '北京市海淀区中关村大街1号' });
    expect(letter.blocks.map((b) => b.heading)).toEqual([null, 'What changed', 'Whether it is a critical change (functions, purposes, DPO contact…)', 'Effective date', 'Prominent channel (e-mail or SMS for critical changes)', null]);
    const printed = await tv.ok('notices.recordPrint', { id: n.id, language: 'en' });
    expect(printed.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
