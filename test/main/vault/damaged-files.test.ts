import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../main/api';
import { VaultManager } from '../../../main/vault/service';
import { makeTestVault, TEST_KDF, TEST_PASSPHRASE, type TestVault } from '../../helpers/vault';
import { seedRecords } from '../../helpers/records';

let tv: TestVault;
let other: TestVault | undefined;
afterEach(() => {
  tv?.cleanup();
  other?.cleanup();
  other = undefined;
});

async function lockedVault(): Promise<TestVault> {
  const t = await makeTestVault();
  await seedRecords(t);
  for (let i = 0; i < 20; i++) {
    await t.ok('incidents.create', { title: `Incident ${i} ${'x'.repeat(300)}`, discoveredAt: '2026-11-29T01:00:00.000Z', individualsAffected: 5, jurisdictions: ['CN'], piCategories: ['name'] });
  }
  await t.ok('vault.lock', {});
  return t;
}

const unlock = (t: TestVault) => t.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
const keyFile = (t: TestVault) => JSON.parse(readFileSync(join(t.dir, 'vault.key'), 'utf8'));
const writeKey = (t: TestVault, value: unknown) => writeFileSync(join(t.dir, 'vault.key'), typeof value === 'string' ? value : JSON.stringify(value));

describe('damaged or missing vault files: each case its own code, naming the file and what to do', () => {
  it('vault.db missing beside vault.key: VAULT_DB_MISSING, and no new empty vault is created', async () => {
    tv = await lockedVault();
    rmSync(join(tv.dir, 'vault.db'));
    const r = await unlock(tv);
    expect(r).toMatchObject({ ok: false, error: { code: 'VAULT_DB_MISSING' } });
    if (!r.ok) expect(r.error.message).toMatch(/vault\.db is missing.*Restore the vault from a backup/);
    expect(existsSync(join(tv.dir, 'vault.db'))).toBe(false);
    expect((await tv.ok('vault.status', {})).state).toBe('locked');
  });

  it('vault.db emptied (0 bytes, no WAL): VAULT_DB_MISSING, the file stays empty', async () => {
    tv = await lockedVault();
    writeFileSync(join(tv.dir, 'vault.db'), '');
    expect(await unlock(tv)).toMatchObject({ ok: false, error: { code: 'VAULT_DB_MISSING' } });
    expect(statSync(join(tv.dir, 'vault.db')).size).toBe(0);
  });

  it('vault.db cut mid-page: VAULT_DB_DAMAGED (truncated), before any key is derived', async () => {
    tv = await lockedVault();
    const db = join(tv.dir, 'vault.db');
    truncateSync(db, statSync(db).size - 1000);
    const r = await unlock(tv);
    expect(r).toMatchObject({ ok: false, error: { code: 'VAULT_DB_DAMAGED' } });
    if (!r.ok) expect(r.error.message).toContain('truncated');
  });

  it('vault.db cut to half its pages: VAULT_DB_DAMAGED', async () => {
    tv = await lockedVault();
    const db = join(tv.dir, 'vault.db');
    truncateSync(db, Math.floor(statSync(db).size / 8192) * 4096);
    expect(await unlock(tv)).toMatchObject({ ok: false, error: { code: 'VAULT_DB_DAMAGED' } });
  });

  it('vault.db with its first page overwritten: VAULT_DB_DAMAGED', async () => {
    tv = await lockedVault();
    const fd = openSync(join(tv.dir, 'vault.db'), 'r+');
    writeSync(fd, Buffer.alloc(200, 0xab), 0, 200, 100);
    closeSync(fd);
    const r = await unlock(tv);
    expect(r).toMatchObject({ ok: false, error: { code: 'VAULT_DB_DAMAGED' } });
    if (!r.ok) expect(r.error.message).toContain(join(tv.dir, 'vault.db'));
  });

  it('a page damaged mid-file is found when read: VAULT_DB_DAMAGED, not INTERNAL', async () => {
    tv = await lockedVault();
    const db = join(tv.dir, 'vault.db');
    const fd = openSync(db, 'r+');
    const pages = statSync(db).size / 4096;
    for (let p = 2; p < pages; p++) writeSync(fd, Buffer.alloc(64, 0xcd), 0, 64, p * 4096 + 1000);
    closeSync(fd);
    const r = await unlock(tv);
    const after = r.ok ? await tv.call('incidents.list', { limit: 50 }) : r;
    expect(after).toMatchObject({ ok: false, error: { code: 'VAULT_DB_DAMAGED' } });
  });

  it("another vault's database beside this key file: VAULT_DB_FOREIGN", async () => {
    tv = await lockedVault();
    other = await makeTestVault();
    other.vault.close();
    copyFileSync(join(other.dir, 'vault.db'), join(tv.dir, 'vault.db'));
    const r = await unlock(tv);
    expect(r).toMatchObject({ ok: false, error: { code: 'VAULT_DB_FOREIGN' } });
    if (!r.ok) expect(r.error.message).toMatch(/belongs to another vault/);
  });

  it('an older key file without dbSalt gets it at the next unlock', async () => {
    tv = await lockedVault();
    const { dbSalt, ...older } = keyFile(tv);
    expect(dbSalt).toMatch(/^[0-9a-f]{32}$/);
    writeKey(tv, older);
    expect((await unlock(tv)).ok).toBe(true);
    expect(keyFile(tv).dbSalt).toBe(dbSalt);
  });

  it('malformed vault.key JSON: VAULT_KEY_MALFORMED naming the file', async () => {
    tv = await lockedVault();
    writeKey(tv, '{"format": "dpo-vault-key", "version": 1, ');
    const r = await unlock(tv);
    expect(r).toMatchObject({ ok: false, error: { code: 'VAULT_KEY_MALFORMED' } });
    if (!r.ok) expect(r.error.message).toContain(join(tv.dir, 'vault.key'));
  });

  it('vault.key that is JSON but not a key file: VAULT_KEY_MALFORMED', async () => {
    tv = await lockedVault();
    writeKey(tv, { hello: 'world' });
    expect(await unlock(tv)).toMatchObject({ ok: false, error: { code: 'VAULT_KEY_MALFORMED' } });
  });

  it('unreadable parameters (salt not base64 of 16 bytes): VAULT_KEY_PARAMS', async () => {
    tv = await lockedVault();
    const k = keyFile(tv);
    writeKey(tv, { ...k, byPassphrase: { ...k.byPassphrase, salt: 'not base64!' } });
    expect(await unlock(tv)).toMatchObject({ ok: false, error: { code: 'VAULT_KEY_PARAMS' } });
  });

  it.each([
    { why: 'N of 2^30 would take gigabytes', kdf: { N: 2 ** 30, r: 8, p: 1 } },
    { why: 'N not a power of two', kdf: { N: 100_000, r: 8, p: 1 } },
    { why: 'p of 64 would take a minute', kdf: { N: 2 ** 17, r: 8, p: 64 } },
    { why: 'r·N beyond 256 MiB', kdf: { N: 2 ** 18, r: 16, p: 1 } },
    { why: 'a string where a number belongs', kdf: { N: '131072', r: 8, p: 1 } },
  ])('scrypt parameters are bounded before deriving: $why → VAULT_KEY_PARAMS, at once', async ({ kdf }) => {
    tv = await lockedVault();
    const k = keyFile(tv);
    writeKey(tv, { ...k, byPassphrase: { ...k.byPassphrase, kdf } });
    const started = Date.now();
    expect(await unlock(tv)).toMatchObject({ ok: false, error: { code: 'VAULT_KEY_PARAMS' } });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('the data folder becomes 0700 and the files 0600 even when they existed with wider modes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpo-perm-'));
    const dataDir = join(dir, 'vault');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    tv = await makeTestVault({ dataDir });
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const f of ['vault.db', 'vault.key']) expect(statSync(join(dataDir, f)).mode & 0o777, f).toBe(0o600);
    await tv.ok('vault.lock', {});
    chmodSync(dataDir, 0o755);
    for (const f of ['vault.db', 'vault.key']) chmodSync(join(dataDir, f), 0o644);
    expect((await unlock(tv)).ok).toBe(true);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const f of ['vault.db', 'vault.key']) expect(statSync(join(dataDir, f)).mode & 0o777, f).toBe(0o600);
  });

  it('a fresh manager on a folder with only vault.key reports locked and refuses to create over it', async () => {
    tv = await lockedVault();
    rmSync(join(tv.dir, 'vault.db'));
    const fresh = new VaultManager({ dataDir: tv.dir, kdf: TEST_KDF });
    const api = createApi(fresh, { logError: () => {} });
    expect(await api('vault.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    const create = await api('vault.create', { passphrase: TEST_PASSPHRASE, profile: { legalName: 'X', dpoName: 'Y', dpoEmail: 'y@example.com' } });
    expect(create).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(existsSync(join(tv.dir, 'vault.db'))).toBe(false);
  });
});
