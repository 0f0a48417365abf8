import { afterEach, describe, expect, it } from 'vitest';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

/** Tampering "behind the app's back": drop the append-only triggers the way an attacker with the key would. */
function dropGuards(tv: TestVault) {
  tv.session.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

async function vaultWithEntries(n: number) {
  tv = await makeTestVault();
  for (let i = 0; i < n; i++) await tv.ok('settings.update', { dueSoonHours: 10 + i });
  return tv;
}

describe('audit chain', () => {
  it('every write appends an entry and the chain verifies, with the head of the last entry', async () => {
    await vaultWithEntries(3);
    const list = await tv.ok('audit.list', { limit: 10 });
    expect(list.items.map((e) => e.action)).toEqual(['settings.update', 'settings.update', 'settings.update', 'settings.init']);
    expect(list.items[0].summary).toBe('Settings changed: dueSoonHours');
    expect(list.items[0].actor).toBe('Li Wei');
    const v = await tv.ok('audit.verify', {});
    expect(v).toEqual({
      ok: true,
      scope: 'full',
      entries: 4,
      checked: 4,
      head: list.items[0].hash,
      firstBroken: null,
      anchor: { status: 'matches', anchoredSeq: 4, anchoredHash: list.items[0].hash, anchoredAt: expect.any(String), lastSeq: 4 },
      receipt: null,
    });
  });

  it('refuses UPDATE and DELETE through SQL (append-only triggers)', async () => {
    await vaultWithEntries(1);
    expect(() => tv.session.db.prepare("UPDATE audit_log SET summary = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => tv.session.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('names the edited entry', async () => {
    await vaultWithEntries(4);
    dropGuards(tv);
    tv.session.db.prepare("UPDATE audit_log SET summary = 'Settings changed: nothing' WHERE seq = 3").run();
    expect(await tv.ok('audit.verify', {})).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'hash' } });
  });

  it('names the place of a deleted entry', async () => {
    await vaultWithEntries(4);
    dropGuards(tv);
    tv.session.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(await tv.ok('audit.verify', {})).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: 'missing' } });
  });

  it('names a reorder (two entries swapped, sequence numbers kept)', async () => {
    await vaultWithEntries(4);
    dropGuards(tv);
    const db = tv.session.db;
    const a = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, unknown>;
    const b = db.prepare('SELECT * FROM audit_log WHERE seq = 3').get() as Record<string, unknown>;
    const set = db.prepare('UPDATE audit_log SET at=@at, action=@action, summary=@summary, details=@details, prev_hash=@prev_hash, hash=@hash WHERE seq=@seq');
    set.run({ ...b, seq: 2 });
    set.run({ ...a, seq: 3 });
    expect(await tv.ok('audit.verify', {})).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
  });

  it('a truncated tail still links, but the anchor outside the vault says entries are missing after the new end', async () => {
    await vaultWithEntries(3);
    const before = await tv.ok('audit.verify', {});
    dropGuards(tv);
    tv.session.db.prepare('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)').run();
    const after = await tv.ok('audit.verify', {});
    expect(after.firstBroken).toBeNull();
    expect(after.entries).toBe(before.entries - 1);
    expect(after.ok).toBe(false);
    expect(after.anchor).toMatchObject({ status: 'missingAfter', anchoredSeq: before.entries, lastSeq: before.entries - 1 });
  });

  it('pages newest first with a cursor', async () => {
    await vaultWithEntries(5);
    const first = await tv.ok('audit.list', { limit: 2 });
    expect(first.items.map((e) => e.seq)).toEqual([6, 5]);
    const second = await tv.ok('audit.list', { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((e) => e.seq)).toEqual([4, 3]);
    expect(second.total).toBe(6);
  });
});
