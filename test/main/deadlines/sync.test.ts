import { afterEach, describe, expect, it } from 'vitest';
import type { DeadlineRequest, RecordRef } from '../../../main/deadlines/model';
import { listRecordDeadlines, syncRecordDeadlines } from '../../../main/deadlines/service';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const incident: RecordRef = { module: 'incidents', recordId: 'inc-1', recordRef: 'INC-2026-0001', recordTitle: 'Customer database leak' };
const transfer: RecordRef = { module: 'transfers', recordId: 'tr-1', recordRef: 'TR-2026-0001', recordTitle: 'CRM export to Singapore' };

const auditCount = async () => (await tv.ok('audit.list', { limit: 500 })).items.length;
const rowCount = () => (tv.session.db.prepare('SELECT count(*) AS n FROM deadlines').get() as { n: number }).n;

/** What the calling module does: its own write, the deadlines, its audit entry, in one tx. */
const syncAsModule = (record: RecordRef, requests: DeadlineRequest[]) =>
  tv.session.tx(() => {
    const out = syncRecordDeadlines(tv.session, record, requests);
    tv.session.audit.append({ action: 'incidents.update', entity: 'incident', entityId: record.recordId, summary: 'test change' });
    return out;
  });

describe('syncRecordDeadlines', () => {
  it('computes, stores and returns each requested deadline with its rule, basis, explanation and state', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
    const out = syncAsModule(incident, [
      { key: 'cac.report', ruleKey: 'cac.report.4h', start: '2026-11-29T09:00:00+08:00' },
      { key: 'pipl57.authority', ruleKey: 'pipl57.authority', start: '2026-11-29T09:00:00+08:00' },
      { key: 'summary', ruleKey: 'cac.summary.30d', start: '2026-11-20' },
    ]);
    expect(out).toHaveLength(3);
    const cac = out.find((d) => d.key === 'cac.report')!;
    expect(cac).toMatchObject({
      module: 'incidents',
      recordRef: 'INC-2026-0001',
      ruleKey: 'cac.report.4h',
      clock: 'due',
      startAt: '2026-11-29T01:00:00.000Z',
      dueAt: '2026-11-29T05:00:00.000Z',
      zone: 'Asia/Shanghai',
      state: 'dueSoon', // 3 hours left inside the default 48-hour window
      override: null,
    });
    expect(cac.basis.en).toContain('Administrative Measures for Reporting Cybersecurity Incidents');
    expect(cac.explanation.en).toBe(
      '4 hours from 2026-11-29 09:00 (Beijing time); hour clocks do not stop for nights or holidays → 2026-11-29 13:00',
    );
    // "Immediately" has no hour limit: running, never overdue by itself.
    expect(out.find((d) => d.key === 'pipl57.authority')).toMatchObject({ clock: 'immediate', state: 'dueSoon' });
    // 30 days after 2026-11-20 is Sun 2026-12-20: a rest day, so it rolls to Mon 2026-12-21.
    const summary = out.find((d) => d.key === 'summary')!;
    expect(summary.dueAt).toBe('2026-12-21T15:59:59.999Z');
    expect(summary.calendar).toEqual({ country: 'CN', years: [2026], missingYears: [], provisionalYears: [] });
    expect(listRecordDeadlines(tv.session, 'incidents', 'inc-1')).toEqual(out);
  });

  it('upserts by key (same id, new due date), deletes keys no longer requested, and leaves other records alone', async () => {
    tv = await makeTestVault();
    const first = syncAsModule(incident, [
      { key: 'cac.report', ruleKey: 'cac.report.4h', start: '2026-11-29T09:00:00+08:00' },
      { key: 'gdpr', ruleKey: 'gdpr33.authority.72h', start: '2026-11-29T09:00:00+08:00' },
    ]);
    syncAsModule(transfer, [{ key: 'filing', ruleKey: 'scc.filing.10wd', start: '2026-09-28' }]);
    const second = syncAsModule(incident, [{ key: 'cac.report', ruleKey: 'cac.report.4h', start: '2026-11-29T10:00:00+08:00' }]);
    expect(second).toHaveLength(1);
    expect(second[0].id).toBe(first.find((d) => d.key === 'cac.report')!.id);
    expect(second[0].dueAt).toBe('2026-11-29T06:00:00.000Z');
    expect(rowCount()).toBe(2);
    expect(listRecordDeadlines(tv.session, 'transfers', 'tr-1')[0].dueAt).toBe('2026-10-16T15:59:59.999Z');
  });

  it('records met and waived duties from the module, and derives overdue from the clock', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
    const out = syncAsModule(incident, [
      { key: 'a', ruleKey: 'cac.report.4h', start: '2026-11-28T09:00:00+08:00' },
      { key: 'b', ruleKey: 'cac.report.4h', start: '2026-11-28T09:00:00+08:00', met: { at: '2026-11-28T03:00:00Z', note: 'reported by phone' } },
      { key: 'c', ruleKey: 'pipl57.individuals', start: '2026-11-28T09:00:00+08:00', waived: { reason: 'data was encrypted; harm avoided' } },
    ]);
    const by = Object.fromEntries(out.map((d) => [d.key, d]));
    expect(by.a.state).toBe('overdue');
    expect(by.b).toMatchObject({ state: 'met', metAt: '2026-11-28T03:00:00.000Z', metNote: 'reported by phone' });
    expect(by.c).toMatchObject({ state: 'waived', waivedReason: 'data was encrypted; harm avoided' });
  });

  it('writes no audit entry of its own: the calling module audits its change', async () => {
    tv = await makeTestVault();
    const before = await auditCount();
    syncAsModule(incident, [{ key: 'cac.report', ruleKey: 'cac.report.4h', start: '2026-11-29T09:00:00+08:00' }]);
    expect(await auditCount()).toBe(before + 1); // only the module's entry
  });

  it('keeps a DPO override while the rule and start are unchanged, and drops it when the start changes', async () => {
    tv = await makeTestVault();
    const [d] = syncAsModule(transfer, [{ key: 'filing', ruleKey: 'scc.filing.10wd', start: '2026-09-28' }]);
    await tv.ok('deadlines.override', { id: d.id, dueAt: '2026-10-20T09:00:00Z', reason: 'CAC officer agreed an extension by phone' });
    const [kept] = syncAsModule({ ...transfer, recordTitle: 'renamed' }, [{ key: 'filing', ruleKey: 'scc.filing.10wd', start: '2026-09-28' }]);
    expect(kept).toMatchObject({
      dueAt: '2026-10-20T09:00:00.000Z',
      recordTitle: 'renamed',
      override: { computedDueAt: '2026-10-16T15:59:59.999Z', reason: 'CAC officer agreed an extension by phone' },
    });
    const [dropped] = syncAsModule(transfer, [{ key: 'filing', ruleKey: 'scc.filing.10wd', start: '2026-09-29' }]);
    expect(dropped.override).toBeNull();
    expect(dropped.dueAt).toBe('2026-10-19T15:59:59.999Z');
  });

  it('keeps a DPO waiver across syncs while the key is requested', async () => {
    tv = await makeTestVault();
    const [d] = syncAsModule(incident, [{ key: 'gdpr', ruleKey: 'gdpr33.authority.72h', start: '2026-11-29T09:00:00+08:00' }]);
    await tv.ok('deadlines.waive', { id: d.id, reason: 'No EU data subjects affected' });
    const [again] = syncAsModule(incident, [{ key: 'gdpr', ruleKey: 'gdpr33.authority.72h', start: '2026-11-29T09:00:00+08:00' }]);
    expect(again).toMatchObject({ state: 'waived', waivedReason: 'No EU data subjects affected' });
  });

  it.each<[string, DeadlineRequest[], string]>([
    ['an unknown rule', [{ key: 'x', ruleKey: 'made.up' as never, start: '2026-11-29' }], 'deadlines.0.ruleKey'],
    ['a start that is not a date', [{ key: 'x', ruleKey: 'cac.report.4h', start: 'yesterday' }], 'deadlines.0.start'],
    ['an impossible date', [{ key: 'x', ruleKey: 'scc.filing.10wd', start: '2026-02-30' }], 'deadlines.0.start'],
    ['a fixed-date rule without its date', [{ key: 'x', ruleKey: 'hold.until', start: '2026-11-29' }], 'deadlines.0.until'],
    [
      'a key requested twice',
      [
        { key: 'x', ruleKey: 'cac.report.4h', start: '2026-11-29' },
        { key: 'x', ruleKey: 'cac.report.4h', start: '2026-11-29' },
      ],
      'deadlines.1.key',
    ],
    ['an empty key', [{ key: ' ', ruleKey: 'cac.report.4h', start: '2026-11-29' }], 'deadlines.0.key'],
    ['a met time that is not an instant', [{ key: 'x', ruleKey: 'cac.report.4h', start: '2026-11-29', met: { at: 'soon' } }], 'deadlines.0.met.at'],
    ['a waiver without a reason', [{ key: 'x', ruleKey: 'cac.report.4h', start: '2026-11-29', waived: { reason: '' } }], 'deadlines.0.waived.reason'],
  ])('refuses %s with VALIDATION naming the field, and writes nothing', async (_why, requests, field) => {
    tv = await makeTestVault();
    syncAsModule(incident, [{ key: 'keep', ruleKey: 'cac.report.4h', start: '2026-11-29T09:00:00+08:00' }]);
    const before = listRecordDeadlines(tv.session, 'incidents', 'inc-1');
    expect(() => syncAsModule(incident, requests)).toThrow(expect.objectContaining({ code: 'VALIDATION', fields: expect.objectContaining({ [field]: expect.any(String) }) }));
    expect(listRecordDeadlines(tv.session, 'incidents', 'inc-1')).toEqual(before);
  });
});
