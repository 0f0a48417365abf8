import { describe, expect, it } from 'vitest';
import { asTranslatable } from '../../../preload/contract/common';
import { shippedCatalogue } from '../../../main/rules/catalogue';
import { rulesAt } from '../../../main/rules/resolve';
import { englishOf } from '../../helpers/problems';
import {
  decisionErrors,
  deadlineRequests,
  emlReceivedAt,
  holdErrors,
  intakeErrors,
  pausedMs,
  quarterRange,
  replyDueState,
  transitionErrors,
  type DeadlineFacts,
} from '../../../main/inbox/rules';

const NOW = new Date('2026-11-29T02:00:00.000Z');

describe('intake rules', () => {
  const base = { isMinor: false, type: 'access' as const, receivedAt: NOW.toISOString() };
  it.each([
    { why: 'an adult with no guardian is fine', facts: base, edited: false, expected: {} },
    {
      why: 'a requester under 14 needs the guardian’s name and contact (PIPL Art. 31)',
      facts: { ...base, isMinor: true },
      edited: false,
      expected: { 'guardian.name': expect.stringContaining('under 14'), 'guardian.contact': expect.stringContaining('under 14') },
    },
    {
      why: 'a guardian name without a contact is still incomplete',
      facts: { ...base, isMinor: true, guardian: { name: '王芳', contact: ' ' } },
      edited: false,
      expected: { 'guardian.contact': expect.any(String) },
    },
    {
      why: 'a deceased person’s data is asked for by a next of kin (PIPL Art. 49)',
      facts: { ...base, type: 'deceasedPersonData' as const, representative: { kind: 'agent' as const } },
      edited: false,
      expected: { 'representative.kind': expect.stringContaining('Art. 49') },
    },
    {
      why: 'a receipt time moved back a day needs a reason (it starts the clock)',
      facts: { ...base, receivedAt: '2026-11-28T02:00:00.000Z' },
      edited: true,
      expected: { receivedAtReason: expect.any(String) },
    },
    {
      why: 'with a reason, an earlier receipt time is accepted',
      facts: { ...base, receivedAt: '2026-11-28T02:00:00.000Z', receivedAtReason: 'Letter opened by reception on Saturday' },
      edited: true,
      expected: {},
    },
    {
      why: 'a receipt time in the future is refused',
      facts: { ...base, receivedAt: '2026-12-01T00:00:00.000Z', receivedAtReason: 'typo' },
      edited: true,
      expected: { receivedAt: 'Cannot be in the future' },
    },
  ])('$why', ({ facts, edited, expected }) => {
    expect(englishOf(intakeErrors(facts, NOW, edited))).toEqual(expected);
  });
});

describe('decision rules', () => {
  const verified = { outcome: 'verified' as const, accountChecked: false };
  it.each([
    { why: 'a refusal without a ground names the field', input: { outcome: 'refused' as const, refusalReasons: 'x' }, type: 'deletion' as const, id: verified, expected: ['refusalGround'] },
    { why: 'a refusal without reasons names the field (PIPL Art. 50)', input: { outcome: 'refused' as const, refusalGround: 'tradeSecrets' as const }, type: 'deletion' as const, id: verified, expected: ['refusalReasons'] },
    { why: 'a refusal with a ground and reasons needs no identity check', input: { outcome: 'refused' as const, refusalGround: 'abuseOfRights' as const, refusalReasons: 'Twentieth identical request this week' }, type: 'access' as const, id: null, expected: [] },
    { why: 'partly fulfilled needs what was done and the ground for the rest', input: { outcome: 'partlyFulfilled' as const, actionsTaken: 'Deleted profile' }, type: 'deletion' as const, id: verified, expected: ['refusalGround', 'refusalReasons'] },
    { why: 'fulfilled needs what was done', input: { outcome: 'fulfilled' as const }, type: 'copy' as const, id: verified, expected: ['actionsTaken'] },
    { why: 'acting before identity is verified is refused (policy §V)', input: { outcome: 'fulfilled' as const, actionsTaken: 'Sent copy' }, type: 'copy' as const, id: null, expected: ['identity'] },
    { why: 'a failed identity check does not allow acting', input: { outcome: 'fulfilled' as const, actionsTaken: 'Sent copy' }, type: 'copy' as const, id: { outcome: 'failed' as const, accountChecked: false }, expected: ['identity'] },
    { why: 'account closure also needs the account checked (policy §V)', input: { outcome: 'fulfilled' as const, actionsTaken: 'Closed' }, type: 'accountClosure' as const, id: verified, expected: ['identity'] },
    { why: 'account closure with account checked is fine', input: { outcome: 'fulfilled' as const, actionsTaken: 'Closed' }, type: 'accountClosure' as const, id: { outcome: 'verified' as const, accountChecked: true }, expected: [] },
    { why: 'answering a complaint needs no identity check', input: { outcome: 'fulfilled' as const, actionsTaken: 'Explained and apologised' }, type: 'complaint' as const, id: null, expected: [] },
  ])('$why', ({ input, type, id, expected }) => {
    // The texts as the contract passes them: {zh, en} pairs, a plain string filed by its script.
    const { actionsTaken, refusalReasons, ...rest } = input as { actionsTaken?: string; refusalReasons?: string; outcome: 'fulfilled' };
    const pairs = { ...rest, ...(actionsTaken !== undefined ? { actionsTaken: asTranslatable(actionsTaken) } : {}), ...(refusalReasons !== undefined ? { refusalReasons: asTranslatable(refusalReasons) } : {}) };
    expect(Object.keys(decisionErrors(pairs, type, id)).sort()).toEqual([...expected].sort());
  });
});

describe('state machine', () => {
  it.each([
    { from: 'new', to: 'verifying', facts: { decision: null }, expected: [], why: 'start identity checks' },
    { from: 'new', to: 'answered', facts: { decision: 'fulfilled' }, expected: ['to'], why: 'cannot skip handling' },
    { from: 'inProgress', to: 'answered', facts: { decision: null }, expected: ['decision'], why: 'an answer needs a decision' },
    { from: 'inProgress', to: 'refused', facts: { decision: 'fulfilled' }, expected: ['decision'], why: 'refused needs a refusal decision' },
    { from: 'inProgress', to: 'refused', facts: { decision: 'refused' }, expected: [], why: 'refusal recorded' },
    { from: 'verifying', to: 'withdrawn', facts: { decision: null }, expected: ['reason'], why: 'a withdrawal says how' },
    { from: 'closed', to: 'inProgress', facts: { decision: 'fulfilled' }, expected: ['reason'], why: 'reopening needs a reason' },
    { from: 'closed', to: 'inProgress', facts: { decision: 'fulfilled', reason: 'Requester says data still visible' }, expected: [], why: 'reopen with reason' },
    { from: 'closed', to: 'answered', facts: { decision: 'fulfilled' }, expected: ['to'], why: 'closed only reopens' },
  ] as const)('$from → $to: $why', ({ from, to, facts, expected }) => {
    expect(Object.keys(transitionErrors(from, to, facts))).toEqual(expected);
  });
});

describe('which clocks run', () => {
  const base: DeadlineFacts = {
    type: 'deletion',
    jurisdiction: 'CN',
    receivedAt: '2026-09-28T02:00:00.000Z',
    pauses: [],
    replySentAt: null,
    withdrawnReason: null,
    extension: null,
    internalTarget: null,
    holds: [],
    rules: rulesAt(shippedCatalogue(), '2026-09-28T02:00:00.000Z'),
  };
  const keys = (f: DeadlineFacts) => deadlineRequests(f, NOW).map((r) => `${r.key}:${r.ruleKey}`);
  it.each([
    { why: 'a CN rights request: 15 working days (policy §V)', facts: base, expected: ['reply:request.rights.15wd'] },
    { why: 'a complaint: 15 days (policy §IX)', facts: { ...base, type: 'complaint' as const }, expected: ['reply:request.complaint.15d'] },
    { why: 'an EU rights request: the policy promise and GDPR one month', facts: { ...base, jurisdiction: 'EU' }, expected: ['reply:request.rights.15wd', 'gdpr.reply:gdpr12.response.1m'] },
    { why: 'an EU complaint is not an Art. 15–22 request', facts: { ...base, jurisdiction: 'EU', type: 'complaint' as const }, expected: ['reply:request.complaint.15d'] },
    {
      why: 'an extended EU request adds the three-month clock',
      facts: { ...base, jurisdiction: 'EU', extension: { noticeSentAt: '2026-10-10T00:00:00.000Z', reasons: 'Many systems' } },
      expected: ['reply:request.rights.15wd', 'gdpr.reply:gdpr12.response.1m', 'gdpr.extended:gdpr12.extended.3m'],
    },
    { why: 'an internal target is its own fixed-date clock', facts: { ...base, internalTarget: '2026-10-09' }, expected: ['reply:request.rights.15wd', 'target:target.until'] },
    {
      why: 'each hold is a final-deletion clock',
      facts: {
        ...base,
        holds: [
          { id: 'h1', kind: 'networkLogs' as const, description: 'Login logs', from: '2026-11-20', until: null, clearedAt: null },
          { id: 'h2', kind: 'transactions' as const, description: 'Orders', from: '2026-11-20', until: null, clearedAt: null },
          { id: 'h3', kind: 'backup' as const, description: 'Nightly backup', from: null, until: '2026-12-31', clearedAt: null },
        ],
      },
      expected: ['reply:request.rights.15wd', 'hold.h1:hold.networkLogs.6m', 'hold.h2:hold.transactions.3y', 'hold.h3:hold.until'],
    },
  ])('$why', ({ facts, expected }) => {
    expect(keys(facts)).toEqual(expected);
  });

  it('a sent reply meets every reply clock; a withdrawal waives them', () => {
    const sent = deadlineRequests({ ...base, jurisdiction: 'EU', replySentAt: '2026-10-09T08:00:00.000Z' }, NOW);
    expect(sent.map((r) => r.met?.at)).toEqual(['2026-10-09T08:00:00.000Z', '2026-10-09T08:00:00.000Z']);
    const withdrawn = deadlineRequests({ ...base, withdrawnReason: 'Phoned to withdraw' }, NOW);
    expect(withdrawn[0].waived?.reason).toBe('Request withdrawn: Phoned to withdraw');
  });

  it('the extension waives the one-month clock with the notice date and reasons', () => {
    const r = deadlineRequests({ ...base, jurisdiction: 'EU', extension: { noticeSentAt: '2026-10-10T00:00:00.000Z', reasons: 'Many systems' } }, NOW);
    expect(r[1].waived?.reason).toContain('2026-10-10T00:00:00.000Z');
  });

  it('identity pauses move the start of the reply clocks by the paused time', () => {
    const pauses = [
      { startedAt: '2026-09-29T00:00:00.000Z', endedAt: '2026-10-01T00:00:00.000Z' }, // 2 days
      { startedAt: '2026-10-05T00:00:00.000Z', endedAt: '2026-10-05T12:00:00.000Z' }, // 12 hours
    ];
    expect(pausedMs(pauses, NOW)).toBe(60 * 3_600_000);
    const [reply] = deadlineRequests({ ...base, pauses }, NOW);
    expect(reply.start).toBe('2026-09-30T14:00:00.000Z');
  });

  it('an open pause counts up to now', () => {
    expect(pausedMs([{ startedAt: '2026-11-28T02:00:00.000Z', endedAt: null }], NOW)).toBe(24 * 3_600_000);
  });
});

describe('hold fields', () => {
  it.each([
    { kind: 'networkLogs', from: undefined, until: undefined, expected: ['from'], why: 'the 6-month period runs from a date' },
    { kind: 'transactions', from: '2026-11-01', until: undefined, expected: [], why: 'completion date given' },
    { kind: 'backup', from: undefined, until: undefined, expected: ['until'], why: 'a backup clears on a date' },
    { kind: 'backup', from: '2026-12-01', until: '2026-11-01', expected: ['until'], why: 'end before start' },
  ] as const)('$kind: $why', ({ kind, from, until, expected }) => {
    expect(Object.keys(holdErrors(kind, from, until))).toEqual(expected);
  });
});

describe('reply due state in the list', () => {
  it.each([
    { dueAt: '2026-11-28T00:00:00.000Z', state: 'inProgress', sent: null, expected: 'overdue', why: 'past due and open' },
    { dueAt: '2026-11-30T00:00:00.000Z', state: 'new', sent: null, expected: 'dueSoon', why: 'inside 48 h' },
    { dueAt: '2026-12-10T00:00:00.000Z', state: 'verifying', sent: null, expected: 'open', why: 'far away' },
    { dueAt: '2026-11-28T00:00:00.000Z', state: 'answered', sent: '2026-11-27T00:00:00.000Z', expected: 'met', why: 'reply sent' },
    { dueAt: '2026-11-28T00:00:00.000Z', state: 'withdrawn', sent: null, expected: 'waived', why: 'withdrawn' },
  ] as const)('$why', ({ dueAt, state, sent, expected }) => {
    expect(replyDueState(dueAt, { state, replySentAt: sent }, NOW, 48)).toBe(expected);
  });
});

describe('quarters and receipt times', () => {
  it('a quarter runs in Beijing time', () => {
    expect(quarterRange('2026-Q4')).toEqual({ from: '2026-09-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(quarterRange('2026-Q1').from).toBe('2025-12-31T16:00:00.000Z');
  });
  it.each([
    { header: 'Mon, 23 Nov 2026 09:00:00 +0800', expected: '2026-11-23T01:00:00.000Z', why: 'the Date header is the receipt time' },
    { header: undefined, expected: NOW.toISOString(), why: 'no Date header: import time' },
    { header: 'yesterday-ish', expected: NOW.toISOString(), why: 'unreadable Date header: import time' },
    { header: 'Tue, 01 Dec 2026 09:00:00 +0800', expected: NOW.toISOString(), why: 'a future Date header is not trusted' },
  ])('$why', ({ header, expected }) => {
    expect(emlReceivedAt(header, NOW).receivedAt).toBe(expected);
  });
});
