import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { chainHash } from '../../../main/audit/rules';
import type { AuditService } from '../../../main/audit/service';
import { instantText } from '../../../main/exports/cells';
import { NO_ATTACHMENTS, useAttachmentProvider, type PackAttachment } from '../../../main/exports/pack/attachments';
import { finished, saveGrant } from '../../helpers/exports';
import { pdfPages } from '../../helpers/pdf';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => {
  useAttachmentProvider(NO_ATTACHMENTS);
  tv?.cleanup();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function incidentWithHistory() {
  tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
  const inc = await tv.ok('incidents.create', {
    title: '客服系统用户数据泄露',
    discoveredAt: '2026-11-28T10:00:00+08:00',
    individualsAffected: 2_000_000,
    jurisdictions: ['CN', 'EU'],
    piCategories: ['手机号', '姓名'],
  });
  await tv.ok('incidents.markObligation', { id: inc.id, key: 'cac.report', state: 'done', doneAt: '2026-11-28T12:00:00+08:00', reference: 'CAC-2026-7788' });
  await tv.ok('incidents.overrideGrade', { id: inc.id, grade: 'major', reason: '涉及敏感业务系统' });
  await tv.ok('incidents.addNote', { id: inc.id, text: '已通知安全团队封堵接口' });
  return tv.ok('incidents.get', { id: inc.id });
}

async function buildPack(kind: 'incident' | 'transfer' | 'request', id: string, language: 'zh-CN' | 'en' | 'bilingual', name = `${kind}-${language}.zip`) {
  const grant = await saveGrant(tv, name);
  const end = await finished(tv, await tv.ok('exports.pack', { kind, id, language, grantId: grant.grantId }));
  expect(end.error).toBeNull();
  expect(end.state).toBe('done');
  return { path: grant.path, files: unzipSync(readFileSync(grant.path)), end };
}

describe('incident evidence pack', () => {
  it('holds report.pdf, audit.jsonl, anchor.json and manifest.json, and the manifest’s hashes match every file', async () => {
    const inc = await incidentWithHistory();
    const { files, end, path } = await buildPack('incident', inc.id, 'bilingual');
    expect(Object.keys(files).sort()).toEqual(['anchor.json', 'audit.jsonl', 'manifest.json', 'report.pdf']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    expect(manifest).toMatchObject({ format: 'dpo-evidence-pack', kind: 'incident', record: { ref: inc.ref }, app: { version: expect.any(String), schemaVersion: expect.any(Number) } });
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(['anchor.json', 'audit.jsonl', 'report.pdf']);
    for (const f of manifest.files) {
      expect(sha(files[f.path])).toBe(f.sha256);
      expect(files[f.path].length).toBe(f.bytes);
    }
    expect(end.result).toMatchObject({ fileName: 'incident-bilingual.zip', sha256: sha(readFileSync(path)), files: 4 });
    // The anchor in the pack is the vault's, signed, at the head the pack was made at.
    const anchor = JSON.parse(strFromU8(files['anchor.json']));
    expect((tv.session.audit as AuditService).anchorIsOurs(anchor)).toBe(true);
    expect((tv.session.audit as AuditService).anchorIsOurs({ ...anchor, seq: anchor.seq + 1 })).toBe(false);
    expect(anchor.seq).toBe(manifest.chainHead.seq);
    expect(anchor.hash).toBe(manifest.chainHead.hash);
  });

  it('report.pdf: grade, each obligation’s due date and the Chinese title are in its text; page numbers and "generated at" on every page', async () => {
    const inc = await incidentWithHistory();
    const { files } = await buildPack('incident', inc.id, 'bilingual');
    const pages = await pdfPages(files['report.pdf']);
    const text = pages.join('\n');
    if (process.env.DUMP_PDF) (await import('node:fs')).writeFileSync(process.env.DUMP_PDF, files['report.pdf']);
    expect(text).toContain('客服系统用户数据泄露');
    expect(text).toContain('重大');
    expect(text).toContain('Major');
    expect(text).toContain('涉及敏感业务系统');
    expect(text).toContain('CAC-2026-7788');
    for (const o of inc.obligations.filter((x) => x.required && x.dueAt && x.deadline?.clock !== 'immediate')) {
      expect(text, o.key).toContain(instantText(o.dueAt!));
    }
    expect(text).toContain('已通知安全团队封堵接口');
    expect(text).toContain('北京智言科技有限公司');
    pages.forEach((p, i) => {
      expect(p).toContain(`第 ${i + 1} 页，共 ${pages.length} 页`);
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain('generated at');
    });
  });

  it('one language only when the DPO chooses it', async () => {
    const inc = await incidentWithHistory();
    const en = (await pdfPages((await buildPack('incident', inc.id, 'en')).files['report.pdf'])).join('\n');
    expect(en).toContain('Grade in force');
    expect(en).not.toContain('适用定级');
    const zh = (await pdfPages((await buildPack('incident', inc.id, 'zh-CN')).files['report.pdf'])).join('\n');
    expect(zh).toContain('适用定级');
    expect(zh).not.toContain('Grade in force');
  });

  it('audit.jsonl: the incident’s entries, each with a MAC the vault’s key reproduces, and the chain head', async () => {
    const inc = await incidentWithHistory();
    const { files } = await buildPack('incident', inc.id, 'en');
    const lines = strFromU8(files['audit.jsonl']).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'header', chainHead: { seq: expect.any(Number) } });
    const entries = lines.slice(1);
    expect(entries.map((e) => e.action)).toEqual(['incidents.create', 'incidents.markObligation', 'incidents.overrideGrade', 'incidents.addNote']);
    const key = (tv.session.audit as AuditService).chainKey;
    for (const e of entries) {
      expect(chainHash(key, e.prevHash, { seq: e.seq, at: e.at, actor: e.actor, action: e.action, entity: e.entity, entity_id: e.entityId, summary: e.summary, details: e.details })).toBe(e.hash);
    }
    // The pack itself is audited afterwards.
    expect((await tv.ok('audit.list', { limit: 1 })).items[0]).toMatchObject({ action: 'exports.pack', entityId: inc.id });
  });

  it('streams the attachments the store lists into attachments/, lists them in the report and the manifest', async () => {
    const inc = await incidentWithHistory();
    const scan = Buffer.alloc(300_000, 7);
    const note = Buffer.from('取证记录：接口日志已封存', 'utf8');
    const attachment = (name: string, bytes: Buffer, role: string): PackAttachment => ({
      name,
      mimeType: 'application/octet-stream',
      size: bytes.length,
      sha256: sha(bytes),
      role,
      async *read() {
        for (let i = 0; i < bytes.length; i += 64_000) yield bytes.subarray(i, i + 64_000);
      },
    });
    useAttachmentProvider({ list: (_s, ref) => (ref.recordId === inc.id ? [attachment('scan.png', scan, 'evidence'), attachment('取证记录.txt', note, 'log')] : []) });
    const { files } = await buildPack('incident', inc.id, 'bilingual');
    expect(sha(files['attachments/scan.png'])).toBe(sha(scan));
    expect(strFromU8(files['attachments/取证记录.txt'])).toBe('取证记录：接口日志已封存');
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    expect(manifest.files.find((f: { path: string }) => f.path === 'attachments/scan.png').sha256).toBe(sha(scan));
    const text = (await pdfPages(files['report.pdf'])).join('\n');
    expect(text).toContain('取证记录.txt');
    expect(text).toContain(sha(scan));
  });

  it('an attachment whose bytes do not match its recorded SHA-256 fails the pack, and no file is left', async () => {
    const inc = await incidentWithHistory();
    useAttachmentProvider({
      list: () => [{ name: 'a.bin', mimeType: 'application/octet-stream', size: 3, sha256: 'f'.repeat(64), role: null, async *read() { yield Buffer.from('abc'); } }],
    });
    const grant = await saveGrant(tv, 'broken.zip');
    const end = await finished(tv, await tv.ok('exports.pack', { kind: 'incident', id: inc.id, language: 'en', grantId: grant.grantId }));
    expect(end.state).toBe('failed');
    expect(end.error?.message).toMatch(/does not match the SHA-256/);
    expect(existsSync(grant.path)).toBe(false);
    expect(readdirSync(dirname(grant.path))).toEqual([]);
  });

  it('refuses an unknown record and a non-.zip name, naming what is wrong', async () => {
    await incidentWithHistory();
    const grant = await saveGrant(tv, 'pack.zip');
    const missing = await tv.call('exports.pack', { kind: 'incident', id: 'nope', grantId: grant.grantId });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    const pdf = await saveGrant(tv, 'pack.pdf');
    const r = await tv.call('exports.pack', { kind: 'incident', id: 'nope', grantId: pdf.grantId });
    expect(r.ok ? null : r.error.fields).toEqual({ grantId: 'Choose a .zip file name for the pack' });
  });
});

describe('notices in the pack', () => {
  it('a dispatched notice linked to the incident: kind, channel, count and the SHA-256 of the file sent in the report; its approved text in notices/', async () => {
    const inc = await incidentWithHistory();
    const n = await tv.ok('notices.create', { kind: 'policy.change', language: 'zh-CN', languages: ['zh-CN', 'en'], links: [{ module: 'incidents', recordId: inc.id }] });
    await tv.ok('notices.update', {
      id: n.id,
      sections: [
        { key: 'whatChanged', text: { 'zh-CN': '我们新增了安全事件处置章节。', en: 'We added a section on incident handling.' } },
        { key: 'criticalChange', text: { 'zh-CN': '本次变更属于重大变更。', en: 'This is a critical change.' } },
        { key: 'effectiveDate', text: { 'zh-CN': '2026年12月15日起生效。', en: 'Effective 15 December 2026.' } },
        { key: 'channel', text: { 'zh-CN': '我们通过电子邮件通知您。', en: 'We are telling you by e-mail.' } },
      ],
    });
    await tv.ok('notices.submitForReview', { id: n.id });
    await tv.ok('notices.approve', { id: n.id });
    const eml = await tv.ok('notices.exportEml', { id: n.id, language: 'zh-CN' });
    await tv.ok('notices.markDispatched', { id: n.id, channel: 'email', dispatchedAt: '2026-11-29T02:00:00Z', recipientsCount: 1200, outputId: eml.outputId });
    const { files } = await buildPack('incident', inc.id, 'en');
    expect(Object.keys(files)).toEqual(expect.arrayContaining([`notices/${n.ref}-v1-zh-CN.txt`, `notices/${n.ref}-v1-en.txt`]));
    expect(strFromU8(files[`notices/${n.ref}-v1-en.txt`])).toContain('We added a section on incident handling.');
    const text = (await pdfPages(files['report.pdf'])).join('\n');
    expect(text).toContain(n.ref);
    expect(text).toContain('e-mail');
    expect(text).toContain('1200');
    expect(text).toContain(eml.sha256);
    // The notice's own audit entries travel with the incident's.
    const actions = strFromU8(files['audit.jsonl']).trim().split('\n').slice(1).map((l) => JSON.parse(l).action);
    expect(actions).toEqual(expect.arrayContaining(['notices.create', 'notices.approve', 'notices.markDispatched']));
  });
});

describe('transfer and request packs', () => {
  it('transfer: the CAC filing pack with Annex 1 (text file and report), the filing steps and the changes', async () => {
    tv = await makeTestVault({ now: '2026-09-29T02:00:00Z' });
    const t = await tv.ok('transfers.create', {
      recipient: { name: 'Acme Analytics Inc.', country: 'US' },
      route: { chosen: 'standardContract' },
      annex1: { purpose: '跨境客户服务', piCategories: ['姓名', '电话'], individualsScale: 12000 },
      contract: { effectiveDate: '2026-09-28' },
      pipia: { date: '2026-09-01', conclusion: 'acceptable' },
    });
    await tv.ok('transfers.recordFiling', { id: t.id, kind: 'submitted', date: '2026-09-29' });
    await tv.ok('transfers.recordChange', { id: t.id, kind: 'recipientUse', date: '2026-09-29', description: '新增用途：客服质检' });
    const { files } = await buildPack('transfer', t.id, 'zh-CN');
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['report.pdf', 'annex1.txt', 'audit.jsonl', 'manifest.json']));
    expect(strFromU8(files['annex1.txt'])).toContain('跨境客户服务');
    const text = (await pdfPages(files['report.pdf'])).join('\n');
    expect(text).toContain('标准合同附件一');
    expect(text).toContain('跨境客户服务');
    expect(text).toContain('提交备案');
    expect(text).toContain('新增用途：客服质检');
    expect(text).toContain('2026-09-01');
  });

  it('request: request, identity step, decision and ground, reply as sent', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00Z' });
    const r = await tv.ok('inbox.create', { subject: '请删除我的账户信息', requester: { name: '王芳', contact: 'wang@example.cn' }, type: 'deletion', channel: 'email', jurisdiction: 'CN' });
    await tv.ok('inbox.verifyIdentity', { id: r.id, method: 'accountLogin', outcome: 'verified', verifiedAt: '2026-11-29T02:00:00Z' } as never);
    const grounds = await tv.ok('inbox.refusalGrounds', {});
    await tv.ok('inbox.decide', { id: r.id, outcome: 'refused', refusalGround: grounds.grounds[0].ground, refusalReasons: '法律要求保留交易记录三年' } as never);
    const { files } = await buildPack('request', r.id, 'bilingual');
    const text = (await pdfPages(files['report.pdf'])).join('\n');
    expect(text).toContain('请删除我的账户信息');
    expect(text).toContain('法律要求保留交易记录三年');
    expect(text).toContain(grounds.grounds[0].text.zh.slice(0, 10));
    expect(text).toContain('已核验');
  });
});
