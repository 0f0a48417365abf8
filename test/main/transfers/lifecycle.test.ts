import { describe, expect, it } from 'vitest';
import { Annex1 } from '../../../preload/contract/transfers';
import { changeTriggersRefiling, deadlineRequestsFor, filingStateOf, gapsOf, materialChanges, type ChangeFact, type FilingEventFact } from '../../../main/transfers/lifecycle';

const annex = Annex1.parse({
  purpose: 'Customer support',
  processingMethod: 'storage, use',
  individualsScale: 150_000,
  piCategories: ['name', 'e-mail'],
  transferMethod: 'API over TLS',
  retentionFrom: '2026-10-01',
  retentionTo: '2028-10-01',
  storageLocation: 'Virginia, US',
});

describe('materialChanges (Standard Contract Measures Art. 8)', () => {
  it.each([
    ['a new purpose', { purpose: 'Marketing' }, ['purpose']],
    ['a larger scale', { individualsScale: 300_000 }, ['scope']],
    ['another onward recipient', { onwardRecipients: 'Zendesk Inc.' }, ['scope']],
    ['one more PI category', { piCategories: ['name', 'e-mail', 'phone'] }, ['categories']],
    ['the same categories in another order', { piCategories: ['e-mail', 'name'] }, []],
    ['sensitive PI added', { sensitivePiCategories: ['health'] }, ['sensitivity']],
    ['another transfer method', { transferMethod: 'SFTP' }, ['method']],
    ['another storage location', { storageLocation: 'Frankfurt, DE' }, ['storageLocation']],
    ['retention abroad extended', { retentionTo: '2029-10-01' }, ['retentionExtended']],
    ['retention abroad shortened', { retentionTo: '2027-10-01' }, []],
    ['only the other-matters note', { otherMatters: 'see DPA' }, []],
  ])('%s → %j', (_why, patch, kinds) => {
    expect(materialChanges(annex, { ...annex, ...patch })).toEqual(kinds);
  });
});

describe('changeTriggersRefiling', () => {
  it.each([
    ['during the term of an effective contract', 'standardContract', '2026-09-28', '2026-11-02', true],
    ['on the effective day itself', 'standardContract', '2026-09-28', '2026-09-28', true],
    ['before the contract took effect: edit the draft instead', 'standardContract', '2026-09-28', '2026-09-01', false],
    ['no effective date yet', 'standardContract', null, '2026-11-02', false],
    ['a certification route: no contract filing', 'certification', '2026-09-28', '2026-11-02', false],
  ] as const)('%s → %s', (_why, route, effective, change, expected) => {
    expect(changeTriggersRefiling(route, effective, change)).toBe(expected);
  });
});

const ev = (seq: number, kind: FilingEventFact['kind'], date: string): FilingEventFact => ({ seq, kind, date });
const ch = (seq: number, date: string, triggersRefiling = true): ChangeFact => ({ seq, date, triggersRefiling });

describe('filingStateOf', () => {
  it.each([
    ['not a standard-contract route', 'exempt', '2026-09-28', [], [], 'notRequired'],
    ['contract not yet effective', 'standardContract', null, [], [], 'awaitingContract'],
    ['effective, nothing filed', 'standardContract', '2026-09-28', [], [], 'due'],
    ['filed, awaiting review', 'standardContract', '2026-09-28', [ev(1, 'submitted', '2026-10-12')], [], 'underReview'],
    ['supplements asked', 'standardContract', '2026-09-28', [ev(1, 'submitted', '2026-10-12'), ev(2, 'supplementsRequested', '2026-10-20')], [], 'supplementsRequested'],
    ['supplements sent', 'standardContract', '2026-09-28', [ev(1, 'submitted', '2026-10-12'), ev(2, 'supplementsRequested', '2026-10-20'), ev(3, 'supplementsSubmitted', '2026-10-26')], [], 'underReview'],
    ['filing number received', 'standardContract', '2026-09-28', [ev(1, 'submitted', '2026-10-12'), ev(2, 'accepted', '2026-11-02')], [], 'filed'],
    ['refused', 'standardContract', '2026-09-28', [ev(1, 'submitted', '2026-10-12'), ev(2, 'refused', '2026-11-02')], [], 'refused'],
    ['changed after the filing number', 'standardContract', '2026-09-28', [ev(1, 'submitted', '2026-10-12'), ev(2, 'accepted', '2026-11-02')], [ch(3, '2026-11-10')], 'refilingDue'],
    ['re-filed after the change', 'standardContract', '2026-09-28', [ev(1, 'submitted', '2026-10-12'), ev(2, 'accepted', '2026-11-02'), ev(4, 'submitted', '2026-11-12')], [ch(3, '2026-11-10')], 'underReview'],
  ] as const)('%s → %s', (_why, route, effective, events, changes, state) => {
    expect(filingStateOf(route, effective, [...events], [...changes])).toBe(state);
  });
});

describe('deadlineRequestsFor', () => {
  const base = { chosen: 'standardContract' as const, effectiveDate: '2026-09-28', signedDate: '2026-09-20', expiryDate: null, pipiaDate: null, events: [], changes: [] };

  it('asks for the filing clock from the effective date, open until the first submission', () => {
    expect(deadlineRequestsFor(base)).toEqual([{ key: 'scc.filing', ruleKey: 'scc.filing.10wd', start: '2026-09-28', met: null }]);
    const filed = deadlineRequestsFor({ ...base, events: [ev(1, 'submitted', '2026-10-12')] });
    expect(filed[0].met).toEqual({ at: '2026-10-12T00:00:00+08:00', note: null });
  });

  it('asks for a supplement clock per request, met by the supplements sent after it', () => {
    const reqs = deadlineRequestsFor({ ...base, events: [ev(1, 'submitted', '2026-10-12'), ev(2, 'supplementsRequested', '2026-10-20'), ev(3, 'supplementsSubmitted', '2026-10-26')] });
    expect(reqs.find((r) => r.ruleKey === 'scc.supplement.10wd')).toMatchObject({ key: 'scc.supplement.2', start: '2026-10-20', met: { at: '2026-10-26T00:00:00+08:00' } });
  });

  it('asks for a re-filing clock per change that triggers it, and the PIPIA retention and expiry', () => {
    const reqs = deadlineRequestsFor({ ...base, expiryDate: '2028-09-27', pipiaDate: '2026-09-01', changes: [ch(5, '2026-11-10'), ch(6, '2026-11-11', false)] });
    expect(reqs.map((r) => r.key)).toEqual(['scc.filing', 'scc.refiling.5', 'pipia.retention', 'records.provision', 'scc.expiry']);
    expect(reqs.find((r) => r.key === 'scc.expiry')).toMatchObject({ ruleKey: 'scc.expiry', start: '2026-09-28', until: '2028-09-27' });
    expect(reqs.find((r) => r.key === 'pipia.retention')).toMatchObject({ ruleKey: 'pipia.retention.3y', start: '2026-09-01' });
  });

  it('asks for no filing clocks when the route is not the standard contract', () => {
    expect(deadlineRequestsFor({ ...base, chosen: 'exempt', changes: [ch(1, '2026-11-10')] })).toEqual([]);
  });
});

describe('gapsOf — duties that hold whatever the route', () => {
  const complete = {
    chosen: 'exempt' as const,
    noticeId: 'n1',
    noticeSentAt: '2026-09-01T00:00:00.000Z',
    consentMethod: 'popup',
    consentLiveSince: '2026-09-01',
    sensitiveCategories: [],
    sensitiveNecessity: '',
    pipiaDate: '2026-08-01',
    pipiaConclusion: 'acceptable',
    lastRefilingChangeDate: null,
    effectiveDate: null,
    carriesPersonalInfo: true,
  };
  it.each([
    ['everything in place, exempt', {}, []],
    ['no notice linked', { noticeId: null, noticeSentAt: null }, ['notice']],
    ['notice drafted, not sent', { noticeSentAt: null }, ['notice.unsent']],
    ['consent mechanism unrecorded', { consentMethod: null }, ['consent']],
    ['sensitive PI without necessity', { sensitiveCategories: ['health'] }, ['sensitiveNecessity']],
    ['no PIPIA', { pipiaDate: null }, ['pipia']],
    ['PIPIA older than a change', { lastRefilingChangeDate: '2026-11-10' }, ['pipia.stale']],
    ['no route chosen', { chosen: 'undecided' as const }, ['route']],
    ['contract route without an effective date', { chosen: 'standardContract' as const }, ['contract']],
    ['no PI at all (Art. 3 data): no notice, consent or PIPIA due', { carriesPersonalInfo: false, noticeId: null, consentMethod: null, pipiaDate: null }, []],
  ])('%s → %j', (_why, patch, keys) => {
    const gaps = gapsOf({ ...complete, ...patch });
    expect(gaps.map((g) => g.key)).toEqual(keys);
    for (const g of gaps) expect(g.basis.en).toMatch(/Arts?\./);
  });
});
