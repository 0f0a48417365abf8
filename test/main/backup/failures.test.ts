import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { signAnchor } from '../../../main/audit/anchor';
import { anchorKeyFrom } from '../../../main/audit/keys';
import { verifyDatabaseFile } from '../../../main/backup/verify';
import { makeTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/vault';
import { seedRecords, uploadBytes } from '../../helpers/records';

let tv: TestVault;
let out: string;
afterEach(() => {
  tv?.cleanup();
  if (out) rmSync(out, { recursive: true, force: true });
});

async function vaultWithFiles(mb: number): Promise<{ incidentId: string }> {
  out = mkdtempSync(join(tmpdir(), 'dpo-bk-'));
  tv = await makeTestVault({ roots: [out] });
  const { incident } = await seedRecords(tv);
  for (let i = 0; i < mb / 8; i++) await uploadBytes(tv, { module: 'incidents', recordId: incident.id }, `part-${i}.bin`, randomBytes(8 * 1024 * 1024), 'evidence');
  return { incidentId: incident.id };
}

async function startBackup(path: string) {
  const grant = await tv.ok('files.grantPath', { purpose: 'backup', mode: 'save', path });
  return tv.ok('vault.backup', { grantId: grant.grantId });
}

const leftovers = () => [...readdirSync(out), ...readdirSync(tv.dir).filter((f) => f.startsWith('.'))];

describe('a backup that cannot finish leaves no file with the final name', () => {
  it('lock cancels a running backup: recorded as cancelled by lock, no final file, no partial, no staging', async () => {
    await vaultWithFiles(48);
    const target = join(out, 'nightly.dpobackup');
    const job = await startBackup(target);
    await new Promise((r) => setTimeout(r, 150));
    await tv.ok('vault.lock', {});
    await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(await tv.ok('jobs.status', { jobId: job.jobId })).toMatchObject({ state: 'cancelled', cancelledBy: 'lock' });
    await new Promise((r) => setTimeout(r, 500));
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
    expect((await tv.ok('audit.list', { limit: 20, entity: 'backup' })).items).toEqual([]);
  });

  it('a copy that fails verification (a broken audit chain) is deleted and the error says why', async () => {
    await vaultWithFiles(8);
    // Tamper with history the way only someone with the key and the file could.
    tv.session.db.exec('DROP TRIGGER audit_log_no_update');
    tv.session.db.prepare(`UPDATE audit_log SET summary = 'rewritten' WHERE seq = 2`).run();
    const target = join(out, 'weekly.dpobackup');
    const done = await tv.vault.jobs.wait((await startBackup(target)).jobId);
    expect(done).toMatchObject({ state: 'failed', error: { code: 'BACKUP_INVALID' } });
    expect(done.error!.message).toContain("audit chain does not verify (first broken link at entry 2: hash)");
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('kill -9 in the middle of a backup leaves the vault intact and no file with the final name', async () => {
    await vaultWithFiles(96);
    const before = await tv.ok('audit.verify', {});
    tv.vault.close();
    const bundle = mkdtempSync(join(tmpdir(), 'dpo-kill-'));
    await build({
      configFile: false,
      logLevel: 'silent',
      root: resolve('.'),
      ssr: { noExternal: true, external: ['better-sqlite3-multiple-ciphers'] },
      build: {
        ssr: true,
        target: 'node20',
        outDir: bundle,
        emptyOutDir: true,
        minify: false,
        rollupOptions: {
          input: { child: resolve('test/main/backup/kill-child.ts') },
          external: ['better-sqlite3-multiple-ciphers', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    });
    const target = join(out, 'killed.dpobackup');
    const child = spawn(process.execPath, [join(bundle, 'child.cjs'), tv.dir, target, out], { env: { ...process.env, NODE_PATH: resolve('node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stderr.on('data', (d) => (log += d));
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    await new Promise<void>((resolveKill, reject) => {
      const timer = setTimeout(() => reject(new Error(`the backup never started: ${log}`)), 60_000);
      // Kill once the copy is under way (the staging folder holds a growing database).
      const poll = setInterval(() => {
        const staging = readdirSync(tv.dir).find((f) => f.startsWith('.backup-staging-'));
        const db = staging && join(tv.dir, staging, 'vault.db');
        if (db && existsSync(db) && statSync(db).size > 1024 * 1024) {
          clearInterval(poll);
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolveKill();
        }
      }, 2);
    });
    expect(await exited).toBe('SIGKILL');
    rmSync(bundle, { recursive: true, force: true });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(out).filter((f) => f.endsWith('.dpobackup'))).toEqual([]);

    // The vault opens as before, its chain verifies, and the next unlock cleared the staging.
    await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const after = await tv.ok('audit.verify', {});
    expect(after.ok).toBe(true);
    expect(after.entries).toBe(before.entries + 2); // the child's unlock and ours
    expect(readdirSync(tv.dir).filter((f) => f.startsWith('.backup-staging-'))).toEqual([]);
    // And a new backup to the same name now succeeds.
    const done = await tv.vault.jobs.wait((await startBackup(target)).jobId);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
  }, 120_000);
});

describe('a restore trusts a copy only as far as the anchor it carries', () => {
  it('refuses a copy whose audit log is shorter than, or different from, the anchored head', async () => {
    await vaultWithFiles(0);
    const dbKey = Buffer.from(tv.vault.databaseKey());
    const copy = join(out, 'copy.db');
    tv.session.db.exec(`VACUUM INTO '${copy}'`);
    const last = tv.session.db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get()!;
    const key = anchorKeyFrom(dbKey);
    const sign = (seq: number, hash: string) => signAnchor(key, { seq, hash, at: '2026-11-29T02:00:00.000Z' });

    // The anchor vouches for the copy's own head: it is accepted.
    await expect(verifyDatabaseFile(copy, dbKey, { anchor: sign(last.seq, last.hash) })).resolves.toMatchObject({ auditEntries: last.seq });
    // The anchor vouches for entries the copy does not have: a truncated log.
    await expect(verifyDatabaseFile(copy, dbKey, { anchor: sign(last.seq + 3, 'f'.repeat(64)) })).rejects.toMatchObject({
      code: 'BACKUP_INVALID',
      message: expect.stringContaining(`ends at entry ${last.seq}, but its anchor vouches for entries up to ${last.seq + 3}: entries are missing`),
    });
    // Another hash at the anchored entry: a rewritten log.
    await expect(verifyDatabaseFile(copy, dbKey, { anchor: sign(last.seq, '0'.repeat(64)) })).rejects.toMatchObject({
      message: expect.stringContaining(`differs from its anchor at entry ${last.seq}`),
    });
    // An anchor not signed by this vault's key.
    await expect(verifyDatabaseFile(copy, dbKey, { anchor: { ...sign(last.seq, last.hash), signature: 'ab'.repeat(32) } })).rejects.toMatchObject({
      message: 'The audit anchor inside this backup is not signed by its vault.',
    });
    key.fill(0);
    dbKey.fill(0);
  });
});
