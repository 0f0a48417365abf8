import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autoBackupName, backupDue, backupsToRotate, backupWarning, nextBackupDue } from '../../../main/backup/rules';
import { runBackupIfDue } from '../../../main/backup/schedule';
import { makeTestVault, type TestVault } from '../../helpers/vault';
import { seedRecords } from '../../helpers/records';

let tv: TestVault;
let out: string;
afterEach(() => {
  tv?.cleanup();
  if (out) rmSync(out, { recursive: true, force: true });
});

const schedule = { folder: '/b', intervalHours: 24, keep: 3, warnAfterDays: 7 };

describe('backup rules', () => {
  it.each([
    { why: 'never backed up: due now', last: null, failure: null, now: '2026-11-29T00:00:00Z', due: true },
    { why: 'backed up 23 h ago: not yet', last: '2026-11-28T01:00:00Z', failure: null, now: '2026-11-29T00:00:00Z', due: false },
    { why: 'backed up 24 h ago: due', last: '2026-11-28T00:00:00Z', failure: null, now: '2026-11-29T00:00:00Z', due: true },
    { why: 'failed 30 min ago: wait an hour before retrying', last: null, failure: '2026-11-28T23:30:00Z', now: '2026-11-29T00:00:00Z', due: false },
    { why: 'failed 61 min ago: retry', last: null, failure: '2026-11-28T22:59:00Z', now: '2026-11-29T00:00:00Z', due: true },
  ])('$why', ({ last, failure, now, due }) => {
    expect(backupDue(schedule, last, failure, new Date(now))).toBe(due);
  });

  it('no folder: automatic backups are off', () => {
    expect(nextBackupDue({ ...schedule, folder: null }, null, null, new Date())).toBeNull();
  });

  it.each([
    { last: null, now: '2026-11-29T00:00:00Z', warn: true, why: 'never' },
    { last: '2026-11-22T00:00:00Z', now: '2026-11-29T00:00:00Z', warn: false, why: 'exactly 7 days' },
    { last: '2026-11-21T23:59:00Z', now: '2026-11-29T00:00:00Z', warn: true, why: 'over 7 days' },
  ])('warning after warnAfterDays: $why', ({ last, now, warn }) => {
    expect(backupWarning(last, 7, new Date(now))).toBe(warn);
  });

  it('rotation keeps the newest automatic backups and never touches other files', () => {
    const names = [autoBackupName(new Date('2026-11-01T02:00:00Z')), autoBackupName(new Date('2026-11-03T02:00:00Z')), autoBackupName(new Date('2026-11-02T02:00:00Z')), 'my-own.dpobackup', 'notes.txt'];
    expect(names[0]).toBe('dpo-vault-20261101T020000Z.dpobackup');
    expect(backupsToRotate(names, 2)).toEqual(['dpo-vault-20261101T020000Z.dpobackup']);
  });
});

describe('automatic backups', () => {
  it('run when due into the chosen folder, rotate, and the board status says when the last verified one was', async () => {
    out = mkdtempSync(join(tmpdir(), 'dpo-auto-'));
    tv = await makeTestVault({ roots: [out] });
    await seedRecords(tv);
    expect((await tv.ok('backups.get', {})).warning).toBe(true);
    expect(runBackupIfDue(tv.vault)).toBeNull(); // no folder yet

    const folder = join(out, 'backups');
    mkdirSync(folder);
    writeFileSync(join(folder, 'my-own.dpobackup'), 'not ours');
    writeFileSync(join(folder, 'old.dpobackup.partial-0badc0de'), 'left by a killed run');
    const grant = await tv.ok('files.grantPath', { purpose: 'backup', mode: 'directory', path: folder });
    const configured = await tv.ok('backups.configure', { folderGrantId: grant.grantId, keep: 2 });
    expect(configured.schedule).toMatchObject({ folder, intervalHours: 24, keep: 2, warnAfterDays: 7 });

    const times = ['2026-11-29T02:00:00.000Z', '2026-11-30T02:00:00.000Z', '2026-12-01T02:00:00.000Z'];
    for (const at of times) {
      tv.setNow(at);
      const job = runBackupIfDue(tv.vault);
      expect(job, at).not.toBeNull();
      const done = await tv.vault.jobs.wait(job!.jobId);
      expect(done.state, JSON.stringify(done.error)).toBe('done');
      expect(runBackupIfDue(tv.vault), 'not due again at once').toBeNull();
    }
    expect(readdirSync(folder).sort()).toEqual(['dpo-vault-20261130T020000Z.dpobackup', 'dpo-vault-20261201T020000Z.dpobackup', 'my-own.dpobackup']);
    const status = await tv.ok('backups.get', {});
    expect(status).toMatchObject({ warning: false, lastVerified: { name: 'dpo-vault-20261201T020000Z.dpobackup', automatic: true }, nextDueAt: '2026-12-02T02:00:00.000Z', lastError: null });
    const actions = (await tv.ok('audit.list', { limit: 50, entity: 'backup' })).items.map((e) => e.action);
    expect(actions.filter((a) => a === 'backups.rotate')).toHaveLength(1);

    // Eight days later with no backup the board warns.
    tv.setNow('2026-12-09T03:00:00.000Z');
    expect((await tv.ok('backups.get', {})).warning).toBe(true);
  });

  it('a folder that is gone is re-checked at the run: the failure is recorded and shown, nothing written', async () => {
    out = mkdtempSync(join(tmpdir(), 'dpo-auto-'));
    tv = await makeTestVault({ roots: [out] });
    const folder = join(out, 'usb-stick');
    mkdirSync(folder);
    const grant = await tv.ok('files.grantPath', { purpose: 'backup', mode: 'directory', path: folder });
    await tv.ok('backups.configure', { folderGrantId: grant.grantId });
    rmSync(folder, { recursive: true });
    expect(runBackupIfDue(tv.vault)).toBeNull();
    const status = await tv.ok('backups.get', {});
    expect(status.lastError?.message).toBe(`The folder ${folder} no longer exists`);
    expect(status.nextDueAt).toBe('2026-11-29T03:00:00.000Z');
    expect(await tv.call('backups.runNow', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('under the HTTP host a folder outside the granted folders is refused, at choice and at each run', async () => {
    out = mkdtempSync(join(tmpdir(), 'dpo-auto-'));
    tv = await makeTestVault({ roots: [join(out, 'granted')] });
    mkdirSync(join(out, 'granted'));
    mkdirSync(join(out, 'elsewhere'));
    expect(await tv.call('files.grantPath', { purpose: 'backup', mode: 'directory', path: join(out, 'elsewhere') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await tv.call('backups.configure', { folderGrantId: 'not-a-grant' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { folderGrantId: expect.any(String) } } });
    const grant = await tv.ok('files.grantPath', { purpose: 'backup', mode: 'directory', path: join(out, 'granted') });
    await tv.ok('backups.configure', { folderGrantId: grant.grantId });
    // The DPO narrows Settings → Files afterwards: the stored folder no longer qualifies.
    await tv.ok('settings.update', { fileRoots: [join(out, 'elsewhere')] });
    tv.vault.files.useSettingsRoots(() => [join(out, 'elsewhere')]);
    const narrowed = new (await import('../../../main/files/access')).FileAccess({ defaultRoots: () => [join(out, 'elsewhere')] });
    expect(narrowed.recheckFolder(join(out, 'granted'))).toEqual({ ok: false, problem: `The folder ${join(out, 'granted')} is no longer inside the folders granted in Settings → Files` });
  });
});
