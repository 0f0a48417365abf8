import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAnchor } from '../../../main/audit/anchor';
import { TEST_PASSPHRASE, makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const anchorPath = () => tv.vault.paths.anchorFile;
const readAnchor = () => parseAnchor(readFileSync(anchorPath(), 'utf8'))!;

async function withEntries(n: number) {
  tv = await makeTestVault();
  for (let i = 0; i < n; i++) await tv.ok('settings.update', { dueSoonHours: 10 + i });
  return tv;
}

/** What someone with the database key could do behind the app's back (the triggers are no obstacle to them). */
function tamper(sql: string) {
  tv.session.db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  tv.session.db.exec(sql);
}

async function relock() {
  tv.vault.lock();
  await tv.vault.unlock({ passphrase: TEST_PASSPHRASE });
}

describe('audit anchor outside the vault', () => {
  it('is written beside the key file, signed, and follows the head after writes (at the latest at lock)', async () => {
    await withEntries(3);
    await relock();
    const anchor = readAnchor();
    const verify = await tv.ok('audit.verify', {});
    // The unlock itself appended an entry after the lock's last anchor write.
    expect(anchor.seq).toBeGreaterThanOrEqual(4);
    expect(verify.anchor.status).toBe('matches');
    expect(readAnchor().seq).toBe(verify.entries);
    expect(readAnchor().hash).toBe(verify.head);
    expect(readAnchor().signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects a truncated log: "entries missing after seq N"', async () => {
    await withEntries(5);
    const before = await tv.ok('audit.verify', {});
    tamper('DELETE FROM audit_log WHERE seq > 3');
    const v = await tv.ok('audit.verify', {});
    expect(v.firstBroken).toBeNull();
    expect(v.ok).toBe(false);
    expect(v.anchor).toMatchObject({ status: 'missingAfter', anchoredSeq: before.entries, lastSeq: 3 });
  });

  it('detects a wiped log, and does not move the anchor onto the new short chain at the next unlock', async () => {
    await withEntries(4);
    const before = await tv.ok('audit.verify', {});
    tamper('DELETE FROM audit_log');
    await relock();
    const v = await tv.ok('audit.verify', {});
    expect(v.anchor.status).toBe('missingAfter');
    expect(v.anchor.anchoredSeq).toBe(before.entries);
    expect(readAnchor().seq).toBe(before.entries);
    // The unlock reported it and wrote it down.
    const integrity = await tv.ok('audit.integrity', {});
    expect(integrity.atOpen).toMatchObject({ anchorAtOpen: 'missingAfter', lastSeqAtOpen: 0, anchoredSeqAtOpen: before.entries });
    expect(integrity.anchor.held).toBe(true);
    const list = await tv.ok('audit.list', { limit: 10 });
    expect(list.items.map((e) => e.action)).toContain('audit.anchorMismatch');
  });

  it('detects a log re-chained with the key (the anchored seq now has another hash)', async () => {
    await withEntries(3);
    await tv.ok('audit.verify', {});
    const anchored = readAnchor();
    tamper(`UPDATE audit_log SET hash = '${'f'.repeat(64)}' WHERE seq = ${anchored.seq}`);
    const v = await tv.ok('audit.verify', {});
    expect(v.anchor.status).toBe('rewritten');
    expect(v.ok).toBe(false);
  });

  it('refuses an edited anchor file (bad signature)', async () => {
    await withEntries(2);
    await tv.ok('audit.verify', {});
    const a = readAnchor();
    writeFileSync(anchorPath(), JSON.stringify({ ...a, seq: a.seq - 1 }));
    const v = await tv.ok('audit.verify', {});
    expect(v.anchor.status).toBe('badSignature');
    expect(v.ok).toBe(false);
  });

  it('makes an anchor from the verified chain when none exists, and says so in the log', async () => {
    await withEntries(2);
    tv.vault.lock();
    rmSync(anchorPath());
    await tv.vault.unlock({ passphrase: TEST_PASSPHRASE });
    const integrity = await tv.ok('audit.integrity', {});
    expect(integrity.atOpen).toMatchObject({ anchorAtOpen: 'absent', anchorCreated: true });
    const list = await tv.ok('audit.list', { limit: 5 });
    expect(list.items.map((e) => e.action)).toContain('audit.anchorCreated');
    expect((await tv.ok('audit.verify', {})).anchor.status).toBe('matches');
  });

  it('lets the DPO accept the chain as it stands, with a reason, keeping the old anchor in the log', async () => {
    await withEntries(4);
    await tv.ok('audit.verify', {});
    tamper('DELETE FROM audit_log WHERE seq > 2');
    expect((await tv.ok('audit.verify', {})).anchor.status).toBe('missingAfter');
    const bad = await tv.call('audit.resetAnchor', { reason: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields).toHaveProperty('reason');
    const reset = await tv.ok('audit.resetAnchor', { reason: 'Restored the backup of 1 March' });
    expect(reset.status).toBe('matches');
    const v = await tv.ok('audit.verify', {});
    expect(v.ok).toBe(true);
    const entries = await tv.ok('audit.list', { limit: 1 });
    expect(entries.items[0].action).toBe('audit.resetAnchor');
  });

  it('checks a receipt kept elsewhere against the chain', async () => {
    await withEntries(3);
    const receipt = await tv.ok('audit.receipt', {});
    expect(receipt).toMatchObject({ organisation: '北京智言科技有限公司', dpo: 'Li Wei', count: receipt.seq });
    expect((await tv.ok('audit.verify', { receipt: { seq: receipt.seq, hash: receipt.hash } })).receipt).toBe('found');
    expect((await tv.ok('audit.verify', { receipt: { seq: receipt.seq, hash: 'a'.repeat(64) } })).receipt).toBe('differs');
    tamper(`DELETE FROM audit_log WHERE seq >= ${receipt.seq}`);
    const v = await tv.ok('audit.verify', { receipt: { seq: receipt.seq, hash: receipt.hash } });
    expect(v.receipt).toBe('missing');
    expect(v.ok).toBe(false);
    const bad = await tv.call('audit.verify', { receipt: { seq: 1, hash: 'not a hash' } });
    expect(bad.ok).toBe(false);
  });
});

describe('append-only triggers checked at unlock', () => {
  it('restores dropped triggers, reports which, and writes it to the log', async () => {
    await withEntries(1);
    tv.session.db.exec('DROP TRIGGER audit_log_no_delete');
    await relock();
    const integrity = await tv.ok('audit.integrity', {});
    expect(integrity.atOpen?.triggersRestored).toEqual(['audit_log_no_delete']);
    expect(() => tv.session.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    const list = await tv.ok('audit.list', { limit: 5 });
    const entry = list.items.find((e) => e.action === 'audit.triggersRestored');
    expect(entry?.summary).toContain('audit_log_no_delete');
  });

  it('replaces a trigger of the same name that no longer guards anything', async () => {
    await withEntries(1);
    tv.session.db.exec('DROP TRIGGER audit_log_no_update; CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END;');
    await relock();
    expect((await tv.ok('audit.integrity', {})).atOpen?.triggersRestored).toEqual(['audit_log_no_update']);
    expect(() => tv.session.db.prepare("UPDATE audit_log SET summary = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
  });

  it('reports nothing restored when the triggers are intact', async () => {
    await withEntries(1);
    await relock();
    expect((await tv.ok('audit.integrity', {})).atOpen).toMatchObject({ triggersRestored: [], anchorAtOpen: 'matches', anchorCreated: false });
  });
});
