import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appInfo } from '../../../main/shared/app-info';
import { makeTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/vault';

const packageVersion = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')).version;

let v: TestVault | undefined;
afterEach(() => v?.cleanup());

describe('appInfo: what build this is', () => {
  it('reports the package version, the schema a new vault is written at, and "dev" from source', async () => {
    v = await makeTestVault();
    const info = appInfo();
    expect(info.version).toBe(packageVersion);
    // One fact: the schema version shown is the user_version a vault of this build carries.
    expect(info.schemaVersion).toBe(v.session.db.pragma('user_version', { simple: true }));
    expect(info.schemaVersion).toBeGreaterThan(0);
    expect(info.buildId).toBe('dev');
  });

  it('answers app.info while the vault is locked, and the same when unlocked', async () => {
    v = await makeTestVault();
    const unlocked = await v.ok('app.info', {});
    v.vault.lock('user');
    expect(await v.call('app.info', {})).toEqual({ ok: true, value: unlocked });
    await v.vault.unlock({ passphrase: TEST_PASSPHRASE });
    expect(unlocked).toEqual(appInfo());
  });

  it('refuses input it does not know, like every channel', async () => {
    v = await makeTestVault();
    expect(await v.call('app.info', { extra: 1 } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { extra: 'Unknown field' } } });
  });
});
