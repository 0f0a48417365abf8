import { afterEach, describe, expect, it } from 'vitest';
import type { BoardBucket } from '../../../preload/contract/deadlines';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 17: one definition of "overdue" for every place that shows it. Only a fixed due time turns
// overdue (as the incident list's overdue_from, issue 13); an "immediately" duty (PIPL Art. 57) is
// due now, whenever it started: due soon in its state, today's in the board's buckets. The board's
// counters, its list (each page, in bucket order), the alert banner and the overview must agree at
// any instant.

let tv: TestVault;
afterEach(() => tv?.cleanup());

const NOW = '2026-11-29T02:00:00.000Z';
const ORDER: BoardBucket[] = ['overdue', 'today', 'week', 'later'];
const hoursBefore = (h: number) => new Date(Date.parse(NOW) - h * 3_600_000).toISOString();

type Row = { id: string; clock: string; state: string; bucket: BoardBucket; module: string };

async function everyRow(input: Record<string, unknown>, limit: number): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null | undefined;
  do {
    const page: { items: Row[]; nextCursor: string | null } = await tv.ok('deadlines.list', { ...input, limit, ...(cursor ? { cursor } : {}) });
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

describe('"overdue" and "immediately" mean the same on the counters, the list, the alerts and the overview', () => {
  it('agree as the clock moves: an "immediately" duty is due soon and today\'s, never overdue', async () => {
    tv = await makeTestVault({ now: NOW });
    // Found 3 h ago and two days ago: "immediately" duties started hours and days ago, CAC 4 h clocks running and past.
    await tv.ok('incidents.create', { title: 'Fresh leak', discoveredAt: hoursBefore(3), individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'] });
    await tv.ok('incidents.create', { title: 'Old leak', discoveredAt: hoursBefore(50), individualsAffected: 1_500_000, jurisdictions: ['CN'] });
    const request = { channel: 'email', receivedAtReason: 'E-mail', requester: { name: 'A', contact: 'a@example.cn' }, jurisdiction: 'CN', type: 'access', subject: 'Access' } as const;
    await tv.ok('inbox.create', { ...request, receivedAt: hoursBefore(40 * 24) });
    await tv.ok('inbox.create', { ...request, receivedAt: hoursBefore(1) });

    let sawImmediate = false;
    for (const at of [NOW, '2026-11-29T05:30:00.000Z', '2026-11-29T15:59:59.999Z', '2026-12-01T03:00:00.000Z', '2026-12-20T00:00:00.000Z']) {
      tv.setNow(at);
      const all = await everyRow({}, 500);
      // Small pages across the parts of the board give the same rows in the same order.
      expect((await everyRow({}, 2)).map((r) => r.id)).toEqual(all.map((r) => r.id));
      // Bucket order, each bucket one run (one heading each on the board).
      const ranks = all.map((r) => ORDER.indexOf(r.bucket));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

      const counts = await tv.ok('deadlines.counts', {});
      for (const b of ORDER) expect([at, b, counts.total[b]]).toEqual([at, b, all.filter((r) => r.bucket === b).length]);
      for (const m of counts.byModule) for (const b of ORDER) expect(m[b]).toBe(all.filter((r) => r.module === m.module && r.bucket === b).length);

      for (const r of all) {
        expect(r.bucket === 'overdue').toBe(r.state === 'overdue');
        if (r.clock === 'immediate') {
          sawImmediate = true;
          expect([r.state, r.bucket]).toEqual(['dueSoon', 'today']);
        }
      }

      const alerts: { items: { deadline: { id: string }; state: string }[] } = await tv.ok('deadlines.alerts', {});
      const overview = (await tv.ok('overview.figures', { period: { kind: 'quarter' } })).obligations.total;
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
      for (const state of ['overdue', 'dueSoon'] as const) {
        const listed = all.filter((r) => r.state === state);
        expect(ids(await everyRow({ state }, 3))).toEqual(ids(listed));
        expect(ids(alerts.items.filter((a) => a.state === state).map((a) => a.deadline))).toEqual(ids(listed));
        expect(overview[state]).toBe(listed.length);
      }
      expect(counts.total.overdue).toBe(overview.overdue);
      expect(overview.open).toBe((await everyRow({ state: 'open' }, 500)).length);
    }
    expect(sawImmediate).toBe(true);
  });
});
