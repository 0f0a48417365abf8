import { afterEach, describe, expect, it } from 'vitest';
import { deadlinesOverviewMigrations } from '../../../main/deadlines/overview-migrations';
import { incidentsOverviewMigrations } from '../../../main/incidents/overview-migrations';
import { assessmentMigrations } from '../../../main/incidents/assessment/migrations';
import { inboxOverviewMigrations } from '../../../main/inbox/overview-migrations';
import { transfersOverviewMigrations } from '../../../main/transfers/overview-migrations';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 17: migrations 130, 250, 440 and 530 add counts kept by triggers. A vault written before
// them (records, no count tables) gets counts from its rows equal to what the triggers keep; and
// 240 adds the (empty) drafts table.

let tv: TestVault;
afterEach(() => tv?.cleanup());

const KEPT = [
  { table: 'deadline_open_hours', m: deadlinesOverviewMigrations, triggers: 'deadline_open_hours_%' },
  { table: 'incident_month_grades', m: incidentsOverviewMigrations, triggers: 'incident_months_%' },
  { table: 'transfer_route_states', m: transfersOverviewMigrations, triggers: 'transfer_routes_%' },
  { table: 'inbox_received_months', m: inboxOverviewMigrations, triggers: 'inbox_months_%', also: 'inbox_answered_days' },
];

describe('overview migrations from the schema before them', () => {
  it('fill the counts from the records already in the vault, the same counts the triggers keep', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
    await tv.ok('incidents.create', { title: 'Leak', discoveredAt: '2026-11-28T02:00:00.000Z', individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'] });
    const dup = await tv.ok('incidents.create', { title: 'Twice', discoveredAt: '2026-10-01T02:00:00.000Z', individualsAffected: 3, jurisdictions: ['CN'] });
    await tv.ok('records.void', { module: 'incidents', recordId: dup.id, reason: 'Logged twice' });
    await tv.ok('transfers.create', { recipient: { name: 'Acme Inc.', country: 'US' }, annex1: { individualsScale: 150_000 }, route: { chosen: 'standardContract' } });
    await tv.ok('inbox.create', { channel: 'email', receivedAt: '2026-11-20T02:00:00.000Z', receivedAtReason: 'E-mail', requester: { name: 'A', contact: 'a@example.cn' }, jurisdiction: 'CN', type: 'access', subject: 'Access' });
    const db = tv.session.db;
    const rows = (table: string) => db.prepare(`SELECT * FROM ${table} WHERE n > 0 ORDER BY 1, 2`).all(); // a count that went back to 0 may stay as a row
    for (const k of KEPT) {
      const kept = rows(k.table);
      const keptAlso = k.also ? rows(k.also) : null;
      expect(kept.length).toBeGreaterThan(0);
      // Back to the schema before the migration: no count table, no triggers; the records stay.
      for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?").pluck().all(k.triggers) as string[]) db.exec(`DROP TRIGGER ${t}`);
      db.exec(`DROP TABLE ${k.table}`);
      if (k.also) db.exec(`DROP TABLE ${k.also}`);
      k.m[0].up(db);
      expect([k.table, rows(k.table)]).toEqual([k.table, kept]);
      if (k.also) expect(rows(k.also)).toEqual(keptAlso);
    }
    // And the triggers it made keep counting.
    await tv.ok('incidents.create', { title: 'After', discoveredAt: '2026-11-28T05:00:00.000Z', individualsAffected: 10, jurisdictions: ['CN'] });
    expect(db.prepare("SELECT n FROM incident_month_grades WHERE month = '2026-11' AND grade = 'general'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM incident_month_grades WHERE month = '2026-10' AND n > 0").pluck().get()).toBe(0);
  });

  it('240 adds an empty drafts table', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
    const db = tv.session.db;
    db.exec('DROP TABLE incident_assessment_drafts');
    assessmentMigrations[0].up(db);
    expect(db.prepare('SELECT count(*) FROM incident_assessment_drafts').pluck().get()).toBe(0);
  });
});
