import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sniffWithoutMagic } from '../../../main/attachments/rules';
import { attachmentChunks, listAttachments } from '../../../main/attachments/service';
import { makeTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/vault';
import { seedRecords, uploadBytes } from '../../helpers/records';

let tv: TestVault;
let dir: string | undefined;
afterEach(() => {
  tv?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

// A real 1×1 PNG: file-type checks the chunks, not only the signature.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const EML = Buffer.from('From: 张伟 <zhang.wei@example.cn>\r\nTo: dpo@example.cn\r\nSubject: =?UTF-8?B?6K+35Yig6Zmk?=\r\nDate: Sun, 29 Nov 2026 09:00:00 +0800\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n请删除我的全部个人信息。\r\n');
const rows = (t: TestVault, sql: string) => t.session.db.prepare(sql).pluck().get() as number;

describe('attachments on a record', () => {
  it('stores a dropped file in chunks with its name, size, sniffed type, SHA-256, who and when, and audits it', async () => {
    tv = await makeTestVault();
    const { incident } = await seedRecords(tv);
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(4_500_000)]);
    const a = await uploadBytes(tv, { module: 'incidents', recordId: incident.id }, 'report.pdf', bytes, 'report');
    expect(a).toMatchObject({ name: 'report.pdf', size: bytes.length, type: 'application/pdf', previewKind: 'pdf', addedBy: 'Li Wei', addedAt: '2026-11-29T02:00:00.000Z', chunks: 3, state: 'stored' });
    expect(a.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const entry = (await tv.ok('audit.list', { limit: 1 })).items[0];
    expect(entry).toMatchObject({ action: 'attachments.add', entity: 'attachment', entityId: a.id });
    expect(Buffer.concat([...attachmentChunks(tv.session, a.id)]).equals(bytes)).toBe(true);
    expect(listAttachments(tv.session, { module: 'incidents', recordId: incident.id }).map((x) => x.id)).toEqual([a.id]);
  });

  it('sniffs the type from the bytes, not the name', async () => {
    tv = await makeTestVault();
    const { request } = await seedRecords(tv);
    const owner = { module: 'inbox' as const, recordId: request.id };
    expect((await uploadBytes(tv, owner, 'scan.pdf', PNG, 'idEvidence')).type).toBe('image/png');
    expect((await uploadBytes(tv, owner, 'letter.eml', EML, 'letter')).previewKind).toBe('eml');
    expect((await uploadBytes(tv, owner, 'photo.png', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'other')).previewKind).toBe('none');
    expect((await uploadBytes(tv, owner, 'notes.txt', Buffer.from('电话回访记录\n'), 'other')).type).toBe('text/plain');
  });

  it.each([
    { why: 'empty', head: '', name: 'a.txt', size: 0, type: 'application/x-empty' },
    { why: 'a NUL byte means binary', head: 'ab\0cd', name: 'a.txt', size: 5, type: 'application/octet-stream' },
    { why: 'invalid UTF-8', head: '\xff\xfe\xfd', name: 'a.txt', size: 3, type: 'application/octet-stream' },
    { why: 'mail headers', head: 'Received: x\nFrom: a@b\nSubject: s\n\nbody', name: 'mail', size: 40, type: 'message/rfc822' },
    { why: 'a .eml with one header line', head: 'From: a@b\n\nhi', name: 'x.eml', size: 13, type: 'message/rfc822' },
    { why: 'CSV text', head: 'a,b\n1,2\n', name: 'x.csv', size: 8, type: 'text/csv' },
  ])('sniffWithoutMagic: $why → $type', ({ head, name, size, type }) => {
    expect(sniffWithoutMagic(Buffer.from(head, 'latin1'), name, size).type).toBe(type);
  });

  it('previews text and mail as text (never markup), images and PDFs as bytes to fetch', async () => {
    tv = await makeTestVault();
    const { request } = await seedRecords(tv);
    const owner = { module: 'inbox' as const, recordId: request.id };
    const mail = await uploadBytes(tv, owner, 'letter.eml', EML, 'letter');
    expect(await tv.ok('attachments.preview', { id: mail.id })).toMatchObject({ kind: 'eml', subject: '请删除', from: '张伟 <zhang.wei@example.cn>', text: expect.stringContaining('请删除我的全部个人信息') });
    const html = await uploadBytes(tv, owner, 'page.txt', Buffer.from('<script>alert(1)</script><b>bold</b>'), 'other');
    expect(await tv.ok('attachments.preview', { id: html.id })).toEqual({ kind: 'text', text: '<script>alert(1)</script><b>bold</b>', truncated: false });
    const png = await uploadBytes(tv, owner, 'id.png', PNG, 'idEvidence');
    expect(await tv.ok('attachments.preview', { id: png.id })).toEqual({ kind: 'image', type: 'image/png', size: PNG.length, chunks: 1 });
  });

  it('refuses a file over the limit with a message naming it (200 MB by default, a setting)', async () => {
    tv = await makeTestVault();
    const { incident } = await seedRecords(tv);
    const owner = { module: 'incidents' as const, recordId: incident.id };
    const big = await tv.call('attachments.beginUpload', { owner, role: 'evidence', name: 'disk.img', size: 200 * 1024 * 1024 + 1 });
    expect(big).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: 'disk.img: The file is larger than the limit of 200 MB per attachment (Settings → Attachments).' } });
    await tv.ok('settings.update', { attachmentMaxMB: 1 });
    expect(await tv.call('attachments.beginUpload', { owner, role: 'evidence', name: 'a.bin', size: 1024 * 1024 + 1 })).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(rows(tv, `SELECT count(*) FROM attachments`)).toBe(0);
  });

  it.each([
    { why: 'a role the module does not offer', input: () => ({ role: 'signedContract' }), code: 'VALIDATION', field: 'role' },
    { why: 'a record that does not exist', input: () => ({ owner: { module: 'incidents', recordId: 'nope' } }), code: 'NOT_FOUND' },
    { why: 'a name with a folder in it', input: () => ({ name: '../../etc/passwd' }), code: 'VALIDATION', field: 'name' },
    { why: 'a subject on a request', input: (r: { request: { id: string } }) => ({ role: 'letter', owner: { module: 'inbox', recordId: r.request.id, subjectId: '1' } }), code: 'VALIDATION', field: 'owner.subjectId' },
    { why: 'a negative size', input: () => ({ size: -1 }), code: 'VALIDATION', field: 'size' },
  ])('bad input writes nothing: $why', async ({ input, code, field }) => {
    tv = await makeTestVault();
    const records = await seedRecords(tv);
    const r = await tv.call('attachments.beginUpload', { owner: { module: 'incidents', recordId: records.incident.id }, role: 'evidence', name: 'a.txt', size: 3, ...input(records) } as never);
    expect(r).toMatchObject({ ok: false, error: { code } });
    if (field && !r.ok) expect(Object.keys(r.error.fields ?? {})).toContain(field);
    expect(rows(tv, 'SELECT count(*) FROM attachments')).toBe(0);
  });

  it('chunks must come in order and at the size main asked for; a short upload cannot finish', async () => {
    tv = await makeTestVault();
    const { incident } = await seedRecords(tv);
    const begin = await tv.ok('attachments.beginUpload', { owner: { module: 'incidents', recordId: incident.id }, role: 'evidence', name: 'a.bin', size: 3 * 1024 * 1024 });
    const chunk = randomBytes(begin.chunkSize).toString('base64');
    expect(await tv.call('attachments.uploadChunk', { uploadId: begin.uploadId, index: 1, data: chunk })).toMatchObject({ ok: false, error: { fields: { index: 'Expected chunk 0' } } });
    expect(await tv.call('attachments.uploadChunk', { uploadId: begin.uploadId, index: 0, data: 'AAAA' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await tv.call('attachments.uploadChunk', { uploadId: begin.uploadId, index: 0, data: '!!notbase64' })).toMatchObject({ ok: false, error: { fields: { data: 'Not base64' } } });
    await tv.ok('attachments.uploadChunk', { uploadId: begin.uploadId, index: 0, data: chunk });
    expect(await tv.call('attachments.finishUpload', { uploadId: begin.uploadId })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await tv.ok('attachments.list', { module: 'incidents', recordId: incident.id })).items).toEqual([]);
    expect(await tv.ok('attachments.cancelUpload', { uploadId: begin.uploadId })).toEqual({ cancelled: true });
    expect(rows(tv, 'SELECT count(*) FROM attachment_chunks')).toBe(0);
  });

  it('lock ends an upload in progress and its chunks are gone; the next unlock purges any left', async () => {
    tv = await makeTestVault();
    const { incident } = await seedRecords(tv);
    const begin = await tv.ok('attachments.beginUpload', { owner: { module: 'incidents', recordId: incident.id }, role: 'evidence', name: 'a.bin', size: 5 * 1024 * 1024 });
    await tv.ok('attachments.uploadChunk', { uploadId: begin.uploadId, index: 0, data: randomBytes(begin.chunkSize).toString('base64') });
    await tv.ok('vault.lock', {});
    await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(rows(tv, 'SELECT count(*) FROM attachment_chunks')).toBe(0);
    expect(await tv.call('attachments.uploadChunk', { uploadId: begin.uploadId, index: 1, data: 'AAAA' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const jobs = await tv.ok('jobs.list', {});
    expect(jobs.find((j) => j.kind === 'attachments.upload')).toMatchObject({ state: 'cancelled', cancelledBy: 'lock' });
  });

  it('an incident timeline entry can carry its own file; a foreign entry id is refused', async () => {
    tv = await makeTestVault();
    const { incident } = await seedRecords(tv);
    const noted = await tv.ok('incidents.addNote', { id: incident.id, text: 'Called the vendor', at: '2026-11-29T01:30:00.000Z' });
    const entry = noted.timeline.at(-1)!;
    const a = await uploadBytes(tv, { module: 'incidents', recordId: incident.id, subjectId: String(entry.id) }, 'call-log.txt', Buffer.from('14:05 vendor'), 'correspondence');
    expect(a.subjectId).toBe(String(entry.id));
    expect(await tv.call('attachments.beginUpload', { owner: { module: 'incidents', recordId: incident.id, subjectId: '99999' }, role: 'evidence', name: 'x.txt', size: 1 })).toMatchObject({
      ok: false,
      error: { fields: { 'owner.subjectId': 'Not a timeline entry of this incident' } },
    });
  });

  it('removing needs a reason; the bytes go and the record and audit entry keep name and SHA-256', async () => {
    tv = await makeTestVault();
    const { request } = await seedRecords(tv);
    const a = await uploadBytes(tv, { module: 'inbox', recordId: request.id }, '身份证.png', PNG, 'idEvidence');
    expect(await tv.call('attachments.remove', { id: a.id, reason: '  ' })).toMatchObject({ ok: false, error: { fields: { reason: 'Required' } } });
    const removed = await tv.ok('attachments.remove', { id: a.id, reason: 'Uploaded to the wrong request' });
    expect(removed).toMatchObject({ state: 'removed', name: '身份证.png', sha256: a.sha256, removed: { by: 'Li Wei', reason: 'Uploaded to the wrong request' } });
    expect(rows(tv, 'SELECT count(*) FROM attachment_chunks')).toBe(0);
    const entry = (await tv.ok('audit.list', { limit: 1 })).items[0];
    expect(entry).toMatchObject({ action: 'attachments.remove', entityId: a.id });
    const details = JSON.parse(tv.session.db.prepare('SELECT details FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get() as string);
    expect(details).toMatchObject({ name: '身份证.png', sha256: a.sha256, reason: 'Uploaded to the wrong request' });
    expect(await tv.call('attachments.readChunk', { id: a.id, index: 0 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await tv.ok('search.query', { text: '身份证' })).hits).toEqual([]);
  });

  it('full-text search finds a file by its name and opens its record', async () => {
    tv = await makeTestVault();
    const { incident } = await seedRecords(tv);
    await uploadBytes(tv, { module: 'incidents', recordId: incident.id }, 'firewall-logs-2026.txt', Buffer.from('log'), 'evidence');
    const hits = (await tv.ok('search.query', { text: 'firewall-logs' })).hits;
    expect(hits).toEqual([expect.objectContaining({ module: 'incidents', recordId: incident.id, ref: incident.ref, title: 'firewall-logs-2026.txt', attachment: expect.objectContaining({ name: 'firewall-logs-2026.txt' }) })]);
  });

  it('a file picked through a grant streams in; save as writes it back byte for byte', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-att-'));
    tv = await makeTestVault({ roots: [dir] });
    const { incident } = await seedRecords(tv);
    const bytes = randomBytes(7 * 1024 * 1024 + 3);
    writeFileSync(join(dir, 'contract.bin'), bytes);
    const grant = await tv.ok('files.grantPath', { purpose: 'attachment', mode: 'open', path: join(dir, 'contract.bin') });
    const job = await tv.ok('attachments.addFromFile', { owner: { module: 'incidents', recordId: incident.id }, role: 'evidence', grantId: grant.grantId });
    const done = await tv.vault.jobs.wait(job.jobId);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const a = done.result as { id: string; size: number };
    expect(a.size).toBe(bytes.length);
    const save = await tv.ok('files.grantPath', { purpose: 'attachment', mode: 'save', path: join(dir, 'copy.bin') });
    const saved = await tv.vault.jobs.wait((await tv.ok('attachments.saveAs', { id: a.id, grantId: save.grantId })).jobId);
    expect(saved.state).toBe('done');
    expect(readFileSync(join(dir, 'copy.bin')).equals(bytes)).toBe(true);
  });
});
