import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

describe('files channels', () => {
  it('Settings → granted folders: a typed path inside them is granted, the list is audited, and lock forgets grants', async () => {
    tv = await makeTestVault();
    const folder = join(tv.dir, 'granted');
    mkdirSync(folder);
    writeFileSync(join(folder, 'people.csv'), 'email\n');
    const before = await tv.ok('files.roots', {});
    expect(before.defaults).toBe(true);
    const refused = await tv.call('files.grantPath', { purpose: 'recipients', mode: 'open', path: join(folder, 'people.csv') });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');

    await tv.ok('settings.update', { fileRoots: [folder] });
    expect(await tv.ok('files.roots', {})).toEqual({ access: 'roots', roots: [folder], defaults: false });
    const grant = await tv.ok('files.grantPath', { purpose: 'recipients', mode: 'open', path: join(folder, 'people.csv') });
    expect(grant.displayPath).toBe(join(folder, 'people.csv'));
    const audit = await tv.ok('audit.list', { limit: 5 });
    expect(audit.items[0]).toMatchObject({ action: 'settings.update' });

    tv.vault.lock('user');
    // Locked: the channel still answers (a first-run restore needs a file) but with the defaults.
    expect((await tv.ok('files.roots', {})).defaults).toBe(true);
    await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE });
    expect(() => tv.session.files.resolve(grant.grantId, { purpose: 'recipients', modes: ['open'] })).toThrow(expect.objectContaining({ fields: { grantId: 'This file choice has expired; choose the file again' } }));
  });

  it('refuses a relative folder in Settings, naming the field, and writes nothing', async () => {
    tv = await makeTestVault();
    const count = (await tv.ok('audit.list', { limit: 1 })).total;
    const r = await tv.call('settings.update', { fileRoots: ['relative/folder'] });
    expect(r.ok ? null : r.error.fields).toEqual({ 'fileRoots.0': 'Give the full path of a folder' });
    expect((await tv.ok('audit.list', { limit: 1 })).total).toBe(count);
  });
});
