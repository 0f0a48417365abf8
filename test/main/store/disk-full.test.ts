import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentsRepo } from '../../../main/attachments/repo';
import { makeTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/vault';
import { seedRecords } from '../../helpers/records';

let tv: TestVault | undefined;
let mountPoint: string | undefined;
afterEach(() => {
  tv?.vault.close();
  tv = undefined;
  if (mountPoint) {
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
    mountPoint = undefined;
  }
});

const MB = 1024 * 1024;

describe('a full disk', () => {
  it('on a real 12 MB file system: "the disk is full", nothing half-written, and the app works once space is freed', async () => {
    mountPoint = mkdtempSync(join(tmpdir(), 'dpo-full-'));
    // A size-limited tmpfs: the test runs as root here and in CI (the same machine kind).
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12m', 'tmpfs', mountPoint]);
    const dataDir = join(mountPoint, 'vault');
    mkdirSync(dataDir);
    tv = await makeTestVault({ dataDir });
    const { incident } = await seedRecords(tv);
    const filler = join(mountPoint, 'filler.bin');
    // Room that the DPO frees later: enough for SQLite to move its WAL back into the database.
    writeFileSync(filler, randomBytes(7 * MB));
    const owner = { module: 'incidents' as const, recordId: incident.id };
    const auditBefore = (await tv.ok('audit.verify', {})).entries;

    const begin = await tv.ok('attachments.beginUpload', { owner, role: 'evidence', name: 'big.bin', size: 16 * MB });
    let failure: { code: string; message: string } | undefined;
    for (let i = 0; i < 8 && !failure; i++) {
      const r = await tv.call('attachments.uploadChunk', { uploadId: begin.uploadId, index: i, data: randomBytes(begin.chunkSize).toString('base64') });
      if (!r.ok) failure = r.error;
    }
    expect(failure).toEqual({ code: 'DISK_FULL', message: 'The disk is full: nothing was saved half-way. Free some space on the disk and try again.' });
    await tv.ok('attachments.cancelUpload', { uploadId: begin.uploadId });
    expect((await tv.ok('attachments.list', { module: 'incidents', recordId: incident.id })).items).toEqual([]);

    rmSync(filler);
    // Verified once there is room again (verify also moves the audit anchor, a file write).
    expect(await tv.ok('audit.verify', {})).toMatchObject({ ok: true, entries: auditBefore });
    const small = await tv.ok('attachments.beginUpload', { owner, role: 'evidence', name: 'note.txt', size: 5 });
    await tv.ok('attachments.uploadChunk', { uploadId: small.uploadId, index: 0, data: Buffer.from('hello').toString('base64') });
    expect((await tv.ok('attachments.finishUpload', { uploadId: small.uploadId })).name).toBe('note.txt');
    await tv.ok('incidents.create', { title: 'After space was freed', discoveredAt: '2026-11-29T01:30:00.000Z', individualsAffected: 5, jurisdictions: ['CN'], piCategories: ['name'] });
    await tv.ok('vault.lock', {});
    await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect((await tv.ok('audit.verify', {})).ok).toBe(true);
  });

  it('SQLITE_FULL raised at the repository seam becomes DISK_FULL for any channel, and the transaction rolls back', async () => {
    tv = await makeTestVault();
    const { incident } = await seedRecords(tv);
    const original = AttachmentsRepo.prototype.markStored;
    AttachmentsRepo.prototype.markStored = () => {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    try {
      const begin = await tv.ok('attachments.beginUpload', { owner: { module: 'incidents', recordId: incident.id }, role: 'evidence', name: 'a.txt', size: 3 });
      await tv.ok('attachments.uploadChunk', { uploadId: begin.uploadId, index: 0, data: Buffer.from('abc').toString('base64') });
      expect(await tv.call('attachments.finishUpload', { uploadId: begin.uploadId })).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      // The last chunk, the search entry and the audit entry went with the rolled-back transaction.
      expect(tv.session.db.prepare(`SELECT count(*) FROM attachment_chunks`).pluck().get()).toBe(0);
      expect((await tv.ok('audit.list', { limit: 1 })).items[0].action).not.toBe('attachments.add');
    } finally {
      AttachmentsRepo.prototype.markStored = original;
    }
    tv.cleanup();
  });
});
