import { describe, expect, it } from 'vitest';
import { checkTransition, deadlineRequests, effectiveObligations, openObligations } from '../../../main/incidents/obligations';
import type { IncidentState, ObligationDone, ObligationOverride } from '../../../main/incidents/model';
import { computeObligations } from '../../../main/incidents/rules';
import { DISCOVERED, facts, rules } from './fixtures';

const plans = computeObligations({ facts: facts({ jurisdictions: ['CN', 'EU'] }), grade: 'relativelyMajor', ciiOperator: false, caResidentsNotifiedAt: null, cacFirstReportAt: null, rules: rules() });
const done: ObligationDone = { at: '2026-11-29T04:00:00.000Z', reference: 'BJ-2026-118', note: '', lateReason: '', by: 'Li Wei', via: 'manual' };
const byKey = <T extends { key: string }>(xs: T[]) => Object.fromEntries(xs.map((x) => [x.key, x]));

describe('effective obligations and the requests sent to the deadline engine', () => {
  it('requests open clocks only for required duties whose clock has started', () => {
    const eff = effectiveObligations(plans, new Map(), new Map());
    const req = byKey(deadlineRequests(eff));
    expect(Object.keys(req).sort()).toEqual(['cac.report', 'gdpr33.authority', 'pipl57.authority', 'pipl57.individuals']);
    expect(req['cac.report']).toMatchObject({ ruleKey: 'cac.report.4h', start: DISCOVERED });
    expect(byKey(eff.map((e) => ({ key: e.plan.key, state: e.state })))['cac.summary'].state).toBe('waiting');
  });

  it('a done duty is sent as met with its date and reference, and stays done after it stops being required', () => {
    const notRequired = computeObligations({ facts: facts(), grade: 'general', ciiOperator: false, caResidentsNotifiedAt: null, cacFirstReportAt: null, rules: rules() });
    const eff = effectiveObligations(notRequired, new Map(), new Map([['cac.report', done]]));
    expect(eff.find((e) => e.plan.key === 'cac.report')!.state).toBe('done');
    expect(byKey(deadlineRequests(eff))['cac.report']).toMatchObject({ met: { at: done.at, note: 'BJ-2026-118' } });
  });

  it('a DPO override to not required is sent as waived with the reason; to required, as an open clock', () => {
    const overrides = new Map<string, ObligationOverride>([
      ['pipl57.individuals', { required: false, reason: 'Authority agreed no notice needed', at: DISCOVERED, by: 'Li Wei' }],
      ['minors.authority', { required: true, reason: 'Accounts of 13-year-olds found', at: DISCOVERED, by: 'Li Wei' }],
    ]);
    const req = byKey(deadlineRequests(effectiveObligations(plans, overrides, new Map())));
    expect(req['pipl57.individuals']).toMatchObject({ waived: { reason: 'Authority agreed no notice needed' } });
    expect(req['minors.authority']).toMatchObject({ ruleKey: 'minors.report', start: DISCOVERED });
    expect(req['minors.authority'].waived).toBeUndefined();
  });

  // Issue 13: GDPR Art. 34 said "Started …" while to be assessed; a duty has a clock start only
  // when its clock runs, ran or was waived (the same held for every not-required duty).
  it.each([
    ['to be assessed (GDPR Art. 34, risk not yet assessed)', 'gdpr34.individuals', 'toAssess', null],
    ['not required by the rules (no minors)', 'minors.authority', 'notRequired', null],
    ['clock not started (CAC summary before handling ends)', 'cac.summary', 'waiting', null],
    ['pending', 'pipl57.authority', 'pending', DISCOVERED],
  ])('a duty %s has clock start %s', (_what, key, state, start) => {
    const o = effectiveObligations(plans, new Map(), new Map()).find((e) => e.plan.key === key)!;
    expect(o.state).toBe(state);
    expect(o.clockStart).toBe(start);
    expect(deadlineRequests([o]).length).toBe(start ? 1 : 0);
  });

  it('done and waived duties keep the start of the clock they had', () => {
    const waived = new Map<string, ObligationOverride>([['gdpr34.individuals', { required: false, reason: 'No EU contact data', at: DISCOVERED, by: 'Li Wei' }]]);
    const eff = byKey(effectiveObligations(plans, waived, new Map([['cac.report', done]])).map((e) => ({ key: e.plan.key, ...e })));
    expect(eff['cac.report'].clockStart).toBe(DISCOVERED);
    expect(eff['gdpr34.individuals']).toMatchObject({ state: 'notRequired', clockStart: DISCOVERED });
  });

  it('lists pending, waiting and to-be-assessed duties as open, never done or not required ones', () => {
    const eff = effectiveObligations(plans, new Map(), new Map([['cac.report', done]]));
    // GDPR Art. 34 with the risk not yet assessed is to be assessed (issue 13), so still open.
    expect(openObligations(eff).sort()).toEqual(['cac.summary', 'gdpr33.authority', 'gdpr34.individuals', 'pipl57.authority', 'pipl57.individuals']);
  });
});

describe('workflow transitions', () => {
  const rows: [IncidentState, IncidentState, ReturnType<typeof checkTransition>, string][] = [
    ['detected', 'assessing', { allowed: true, kind: 'forward', needsReason: false }, 'next step'],
    ['detected', 'contained', { allowed: true, kind: 'forward', needsReason: false }, 'forward may skip'],
    ['notifying', 'closed', { allowed: true, kind: 'forward', needsReason: false }, 'closing'],
    ['contained', 'assessing', { allowed: true, kind: 'back', needsReason: true }, 'stepping back needs a reason'],
    ['closed', 'assessing', { allowed: true, kind: 'reopen', needsReason: true }, 'reopening needs a reason'],
    ['assessing', 'assessing', { allowed: false, why: 'same' }, 'no-op'],
  ];
  it.each(rows)('%s → %s (%s)', (from, to, expected) => {
    expect(checkTransition(from, to)).toEqual(expected);
  });
});
