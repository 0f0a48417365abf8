import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditService } from '../../../main/audit/service';
import { readContainer } from '../../../main/backup/container';
import { openManifest } from '../../../main/backup/manifest';
import { makeTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/vault';
import { seedRecords, uploadBytes } from '../../helpers/records';

let tv: TestVault;
let out: string;
afterEach(() => {
  tv?.cleanup();
  if (out) rmSync(out, { recursive: true, force: true });
});

async function backupTo(t: TestVault, path: string) {
  const grant = await t.ok('files.grantPath', { purpose: 'backup', mode: 'save', path });
  const job = await t.ok('vault.backup', { grantId: grant.grantId });
  return t.vault.jobs.wait(job.jobId);
}

describe('backup → change → restore', () => {
  it('brings back every record, each attachment byte for byte, and an audit chain that verifies', async () => {
    out = mkdtempSync(join(tmpdir(), 'dpo-backups-'));
    tv = await makeTestVault({ roots: [out] });
    const { incident, request } = await seedRecords(tv);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(5 * 1024 * 1024 + 17)]);
    const idScan = randomBytes(300_000);
    const a1 = await uploadBytes(tv, { module: 'incidents', recordId: incident.id }, 'forensics.pdf', pdf, 'report');
    const a2 = await uploadBytes(tv, { module: 'inbox', recordId: request.id }, '身份证.png', idScan, 'idEvidence');
    const empty = await uploadBytes(tv, { module: 'inbox', recordId: request.id }, 'empty.txt', Buffer.alloc(0), 'letter');

    const file = join(out, 'weekly.dpobackup');
    const done = await backupTo(tv, file);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const result = done.result as { sha256: string; size: number; counts: Record<string, number>; auditHead: string };
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(out)).toEqual(['weekly.dpobackup']);
    expect(readdirSync(tv.dir).filter((f) => f.startsWith('.backup'))).toEqual([]);
    expect(result.counts).toMatchObject({ incidents: 1, inbox: 1, attachments: 3, attachmentBytes: pdf.length + idScan.length });
    const entry = (await tv.ok('audit.list', { limit: 5, entity: 'backup' })).items[0];
    expect(entry).toMatchObject({ action: 'vault.backup', entityId: 'weekly.dpobackup' });
    expect(entry.summary).toContain(file);

    // The backup carries the vault's signed audit anchor (sealed in its manifest).
    const dbKey = Buffer.from(tv.vault.databaseKey());
    const sealed = openManifest((await readContainer(file)).manifest, dbKey);
    dbKey.fill(0);
    expect(sealed.anchor).toMatchObject({ format: 'dpo-audit-anchor' });
    expect(sealed.anchor!.seq).toBeLessThanOrEqual(result.counts.auditEntries);
    expect((tv.session.audit as AuditService).anchorIsOurs(sealed.anchor!)).toBe(true);

    // Change things after the backup: a new incident, an attachment removed.
    await tv.ok('incidents.create', { title: 'Later incident', discoveredAt: '2026-11-29T01:30:00.000Z', individualsAffected: 5, jurisdictions: ['CN'], piCategories: ['name'] });
    await tv.ok('attachments.remove', { id: a2.id, reason: 'Wrong file' });
    expect((await tv.ok('incidents.list', { limit: 10 })).items).toHaveLength(2);

    const grant = await tv.ok('files.grantPath', { purpose: 'backup', mode: 'open', path: file });
    const preview = await tv.ok('vault.inspectBackup', { grantId: grant.grantId, passphrase: TEST_PASSPHRASE });
    expect(preview).toMatchObject({ restorable: true, replacesVault: true, counts: { incidents: 1, attachments: 3 }, auditHead: result.auditHead, app: { version: '0.1.0' } });
    // Looking changed nothing.
    expect((await tv.ok('incidents.list', { limit: 10 })).items).toHaveLength(2);

    const job = await tv.ok('vault.restore', { inspectionId: preview.inspectionId, confirm: true });
    const restored = await tv.vault.jobs.wait(job.jobId);
    expect(restored.state, JSON.stringify(restored.error)).toBe('done');
    expect((await tv.ok('vault.status', {})).state).toBe('unlocked');

    expect((await tv.ok('incidents.list', { limit: 10 })).items.map((i) => i.ref)).toEqual(['INC-2026-0001']);
    const files = await tv.ok('attachments.list', { module: 'inbox', recordId: request.id });
    expect(files.items.map((f) => [f.name, f.state])).toEqual([['身份证.png', 'stored'], ['empty.txt', 'stored']]);
    const readAll = async (id: string, chunks: number) => {
      const parts: Buffer[] = [];
      for (let i = 0; i < chunks; i++) parts.push(Buffer.from((await tv.ok('attachments.readChunk', { id, index: i })).data, 'base64'));
      return Buffer.concat(parts);
    };
    const back1 = (await tv.ok('attachments.list', { module: 'incidents', recordId: incident.id })).items[0];
    expect((await readAll(a1.id, back1.chunks)).equals(pdf)).toBe(true);
    expect((await readAll(a2.id, files.items[0].chunks)).equals(idScan)).toBe(true);
    expect(files.items[1]).toMatchObject({ id: empty.id, size: 0, chunks: 0 });

    const verify = await tv.ok('audit.verify', {});
    expect(verify.ok).toBe(true);
    // The restored vault was anchored at the head the backup verified to (not re-anchored from
    // whatever chain it found at unlock), and the anchor has moved on with the restore's entry.
    const integrity = await tv.ok('audit.integrity', {});
    expect(integrity.atOpen).toMatchObject({ anchorAtOpen: 'matches', anchoredSeqAtOpen: result.counts.auditEntries, anchorCreated: false });
    expect(verify.anchor.status).toBe('matches');
    const last = (await tv.ok('audit.list', { limit: 1 })).items[0];
    expect(last.action).toBe('vault.restore');
    expect(last.summary).toContain('weekly.dpobackup');
    // The restored vault counts the file it came from as its last verified backup.
    expect((await tv.ok('backups.get', {})).lastVerified).toMatchObject({ name: 'weekly.dpobackup', at: '2026-11-29T02:00:00.000Z' });
    const kept = readdirSync(tv.dir).filter((f) => f.startsWith('vault.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(readdirSync(join(tv.dir, kept[0])).sort()).toContain('vault.key');
  });
});
