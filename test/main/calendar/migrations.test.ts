import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarMigrations } from '../../../main/calendar/migrations';
import { deadlinesMigrations } from '../../../main/deadlines/migrations';
import { DeadlinesRepo } from '../../../main/deadlines/repo';
import { openDatabase, type Db } from '../../../main/store/database';
import { foundationMigrations } from '../../../main/store/foundation-migrations';
import { latestVersion, migrate } from '../../../main/store/migrate';
import { allMigrations } from '../../../main/store/migrations';

let dir: string | undefined;
let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const open = () => {
  dir = mkdtempSync(join(tmpdir(), 'dpo-mig-'));
  return (db = openDatabase(join(dir, 'vault.db'), { key: randomBytes(32) }));
};

describe('calendar and deadlines migrations (100–199)', () => {
  it('stay in their version range', () => {
    for (const m of [...calendarMigrations, ...deadlinesMigrations]) {
      expect(m.version).toBeGreaterThanOrEqual(100);
      expect(m.version).toBeLessThan(200);
    }
  });

  it('upgrade a foundation-only vault and seed China 2025 and 2026', () => {
    const d = open();
    migrate(d, foundationMigrations);
    expect(d.pragma('user_version', { simple: true })).toBe(latestVersion(foundationMigrations));
    expect(d.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'calendar_years'").get()).toEqual({ n: 0 });
    migrate(d, allMigrations);
    const years = d.prepare('SELECT country, year, origin FROM calendar_years ORDER BY year').all();
    expect(years).toEqual([
      { country: 'CN', year: 2025, origin: 'shipped' },
      { country: 'CN', year: 2026, origin: 'shipped' },
    ]);
    const counts = d.prepare('SELECT year, kind, count(*) AS n FROM calendar_days GROUP BY year, kind ORDER BY year, kind').all();
    expect(counts).toEqual([
      { year: 2025, kind: 'holiday', n: 1 + 8 + 3 + 5 + 3 + 8 },
      { year: 2025, kind: 'workday', n: 5 },
      { year: 2026, kind: 'holiday', n: 3 + 9 + 3 + 5 + 3 + 3 + 7 },
      { year: 2026, kind: 'workday', n: 6 },
    ]);
  });

  // The board's keyset pages must be index range reads: the 1M-row benchmark depends on it.
  it('serve the board pages from an index, never a scan and sort', () => {
    const d = open();
    migrate(d, allMigrations);
    const plans: string[] = [];
    const spy = d.prepare.bind(d);
    (d as unknown as { prepare: typeof d.prepare }).prepare = ((sql: string) => {
      if (/^SELECT [\w, ]+ FROM deadlines (INDEXED BY \w+ )?WHERE stored_state/.test(sql)) {
        plans.push(
          (spy(`EXPLAIN QUERY PLAN ${sql}`).all({ storedState: 'open', module: 'inbox', now: 'a', soonUntil: 'b', dueBefore: null, afterDueAt: 'a', afterId: 'b', limit: 1 }) as { detail: string }[])
            .map((r) => r.detail)
            .join(' | '),
        );
      }
      return spy(sql);
    }) as typeof d.prepare;
    const repo = new DeadlinesRepo(d);
    const base = { storedState: 'open' as const, now: 'a', soonUntil: 'b', limit: 10 };
    repo.page(base);
    repo.page({ ...base, after: { dueAt: 'a', id: 'b' } });
    repo.page({ ...base, module: 'inbox' });
    repo.page({ ...base, derived: 'overdue' });
    // The board's part for the "immediately" duties (issue 17) reads their own small index.
    repo.page({ ...base, phase: 'immediate' });
    repo.page({ ...base, phase: 'ahead', after: { dueAt: 'a', id: 'b' } });
    repo.page({ ...base, phase: 'overdue', after: { dueAt: 'a', id: 'b' } });
    expect(plans).toHaveLength(7);
    // The table is clustered on (stored_state, due_at, id); a module's page uses its own index.
    expect(plans[0]).toBe('SEARCH deadlines USING PRIMARY KEY (stored_state=?)');
    expect(plans[1]).toBe('SEARCH deadlines USING PRIMARY KEY (stored_state=? AND (due_at,id)>(?,?))');
    expect(plans[2]).toMatch(/^SEARCH deadlines USING INDEX deadlines_module_board \(module=\? AND stored_state=\?\)$/);
    expect(plans[3]).toBe('SEARCH deadlines USING PRIMARY KEY (stored_state=? AND due_at<?)');
    // In order through the partial index, which holds only the open "immediately" duties.
    expect(plans[4]).toBe('SCAN deadlines USING INDEX deadlines_immediate');
    expect(plans[5]).toBe('SEARCH deadlines USING PRIMARY KEY (stored_state=? AND (due_at,id)>(?,?))');
    expect(plans[6]).toBe('SEARCH deadlines USING PRIMARY KEY (stored_state=? AND (due_at,id)>(?,?) AND due_at<?)');
    for (const plan of plans) expect(plan).not.toContain('TEMP B-TREE');
  });
});

describe('board counts and alerts read indexes, not the wide rows', () => {
  it('counts from the per-hour counts and primary-key ranges of the bounds\' hours, and finds recent writes through the changed_at index', () => {
    const d = open();
    migrate(d, allMigrations);
    const plans = new Map<string, string>();
    const counts: string[] = [];
    const real = d.prepare.bind(d);
    (d as unknown as { prepare: typeof d.prepare }).prepare = ((sql: string) => {
      const params = { since: 'a', now: 'b', soonUntil: 'c', windowStart: 'd', limit: 1, endOfToday: 'e', endOfWeek: 'f', hNow: 'b', hToday: 'e', hWeek: 'f' };
      const plan = (p: unknown) => (real(`EXPLAIN QUERY PLAN ${sql}`).all(p as never) as { detail: string }[]).map((r) => r.detail).join(' | ');
      if (sql.includes('UNION')) plans.set('alerts', plan(params));
      else if (sql.includes('GROUP BY module')) counts.push(plan(sql.includes('@') ? params : ['a', 'b']));
      return real(sql);
    }) as typeof d.prepare;
    const repo = new DeadlinesRepo(d);
    repo.counts({ now: '2026-11-29T02:00:00.000Z', endOfToday: '2026-11-29T15:59:59.999Z', endOfWeek: '2026-11-29T15:59:59.999Z' });
    repo.alertCandidates({ since: 'a', now: 'b', soonUntil: 'c', windowStart: 'd', limit: 1 });
    // The small per-hour table, then ranges of the primary key (one hour each): never every open row.
    expect(counts[0]).toMatch(/^SCAN deadline_open_hours/);
    expect(counts.slice(1)).toEqual(Array(2).fill(expect.stringMatching(/^SEARCH deadlines USING PRIMARY KEY \(stored_state=\? AND due_at>\? AND due_at<\?\)/)));
    for (const plan of counts) expect(plan).not.toMatch(/SCAN deadlines\b/);
    expect(plans.get('alerts')).toContain('SEARCH deadlines USING COVERING INDEX deadlines_changed (changed_at>?)');
    expect(plans.get('alerts')).not.toMatch(/SCAN deadlines/);
  });
});
