import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAutoLock } from '../../../main/host/auto-lock';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => {
  vi.useRealTimers();
  tv?.cleanup();
});

describe('auto-lock in main', () => {
  it('locks after the idle minutes from Settings, tells listeners why, and later calls get LOCKED', async () => {
    tv = await makeTestVault();
    await tv.ok('settings.update', { autoLockMinutes: 5 });
    vi.useFakeTimers();
    const reasons: string[] = [];
    tv.vault.onLock((r) => reasons.push(r));
    tv.vault.touch();
    const stop = startAutoLock(tv.vault, 1000);
    vi.advanceTimersByTime(4 * 60_000);
    expect(tv.vault.status()).toBe('unlocked');
    vi.advanceTimersByTime(61_000);
    expect(tv.vault.status()).toBe('locked');
    expect(reasons).toEqual(['idle']);
    stop();
    vi.useRealTimers();
    expect(await tv.call('settings.get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('any API call by the DPO counts as activity; background polling does not', async () => {
    tv = await makeTestVault();
    await tv.ok('settings.update', { autoLockMinutes: 1 });
    vi.useFakeTimers();
    const stop = startAutoLock(tv.vault, 1000);
    vi.advanceTimersByTime(50_000);
    await tv.ok('audit.list', { limit: 1 });
    vi.advanceTimersByTime(50_000);
    expect(tv.vault.status()).toBe('unlocked');
    await tv.ok('vault.status', {});
    vi.advanceTimersByTime(15_000);
    expect(tv.vault.status()).toBe('locked');
    stop();
  });

  it('0 minutes means never', async () => {
    tv = await makeTestVault();
    await tv.ok('settings.update', { autoLockMinutes: 0 });
    vi.useFakeTimers();
    const stop = startAutoLock(tv.vault, 60_000);
    vi.advanceTimersByTime(24 * 3600_000);
    expect(tv.vault.status()).toBe('unlocked');
    stop();
  });
});
