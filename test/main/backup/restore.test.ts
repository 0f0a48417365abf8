import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../main/api';
import { FileAccess } from '../../../main/files/access';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../../main/store/database';
import { latestVersion, migrate } from '../../../main/store/migrate';
import { allMigrations } from '../../../main/store/migrations';
import { VaultManager } from '../../../main/vault/service';
import { makeTestVault, TEST_KDF, TEST_PASSPHRASE, type TestVault } from '../../helpers/vault';
import { seedRecords, uploadBytes } from '../../helpers/records';

let tv: TestVault;
let out: string;
const extra: (() => void)[] = [];
afterEach(() => {
  tv?.cleanup();
  for (const f of extra.splice(0)) f();
  if (out) rmSync(out, { recursive: true, force: true });
});

async function vaultWithBackup(prepare?: (t: TestVault) => void | Promise<void>): Promise<string> {
  out = mkdtempSync(join(tmpdir(), 'dpo-rs-'));
  tv = await makeTestVault({ roots: [out] });
  const { incident } = await seedRecords(tv);
  await uploadBytes(tv, { module: 'incidents', recordId: incident.id }, 'evidence.txt', Buffer.from('what the vendor said'), 'evidence');
  await prepare?.(tv);
  const file = join(out, 'backup.dpobackup');
  const grant = await tv.ok('files.grantPath', { purpose: 'backup', mode: 'save', path: file });
  const done = await tv.vault.jobs.wait((await tv.ok('vault.backup', { grantId: grant.grantId })).jobId);
  expect(done.state, JSON.stringify(done.error)).toBe('done');
  return file;
}

/** A second app on another data folder (a new laptop), with the backup's folder granted. */
function newLaptop() {
  const dataDir = mkdtempSync(join(tmpdir(), 'dpo-laptop-'));
  const vault = new VaultManager({ dataDir, kdf: TEST_KDF, files: new FileAccess({ extraRoots: [out], defaultRoots: () => [] }) });
  const api = createApi(vault, { validateOutputs: true, logError: () => {} });
  extra.push(() => {
    vault.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const ok = async (channel: string, input: unknown) => {
    const r = await api(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as any;
  };
  return { dataDir, vault, api, ok };
}

describe('restore', () => {
  it('on a new laptop with no vault: preview with the recovery code, restore, then choose a new passphrase', async () => {
    const file = await vaultWithBackup();
    const laptop = newLaptop();
    expect((await laptop.ok('vault.status', {})).state).toBe('none');
    const grant = await laptop.ok('files.grantPath', { purpose: 'backup', mode: 'open', path: file });
    expect(await laptop.api('vault.inspectBackup', { grantId: grant.grantId, recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const preview = await laptop.ok('vault.inspectBackup', { grantId: grant.grantId, recoveryCode: tv.recoveryCode.toLowerCase() });
    expect(preview).toMatchObject({ replacesVault: false, restorable: true, counts: { incidents: 1, inbox: 1, attachments: 1 }, file: { name: 'backup.dpobackup' } });
    expect(readdirSync(laptop.dataDir)).toEqual([]);
    expect(await laptop.api('vault.restore', { inspectionId: preview.inspectionId })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { confirm: expect.any(String) } } });
    const job = await laptop.ok('vault.restore', { inspectionId: preview.inspectionId, confirm: true });
    let info;
    do {
      await new Promise((r) => setTimeout(r, 20));
      info = await laptop.ok('vault.restoreStatus', { jobId: job.jobId });
    } while (info.state === 'running');
    expect(info.state, JSON.stringify(info.error)).toBe('done');
    expect(await laptop.ok('vault.status', {})).toEqual({ state: 'unlocked', recoveryPending: true });
    const { recoveryCode } = await laptop.ok('vault.completeRecovery', { next: 'new laptop new passphrase' });
    expect(recoveryCode).not.toBe(tv.recoveryCode);
    expect((await laptop.ok('incidents.list', { limit: 5 })).items).toHaveLength(1);
    expect(readdirSync(laptop.dataDir).filter((f) => f.startsWith('vault.before-restore'))).toEqual([]);
    // The same preview cannot be used twice.
    expect(await laptop.api('vault.restore', { inspectionId: preview.inspectionId, confirm: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a backup from a newer schema is shown but refused clearly', async () => {
    const file = await vaultWithBackup((t) => {
      t.session.db.pragma(`user_version = ${latestVersion() + 5}`);
    });
    const laptop = newLaptop();
    const grant = await laptop.ok('files.grantPath', { purpose: 'backup', mode: 'open', path: file });
    const preview = await laptop.ok('vault.inspectBackup', { grantId: grant.grantId, passphrase: TEST_PASSPHRASE });
    expect(preview.restorable).toBe(false);
    expect(preview.problem).toContain('made by a newer version of DPO Workstation');
    expect(await laptop.api('vault.restore', { inspectionId: preview.inspectionId, confirm: true })).toMatchObject({ ok: false, error: { code: 'BACKUP_NEWER' } });
    expect(readdirSync(laptop.dataDir)).toEqual([]);
  });

  it('a backup from an older schema (before attachments) is migrated as at unlock', async () => {
    const file = await vaultWithBackup((t) => {
      // Turn the vault into one at schema 599: drop what every migration from 600 on created, and
      // take those steps out of its ledger.
      const scratch = openDatabase(join(out, 'schema-599.db'), { key: randomBytes(32) });
      migrate(scratch, allMigrations.filter((m) => m.version < 600));
      const older = new Set(scratch.prepare(`SELECT name FROM sqlite_master`).pluck().all() as string[]);
      scratch.close();
      const newer = t.session.db.prepare(`SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`).all() as { type: string; name: string }[];
      t.session.db.pragma('foreign_keys = OFF');
      for (const type of ['trigger', 'index', 'table']) {
        for (const o of newer.filter((x) => x.type === type && !older.has(x.name))) t.session.db.exec(`DROP ${type.toUpperCase()} IF EXISTS "${o.name}"`);
      }
      t.session.db.pragma('foreign_keys = ON');
      t.session.db.prepare('DELETE FROM schema_migrations WHERE version >= 600').run();
      t.session.db.pragma('user_version = 599');
    });
    const laptop = newLaptop();
    const grant = await laptop.ok('files.grantPath', { purpose: 'backup', mode: 'open', path: file });
    const preview = await laptop.ok('vault.inspectBackup', { grantId: grant.grantId, passphrase: TEST_PASSPHRASE });
    expect(preview).toMatchObject({ schemaVersion: 599, restorable: true, counts: { attachments: 0 } });
    const job = await laptop.ok('vault.restore', { inspectionId: preview.inspectionId, confirm: true });
    const done = await laptop.vault.jobs.wait(job.jobId);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(laptop.vault.hostSession().db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect((await laptop.ok('audit.verify', {})).ok).toBe(true);
  });

  it('a damaged backup is refused before anything moves: the current vault stays as it was', async () => {
    const file = await vaultWithBackup();
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(32, 0x55), 0, 32, size - 8192);
    closeSync(fd);
    const grant = await tv.ok('files.grantPath', { purpose: 'backup', mode: 'open', path: file });
    const preview = await tv.ok('vault.inspectBackup', { grantId: grant.grantId, passphrase: TEST_PASSPHRASE });
    await tv.ok('incidents.create', { title: 'After the backup', discoveredAt: '2026-11-29T01:30:00.000Z', individualsAffected: 5, jurisdictions: ['CN'], piCategories: ['name'] });
    const done = await tv.vault.jobs.wait((await tv.ok('vault.restore', { inspectionId: preview.inspectionId, confirm: true })).jobId);
    expect(done).toMatchObject({ state: 'failed', error: { code: 'BACKUP_INVALID' } });
    expect(readdirSync(tv.dir).filter((f) => f.startsWith('vault.before-restore') || f.startsWith('.restore'))).toEqual([]);
    await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect((await tv.ok('incidents.list', { limit: 5 })).items).toHaveLength(2);
  });

  it('a file that is not a backup, and a wrong passphrase, are told apart', async () => {
    const file = await vaultWithBackup();
    writeFileSync(join(out, 'holiday.dpobackup'), 'just some text');
    const notOne = await tv.ok('files.grantPath', { purpose: 'backup', mode: 'open', path: join(out, 'holiday.dpobackup') });
    expect(await tv.call('vault.inspectBackup', { grantId: notOne.grantId, passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });
    const real = await tv.ok('files.grantPath', { purpose: 'backup', mode: 'open', path: file });
    expect(await tv.call('vault.inspectBackup', { grantId: real.grantId, passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', fields: { passphrase: 'Does not open this backup' } } });
  });
});
