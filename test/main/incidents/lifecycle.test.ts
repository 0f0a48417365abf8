import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../preload/contract';
import { incidentsNoticeSource } from '../../../main/incidents/notice-source';
import { IncidentsRepo } from '../../../main/incidents/repo';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const base: Input<'incidents.create'> = {
  title: 'Customer database exposed',
  discoveredAt: '2026-11-29T01:00:00.000Z',
  individualsAffected: 1_200_000,
  jurisdictions: ['CN', 'EU'],
};
const ob = (inc: { obligations: { key: string }[] }, key: string) =>
  inc.obligations.find((o) => o.key === key) as Awaited<ReturnType<TestVault['ok']>> & Record<string, unknown> as never as {
    state: string; required: boolean; dueAt: string | null; done: { at: string; reference: string } | null; deadlineState: string | null;
  };
const audit = async (t: TestVault) => (await t.ok('audit.list', { limit: 200, entity: 'incident' })).items;
const boardKeys = (t: TestVault, id: string) =>
  (t.session.db.prepare("SELECT key, stored_state FROM deadlines WHERE module = 'incidents' AND record_id = ? ORDER BY key").all(id) as { key: string; stored_state: string }[]);

describe('changing a fact recomputes obligations; done ones keep their record', () => {
  it('drops the CAC clock when the count falls below 1,000,000 but keeps a done mark', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    await tv.ok('incidents.markObligation', { id: inc.id, key: 'cac.report', state: 'done', doneAt: '2026-11-29T01:50:00.000Z', reference: 'BJ-CAC-2026-0188' });
    const smaller = await tv.ok('incidents.update', { id: inc.id, facts: { individualsAffected: 800_000, jurisdictions: ['CN'] }, expectedVersion: 2 });
    expect(smaller.grade.value).toBe('general');
    expect(ob(smaller, 'cac.report')).toMatchObject({ state: 'done', required: false, done: { reference: 'BJ-CAC-2026-0188' } });
    expect(ob(smaller, 'gdpr33.authority').state).toBe('notRequired');
    expect(boardKeys(tv, inc.id)).toEqual([
      { key: 'cac.report', stored_state: 'met' },
      { key: 'pipl57.authority', stored_state: 'open' },
      { key: 'pipl57.individuals', stored_state: 'open' },
    ]);
    const last = (await audit(tv))[0];
    expect(last.action).toBe('incidents.update');
    expect(last.summary).toContain('People affected: 1,200,000 → 800,000');
    expect(smaller.timeline.at(-1)!.text.zh).toContain('受影响人数：1,200,000 → 800,000');
  });

  it('adds the minors and California duties when those facts are recorded', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', { ...base, individualsAffected: 3000, jurisdictions: ['CN'] });
    const more = await tv.ok('incidents.update', { id: inc.id, facts: { minorsInvolved: true, jurisdictions: ['CN', 'US-CA'], californiaResidentsAffected: 700 } });
    expect(['minors.authority', 'minors.guardians', 'ca.residents'].map((k) => ob(more, k).state)).toEqual(['pending', 'pending', 'pending']);
    expect(ob(more, 'ca.residents').dueAt).toMatch(/^2026-12-29/);
    expect(ob(more, 'ca.ag').state).toBe('waiting');
    const sent = await tv.ok('incidents.markObligation', { id: inc.id, key: 'ca.residents', state: 'done', doneAt: '2026-11-29T02:00:00.000Z' });
    expect(ob(sent, 'ca.ag')).toMatchObject({ state: 'pending', dueAt: expect.stringMatching(/^2026-12-1[34]/) });
  });

  it('refuses a stale edit with CONFLICT', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    await tv.ok('incidents.update', { id: inc.id, facts: { owner: 'Zhang San' } });
    expect(await tv.call('incidents.update', { id: inc.id, facts: { owner: 'Wang' }, expectedVersion: 1 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('marking obligations done', () => {
  it('a GDPR notice after 72 hours needs the reasons for the delay', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    tv.setNow('2026-12-03T00:00:00.000Z');
    const late = await tv.call('incidents.markObligation', { id: inc.id, key: 'gdpr33.authority', state: 'done', doneAt: '2026-12-02T01:00:01.000Z', reference: 'DPC-123' });
    expect(late).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { lateReason: expect.any(String) } } });
    const ok = await tv.ok('incidents.markObligation', { id: inc.id, key: 'gdpr33.authority', state: 'done', doneAt: '2026-12-02T01:00:01.000Z', reference: 'DPC-123', lateReason: 'Forensics took 3 days' });
    expect(ob(ok, 'gdpr33.authority')).toMatchObject({ state: 'done', deadlineState: 'met' });
  });

  it('an authority report needs its reference; a date in the future or before discovery is refused; nothing written', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    const rows: [Input<'incidents.markObligation'>, string][] = [
      [{ id: inc.id, key: 'cac.report', state: 'done', doneAt: '2026-11-29T01:30:00.000Z' }, 'reference'],
      [{ id: inc.id, key: 'cac.report', state: 'done', doneAt: '2026-11-30T01:30:00.000Z', reference: 'X' }, 'doneAt'],
      [{ id: inc.id, key: 'cac.report', state: 'done', doneAt: '2026-11-28T01:30:00.000Z', reference: 'X' }, 'doneAt'],
      [{ id: inc.id, key: 'no.such', state: 'done', doneAt: '2026-11-29T01:30:00.000Z', reference: 'X' }, 'key'],
    ];
    for (const [input, field] of rows) {
      const r = await tv.call('incidents.markObligation', input);
      expect(r.ok ? null : Object.keys(r.error.fields ?? {})).toEqual([field]);
    }
    const after = await tv.ok('incidents.get', { id: inc.id });
    expect(after.version).toBe(1);
    expect(ob(after, 'cac.report').state).toBe('pending');
    expect((await audit(tv)).map((e) => e.action)).toEqual(['incidents.create']);
  });

  it('a done mark can be withdrawn with a reason, audited', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    await tv.ok('incidents.markObligation', { id: inc.id, key: 'pipl57.individuals', state: 'done', doneAt: '2026-11-29T01:30:00.000Z' });
    const back = await tv.ok('incidents.markObligation', { id: inc.id, key: 'pipl57.individuals', state: 'pending', reason: 'Marked on the wrong incident' });
    expect(ob(back, 'pipl57.individuals').state).toBe('pending');
    expect((await audit(tv))[0].summary).toContain('Marked on the wrong incident');
  });
});

describe('DPO overrides, audited with the reason', () => {
  it('overrides the grade: the CAC report follows; removing the override restores the computed grade', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', { ...base, individualsAffected: 5000 });
    expect(ob(inc, 'cac.report').state).toBe('notRequired');
    const up = await tv.ok('incidents.overrideGrade', { id: inc.id, grade: 'major', reason: 'Payment data of a state bank' });
    expect(up.grade).toMatchObject({ computed: 'general', value: 'major', override: { grade: 'major', reason: 'Payment data of a state bank' } });
    expect(ob(up, 'cac.report').state).toBe('pending');
    const list = await tv.ok('incidents.list', { grade: 'major' });
    expect(list.items.map((i) => i.ref)).toEqual([inc.ref]);
    const back = await tv.ok('incidents.overrideGrade', { id: inc.id, grade: null, reason: 'Bank data was test data' });
    expect(back.grade.value).toBe('general');
    const entries = await audit(tv);
    expect(entries.slice(0, 2).map((e) => e.summary)).toEqual([
      `${inc.ref}: grade override removed — Bank data was test data`,
      `${inc.ref}: grade overridden to Major — Payment data of a state bank`,
    ]);
  });

  it('overrides an obligation to not required: waived on the board with the reason', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    const r = await tv.ok('incidents.overrideObligation', { id: inc.id, key: 'gdpr33.authority', required: false, reason: 'Lead authority confirmed no risk' });
    expect(ob(r, 'gdpr33.authority')).toMatchObject({ state: 'notRequired', required: false, deadlineState: 'waived' });
    expect(boardKeys(tv, inc.id).find((d) => d.key === 'gdpr33.authority')?.stored_state).toBe('waived');
    expect((await audit(tv))[0]).toMatchObject({ action: 'incidents.overrideObligation', summary: expect.stringContaining('Lead authority confirmed no risk') });
    expect(await tv.call('incidents.overrideObligation', { id: inc.id, key: 'cac.report', required: null, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('workflow and timeline', () => {
  it('closing warns while obligations are pending; confirmed, it closes; reopening needs a reason; every step is on the timeline', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    await tv.ok('incidents.transition', { id: inc.id, to: 'assessing' });
    tv.setNow('2026-11-29T02:40:00.000Z');
    const contained = await tv.ok('incidents.transition', { id: inc.id, to: 'contained', at: '2026-11-29T02:30:00.000Z' });
    expect(contained.facts.containedAt).toBe('2026-11-29T02:30:00.000Z');
    await tv.ok('incidents.addNote', { id: inc.id, text: 'Called the vendor', at: '2026-11-29T01:05:00.000Z' });
    const refused = await tv.call('incidents.transition', { id: inc.id, to: 'closed' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Report to the cyberspace administration') } });
    const closed = await tv.ok('incidents.transition', { id: inc.id, to: 'closed', confirmPendingObligations: true });
    expect(closed.state).toBe('closed');
    expect(closed.facts.handlingEndedAt).toBe('2026-11-29T02:40:00.000Z');
    expect(ob(closed, 'cac.summary')).toMatchObject({ state: 'pending', dueAt: expect.stringMatching(/^2026-12-29/) });
    expect(await tv.call('incidents.transition', { id: inc.id, to: 'assessing' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: expect.any(String) } } });
    const reopened = await tv.ok('incidents.transition', { id: inc.id, to: 'assessing', reason: 'More accounts found' });
    expect(reopened.closedAt).toBeNull();
    expect(reopened.timeline.map((t) => `${t.kind}: ${t.text.en}`)).toEqual([
      // ordered by when it happened: the vendor call at 09:05 Beijing came before the record was logged at 10:00
      'note: Called the vendor',
      'created: Logged: Customer database exposed',
      'state: Detected → Assessing',
      'state: Assessing → Contained',
      expect.stringMatching(/^state: Contained → Closed \(closed with pending: Notify the PI protection authority; .*CAC summary report/),
      'state: Closed → Assessing — More accounts found',
    ]);
    expect((await audit(tv)).map((e) => e.action).reverse()).toEqual([
      'incidents.create', 'incidents.transition', 'incidents.transition', 'incidents.addNote', 'incidents.transition', 'incidents.transition',
    ]);
  });
});

describe('list: filters, sort, search, keyset', () => {
  it('pages newest discovery first and filters by state, jurisdiction, overdue and text', async () => {
    tv = await makeTestVault();
    const mk = (title: string, discoveredAt: string, over: Partial<Input<'incidents.create'>> = {}) =>
      tv.ok('incidents.create', { ...base, title, discoveredAt, ...over });
    const a = await mk('Phishing of staff mail', '2026-11-20T00:00:00.000Z', { jurisdictions: ['CN'], individualsAffected: 10 });
    const b = await mk('Lost laptop', '2026-11-25T00:00:00.000Z', { jurisdictions: ['US-CA'], individualsAffected: 600 });
    const c = await mk('API scraping', '2026-11-29T00:00:00.000Z');
    const p1 = await tv.ok('incidents.list', { limit: 2 });
    expect(p1.items.map((i) => i.title)).toEqual(['API scraping', 'Lost laptop']);
    expect(p1.total).toBe(3);
    const p2 = await tv.ok('incidents.list', { limit: 2, cursor: p1.nextCursor });
    expect(p2.items.map((i) => i.title)).toEqual(['Phishing of staff mail']);
    expect(p2.nextCursor).toBeNull();
    expect((await tv.ok('incidents.list', { jurisdiction: 'US-CA' })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await tv.ok('incidents.list', { search: 'lapt' })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await tv.ok('incidents.list', { search: c.ref })).items.map((i) => i.id)).toEqual([c.id]);
    // At 05:00Z c's 4-hour CAC clock (due 04:00Z) has run out; b's California clock runs to late December.
    tv.setNow('2026-11-29T05:00:00.000Z');
    const overdue = await tv.ok('incidents.list', { hasOverdue: true });
    expect(overdue.items.map((i) => i.id)).toEqual([c.id]);
    // Issue 13: "next due" includes the pending "immediately" duties (PIPL Art. 57, due from the
    // discovery), so every one of them sorts by how long its immediate duty has been open.
    const byDue = await tv.ok('incidents.list', { sort: 'nextDue' });
    expect(byDue.items.map((i) => i.id)).toEqual([a.id, b.id, c.id]);
    expect(byDue.items[0]).toMatchObject({ nextDueAt: '2026-11-20T00:00:00.000Z', nextDueImmediate: true, hasOverdue: false });
    await tv.ok('incidents.transition', { id: a.id, to: 'assessing' });
    expect((await tv.ok('incidents.list', { state: 'assessing' })).items.map((i) => i.id)).toEqual([a.id]);
    // Totals are counted up to a cap, and say when there are more.
    expect(new IncidentsRepo(tv.session.db).list({ sort: 'discovered', limit: 10 }, 2)).toMatchObject({ total: 2, totalCapped: true });
    expect(p1.totalCapped).toBe(false);
    expect(await tv.call('incidents.list', { cursor: 'garbage' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { cursor: expect.any(String) } } });
  });
});

describe('notice source', () => {
  it('gives incident.* merge fields and meets the obligation of a dispatched notice', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', { ...base, piCategories: ['phone', 'e-mail'] });
    const f = incidentsNoticeSource.fields(tv.session, inc.id)!;
    expect(f.ref).toBe(inc.ref);
    expect(f.values).toMatchObject({ 'incident.piCategories': 'phone, e-mail', 'incident.grade': 'Relatively major', 'incident.individualsAffected': '1200000' });
    expect(incidentsNoticeSource.fields(tv.session, 'nope')).toBeNull();
    tv.session.tx(() => incidentsNoticeSource.onDispatched!(tv.session, inc.id, { noticeId: 'N1', noticeRef: 'NTC-2026-0001', kind: 'incident.cac', dispatchedAt: '2026-11-29T01:45:00.000Z', channel: 'portal' }));
    const after = await tv.ok('incidents.get', { id: inc.id });
    expect(ob(after, 'cac.report')).toMatchObject({ state: 'done', done: { at: '2026-11-29T01:45:00.000Z', reference: 'NTC-2026-0001' } }); // the notice's reference, never its id
    expect(after.timeline.find((t) => t.kind === 'notice')).toMatchObject({ at: '2026-11-29T01:45:00.000Z', text: { en: 'Report to the cyberspace administration: done — notice sent by in-app or portal notice' } });
    expect((await audit(tv))[0].action).toBe('incidents.noticeDispatched');
  });
});
