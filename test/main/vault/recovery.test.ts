import { afterEach, describe, expect, it } from 'vitest';
import { unlockDelayMs, unlockWaitMs } from '../../../main/vault/rules';
import { makeTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const NEXT = 'a new passphrase after recovery';
const actions = async (t: TestVault) => (await t.ok('audit.list', { limit: 50 })).items.map((e) => e.action);

describe('unlocking with the recovery code leads to a new passphrase and a new code', () => {
  it('asks for a new passphrase first, then shows a new code once; the old code stops working', async () => {
    tv = await makeTestVault();
    await tv.ok('vault.lock', {});
    expect(await tv.ok('vault.unlock', { recoveryCode: tv.recoveryCode })).toEqual({ state: 'unlocked', recoveryPending: true });
    // Nothing else opens until the new passphrase is chosen.
    expect(await tv.call('incidents.list', { limit: 5 })).toMatchObject({ ok: false, error: { code: 'RECOVERY_PENDING' } });
    expect(await tv.call('vault.completeRecovery', { next: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { next: 'At least 12 characters' } } });

    const { recoveryCode } = await tv.ok('vault.completeRecovery', { next: NEXT });
    expect(recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    expect(recoveryCode).not.toBe(tv.recoveryCode);
    expect(await tv.ok('vault.status', {})).toEqual({ state: 'unlocked' });
    expect(await actions(tv)).toEqual(expect.arrayContaining(['vault.recover', 'vault.unlock']));
    // A second completion is refused: the flow happens once per recovery unlock.
    expect(await tv.call('vault.completeRecovery', { next: NEXT })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await tv.ok('vault.lock', {});
    expect(await tv.call('vault.unlock', { recoveryCode: tv.recoveryCode })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await tv.call('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await tv.ok('vault.unlock', { passphrase: NEXT });
    await tv.ok('vault.lock', {});
    expect((await tv.ok('vault.unlock', { recoveryCode })).recoveryPending).toBe(true);
  });

  it('a restart in the middle (no new passphrase chosen) leaves the old code and passphrase working', async () => {
    tv = await makeTestVault();
    await tv.ok('vault.lock', {});
    await tv.ok('vault.unlock', { recoveryCode: tv.recoveryCode });
    await tv.ok('vault.lock', {});
    expect((await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE })).recoveryPending).toBeUndefined();
    await tv.ok('vault.lock', {});
    expect((await tv.ok('vault.unlock', { recoveryCode: tv.recoveryCode })).recoveryPending).toBe(true);
  });

  it('Settings → Create a new recovery code needs the passphrase; the old code stops working', async () => {
    tv = await makeTestVault();
    expect(await tv.call('vault.newRecoveryCode', { passphrase: 'wrong wrong wrong' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', fields: { passphrase: 'Not the current passphrase' } },
    });
    const { recoveryCode } = await tv.ok('vault.newRecoveryCode', { passphrase: TEST_PASSPHRASE });
    expect(await actions(tv)).toContain('vault.newRecoveryCode');
    await tv.ok('vault.lock', {});
    expect(await tv.call('vault.unlock', { recoveryCode: tv.recoveryCode })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect((await tv.ok('vault.unlock', { recoveryCode })).recoveryPending).toBe(true);
  });
});

describe('failed unlock attempts are counted (times only) and said once after the next unlock', () => {
  it('"3 failed attempts since your last unlock, the last at …" with one audit entry, then the count starts again', async () => {
    tv = await makeTestVault();
    await tv.ok('vault.lock', {});
    tv.setNow('2026-11-29T03:00:00.000Z');
    await tv.call('vault.unlock', { passphrase: 'guess one guess one' });
    tv.setNow('2026-11-29T03:01:00.000Z');
    await tv.call('vault.unlock', { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' });
    tv.setNow('2026-11-29T03:02:00.000Z');
    await tv.call('vault.unlock', { passphrase: 'guess three guess three' });
    tv.setNow('2026-11-29T04:00:00.000Z');
    const opened = await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(opened.failedUnlocks).toEqual({ count: 3, firstAt: '2026-11-29T03:00:00.000Z', lastAt: '2026-11-29T03:02:00.000Z' });
    const entries = (await tv.ok('audit.list', { limit: 50 })).items.filter((e) => e.action === 'vault.failedUnlocks');
    expect(entries).toHaveLength(1);
    expect(entries[0].summary).toBe('3 failed unlock attempts since the last unlock');
    await tv.ok('vault.lock', {});
    expect((await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE })).failedUnlocks).toBeUndefined();
  });

  it('from the 5th failure the next attempt waits, refused at once without trying the secret; the wait grows', async () => {
    tv = await makeTestVault();
    await tv.ok('vault.lock', {});
    for (let i = 0; i < 5; i++) await tv.call('vault.unlock', { passphrase: `wrong guess number ${i}` });
    const refused = await tv.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', message: '5 failed attempts in a row: wait 1 s before trying again.' } });
    tv.setNow('2026-11-29T02:00:01.500Z');
    expect(await tv.call('vault.unlock', { passphrase: 'sixth wrong guess' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await tv.call('vault.unlock', { passphrase: TEST_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', message: '6 failed attempts in a row: wait 2 s before trying again.' },
    });
    tv.setNow('2026-11-29T02:00:04.000Z');
    expect((await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE })).failedUnlocks?.count).toBe(6);
  });

  it.each([
    { failures: 0, delay: 0 },
    { failures: 4, delay: 0, why: 'typos are free' },
    { failures: 5, delay: 1000 },
    { failures: 6, delay: 2000 },
    { failures: 10, delay: 32_000 },
    { failures: 14, delay: 300_000, why: 'capped at five minutes' },
    { failures: 1000, delay: 300_000 },
  ])('unlockDelayMs($failures) = $delay', ({ failures, delay }) => {
    expect(unlockDelayMs(failures)).toBe(delay);
  });

  it('unlockWaitMs counts from the last failure', () => {
    const now = new Date('2026-11-29T02:00:10.000Z');
    expect(unlockWaitMs(null, now)).toBe(0);
    expect(unlockWaitMs({ count: 7, lastAt: '2026-11-29T02:00:08.000Z' }, now)).toBe(2000);
    expect(unlockWaitMs({ count: 7, lastAt: '2026-11-29T02:00:00.000Z' }, now)).toBe(0);
  });
});
