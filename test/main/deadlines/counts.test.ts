import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boardBounds, countBoard } from '../../../main/deadlines/board';
import { DeadlinesRepo, type DeadlineRow } from '../../../main/deadlines/repo';
import { overrideDeadline, syncRecordDeadlines, waiveDeadline } from '../../../main/deadlines/service';
import { openDatabase, type Db } from '../../../main/store/database';
import { migrate } from '../../../main/store/migrate';
import { allMigrations } from '../../../main/store/migrations';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 16: deadlines.counts reads counts kept by triggers instead of every open row: since
// migration 132 the per-hour, per-rule, per-module table the overview reads too (migration 130). After any mix of writes the kept counts must equal a full scan, and
// the board's buckets at any instant (the clock moved anywhere, any zone) must equal what the
// old query over every open row says.

let tv: TestVault | undefined;
let dir: string | undefined;
let db: Db | undefined;
afterEach(() => {
  tv?.cleanup();
  tv = undefined;
  if (db?.open) db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The kept counts against a full scan of the open rows. */
function expectCountsTableExact(d: Db) {
  const kept = d.prepare('SELECT due_hour, rule_key, clock, module, n FROM deadline_open_hours ORDER BY 1, 2, 3, 4').all();
  const scanned = d
    .prepare(`SELECT substr(due_at, 1, 13) AS due_hour, rule_key, clock, module, count(*) AS n FROM deadlines WHERE stored_state = 'open' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`)
    .all();
  expect(kept).toEqual(scanned);
}

/**
 * The counting query as it was before migration 131 (issue 16): every open row, bucketed by the
 * bounds; since issue 17 only a fixed clock is overdue, an "immediately" duty is today's.
 */
function scanBuckets(d: Db, b: { now: string; endOfToday: string; endOfWeek: string }) {
  return d
    .prepare(
      `SELECT module, SUM(clock = 'due' AND due_at < @now) AS overdue, SUM(clock = 'immediate' OR (due_at >= @now AND due_at <= @endOfToday)) AS today,
         SUM(clock = 'due' AND due_at > @endOfToday AND due_at <= @endOfWeek) AS week, SUM(clock = 'due' AND due_at > @endOfWeek) AS later
       FROM deadlines WHERE stored_state = 'open' GROUP BY module ORDER BY module`,
    )
    .all({ now: b.now, endOfToday: b.endOfToday, endOfWeek: b.endOfWeek });
}

const sortByModule = <T extends { module: string }>(rows: T[]) => [...rows].sort((a, b) => a.module.localeCompare(b.module));

describe('deadline counts kept by triggers', () => {
  it('equal a full scan after thousands of random inserts, state changes, moved due dates, module changes and deletions, and give the old buckets at any clock and zone', () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-counts-'));
    db = openDatabase(join(dir, 'v.db'), { key: randomBytes(32) });
    migrate(db, allMigrations);
    const repo = new DeadlinesRepo(db);
    const rnd = random(20261129);
    const modules = ['incidents', 'transfers', 'inbox', 'governance'];
    const states = ['open', 'open', 'met', 'waived'] as const;
    const base = Date.parse('2026-11-20T00:00:00.000Z');
    // Due times crowd around the bounds' days (the partial days) and spread over months.
    const due = () => new Date(base + Math.floor((rnd() < 0.6 ? rnd() * 30 : rnd() * 400 - 100) * 86_400_000) + Math.floor(rnd() * 86_400_000)).toISOString();
    const live = new Map<string, DeadlineRow>();
    const row = (id: string): DeadlineRow => ({
      id,
      module: modules[Math.floor(rnd() * modules.length)],
      record_id: `r-${id}`,
      record_ref: 'REF',
      record_title: 'T',
      key: `k-${id}`,
      rule_key: ['cac.report.4h', 'pipl57.authority', 'gdpr33.authority'][Math.floor(rnd() * 3)],
      label: null,
      start: '2026-11-20T00:00:00.000Z',
      until: null,
      clock: rnd() < 0.1 ? 'immediate' : 'due',
      start_at: '2026-11-20T00:00:00.000Z',
      due_at: due(),
      computed_due_at: '2026-11-20T04:00:00.000Z',
      zone: 'Asia/Shanghai',
      calendar: null,
      cal_country: null,
      cal_first_year: null,
      cal_last_year: null,
      explanation: '{"en":"","zh":""}',
      stored_state: states[Math.floor(rnd() * states.length)],
      met_at: null,
      met_note: null,
      request_waived_reason: null,
      dpo_waived_reason: null,
      override_reason: null,
      changed_at: '2026-11-20T00:00:00.000Z',
      rule_version: null,
      provisional_years: null,
    });
    let next = 0;
    for (let round = 0; round < 6; round++) {
      db.transaction(() => {
        for (let i = 0; i < 600; i++) {
          const ids = [...live.keys()];
          const pick = ids[Math.floor(rnd() * ids.length)];
          const action = ids.length < 50 ? 0 : Math.floor(rnd() * 6);
          if (action <= 1) {
            const r = row(`d${next++}`);
            live.set(r.id, r);
            repo.upsert(r);
          } else if (action === 2) {
            const r = { ...live.get(pick)!, stored_state: states[Math.floor(rnd() * states.length)] };
            live.set(pick, r);
            repo.upsert(r);
          } else if (action === 3) {
            const r = { ...live.get(pick)!, due_at: due() };
            live.set(pick, r);
            repo.upsert(r);
          } else if (action === 4) {
            const r = { ...live.get(pick)!, module: modules[Math.floor(rnd() * modules.length)], due_at: rnd() < 0.5 ? due() : live.get(pick)!.due_at };
            live.set(pick, r);
            repo.upsert(r);
          } else {
            live.delete(pick);
            repo.remove([pick]);
          }
        }
      })();
      // A rolled-back transaction leaves the counts as they were.
      expect(() =>
        db!.transaction(() => {
          repo.upsert(row(`rolled-back-${round}`));
          throw new Error('abort');
        })(),
      ).toThrow('abort');
      expectCountsTableExact(db);
      // The clock moved: instants all over the range (and on day edges), in several zones.
      for (let k = 0; k < 40; k++) {
        const zone = ['Asia/Shanghai', 'Europe/Brussels', 'America/Los_Angeles', 'Asia/Kolkata', 'UTC'][k % 5];
        const t = k % 8 === 0 ? Date.parse(due().slice(0, 10)) - (k % 16 === 0 ? 1 : 0) : Date.parse(due());
        const b = boardBounds(new Date(t), zone);
        expect(sortByModule(repo.counts(b))).toEqual(scanBuckets(db, b));
      }
    }
  });

  it('follow the service paths too: sync, waive, override, the clocks of a record removed (as voiding does), one met', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
    const s = tv.session;
    const record = (id: string) => ({ module: 'incidents' as const, recordId: id, recordRef: `INC-${id}`, recordTitle: id });
    s.tx(() => {
      for (let i = 0; i < 20; i++) {
        syncRecordDeadlines(s, record(`i${i}`), [
          { key: 'cac', ruleKey: 'cac.report.4h', start: new Date(Date.parse('2026-11-29T00:00:00Z') - i * 7_200_000).toISOString() },
          { key: 'summary', ruleKey: 'cac.summary.30d', start: '2026-11-20' },
        ]);
      }
    });
    expectCountsTableExact(s.db);
    const [first, second] = new DeadlinesRepo(s.db).byRecord('incidents', 'i3');
    waiveDeadline(s, { id: first.id, reason: 'not applicable' });
    overrideDeadline(s, { id: second.id, dueAt: '2027-01-15T08:00:00.000Z', reason: 'extension agreed' });
    s.tx(() => syncRecordDeadlines(s, record('i5'), []));
    s.tx(() => syncRecordDeadlines(s, record('i6'), [{ key: 'cac', ruleKey: 'cac.report.4h', start: '2026-11-29T01:00:00Z', met: { at: '2026-11-29T01:30:00Z' } }]));
    expectCountsTableExact(s.db);
    for (const at of ['2026-11-29T02:00:00Z', '2026-12-01T00:00:00Z', '2026-12-20T15:59:59.999Z', '2027-02-01T00:00:00Z']) {
      tv.setNow(at);
      const b = boardBounds(new Date(at));
      expect(sortByModule(countBoard(s).byModule)).toEqual(scanBuckets(s.db, b));
    }
  });

  it('migration 132 leaves one kept count: the per-day table of 131 and its triggers go, the per-hour table holds the rows already stored', () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-counts-'));
    db = openDatabase(join(dir, 'v.db'), { key: randomBytes(32) });
    migrate(db, allMigrations.filter((m) => m.version < 130));
    const insert = db.prepare(`INSERT INTO deadlines (id, module, record_id, record_ref, record_title, key, rule_key, start, clock, start_at, due_at, computed_due_at, zone, explanation, stored_state, changed_at)
      VALUES (?, ?, ?, 'R', 'T', ?, 'cac.report.4h', 's', 'due', 's', ?, 'c', 'Asia/Shanghai', '{}', ?, 'c')`);
    insert.run('a', 'incidents', 'r1', 'k1', '2026-11-29T01:00:00.000Z', 'open');
    insert.run('b', 'incidents', 'r1', 'k2', '2026-11-29T01:59:00.000Z', 'open');
    insert.run('c', 'inbox', 'r2', 'k1', '2026-12-01T01:00:00.000Z', 'open');
    insert.run('d', 'inbox', 'r2', 'k2', '2026-12-01T01:00:00.000Z', 'met');
    migrate(db, allMigrations.filter((m) => m.version < 132));
    expect(db.prepare('SELECT count(*) FROM deadline_counts').pluck().get()).toBe(2);
    migrate(db);
    expect(db.prepare('SELECT due_hour, module, n FROM deadline_open_hours ORDER BY 1, 2').all()).toEqual([
      { due_hour: '2026-11-29T01', module: 'incidents', n: 2 },
      { due_hour: '2026-12-01T01', module: 'inbox', n: 1 },
    ]);
    const gone = db.prepare(`SELECT name FROM sqlite_schema WHERE name IN ('deadlines_counts', 'deadline_counts') OR name LIKE 'deadline_counts_%'`).all();
    expect(gone).toEqual([]);
    // Writes after it pay for one set of triggers and the board still counts them.
    insert.run('e', 'inbox', 'r3', 'k1', '2026-12-01T01:30:00.000Z', 'open');
    expect(sortByModule(new DeadlinesRepo(db).counts(boardBounds(new Date('2026-11-30T00:00:00.000Z'))))).toEqual(scanBuckets(db, boardBounds(new Date('2026-11-30T00:00:00.000Z'))));
  });
});
