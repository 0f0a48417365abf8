import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../main/audit/model';
import { verifyChain } from '../../../main/audit/rules';
import type { AuditService } from '../../../main/audit/service';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 16: the chain checked in ranges on worker threads names the same first broken link
// (seq, reason), entry count and head as the walk in order (verifyChain), for every kind of
// tampering, wherever it falls against the ranges' edges.

let tv: TestVault;
afterEach(() => tv?.cleanup());

const audit = () => tv.session.audit as AuditService;

async function vaultWithEntries(n: number) {
  tv = await makeTestVault();
  const db = tv.session.db;
  // Appended through the real chain (HMAC of each entry over the previous one), many to a transaction.
  tv.session.tx(() => {
    for (let i = 0; i < n; i++) audit().append({ action: 'test.entry', entity: 'test', entityId: `e-${i}`, summary: `Entry ${i} — 条目 "${i}"\n\t\u0001`, details: { i, text: '个人信息\u2028' } });
  });
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  return tv;
}

/** The reference: every row in seq order through the pure walk. */
function sequential() {
  const rows = tv.session.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as never[];
  const { ok, entries, head, firstBroken } = verifyChain(audit().chainKey, rows);
  return { ok, entries, head, firstBroken };
}

async function parallel(threads: number) {
  const { entries, head, firstBroken } = (await audit().verify({ parallelFrom: 0, threads }))!;
  return { entries, head, firstBroken };
}

const swap = (a: number, b: number) => {
  const db = tv.session.db;
  const ra = db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(a) as Record<string, unknown>;
  const rb = db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(b) as Record<string, unknown>;
  const set = db.prepare('UPDATE audit_log SET at=@at, action=@action, entity_id=@entity_id, summary=@summary, details=@details, prev_hash=@prev_hash, hash=@hash WHERE seq=@seq');
  set.run({ ...rb, seq: a });
  set.run({ ...ra, seq: b });
};

describe('audit.verify on worker threads', () => {
  it('an intact chain: the same entries and head as the walk in order, for 1 to 4 threads', async () => {
    await vaultWithEntries(300);
    const expected = sequential();
    expect(expected.ok).toBe(true);
    for (const threads of [1, 2, 3, 4]) {
      const v = await audit().verify({ parallelFrom: 0, threads });
      expect(v).toMatchObject({ ok: true, scope: 'full', entries: expected.entries, checked: expected.entries, head: expected.head, firstBroken: null });
    }
  });

  // 301 rows (the settings.init entry and 300 more) in 3 ranges: seq 1–100, 101–200, 201–301.
  const cases: [string, () => void][] = [
    ['an edited entry inside a range', () => tv.session.db.prepare("UPDATE audit_log SET summary = 'edited' WHERE seq = 57").run()],
    ['an edited entry first in a range', () => tv.session.db.prepare("UPDATE audit_log SET details = '{}' WHERE seq = 101").run()],
    ['an edited entry last in a range', () => tv.session.db.prepare("UPDATE audit_log SET actor = 'Mallory' WHERE seq = 200").run()],
    ['an edited hash', () => tv.session.db.prepare("UPDATE audit_log SET hash = ? WHERE seq = 150").run('f'.repeat(64))],
    ['a deleted entry inside a range', () => tv.session.db.prepare('DELETE FROM audit_log WHERE seq = 140').run()],
    ['a deleted entry first in a range', () => tv.session.db.prepare('DELETE FROM audit_log WHERE seq = 201').run()],
    ['a deleted entry last in a range', () => tv.session.db.prepare('DELETE FROM audit_log WHERE seq = 100').run()],
    ['the first entry deleted', () => tv.session.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()],
    ['a whole range deleted', () => tv.session.db.prepare('DELETE FROM audit_log WHERE seq BETWEEN 101 AND 200').run()],
    ['two entries swapped inside a range', () => swap(30, 31)],
    ['two entries swapped across a range edge', () => swap(200, 201)],
    ['two distant entries swapped', () => swap(20, 250)],
    ['an edit and a later deletion', () => (tv.session.db.prepare("UPDATE audit_log SET summary = 'x' WHERE seq = 250").run(), tv.session.db.prepare('DELETE FROM audit_log WHERE seq = 260').run())],
    ['a truncated tail', () => tv.session.db.prepare('DELETE FROM audit_log WHERE seq > 280').run()],
    ['a truncated tail up to a range edge', () => tv.session.db.prepare('DELETE FROM audit_log WHERE seq > 200').run()],
    ['a re-linked entry (prev_hash rewritten to match a forged hash)', () => tv.session.db.prepare('UPDATE audit_log SET prev_hash = ? WHERE seq = 120').run(GENESIS_HASH)],
  ];
  for (const [what, tamper] of cases) {
    it(`${what}: the same first broken link, count and head as the walk in order`, async () => {
      await vaultWithEntries(300);
      tamper();
      const expected = sequential();
      // Every case is caught: a broken link, or (truncation) a chain shorter than its anchor.
      if (!what.startsWith('a truncated')) expect(expected.firstBroken).not.toBeNull();
      else expect(expected.entries).toBeLessThan(301);
      for (const threads of [2, 3, 4]) {
        const got = await parallel(threads);
        expect({ threads, entries: got.entries, head: got.head, firstBroken: got.firstBroken }).toEqual({ threads, entries: expected.entries, head: expected.head, firstBroken: expected.firstBroken });
      }
      // And the one-thread path (the daily check and small vaults) agrees too.
      const single = await audit().verify({});
      expect({ entries: single!.entries, head: single!.head, firstBroken: single!.firstBroken }).toEqual({ entries: expected.entries, head: expected.head, firstBroken: expected.firstBroken });
    });
  }

  it('SQLite builds the canonical entry byte for byte as JSON.stringify, for every code point class', async () => {
    tv = await makeTestVault();
    const db = tv.session.db;
    const texts: string[] = [];
    for (let c = 0; c < 0x800; c++) texts.push(`a${String.fromCodePoint(c)}b`);
    for (const c of [0x2028, 0x2029, 0xfeff, 0xfffd, 0xffff, 0x1f600, 0x10ffff, 0xd7ff, 0xe000]) texts.push(String.fromCodePoint(c));
    const stmt = db.prepare('SELECT CAST(json_array(CAST(? AS INTEGER), ?, ?, ?) AS BLOB) AS j');
    for (const t of texts) {
      const j = (stmt.get(12345, t, null, JSON.stringify({ t })) as { j: Buffer }).j.toString('utf8');
      expect(j).toBe(JSON.stringify([12345, t, null, JSON.stringify({ t })]));
    }
  });

  it('progress is reported, and a stop ends the check without a result and without moving the anchor', async () => {
    await vaultWithEntries(300);
    const before = audit().integrity().anchor.anchoredSeq;
    const seen: number[] = [];
    const controller = new AbortController();
    controller.abort();
    expect(await audit().verify({ parallelFrom: 0, threads: 2, signal: controller.signal })).toBeNull();
    expect(audit().integrity().anchor.anchoredSeq).toBe(before);
    const v = await audit().verify({ parallelFrom: 0, threads: 2, onProgress: (done) => seen.push(done) });
    expect(v!.ok).toBe(true);
    expect(seen.at(-1)).toBe(301);
    expect(audit().integrity().anchor.anchoredSeq).toBe(301);
  });

});

describe('audit.verify as a session job, and the daily check since the anchor', () => {
  it('audit.verifyStart runs as a job with progress and a result; lock cancels a running one', async () => {
    await vaultWithEntries(50);
    const started = await tv.ok('audit.verifyStart', { scope: 'full' });
    expect(started).toMatchObject({ kind: 'audit.verify', state: 'running' });
    const done = await tv.vault.jobs.wait(started.jobId);
    expect(done).toMatchObject({ state: 'done', progress: 1, result: { ok: true, scope: 'full', entries: 51, checked: 51 } });

    const running = await tv.ok('audit.verifyStart', {});
    tv.vault.lock();
    expect(tv.vault.jobs.status(running.jobId)).toMatchObject({ state: 'cancelled', cancelledBy: 'lock' });
  });

  it('sinceAnchor reads only the entries after the anchored head, and names a broken one among them', async () => {
    await vaultWithEntries(100);
    expect(await audit().verify({})).toMatchObject({ ok: true, entries: 101 });
    // Appended within the anchor's one-second coalescing: the anchor is still at #101.
    tv.session.tx(() => {
      for (let i = 0; i < 5; i++) audit().append({ action: 'test.more', entity: 'test', summary: `More ${i}` });
    });
    expect(audit().integrity().anchor.anchoredSeq).toBe(101);
    expect(await audit().verify({ scope: 'sinceAnchor' })).toMatchObject({ ok: true, scope: 'sinceAnchor', entries: 106, checked: 5, firstBroken: null });
    expect(audit().integrity().anchor.anchoredSeq).toBe(106);

    tv.session.tx(() => {
      for (let i = 0; i < 5; i++) audit().append({ action: 'test.more', entity: 'test', summary: `Again ${i}` });
    });
    tv.session.db.prepare("UPDATE audit_log SET summary = 'changed' WHERE seq = 109").run();
    expect(await audit().verify({ scope: 'sinceAnchor' })).toMatchObject({ ok: false, checked: 3, firstBroken: { seq: 109, reason: 'hash' } });
    expect(audit().integrity().anchor.anchoredSeq).toBe(106);
  });

  it('sinceAnchor does not start from an anchor the chain no longer holds (truncated below it): a full check is needed', async () => {
    await vaultWithEntries(20);
    expect(await audit().verify({})).toMatchObject({ ok: true });
    tv.session.db.prepare('DELETE FROM audit_log WHERE seq > 10').run();
    expect(await audit().verify({ scope: 'sinceAnchor' })).toMatchObject({ ok: false, checked: 0, firstBroken: null, anchor: { status: 'missingAfter', anchoredSeq: 21, lastSeq: 10 } });
  });
});
