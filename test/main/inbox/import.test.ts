import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InboxRepo } from '../../../main/inbox/repo';
import { EML_MAX_BASE64_CHARS, EML_MAX_BYTES } from '../../../preload/contract/inbox';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const raw = (name: string) => readFileSync(join(__dirname, '../../fixtures/inbox', name));
const file = (name: string) => ({ name, base64: raw(name).toString('base64') });
const count = (table: string) => (tv.session.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('.eml import', () => {
  it('imports GB2312, GBK, Big5 and UTF-8 messages as requests with the decoded thread and the raw file kept', async () => {
    tv = await makeTestVault();
    const { results } = await tv.ok('inbox.importEml', { files: ['gb2312.eml', 'gbk.eml', 'big5.eml', 'utf8-html.eml'].map(file) });
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    const created = results.filter((r) => r.ok) as { name: string; requestId: string; ref: string }[];
    expect(created.map((r) => r.ref)).toEqual(['REQ-2026-0001', 'REQ-2026-0002', 'REQ-2026-0003', 'REQ-2026-0004']);

    const [gb2312, gbk, big5, utf8] = await Promise.all(created.map((c) => tv.ok('inbox.get', { id: c.requestId })));
    expect(gb2312).toMatchObject({ subject: '申请删除个人信息', requesterName: '张伟', channel: 'email', receivedAt: '2026-02-16T02:00:00.000Z' });
    expect(gb2312.messages[0].body).toBe('您好，我要求删除我在贵公司账户中的全部个人信息。谢谢！');
    expect(gbk.requester).toEqual({ name: '王喆', contact: 'wang.zhe@example.cn', accountId: '' });
    expect(gbk.messages[0].body).toBe('我是王喆，账户资料里把我的名字写错了，请更正。朱镕基的“镕”也显示为问号。');
    expect(big5.subject).toBe('查閱個人資料申請');
    expect(big5.messages[0]).toMatchObject({ from: '陳大文 <chan.taiman@example.hk>', body: '您好，本人要求查閱及複製貴公司所持有的本人個人資料。', hasRaw: true });
    expect(utf8.messages[0].body).toBe('Bitte senden Sie mir eine Kopie meiner Daten.\n请把我的数据副本发给我。');
    expect(utf8.messages[0].attachments).toEqual([{ filename: 'ausweis.pdf', mimeType: 'application/pdf', size: 38 }]);
    // Until classified, an imported message runs the shortest clock: a complaint's 15 days.
    expect(utf8).toMatchObject({ type: 'complaint', messageId: '<utf8-html-0001@example.de>' });
    expect(utf8.deadlines.find((d) => d.key === 'reply')?.ruleKey).toBe('request.complaint.15d');

    const rawRow = tv.session.db.prepare('SELECT bytes FROM inbox_raw_messages WHERE request_id = ?').get(big5.id) as { bytes: Buffer };
    expect(Buffer.compare(rawRow.bytes, raw('big5.eml'))).toBe(0);
    const search = await tv.ok('search.query', { text: '喆' });
    expect(search.hits.map((h) => h.ref)).toContain('REQ-2026-0002');
    const audit = await tv.ok('audit.list', { limit: 10 });
    expect(audit.items.filter((e) => e.action === 'inbox.importEml')).toHaveLength(4);
  });

  it('refuses the same Message-ID twice, in the same batch and in a later one', async () => {
    tv = await makeTestVault();
    const first = await tv.ok('inbox.importEml', { files: [file('utf8-html.eml'), file('utf8-html-again.eml')] });
    expect(first.results[0].ok).toBe(true);
    expect(first.results[1]).toEqual({
      name: 'utf8-html-again.eml',
      ok: false,
      error: { code: 'DUPLICATE', message: 'Already imported: Message-ID <utf8-html-0001@example.de>' },
    });
    const later = await tv.ok('inbox.importEml', { files: [file('utf8-html.eml')] });
    expect(later.results[0]).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
    expect(count('inbox_requests')).toBe(1);
    expect(count('inbox_raw_messages')).toBe(1);
  });

  it('reports a malformed file and stores nothing of it, while the good file beside it is imported', async () => {
    tv = await makeTestVault();
    const auditBefore = count('audit_log');
    const { results } = await tv.ok('inbox.importEml', {
      files: [file('not-an-email.eml'), { name: 'garbage.eml', base64: '@@not base64@@' }, file('complaint.eml')],
    });
    expect(results[0]).toMatchObject({ name: 'not-an-email.eml', ok: false, error: { code: 'MALFORMED' } });
    expect(results[1]).toMatchObject({ name: 'garbage.eml', ok: false, error: { code: 'MALFORMED' } });
    expect(results[2]).toMatchObject({ name: 'complaint.eml', ok: true });
    expect(count('inbox_requests')).toBe(1);
    expect(count('inbox_raw_messages')).toBe(1);
    expect(count('inbox_messages')).toBe(1);
    expect(count('audit_log')).toBe(auditBefore + 1);
  });

  it('a file that fails while being stored is rolled back alone', async () => {
    tv = await makeTestVault();
    // Break the second file's insert behind the app's back: a trigger refuses its raw row.
    tv.session.db.exec(`CREATE TRIGGER refuse_big5 BEFORE INSERT ON inbox_raw_messages WHEN NEW.file_name = 'big5.eml'
      BEGIN SELECT RAISE(ABORT, 'disk says no'); END;`);
    const { results } = await tv.ok('inbox.importEml', { files: [file('gb2312.eml'), file('big5.eml'), file('gbk.eml')] });
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ error: { code: 'MALFORMED', message: expect.stringContaining('nothing of it was kept') } });
    const subjects = new InboxRepo(tv.session.db).list({ limit: 10 }).map((r) => r.subject);
    expect(subjects.sort()).toEqual(['更正请求：姓名中的“喆”与“镕”字', '申请删除个人信息'].sort());
    expect(count('deadlines')).toBe(2);
  });
});

describe('.eml import: one size limit per file, problems flagged on the request', () => {
  const eml = (subject: string, extra = '') => Buffer.from(`From: Li <li@example.com>\r\nSubject: ${subject}\r\nMessage-ID: <${subject}@example.com>\r\n${extra}\r\nbody\r\n`, 'latin1');

  // Issue 10, item 11.
  it('a truncated, wrong-charset message is imported and its problems are on the request, the result and the audit entry', async () => {
    tv = await makeTestVault();
    const bad = Buffer.concat([eml('cut', 'Content-Type: multipart/mixed; boundary="b1"\r\n'), Buffer.from('--b1\r\nContent-Type: text/plain; charset=x-nonsense\r\n\r\npart one', 'latin1')]);
    const { results } = await tv.ok('inbox.importEml', { files: [{ name: 'cut.eml', base64: bad.toString('base64') }, { name: 'fine.eml', base64: eml('fine').toString('base64') }] });
    expect(results).toMatchObject([
      { name: 'cut.eml', ok: true, problems: [{ code: 'truncated', detail: 'message: no closing boundary' }, { code: 'unknownCharset', detail: 'x-nonsense' }] },
      { name: 'fine.eml', ok: true, problems: [] },
    ]);
    const cut = await tv.ok('inbox.get', { id: (results[0] as { requestId: string }).requestId });
    expect(cut.messages[0].problems.map((p) => p.code)).toEqual(['truncated', 'unknownCharset']);
    const fine = await tv.ok('inbox.get', { id: (results[1] as { requestId: string }).requestId });
    expect(fine.messages[0].problems).toEqual([]);
    const entry = tv.session.db.prepare("SELECT details FROM audit_log WHERE action = 'inbox.importEml' ORDER BY seq LIMIT 1").get() as { details: string };
    expect(JSON.parse(entry.details).problems).toEqual(['truncated', 'unknownCharset']);
  });

  // Issue 10, item 10: one limit, enforced per file.
  it('a file over the limit gets TOO_LARGE, by its content or by the size the renderer reports, and the others are imported', async () => {
    tv = await makeTestVault();
    const over = Buffer.concat([eml('big'), Buffer.alloc(EML_MAX_BYTES + 1 - eml('big').length, 'a')]);
    const { results } = await tv.ok('inbox.importEml', {
      files: [
        { name: 'over.eml', base64: over.toString('base64') },
        { name: 'huge.eml', size: 300 * 1024 * 1024 },
        { name: 'ok.eml', base64: eml('ok').toString('base64') },
        { name: 'nothing.eml', size: 10 },
      ],
    });
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['TOO_LARGE', 'TOO_LARGE', 'ok', 'MALFORMED']);
    expect(!results[0].ok && results[0].error.message).toBe('Larger than 25 MB (the limit for one .eml file)');
    // Base64 past the limit and its slack is refused by the schema, naming the file's field.
    const tooLong = await tv.call('inbox.importEml', { files: [{ name: 'x.eml', base64: 'A'.repeat(EML_MAX_BASE64_CHARS + 4) }] });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'files.0.base64': expect.stringContaining('25 MB') } } });
  });
});
