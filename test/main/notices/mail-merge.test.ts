import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileMode, FilePurpose } from '../../../preload/contract/files';
import type { JobInfo } from '../../../preload/contract/jobs';
import { MergeResult } from '../../../preload/contract/notices';
import { makeTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/vault';
import { approvedPolicyChange } from '../../fixtures/notices/approved';

let tv: TestVault;
beforeEach(async () => {
  tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z', allowDir: true });
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

/** A grant for a path inside the test folder, as the FileChooser gets it under the HTTP host. */
async function grant(purpose: FilePurpose, mode: FileMode, path: string): Promise<{ grantId: string }> {
  return { grantId: (await tv.ok('files.grantPath', { purpose, mode, path })).grantId };
}

/** A run's job merged with its result (the merge's counts), once it has ended. */
async function waitFor(jobId: string): Promise<JobInfo & MergeResult> {
  const job = await tv.vault.jobs.wait(jobId);
  return { ...job, ...MergeResult.parse(job.result) };
}

async function merge(input: Record<string, unknown>) {
  const started = await tv.ok('notices.mailMergeStart', input as never);
  return waitFor(started.jobId);
}

/** An mbox output in the test folder, under the name main suggests. */
async function mboxOut(n: { id: string }, language: 'en' | 'zh-CN' = 'zh-CN') {
  const { name } = await tv.ok('notices.mergeOutputName', { id: n.id, language, format: 'mbox' });
  const path = join(tv.dir, name);
  return { path, output: await grant('mergeOutput', 'save', path) };
}

function splitMbox(text: string): string[] {
  return text.split(/^From MAILER-DAEMON .*\n/m).filter(Boolean).map((m) => m.replace(/\n$/, ''));
}

describe('mail-merge', () => {
  it('a per-recipient language column picks each recipient’s version (issue 13)', async () => {
    const n = await approvedPolicyChange(tv, { opening: personal });
    const csv = ['email,name,language', 'zhang@example.com,张三,zh', 'jane@example.com,Jane,English', 'li@example.com,李四,'].join('\n');
    const out = await mboxOut(n);
    const status = await merge({ id: n.id, language: 'zh-CN', format: 'mbox', source: { csv }, output: out.output });
    expect(status).toMatchObject({ state: 'done', written: 3, badRows: 0 });
    const parsed = await Promise.all(splitMbox(readFileSync(status.outputPath!, 'utf8')).map((m) => PostalMime.parse(m)));
    expect(parsed.map((m) => m.subject)).toEqual(['隐私政策更新通知', 'Our privacy policy is changing', '隐私政策更新通知']);
    expect(parsed[1].text).toContain('Dear Jane,');
  });

  it('reports bad rows with their line numbers and writes only the good ones to the mbox', async () => {
    const n = await approvedPolicyChange(tv, { opening: personal });
    const out = await mboxOut(n);
    const status = await merge({ id: n.id, language: 'zh-CN', format: 'mbox', source: { csv: CSV }, output: out.output });
    expect(status).toMatchObject({ state: 'done', rowsRead: 6, written: 3, badRows: 3, progress: 1 });
    expect(status.problems.map((p) => [p.line, p.problem, p.column])).toEqual([
      [3, 'invalidEmail', 'email'],
      [4, 'missingColumn', 'name'],
      [5, 'duplicate', 'email'],
    ]);
    expect(status.problems[2].message.en).toBe('Duplicate of line 2 (ZhangSan@Example.com)');
    // Where the DPO chose, under the suggested name; recorded with its SHA-256.
    expect(status.outputPath).toBe(out.path);
    expect(status.outputPath).toMatch(new RegExp(`/${n.ref}-v1-zh-CN-\\d{8}T\\d{6}-[0-9a-f]{6}\\.mbox$`));
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
    const status = await merge({ id: n.id, language: 'en', format: 'mbox', source: { csv: 'email,name\nli@example.com,Li Wei\n' }, output: (await mboxOut(n, 'en')).output });
    const merged = await PostalMime.parse(splitMbox(readFileSync(status.outputPath!, 'utf8'))[0]);
    const single = await PostalMime.parse(Buffer.from((await tv.ok('notices.exportEml', { id: n.id, language: 'en', to: { name: 'Li Wei', address: 'li@example.com' } })).base64, 'base64'));
    for (const key of ['subject', 'text', 'html', 'from', 'to', 'date'] as const) expect(merged[key], key).toEqual(single[key]);
  });

  it('reads a granted CSV file, without BOM, and writes one .eml per recipient with SHA256SUMS into a new folder', async () => {
    const n = await approvedPolicyChange(tv, { opening: personal });
    const csvPath = join(tv.dir, 'recipients.csv');
    writeFileSync(csvPath, 'name,email\n王五,wangwu@example.com\n赵六,zhaoliu@example.com\n');
    const out = join(tv.dir, 'letters');
    const status = await merge({ id: n.id, language: 'zh-CN', format: 'emlFolder', source: await grant('recipients', 'open', csvPath), output: await grant('mergeOutput', 'folder', out) });
    expect(status).toMatchObject({ state: 'done', written: 2, badRows: 0, outputPath: out });
    expect(readdirSync(out).sort()).toEqual(['0000002.eml', '0000003.eml', 'SHA256SUMS']);
    const mail = await PostalMime.parse(readFileSync(join(out, '0000003.eml')));
    expect(mail.to?.[0]).toEqual({ name: '赵六', address: 'zhaoliu@example.com' });
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}0000002\.eml\n[0-9a-f]{64} {2}0000003\.eml\n$/);
  });

  it('writes SMS texts per recipient with their segment counts, checking phone numbers', async () => {
    const n = await approvedPolicyChange(tv);
    const status = await merge({ id: n.id, language: 'en', format: 'smsText', source: { csv: 'phone\n+86 138 0013 8000\n12ab\n' }, output: await grant('mergeOutput', 'save', join(tv.dir, 'sms.csv')) });
    expect(status.problems.map((p) => [p.line, p.problem])).toEqual([[3, 'invalidPhone']]);
    const lines = readFileSync(join(tv.dir, 'sms.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toBe('\ufeffline,phone,segments,text');
    // The Chinese company name forces UCS-2 for the whole text: 95 units > 70, so 2 parts of 67.
    expect(lines[1]).toBe('2,+86 138 0013 8000,2,北京智言科技有限公司: we have updated our privacy policy. See our e-mail or in-app notice.');
  });

  it('a CSV without a column the notice uses is refused before anything is written', async () => {
    const n = await approvedPolicyChange(tv, { opening: personal });
    const out = await mboxOut(n);
    const r = await tv.call('notices.mailMergeStart', { id: n.id, language: 'zh-CN', format: 'mbox', source: { csv: 'email\na@example.com\n' }, output: out.output });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { source: expect.stringContaining('"name"') } } });
    expect(existsSync(out.path)).toBe(false);
  });

  it('never overwrites: a file that appeared after the grant is VALIDATION naming the output, and is kept', async () => {
    const n = await approvedPolicyChange(tv);
    const taken = join(tv.dir, 'taken.mbox');
    const output = await grant('mergeOutput', 'save', taken);
    writeFileSync(taken, 'keep me');
    const r = await tv.call('notices.mailMergeStart', { id: n.id, language: 'en', format: 'mbox', source: { csv: 'email\na@example.com\n' }, output });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'output.grantId': expect.stringContaining('already exists') } } });
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
    const started = await tv.ok('notices.mailMergeStart', { id: n.id, language: 'en', format: 'mbox', source: await grant('recipients', 'open', csvPath), output: await grant('mergeOutput', 'save', join(dir, 'all.mbox')) });
    await new Promise((r) => setTimeout(r, 50));
    await tv.ok('jobs.cancel', { jobId: started.jobId });
    const status = await waitFor(started.jobId);
    expect(status).toMatchObject({ state: 'cancelled', cancelledBy: 'user' });
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
    const before = readdirSync(tv.dir);
    const status = await merge({ id: n.id, language: 'zh-CN', format: 'mbox', source: { csv: CSV }, dryRun: true });
    expect(status).toMatchObject({ state: 'done', dryRun: true, written: 3, badRows: 3, outputPath: null, sha256: null });
    expect(readdirSync(tv.dir)).toEqual(before);
  });
});

describe('mail-merge: the session’s job, the files it may touch', () => {
  async function bigRun(n: { id: string }, rows = 200_000) {
    const lines = ['email,name'];
    for (let i = 0; i < rows; i++) lines.push(`user${i}@example.com,User ${i}`);
    const dir = join(tv.dir, 'out');
    mkdirSync(dir);
    const csvPath = join(tv.dir, 'many.csv');
    writeFileSync(csvPath, lines.join('\n'));
    const started = await tv.ok('notices.mailMergeStart', { id: n.id, language: 'en', format: 'mbox', source: await grant('recipients', 'open', csvPath), output: await grant('mergeOutput', 'save', join(dir, 'all.mbox')) });
    return { started, dir };
  }

  // Issue 10, item 3: vault.lock did not stop a running mail-merge; it went on writing plaintext.
  it.each(['user', 'idle'] as const)('lock (%s) cancels a running run at once: no file is left, nothing more is written, and after unlock the job says "cancelled by lock"', async (reason) => {
    const n = await approvedPolicyChange(tv);
    const { started, dir } = await bigRun(n);
    expect(readdirSync(dir).length).toBeGreaterThan(0); // the reserved name and the partial file
    for (let i = 0; i < 100 && ((await tv.ok('jobs.status', { jobId: started.jobId })).done ?? 0) === 0; i++) await new Promise((r) => setTimeout(r, 5));
    tv.vault.lock(reason);
    expect(readdirSync(dir)).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(readdirSync(dir), 'nothing written after the lock').toEqual([]);

    await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const job = await tv.ok('jobs.status', { jobId: started.jobId });
    expect(job).toMatchObject({ kind: 'notices.mailMerge', state: 'cancelled', cancelledBy: 'lock', subject: `${n.ref} v1 · en` });
    expect(MergeResult.parse(job.result).written).toBeLessThan(200_000);
    expect((await tv.ok('jobs.list', {})).find((j) => j.jobId === started.jobId)?.cancelledBy).toBe('lock');
    const audit = await tv.ok('audit.list', { limit: 5 });
    expect(audit.items.map((e) => e.action)).not.toContain('notices.output');
    // The DPO has read it: dismissed, it leaves the list.
    expect(await tv.ok('jobs.dismiss', { jobId: started.jobId })).toEqual({ dismissed: true });
    expect((await tv.ok('jobs.list', {})).map((j) => j.jobId)).not.toContain(started.jobId);
  });

  // Issue 10, item 4: the default name had one-second resolution; a second run in the same
  // second failed at the very end.
  it('names are unique up front: two suggestions in the same second differ, and a second run to the same output is refused at once while the first completes', async () => {
    const n = await approvedPolicyChange(tv);
    const a = await tv.ok('notices.mergeOutputName', { id: n.id, language: 'en', format: 'mbox' });
    const b = await tv.ok('notices.mergeOutputName', { id: n.id, language: 'en', format: 'mbox' });
    expect(a.name).not.toBe(b.name);
    const path = join(tv.dir, a.name);
    const first = await grant('mergeOutput', 'save', path);
    const second = await grant('mergeOutput', 'save', path);
    const csv = 'email,name\na@example.com,A\n';
    const started = await tv.ok('notices.mailMergeStart', { id: n.id, language: 'en', format: 'mbox', source: { csv }, output: first });
    const again = await tv.call('notices.mailMergeStart', { id: n.id, language: 'en', format: 'mbox', source: { csv }, output: second });
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'output.grantId': expect.stringContaining('already exists') } } });
    expect(await waitFor(started.jobId)).toMatchObject({ state: 'done', written: 1, outputPath: path });
    expect(readFileSync(path, 'utf8')).toContain('a@example.com');
  });

  // Issue 10, item 9: a CSV error said only "Invalid: source".
  it('a stray quote on line 3 fails the run with "line 3: …"; one in the header is refused at once by field, naming line 1', async () => {
    const n = await approvedPolicyChange(tv);
    const out = await mboxOut(n, 'en');
    const status = await merge({ id: n.id, language: 'en', format: 'mbox', source: { csv: 'email,name\na@example.com,A\nb@example.com,B"x\nc@example.com,C\n' }, output: out.output });
    expect(status.state).toBe('failed');
    expect(status.error?.message).toMatch(/^line 3: a quote \("\)/);
    expect(existsSync(out.path)).toBe(false);
    const unclosed = await merge({ id: n.id, language: 'en', format: 'mbox', source: { csv: 'email,name\na@example.com,A\nb@example.com,"B\nc@example.com,C\n' }, dryRun: true });
    expect(unclosed.error?.message).toBe('line 3: a quoted field starts on this line and is never closed');
    const header = await tv.call('notices.mailMergeStart', { id: n.id, language: 'en', format: 'mbox', source: { csv: 'em"ail,name\na@example.com,A\n' }, dryRun: true });
    expect(header).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^line 1: /), fields: { source: expect.stringMatching(/^line 1: /) } } });
  });

  // Issue 10, item 5: `notices.mergePreview {"source":{"path":"/etc/passwd"}}` returned the file's lines.
  it('no channel reads or writes a typed path: paths are refused, only grants of the right purpose are read', async () => {
    const n = await approvedPolicyChange(tv);
    const preview = await tv.call('notices.mergePreview', { id: n.id, language: 'en', source: { path: '/etc/passwd' }, line: 2 } as never);
    expect(preview).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const typedOut = await tv.call('notices.mailMergeStart', { id: n.id, language: 'en', format: 'mbox', source: { csv: 'email\na@example.com\n' }, outputPath: join(tv.dir, 'x.mbox') } as never);
    expect(typedOut).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { outputPath: 'Unknown field' } } });
    expect(existsSync(join(tv.dir, 'x.mbox'))).toBe(false);
    // Outside the granted folders: no grant at all.
    expect(await tv.call('files.grantPath', { purpose: 'recipients', mode: 'open', path: '/etc/passwd' })).toMatchObject({ ok: false });
    // A grant for another purpose or a made-up id is refused by field.
    writeFileSync(join(tv.dir, 'cal.csv'), 'date,kind\n');
    const calendar = await grant('calendar', 'open', join(tv.dir, 'cal.csv'));
    expect(await tv.call('notices.mergePreview', { id: n.id, language: 'en', source: calendar, line: 2 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'source.grantId': expect.stringContaining('another use') } } });
    expect(await tv.call('notices.mergePreview', { id: n.id, language: 'en', source: { grantId: 'made-up' }, line: 2 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'source.grantId': expect.stringContaining('expired') } } });
    // Writing needs a chosen output: none is made up beside the vault.
    const noOutput = await tv.call('notices.mailMergeStart', { id: n.id, language: 'en', format: 'mbox', source: { csv: 'email\na@example.com\n' } });
    expect(noOutput).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'output.grantId': 'Choose where to write the merged messages' } } });
    // A .csv output for the mbox format is refused: the kind of file must fit the format.
    const wrongKind = await grant('mergeOutput', 'save', join(tv.dir, 'out.csv'));
    expect(await tv.call('notices.mailMergeStart', { id: n.id, language: 'en', format: 'mbox', source: { csv: 'email\na@example.com\n' }, output: wrongKind })).toMatchObject({ ok: false, error: { fields: { 'output.grantId': 'Choose a .mbox file for this output' } } });
    // A granted CSV previews.
    writeFileSync(join(tv.dir, 'people.csv'), 'email,name\nli@example.com,Li\n');
    const ok = await tv.ok('notices.mergePreview', { id: n.id, language: 'en', source: await grant('recipients', 'open', join(tv.dir, 'people.csv')), line: 2 });
    expect(ok.recipient).toEqual({ email: 'li@example.com', name: 'Li' });
  });

  it('a CSV column named "__proto__" or "constructor" is a column like any other', async () => {
    const n = await approvedPolicyChange(tv);
    const status = await merge({ id: n.id, language: 'en', format: 'mbox', source: { csv: '__proto__,email,constructor\nx,a@example.com,y\n' }, dryRun: true });
    expect(status).toMatchObject({ state: 'done', written: 1, badRows: 0 });
    const preview = await tv.ok('notices.mergePreview', { id: n.id, language: 'en', source: { csv: 'constructor,email\nx,a@example.com\n' }, line: 2 });
    expect(preview.recipient).toEqual({ constructor: 'x', email: 'a@example.com' });
  });
});
