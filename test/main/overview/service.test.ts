import { afterEach, describe, expect, it } from 'vitest';
import type { OverviewFigures } from '../../../preload/contract/overview';
import { markReplySent } from '../../../main/inbox/handling';
import { makeTestVault, writeCounts, type TestVault } from '../../helpers/vault';

// Issue 17: every figure of the overview on a seeded vault — the numbers themselves, and that
// each equals what its list shows when filtered the way a click on it filters (two different
// computations: the counts kept by triggers, and the lists' own queries). Voided records count
// nowhere; months and quarters are Beijing's.

let tv: TestVault;
afterEach(() => tv?.cleanup());

const NOW = '2026-11-29T02:00:00.000Z'; // Beijing 10:00, Sunday 29 November 2026

async function request(receivedAt: string, repliedAt: string | null, opts: { voided?: boolean } = {}) {
  const r = await tv.ok('inbox.create', { channel: 'email', receivedAt, receivedAtReason: 'Received by post', requester: { name: 'A', contact: 'a@example.cn' }, jurisdiction: 'CN', type: 'access', subject: `Access ${receivedAt}` });
  if (repliedAt) {
    await tv.ok('inbox.verifyIdentity', { id: r.id, method: 'accountLogin', outcome: 'verified', verifiedAt: receivedAt });
    await tv.ok('inbox.decide', { id: r.id, outcome: 'fulfilled', actionsTaken: 'Copy sent' });
    tv.session.tx(() => markReplySent(tv.session, r.id, { at: repliedAt, via: 'email' }));
  }
  if (opts.voided) await tv.ok('records.void', { module: 'inbox', recordId: r.id, reason: 'Entered twice' });
  return r;
}

async function seed(): Promise<void> {
  tv = await makeTestVault({ now: NOW });
  // Requests: October has two received, one answered on time in 10 days; November has two received
  // (one at 01:00 Beijing on 1 Nov, i.e. still 31 Oct in UTC) and one answered late in 36 days; a
  // voided one counts nowhere; September's is outside the quarter but inside the year.
  await request('2026-10-05T02:00:00.000Z', '2026-10-15T02:00:00.000Z');
  await request('2026-10-20T02:00:00.000Z', '2026-11-25T02:00:00.000Z');
  await request('2026-11-02T02:00:00.000Z', null);
  await request('2026-10-31T17:00:00.000Z', null);
  await request('2026-11-10T02:00:00.000Z', null, { voided: true });
  await request('2026-09-10T02:00:00.000Z', '2026-09-20T02:00:00.000Z');
  // Incidents: Q4 has a relatively major, a general and one graded up to major by the DPO (found at
  // 00:30 on 1 Oct Beijing, still 30 Sep in UTC); Q3 a major one; a voided one counts nowhere.
  await tv.ok('incidents.create', { title: 'Leak', discoveredAt: '2026-10-10T02:00:00.000Z', individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'] });
  await tv.ok('incidents.create', { title: 'Small', discoveredAt: '2026-11-20T02:00:00.000Z', individualsAffected: 500, jurisdictions: ['CN'] });
  const up = await tv.ok('incidents.create', { title: 'Graded up', discoveredAt: '2026-09-30T16:30:00.000Z', individualsAffected: 100, jurisdictions: ['CN'] });
  await tv.ok('incidents.overrideGrade', { id: up.id, grade: 'major', reason: 'Catch-all clause of the annex' });
  await tv.ok('incidents.create', { title: 'Summer', discoveredAt: '2026-08-01T02:00:00.000Z', individualsAffected: 12_000_000, jurisdictions: ['CN'] });
  const dup = await tv.ok('incidents.create', { title: 'Duplicate', discoveredAt: '2026-11-01T02:00:00.000Z', individualsAffected: 10, jurisdictions: ['CN'] });
  await tv.ok('records.void', { module: 'incidents', recordId: dup.id, reason: 'Logged twice' });
  // Transfers: a standard contract for 150,000 people this year, an exempt one, and a voided one.
  await tv.ok('transfers.create', { recipient: { name: 'Acme Inc.', country: 'US' }, annex1: { individualsScale: 150_000 }, route: { chosen: 'standardContract' } });
  await tv.ok('transfers.create', { recipient: { name: 'Hotel Booking GmbH', country: 'DE' }, route: { chosen: 'exempt', exemptScenario: 'individualContract' } });
  const wrong = await tv.ok('transfers.create', { recipient: { name: 'Wrong Ltd', country: 'GB' }, annex1: { individualsScale: 900_000 }, route: { chosen: 'standardContract' } });
  await tv.ok('records.void', { module: 'transfers', recordId: wrong.id, reason: 'Wrong recipient' });
}

const figures = (period: { kind: 'quarter' } | { kind: 'year' } | { kind: 'custom'; from: string; to: string } = { kind: 'quarter' }, zone?: string): Promise<OverviewFigures> =>
  tv.ok('overview.figures', { period, ...(zone ? { zone } : {}) });

describe('the overview on a seeded vault', () => {
  it('the period: this quarter and this year run through the current month; a custom run is checked', async () => {
    await seed();
    const q = await figures();
    expect(q.period).toMatchObject({ kind: 'quarter', firstMonth: '2026-10', lastMonth: '2026-11', from: '2026-09-30T16:00:00.000Z', before: '2026-11-30T16:00:00.000Z', label: { en: 'Q4 2026', zh: '2026年第四季度' } });
    expect((await figures({ kind: 'year' })).period).toMatchObject({ firstMonth: '2026-01', lastMonth: '2026-11', label: { en: '2026', zh: '2026年' } });
    const bad = await tv.call('overview.figures', { period: { kind: 'custom', from: '2026-06', to: '2026-01' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'period.to': 'The last month cannot be before the first' } } });
    const long = await tv.call('overview.figures', { period: { kind: 'custom', from: '2020-01', to: '2026-01' } });
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'period.to': 'At most 60 months' } } });
    const month = await tv.call('overview.figures', { period: { kind: 'custom', from: '2026-13', to: '2026-14' } });
    expect(month).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'period.from': 'A month as YYYY-MM' } } });
  });

  it('requests per month: received, answered, on time and the median days, Beijing months, voided out', async () => {
    await seed();
    const q = await figures();
    expect(q.requests.months.map((m) => [m.month, m.received, m.answered, m.answeredOnTime, m.onTimePercent, m.medianDays])).toEqual([
      ['2026-10', 2, 1, 1, 100, 10],
      ['2026-11', 2, 1, 0, 0, 36],
    ]);
    expect(q.requests.total).toMatchObject({ received: 4, answered: 2, answeredOnTime: 1, onTimePercent: 50, medianDays: 23 });
    const y = await figures({ kind: 'year' });
    expect(y.requests.months).toHaveLength(11);
    expect(y.requests.months.find((m) => m.month === '2026-09')).toMatchObject({ received: 1, answered: 1, answeredOnTime: 1, medianDays: 10 });
    expect(y.requests.total).toMatchObject({ received: 5, answered: 3, answeredOnTime: 2, onTimePercent: 66.7, medianDays: 10 });
    // Each figure is what its list shows when filtered the way a click filters it.
    for (const m of q.requests.months) {
      expect((await tv.ok('inbox.list', { receivedFrom: m.from, receivedBefore: m.before })).total).toBe(m.received);
      expect((await tv.ok('inbox.list', { answeredFrom: m.from, answeredBefore: m.before })).total).toBe(m.answered);
      expect((await tv.ok('inbox.list', { answeredFrom: m.from, answeredBefore: m.before, answeredOnTime: true })).total).toBe(m.answeredOnTime);
      expect((await tv.ok('inbox.list', { answeredFrom: m.from, answeredBefore: m.before, answeredOnTime: false })).total).toBe(m.answered - m.answeredOnTime);
    }
  });

  it('incidents per quarter by the grade in force, Beijing quarters, voided out; a cut quarter says which months', async () => {
    await seed();
    const q = await figures();
    expect(q.incidents.quarters).toEqual([
      expect.objectContaining({ quarter: '2026-Q4', months: ['2026-10', '2026-11'], byGrade: { general: 1, relativelyMajor: 1, major: 1, particularlyMajor: 0 }, total: 3 }),
    ]);
    const y = await figures({ kind: 'year' });
    expect(y.incidents.quarters.map((x) => [x.quarter, x.total])).toEqual([['2026-Q1', 0], ['2026-Q2', 0], ['2026-Q3', 1], ['2026-Q4', 3]]);
    expect(y.incidents.total).toEqual({ general: 1, relativelyMajor: 1, major: 2, particularlyMajor: 0, total: 4 });
    const cut = await figures({ kind: 'custom', from: '2026-08', to: '2026-10' });
    expect(cut.incidents.quarters.map((x) => [x.quarter, x.months, x.total])).toEqual([['2026-Q3', ['2026-08', '2026-09'], 1], ['2026-Q4', ['2026-10'], 2]]);
    for (const x of y.incidents.quarters) {
      for (const grade of ['general', 'relativelyMajor', 'major', 'particularlyMajor'] as const) {
        expect((await tv.ok('incidents.list', { grade, discoveredFrom: x.from, discoveredBefore: x.before })).total).toBe(x.byGrade[grade]);
      }
    }
  });

  it('transfers by route and filing state, voided out, and this year’s totals against the route thresholds', async () => {
    await seed();
    const q = await figures();
    expect(q.transfers.total).toBe(2);
    const contract = q.transfers.byRoute.find((r) => r.route === 'standardContract')!;
    expect(contract.total).toBe(1);
    expect(q.transfers.byRoute.find((r) => r.route === 'exempt')!.total).toBe(1);
    for (const r of q.transfers.byRoute) {
      for (const [filingState, n] of Object.entries(r.byFilingState)) {
        expect((await tv.ok('transfers.list', { route: r.route, filingState: filingState as never })).total).toBe(n);
      }
    }
    const t = q.transfers.thresholds;
    expect(t).toMatchObject({ year: 2026, nonSensitive: 150_000, sensitive: 0, route: 'standardContractOrCertification' });
    expect(t.bars.map((b) => [b.count, b.limit, b.reached])).toContainEqual([150_000, 100_000, true]);
    expect(t.bars.map((b) => [b.count, b.limit, b.reached])).toContainEqual([150_000, 1_000_000, false]);
    // The same totals the transfer register's verdict gives.
    const company = await tv.ok('transfers.classify', {});
    expect(t.bars.map((b) => b.limit)).toEqual(company.verdict.thresholds.map((x) => x.limit));
  });

  it('open obligations by regime and state equal the board, filtered the same way; voided clocks are out', async () => {
    await seed();
    const q = await figures();
    const counts = await tv.ok('deadlines.counts', {});
    // The board's counters bucket by due time ("immediately" duties started in the past sit under
    // overdue there); the overview uses each clock's state as the board's list shows it.
    for (const state of ['overdue', 'dueSoon', 'open'] as const) expect(q.obligations.total[state]).toBe((await tv.ok('deadlines.list', { state, limit: 500 })).items.length);
    expect(q.obligations.total.overdue + q.obligations.total.dueSoon + q.obligations.total.open).toBe(counts.total.overdue + counts.total.today + counts.total.week + counts.total.later);
    expect(q.obligations.byRegime.map((r) => r.regime)).toEqual(expect.arrayContaining(['CN', 'EU', 'policy']));
    expect(q.obligations.byRegime.find((r) => r.regime === 'CN')!.name).toEqual({ en: 'PRC', zh: '中国' });
    for (const r of q.obligations.byRegime) {
      for (const state of ['overdue', 'dueSoon', 'open'] as const) {
        const listed = await tv.ok('deadlines.list', { regime: r.regime, state, limit: 500 });
        expect([r.regime, state, listed.items.length]).toEqual([r.regime, state, r[state]]);
      }
    }
  });

  it('obligations move between states as time passes, inside an hour and across hours, and leave when met', async () => {
    tv = await makeTestVault({ now: '2026-11-29T05:30:00.000Z' });
    const inc = await tv.ok('incidents.create', { title: 'Leak', discoveredAt: '2026-11-29T02:00:00.000Z', individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'] });
    // CN: two "immediately" duties and the CAC report due at 06:00 (within the hour of now): due soon; EU: 72 h, open.
    const at = async () => Object.fromEntries((await figures()).obligations.byRegime.map((r) => [r.regime, [r.overdue, r.dueSoon, r.open]]));
    expect(await at()).toEqual({ CN: [0, 3, 0], EU: [0, 0, 1] });
    tv.setNow('2026-11-29T06:30:00.000Z'); // the CAC report is overdue; its due hour is now's hour
    expect(await at()).toEqual({ CN: [1, 2, 0], EU: [0, 0, 1] });
    tv.setNow('2026-11-29T09:10:00.000Z'); // now several hours later: read from the kept counts
    expect(await at()).toEqual({ CN: [1, 2, 0], EU: [0, 0, 1] });
    tv.setNow('2026-11-30T02:30:00.000Z'); // GDPR due 2 Dec 02:00: inside the 48-hour window
    expect(await at()).toEqual({ CN: [1, 2, 0], EU: [0, 1, 0] });
    await tv.ok('incidents.markObligation', { id: inc.id, key: 'cac.report', state: 'done', doneAt: '2026-11-29T07:00:00.000Z', reference: '京网信-1' });
    expect(await at()).toEqual({ CN: [0, 2, 0], EU: [0, 1, 0] });
    await tv.ok('records.void', { module: 'incidents', recordId: inc.id, reason: 'Test entry' });
    expect(await at()).toEqual({});
    expect((await figures()).obligations.total).toEqual({ overdue: 0, dueSoon: 0, open: 0 });
  });

  it('the next 30 days: fixed clocks by day and module in the display zone, each day what the board lists for it', async () => {
    await seed();
    await tv.ok('incidents.create', { title: 'Today', discoveredAt: NOW, individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'] });
    await request(NOW, null);
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'Asia/Kolkata']) {
      const t = (await figures({ kind: 'quarter' }, zone)).timeline;
      expect(t.zone).toBe(zone);
      expect(t.days).toHaveLength(30);
      for (const d of t.days) {
        const listed = await tv.ok('deadlines.list', { dueAfter: d.from, dueBefore: new Date(Date.parse(d.before) - 1).toISOString(), limit: 500, zone });
        const mine = listed.items.filter((x) => x.clock === 'due' && x.dueAt >= NOW);
        expect([zone, d.date, d.total]).toEqual([zone, d.date, mine.length]);
        for (const [module, n] of Object.entries(d.byModule)) expect(mine.filter((x) => x.module === module).length).toBe(n);
        // The day's link opens the board on exactly these clocks (issue 17): no "immediately" duty, nothing before now.
        const handed = await tv.ok('deadlines.list', { ...d.list, limit: 500, zone });
        expect(handed.items.map((x) => x.id)).toEqual(mine.map((x) => x.id));
      }
    }
    const bj = (await figures()).timeline;
    // Logged now (Beijing 10:00): the CAC report is due today at 14:00, the GDPR notice on 2 December.
    expect(bj.days[0]).toMatchObject({ date: '2026-11-29', byModule: expect.objectContaining({ incidents: 1 }) });
    expect(bj.days[3]).toMatchObject({ date: '2026-12-02', byModule: expect.objectContaining({ incidents: 1 }) });
    expect(bj.total).toBe(bj.days.reduce((s, d) => s + d.total, 0));
  });

  it('reading the overview writes nothing', async () => {
    await seed();
    const before = writeCounts(tv);
    await figures();
    await figures({ kind: 'year' });
    expect(writeCounts(tv)).toEqual(before);
  });
});
