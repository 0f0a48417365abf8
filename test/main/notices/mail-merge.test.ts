import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForJob } from '../../../main/notices/merge-job';
import { makeTestVault, type TestVault } from '../../helpers/vault';
import { approvedPolicyChange } from '../../fixtures/notices/approved';

let tv: TestVault;
beforeEach(async () => {
  tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
});
afterEach(() => tv.cleanup());

const personal = { 'zh-CN': '尊敬的{{recipient.name}}：', en: 'Dear {{recipient.name}},' };

// Line 1 is the header; the BOM must not become part of the first column's name.
const CSV = [
  '\ufeffemail,name',
  'zhangsan@example.com,张三',
  'not-an-email,李四',
  'wangwu@example.com,',
  'ZhangSan@Example.com,张三（重复）',
  '"li.lei@example.com","Li ""Ray"" <b>Lei</b>"',
  'zhaoliu@example.com,赵六',
].join('\r\n');

async function merge(input: Record<string, unknown>) {
  const started = await tv.ok('notices.mailMergeStart', input as never);
  return waitForJob(started.jobId);
}

function splitMbox(text: string): string[] {
  return text.split(/^From MAILER-DAEMON .*\n/m).filter(Boolean).map((m) => m.replace(/\n$/, ''));
}

describe('mail-merge', () => {
  it('reports bad rows with their line numbers and writes only the good ones to the mbox', async () => {
    const n = await approvedPolicyChange(tv, { opening: personal });
    const status = await merge({ id: n.id, language: 'zh-CN', format: 'mbox', source: { csv: CSV } });
    expect(status).toMatchObject({ state: 'done', rowsRead: 6, written: 3, badRows: 3, progress: 1 });
    expect(status.problems.map((p) => [p.line, p.problem, p.column])).toEqual([
      [3, 'invalidEmail', 'email'],
      [4, 'missingColumn', 'name'],
      [5, 'duplicate', 'email'],
    ]);
    expect(status.problems[2].message.en).toBe('Duplicate of line 2 (ZhangSan@Example.com)');
    // Default place: the data folder's exports/, recorded with its SHA-256.
    expect(status.outputPath).toMatch(new RegExp(`^${tv.dir}/exports/${n.ref}-v1-zh-CN-.*\\.mbox$`));
    const messages = splitMbox(readFileSync(status.outputPath!, 'utf8'));
    expect(messages).toHaveLength(3);
    const parsed = await Promise.all(messages.map((m) => PostalMime.parse(m)));
    expect(parsed.map((m) => m.to?.[0])).toEqual([
      { name: '张三', address: 'zhangsan@example.com' },
      { name: 'Li "Ray" <b>Lei</b>', address: 'li.lei@example.com' },
      { name: '赵六', address: 'zhaoliu@example.com' },
    ]);
    expect(parsed.every((m) => m.subject === '隐私政策更新通知')).toBe(true);
    expect(new Set(parsed.map((m) => m.messageId)).size).toBe(3);
    // Each message reads exactly as the preview of that recipient.
    const preview = await tv.ok('notices.mergePreview', { id: n.id, language: 'zh-CN', source: { csv: CSV }, line: 2 });
    expect(parsed[0].text?.trim()).toBe(preview.preview.text);
    expect(parsed[0].text).toMatch(/^尊敬的张三：/);
    // A recipient's name with markup is escaped in the HTML part.
    expect(parsed[1].html).toContain('尊敬的Li &quot;Ray&quot; &lt;b&gt;Lei&lt;/b&gt;：');
    const audit = await tv.ok('audit.list', { limit: 1 });
    expect(audit.items[0].summary).toContain(status.sha256!);
    expect(audit.items[0].summary).toContain('3 message(s)');
  });

  it('a message from the merge parses back the same as the single-export MailComposer message', async () => {
    const n = await approvedPolicyChange(tv);
    const status = await merge({ id: n.id, language: 'en', format: 'mbox', source: { csv: 'email,name\nli@example.com,Li Wei\n' } });
    const merged = await PostalMime.parse(splitMbox(readFileSync(status.outputPath!, 'utf8'))[0]);
    const single = await PostalMime.parse(Buffer.from((await tv.ok('notices.exportEml', { id: n.id, language: 'en', to: { name: 'Li Wei', address: 'li@example.com' } })).base64, 'base64'));
    for (const key of ['subject', 'text', 'html', 'from', 'to', 'date'] as const) expect(merged[key], key).toEqual(single[key]);
  });

  it('reads a CSV file by path, without BOM, and writes one .eml per recipient with SHA256SUMS', async () => {
    const n = await approvedPolicyChange(tv, { opening: personal });
    const csvPath = join(tv.dir, 'recipients.csv');
    writeFileSync(csvPath, 'name,email\n王五,wangwu@example.com\n赵六,zhaoliu@example.com\n');
    const out = join(tv.dir, 'letters');
    const status = await merge({ id: n.id, language: 'zh-CN', format: 'emlFolder', source: { path: csvPath }, outputPath: out });
    expect(status).toMatchObject({ state: 'done', written: 2, badRows: 0, outputPath: out });
    expect(readdirSync(out).sort()).toEqual(['0000002.eml', '0000003.eml', 'SHA256SUMS']);
    const mail = await PostalMime.parse(readFileSync(join(out, '0000003.eml')));
    expect(mail.to?.[0]).toEqual({ name: '赵六', address: 'zhaoliu@example.com' });
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}0000002\.eml\n[0-9a-f]{64} {2}0000003\.eml\n$/);
  });

  it('writes SMS texts per recipient with their segment counts, checking phone numbers', async () => {
    const n = await approvedPolicyChange(tv);
    const status = await merge({ id: n.id, language: 'en', format: 'smsText', source: { csv: 'phone\n+86 138 0013 8000\n12ab\n' }, outputPath: join(tv.dir, 'sms.csv') });
    expect(status.problems.map((p) => [p.line, p.problem])).toEqual([[3, 'invalidPhone']]);
    const lines = readFileSync(join(tv.dir, 'sms.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toBe('\ufeffline,phone,segments,text');
    // The Chinese company name forces UCS-2 for the whole text: 95 units > 70, so 2 parts of 67.
    expect(lines[1]).toBe('2,+86 138 0013 8000,2,北京智言科技有限公司: we have updated our privacy policy. See our e-mail or in-app notice.');
  });

  it('a CSV without a column the notice uses is refused before anything is written', async () => {
    const n = await approvedPolicyChange(tv, { opening: personal });
    const r = await tv.call('notices.mailMergeStart', { id: n.id, language: 'zh-CN', format: 'mbox', source: { csv: 'email\na@example.com\n' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { source: expect.stringContaining('"name"') } } });
    expect(existsSync(join(tv.dir, 'exports')) ? readdirSync(join(tv.dir, 'exports')) : []).toEqual([]);
  });

  it('never overwrites: an existing output path is VALIDATION', async () => {
    const n = await approvedPolicyChange(tv);
    const taken = join(tv.dir, 'taken.mbox');
    writeFileSync(taken, 'keep me');
    const r = await tv.call('notices.mailMergeStart', { id: n.id, language: 'en', format: 'mbox', source: { csv: 'email\na@example.com\n' }, outputPath: taken });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { outputPath: expect.any(String) } } });
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
  });

  it('a cancelled run leaves no file, not even a partial one', async () => {
    const n = await approvedPolicyChange(tv);
    const rows = ['email,name'];
    for (let i = 0; i < 200_000; i++) rows.push(`user${i}@example.com,User ${i}`);
    const dir = join(tv.dir, 'out');
    mkdirSync(dir);
    const csvPath = join(tv.dir, 'many.csv');
    writeFileSync(csvPath, rows.join('\n'));
    const started = await tv.ok('notices.mailMergeStart', { id: n.id, language: 'en', format: 'mbox', source: { path: csvPath }, outputPath: join(dir, 'all.mbox') });
    await new Promise((r) => setTimeout(r, 50));
    await tv.ok('notices.jobCancel', { jobId: started.jobId });
    const status = await waitForJob(started.jobId);
    expect(status.state).toBe('cancelled');
    expect(status.written).toBeLessThan(200_000);
    expect(readdirSync(dir)).toEqual([]);
    const audit = await tv.ok('audit.list', { limit: 1 });
    expect(audit.items[0].action).not.toBe('notices.output');
  });

  it('counts lines as the file has them: quoted line breaks and blank lines included', async () => {
    const n = await approvedPolicyChange(tv, { opening: personal });
    const csv = ['email,name', '"a@example.com","张\n三"', '', 'bad-address,李四', '"c@example.com",', 'd@example.com,赵六'].join('\n');
    const status = await merge({ id: n.id, language: 'zh-CN', format: 'mbox', source: { csv }, dryRun: true });
    // Line 2 holds a two-line name, line 4 is blank: the bad rows sit on lines 5 and 6.
    expect(status.problems.map((p) => [p.line, p.problem])).toEqual([[5, 'invalidEmail'], [6, 'missingColumn']]);
    expect(status).toMatchObject({ rowsRead: 4, written: 2, badRows: 2 });
  });

  it('a dry run checks the recipients and writes nothing', async () => {
    const n = await approvedPolicyChange(tv, { opening: personal });
    const status = await merge({ id: n.id, language: 'zh-CN', format: 'mbox', source: { csv: CSV }, dryRun: true });
    expect(status).toMatchObject({ state: 'done', dryRun: true, written: 3, badRows: 3, outputPath: null, sha256: null });
    expect(existsSync(join(tv.dir, 'exports')) ? readdirSync(join(tv.dir, 'exports')) : []).toEqual([]);
  });
});
