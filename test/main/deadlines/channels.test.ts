import { afterEach, describe, expect, it } from 'vitest';
import type { DeadlineRequest, RecordRef } from '../../../main/deadlines/model';
import { syncRecordDeadlines } from '../../../main/deadlines/service';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const ref = (module: RecordRef['module'], id: string): RecordRef => ({ module, recordId: id, recordRef: id.toUpperCase(), recordTitle: `Record ${id}` });
const seed = (record: RecordRef, requests: DeadlineRequest[]) => tv.session.tx(() => syncRecordDeadlines(tv.session, record, requests));
const rows = () => tv.session.db.prepare('SELECT * FROM deadlines ORDER BY id').all();
const auditActions = async () => (await tv.ok('audit.list', { limit: 500 })).items.map((e) => e.action);

/** now = 2026-11-29 10:00 Beijing (Sunday). */
async function seededBoard() {
  tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
  seed(ref('incidents', 'inc-1'), [
    { key: 'late', ruleKey: 'cac.report.4h', start: '2026-11-28T09:00:00+08:00' }, // overdue since 11-28 13:00
    { key: 'today', ruleKey: 'cac.report.4h', start: '2026-11-29T09:00:00+08:00' }, // due today 13:00
  ]);
  seed(ref('transfers', 'tr-1'), [{ key: 'filing', ruleKey: 'scc.filing.10wd', start: '2026-11-20' }]); // due 12-04 (next week)
  seed(ref('inbox', 'req-1'), [
    { key: 'reply', ruleKey: 'request.rights.15wd', start: '2026-11-27' }, // due 12-18
    { key: 'done', ruleKey: 'request.rights.15wd', start: '2026-11-01', met: { at: '2026-11-10T00:00:00Z' } },
  ]);
}

describe('deadlines.list (the board)', () => {
  it('lists open clocks by due time, most urgent first, with bounds in the DPO zone', async () => {
    await seededBoard();
    const page = await tv.ok('deadlines.list', { limit: 50 });
    expect(page.items.map((d) => `${d.recordRef}/${d.key}:${d.state}`)).toEqual([
      'INC-1/late:overdue',
      'INC-1/today:dueSoon',
      'TR-1/filing:open',
      'REQ-1/reply:open',
    ]);
    expect(page.bounds).toEqual({
      now: '2026-11-29T02:00:00.000Z',
      endOfToday: '2026-11-29T15:59:59.999Z',
      endOfWeek: '2026-11-29T15:59:59.999Z', // a Sunday: the week ends today
      zone: 'Asia/Shanghai',
    });
    expect(page.nextCursor).toBeNull();
  });

  it('pages with a keyset cursor without skipping or repeating', async () => {
    await seededBoard();
    const first = await tv.ok('deadlines.list', { limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await tv.ok('deadlines.list', { limit: 3, cursor: first.nextCursor });
    expect(second.items.map((d) => d.key)).toEqual(['reply']);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    { filter: { module: 'incidents' as const }, keys: ['late', 'today'] },
    { filter: { state: 'overdue' as const }, keys: ['late'] },
    { filter: { state: 'dueSoon' as const }, keys: ['today'] },
    { filter: { state: 'open' as const }, keys: ['filing', 'reply'] },
    { filter: { state: 'met' as const }, keys: ['done'] },
    { filter: { dueBefore: '2026-12-10T00:00:00Z' }, keys: ['late', 'today', 'filing'] },
  ])('filters by $filter', async ({ filter, keys }) => {
    await seededBoard();
    expect((await tv.ok('deadlines.list', { limit: 50, ...filter })).items.map((d) => d.key)).toEqual(keys);
  });

  it.each([
    { input: { limit: 0 }, field: 'limit' },
    { input: { limit: 50, state: 'late' }, field: 'state' },
    { input: { limit: 50, module: 'payroll' }, field: 'module' },
    { input: { limit: 50, dueBefore: 'tomorrow' }, field: 'dueBefore' },
    { input: { limit: 50, cursor: 'garbage' }, field: 'cursor' },
    { input: { limit: 50, zone: 'Mars/Olympus' }, field: 'zone' },
  ])('refuses bad input $input with VALIDATION on $field', async ({ input, field }) => {
    await seededBoard();
    const result = await tv.call('deadlines.list', input as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { [field]: expect.any(String) } } });
  });
});

describe('deadlines.counts', () => {
  it('counts open clocks per module in the board buckets', async () => {
    await seededBoard();
    const counts = await tv.ok('deadlines.counts', {});
    expect(counts.total).toEqual({ overdue: 1, today: 1, week: 0, later: 2 });
    expect(counts.byModule).toEqual(
      expect.arrayContaining([
        { module: 'incidents', overdue: 1, today: 1, week: 0, later: 0 },
        { module: 'transfers', overdue: 0, today: 0, week: 0, later: 1 },
        { module: 'inbox', overdue: 0, today: 0, week: 0, later: 1 },
      ]),
    );
  });

  it('puts this week in its own bucket when the week is not over (Berlin, Monday)', async () => {
    await seededBoard();
    tv.setNow('2026-11-30T02:00:00.000Z');
    const counts = await tv.ok('deadlines.counts', { zone: 'Europe/Berlin' });
    expect(counts.bounds.endOfWeek).toBe('2026-12-06T22:59:59.999Z');
    expect(counts.total).toEqual({ overdue: 2, today: 0, week: 1, later: 1 });
  });
});

describe('deadlines.alerts', () => {
  it('reports clocks that became due soon or overdue since the last poll, once', async () => {
    await seededBoard();
    const all = await tv.ok('deadlines.alerts', {});
    expect(all.items.map((a) => `${a.deadline.key}:${a.state}`)).toEqual(['late:overdue', 'today:dueSoon']);
    // Nothing new a minute later.
    tv.setNow('2026-11-29T02:01:00.000Z');
    expect((await tv.ok('deadlines.alerts', { since: all.now })).items).toEqual([]);
    // At 13:00 Beijing the 4-hour clock runs out: it is reported overdue.
    tv.setNow('2026-11-29T05:00:30.000Z');
    const later = await tv.ok('deadlines.alerts', { since: '2026-11-29T02:01:00.000Z' });
    expect(later.items.map((a) => `${a.deadline.key}:${a.state}:${a.since}`)).toEqual(['today:overdue:2026-11-29T05:00:00.000Z']);
  });

  it('reports a deadline written already late at the time it was written', async () => {
    await seededBoard();
    tv.setNow('2026-11-29T03:00:00.000Z');
    seed(ref('incidents', 'inc-2'), [{ key: 'gdpr', ruleKey: 'gdpr33.authority.72h', start: '2026-11-20T00:00:00Z' }]);
    const alerts = await tv.ok('deadlines.alerts', { since: '2026-11-29T02:30:00.000Z' });
    expect(alerts.items.map((a) => `${a.deadline.recordRef}:${a.state}:${a.since}`)).toEqual(['INC-2:overdue:2026-11-29T03:00:00.000Z']);
  });

  it('refuses a since that is not an instant', async () => {
    await seededBoard();
    expect(await tv.call('deadlines.alerts', { since: 'an hour ago' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { since: expect.any(String) } } });
  });
});

describe('deadlines.compute (the calculator)', () => {
  it('computes a filing due across National Day without storing anything', async () => {
    tv = await makeTestVault();
    const d = await tv.ok('deadlines.compute', { rule: 'scc.filing.10wd', start: '2026-09-28' });
    expect(d).toMatchObject({ dueAt: '2026-10-16T15:59:59.999Z', zone: 'Asia/Shanghai', rule: { en: 'File the standard contract (10 working days)' } });
    expect(d.explanation.en).toBe('10 working days after 2026-09-28; Oct 1–7 are holidays, Sat Oct 10 is a working day → 2026-10-16');
    expect(d.basis.en).toBe('Standard Contract Measures Art. 7');
    expect(rows()).toEqual([]);
  });

  it.each([
    { input: { rule: 'made.up', start: '2026-09-28' }, field: 'rule' },
    { input: { rule: 'scc.filing.10wd', start: '28/09/2026' }, field: 'start' },
    { input: { rule: 'scc.filing.10wd', start: '2026-02-30' }, field: 'start' },
    { input: { rule: 'hold.until', start: '2026-09-28' }, field: 'until' },
    { input: { rule: 'scc.filing.10wd' }, field: 'start' },
  ])('refuses $input with VALIDATION on $field', async ({ input, field }) => {
    tv = await makeTestVault();
    expect(await tv.call('deadlines.compute', input as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { [field]: expect.any(String) } } });
  });
});

describe('deadlines.waive and deadlines.override', () => {
  it('waives with a reason, in the audit log', async () => {
    await seededBoard();
    const [d] = (await tv.ok('deadlines.list', { limit: 1 })).items;
    const waived = await tv.ok('deadlines.waive', { id: d.id, reason: 'Authority told by phone; written report not required' });
    expect(waived).toMatchObject({ state: 'waived', waivedReason: 'Authority told by phone; written report not required' });
    const [entry] = (await tv.ok('audit.list', { limit: 1 })).items;
    expect(entry).toMatchObject({ action: 'deadlines.waive', entity: 'deadline', entityId: d.id });
    expect(entry.summary).toContain('Authority told by phone');
  });

  it('overrides a due date with a reason, keeping the computed date visible, in the audit log', async () => {
    await seededBoard();
    const filing = (await tv.ok('deadlines.list', { limit: 50, module: 'transfers' })).items[0];
    const out = await tv.ok('deadlines.override', { id: filing.id, dueAt: '2026-12-11T18:00:00+08:00', reason: 'Filing portal down; CAC agreed a week' });
    expect(out).toMatchObject({ dueAt: '2026-12-11T10:00:00.000Z', override: { computedDueAt: filing.dueAt, reason: 'Filing portal down; CAC agreed a week' } });
    const [entry] = (await tv.ok('audit.list', { limit: 1 })).items;
    expect(entry).toMatchObject({ action: 'deadlines.override', entityId: filing.id });
  });

  it.each([
    { channel: 'deadlines.waive' as const, input: { id: 'x', reason: '   ' }, code: 'VALIDATION', field: 'reason' },
    { channel: 'deadlines.waive' as const, input: { id: 'x' }, code: 'VALIDATION', field: 'reason' },
    { channel: 'deadlines.override' as const, input: { id: 'x', dueAt: 'next week', reason: 'r' }, code: 'VALIDATION', field: 'dueAt' },
    { channel: 'deadlines.override' as const, input: { id: 'x', dueAt: '2026-12-01T00:00:00Z', reason: '' }, code: 'VALIDATION', field: 'reason' },
    { channel: 'deadlines.override' as const, input: { id: 'no-such-id', dueAt: '2026-12-01T00:00:00Z', reason: 'r' }, code: 'NOT_FOUND' },
    { channel: 'deadlines.waive' as const, input: { id: 'no-such-id', reason: 'r' }, code: 'NOT_FOUND' },
  ])('$channel refuses $input ($code) and writes nothing', async ({ channel, input, code, field }) => {
    await seededBoard();
    const [first] = (await tv.ok('deadlines.list', { limit: 1 })).items;
    const real = input.id === 'x' ? { ...input, id: first.id } : input;
    const before = { rows: rows(), audit: await auditActions() };
    const result = await tv.call(channel, real as never);
    expect(result).toMatchObject({ ok: false, error: { code, ...(field ? { fields: { [field]: expect.any(String) } } : {}) } });
    expect({ rows: rows(), audit: await auditActions() }).toEqual(before);
  });

  it('refuses to waive or override a met deadline (CONFLICT)', async () => {
    await seededBoard();
    const [met] = (await tv.ok('deadlines.list', { limit: 5, state: 'met' })).items;
    expect(await tv.call('deadlines.waive', { id: met.id, reason: 'r' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await tv.call('deadlines.override', { id: met.id, dueAt: '2026-12-01T00:00:00Z', reason: 'r' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('bad input on the read channels', () => {
  it.each([
    { channel: 'deadlines.counts', input: { zone: 'Not/AZone' }, field: 'zone' },
    { channel: 'deadlines.counts', input: { zone: '../etc' }, field: 'zone' },
    { channel: 'deadlines.forRecord', input: { module: 'payroll', recordId: 'x' }, field: 'module' },
    { channel: 'deadlines.forRecord', input: { module: 'inbox', recordId: '' }, field: 'recordId' },
    { channel: 'deadlines.rules', input: { extra: 1 }, field: 'extra' },
    { channel: 'calendar.list', input: { country: 'china' }, field: 'country' },
  ] as const)('$channel refuses $input with VALIDATION on $field', async ({ channel, input, field }) => {
    tv = await makeTestVault();
    expect(await tv.call(channel, input as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { [field]: expect.any(String) } } });
  });

  it('lists the catalogue for the calculator with each rule’s period and zone', async () => {
    tv = await makeTestVault();
    const { rules } = await tv.ok('deadlines.rules', {});
    // Every deadline rule of the catalogue with a version in force today (2026-11-29).
    expect(rules).toHaveLength(46);
    expect(rules.find((r) => r.key === 'ccpa.ack')).toMatchObject({ periodKind: 'businessDays', amount: 10, zone: 'America/Los_Angeles', country: 'US' });
    expect(rules.find((r) => r.key === 'request.rights.15wd')).toMatchObject({ periodKind: 'workingDays', amount: 15, zone: 'Asia/Shanghai', country: 'CN' });
    expect(rules.find((r) => r.key === 'gdpr33.authority.72h')).toMatchObject({ periodKind: 'hours', amount: 72, zone: 'Europe/Brussels', country: null });
  });
});
