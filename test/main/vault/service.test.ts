import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VaultManager } from '../../../main/vault/service';
import { openDatabase } from '../../../main/store/database';
import { makeTestVault, TEST_KDF, TEST_PASSPHRASE, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const snapshot = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

describe('vault lifecycle', () => {
  it('creates an unlocked vault with the profile and a one-time recovery code', async () => {
    tv = await makeTestVault();
    expect(tv.recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect((await tv.ok('vault.status', {})).state).toBe('unlocked');
    expect((await tv.ok('settings.get', {})).profile.legalName).toBe('北京智言科技有限公司');
  });

  it('locks, refuses channels while locked, and unlocks with the passphrase', async () => {
    tv = await makeTestVault();
    await tv.ok('vault.lock', {});
    const locked = await tv.call('settings.get', {});
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect((await tv.ok('settings.get', {})).profile.dpoName).toBe('Li Wei');
  });

  it('a wrong passphrase gets WRONG_PASSPHRASE and leaves the vault files byte-identical (only the failure is counted)', async () => {
    tv = await makeTestVault();
    await tv.ok('vault.lock', {});
    const before = snapshot(tv.dir);
    const result = await tv.call('vault.unlock', { passphrase: 'not the passphrase at all' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const after = snapshot(tv.dir);
    const counter = JSON.parse(Buffer.from(after['vault.unlock-failures.json'], 'base64').toString('utf8'));
    expect(counter).toEqual({ count: 1, firstAt: '2026-11-29T02:00:00.000Z', lastAt: '2026-11-29T02:00:00.000Z' });
    delete after['vault.unlock-failures.json'];
    expect(after).toEqual(before);
    expect((await tv.ok('vault.status', {})).state).toBe('locked');
  });

  it('times the key apart from everything after it, only for an unlock that succeeded', async () => {
    tv = await makeTestVault();
    expect(tv.vault.lastUnlockTimings).toBeNull();
    await tv.ok('vault.lock', {});
    await tv.call('vault.unlock', { passphrase: 'not the passphrase at all' });
    expect(tv.vault.lastUnlockTimings).toBeNull();
    await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const t = tv.vault.lastUnlockTimings!;
    expect(t.keyMs).toBeGreaterThan(0);
    expect(t.afterKeyMs).toBeGreaterThan(0);
  });

  it('unlocks with the recovery code typed in lower case with spaces', async () => {
    tv = await makeTestVault();
    await tv.ok('vault.lock', {});
    const typed = tv.recoveryCode.toLowerCase().replace(/-/g, ' ');
    await tv.ok('vault.unlock', { recoveryCode: typed });
    expect((await tv.ok('vault.status', {})).state).toBe('unlocked');
  });

  it('a wrong recovery code is refused', async () => {
    tv = await makeTestVault();
    await tv.ok('vault.lock', {});
    const result = await tv.call('vault.unlock', { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
  });

  it('changing the passphrase rewraps the key: the old one stops working, the new one and the recovery code work', async () => {
    tv = await makeTestVault();
    const next = 'a brand new passphrase 2026';
    const wrong = await tv.call('vault.changePassphrase', { current: 'wrong wrong wrong', next });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await tv.ok('vault.changePassphrase', { current: TEST_PASSPHRASE, next });
    await tv.ok('vault.lock', {});
    expect(await tv.call('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false });
    await tv.ok('vault.unlock', { passphrase: next });
    await tv.ok('vault.lock', {});
    expect(await tv.ok('vault.unlock', { recoveryCode: tv.recoveryCode })).toMatchObject({ state: 'unlocked', recoveryPending: true });
    await tv.ok('vault.completeRecovery', { next: 'a third passphrase for 2027' });
    const audit = await tv.ok('audit.list', { limit: 50 });
    expect(audit.items.map((e) => e.action)).toContain('vault.changePassphrase');
  });

  it('refuses a second vault in the same folder and a short passphrase', async () => {
    tv = await makeTestVault();
    const again = await tv.call('vault.create', { passphrase: TEST_PASSPHRASE, profile: { legalName: 'X', dpoName: 'Y', dpoEmail: 'y@example.com' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const fresh = new VaultManager({ dataDir: join(tv.dir, 'other'), kdf: TEST_KDF });
    const { createApi } = await import('../../../main/api');
    const short = await createApi(fresh)('vault.create', { passphrase: 'short', profile: { legalName: 'X', dpoName: 'Y', dpoEmail: 'y@example.com' } });
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { passphrase: 'At least 12 characters' } } });
  });
});

describe('no plaintext on disk', () => {
  it('a marker string written through the app is absent from the database, WAL and key files', async () => {
    tv = await makeTestVault();
    const marker = 'PLAINTEXT-MARKER-个人信息-7f3a';
    await tv.ok('settings.update', { profile: { registeredAddress: marker } });
    for (const name of readdirSync(tv.dir)) {
      const bytes = readFileSync(join(tv.dir, name));
      expect(bytes.includes(Buffer.from(marker)), name).toBe(false);
      expect(bytes.includes(Buffer.from('PLAINTEXT-MARKER')), name).toBe(false);
    }
    tv.vault.close();
    expect(() => openDatabase(join(tv.dir, 'vault.db'), { key: null })).toThrow(/not a database/);
  });

  it('the default scrypt parameters are memory-hard (N = 2^17) and still unlock', async () => {
    const { DEFAULT_KDF, wrapKey, unwrapKey } = await import('../../../main/store/keyfile');
    expect(DEFAULT_KDF.N).toBeGreaterThanOrEqual(2 ** 17);
    const key = Buffer.alloc(32, 7);
    const wrapped = await wrapKey(key, TEST_PASSPHRASE, DEFAULT_KDF);
    expect((await unwrapKey(wrapped, TEST_PASSPHRASE))?.equals(key)).toBe(true);
    expect(await unwrapKey(wrapped, 'another passphrase')).toBeNull();
  });
});
