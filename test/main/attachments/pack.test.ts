import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { finished, saveGrant } from '../../helpers/exports';
import { seedRecords, uploadBytes } from '../../helpers/records';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('evidence packs carry the files stored in the vault', () => {
  it('an incident pack holds its stored files byte for byte with their SHA-256; a removed one is left out', async () => {
    tv = await makeTestVault({ allowDir: true });
    const { incident } = await seedRecords(tv);
    const report = randomBytes(3 * 1024 * 1024 + 5);
    await uploadBytes(tv, { module: 'incidents', recordId: incident.id }, 'forensics.bin', report, 'report');
    const wrong = await uploadBytes(tv, { module: 'incidents', recordId: incident.id }, 'wrong.txt', Buffer.from('not this one'), 'other');
    await tv.ok('attachments.remove', { id: wrong.id, reason: 'Attached to the wrong incident' });
    const grant = await saveGrant(tv, 'incident.zip');
    const end = await finished(tv, await tv.ok('exports.pack', { kind: 'incident', id: incident.id, language: 'en', grantId: grant.grantId }));
    expect(end.error).toBeNull();
    const files = unzipSync(readFileSync(grant.path));
    expect(sha(files['attachments/forensics.bin'])).toBe(sha(report));
    expect(Object.keys(files).filter((f) => f.startsWith('attachments/'))).toEqual(['attachments/forensics.bin']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    expect(manifest.files.find((f: { path: string }) => f.path === 'attachments/forensics.bin').sha256).toBe(sha(report));
  });
});
