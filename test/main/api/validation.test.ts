import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../preload/contract';
import { makeTestVault, writeCounts, type TestVault } from '../../helpers/vault';

let tv: TestVault;
beforeAll(async () => {
  tv = await makeTestVault();
});
afterAll(() => tv.cleanup());


// Every channel of the contract, whatever module adds it: bad input is refused by the
// contract's schema in main, named, and nothing reaches the vault.
describe.each(channels)('%s with bad input', (channel) => {
  it('an unknown field is refused as VALIDATION naming that field, and nothing is written', async () => {
    const before = writeCounts(tv);
    const result = await tv.call(channel, { surelyNotAField: 1 } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    // Named: the unknown field itself or, for inputs that are unions (e.g. markObligation by
    // `state`), the discriminating field that is missing; never just "(input)".
    const named = Object.keys(result.error.fields ?? {});
    expect(named.length).toBeGreaterThan(0);
    expect(named).not.toContain('(input)');
    if (!named.includes('surelyNotAField')) expect(named.every((f) => /^[a-zA-Z][\w.]*$/.test(f))).toBe(true);
    expect(writeCounts(tv)).toEqual(before);
  });

  it('a non-object input is refused as VALIDATION, and nothing is written', async () => {
    const before = writeCounts(tv);
    const result = await tv.call(channel, 42 as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(writeCounts(tv)).toEqual(before);
  });
});

describe('field naming', () => {
  it('names nested fields by their dotted path', async () => {
    const result = await tv.call('settings.update', { profile: { dpoEmail: 'not-an-email' }, autoLockMinutes: -1 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'profile.dpoEmail': 'Not a valid e-mail address', autoLockMinutes: expect.any(String) } },
    });
  });

  it('names an unknown field rather than the whole input', async () => {
    const result = await tv.call('settings.update', { colour: 'blue' } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { colour: 'Unknown field' } } });
  });

  it('an unknown channel is NOT_FOUND', async () => {
    expect(await tv.call('nope.nothing' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('an internal failure becomes INTERNAL without stack or path', async () => {
    tv.session.db.exec('DROP TABLE settings');
    const result = await tv.call('settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).not.toMatch(/\/|\\|at |sqlite/i);
  });
});
