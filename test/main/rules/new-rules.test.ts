import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDARS } from '../../../main/calendar/data';
import { fallbackFor } from '../../../main/calendar/load';
import { toWorkCalendar } from '../../../main/calendar/rules';
import type { RuleKey } from '../../../main/deadlines/model';
import { computeFromCatalogue } from '../../../main/deadlines/rules';
import { deadlineRequests, clockStopAllowed, type DeadlineFacts } from '../../../main/inbox/rules';
import { computeObligations, type ObligationContext } from '../../../main/incidents/rules';
import { pioRequests } from '../../../main/governance/rules';
import { shippedCatalogue } from '../../../main/rules/catalogue';
import { rulesAt } from '../../../main/rules/resolve';
import { classifyRoute, type ClassifyInput } from '../../../main/transfers/rules';
import { facts } from '../incidents/fixtures';

// Every rule issue 14 adds, at its thresholds ±1 and across its effective date (RULES.md §7).

const catalogue = shippedCatalogue();
const cn = toWorkCalendar('CN', SHIPPED_CALENDARS, fallbackFor('CN', catalogue));
const us = toWorkCalendar('US', [], fallbackFor('US', catalogue));
const compute = (rule: RuleKey, start: string) => computeFromCatalogue(catalogue, rule, { start }, (c) => (c === 'US' ? us : cn))!;

const obligations = (f: Parameters<typeof facts>[0], more: Partial<ObligationContext> = {}) => {
  const incident = facts(f);
  return computeObligations({ facts: incident, grade: 'general', ciiOperator: false, caResidentsNotifiedAt: null, cacFirstReportAt: null, rules: rulesAt(catalogue, incident.discoveredAt), ...more });
};
const required = (f: Parameters<typeof facts>[0], key: string, more: Partial<ObligationContext> = {}) => obligations(f, more).find((o) => o.key === key)!.required;

describe('US state breach notices: each regulator threshold ±1', () => {
  it.each([
    ['US-TX', 'tx.ag', 249, false, 'Texas AG from 250 Texans (§521.053(i))'],
    ['US-TX', 'tx.ag', 250, true, ''],
    ['US-TX', 'tx.ag', 251, true, ''],
    ['US-CO', 'co.ag', 499, false, 'Colorado AG from 500 (§6-1-716(2)(f))'],
    ['US-CO', 'co.ag', 500, true, ''],
    ['US-WA', 'wa.ag', 500, false, 'Washington AG for more than 500 (RCW 19.255.010(7))'],
    ['US-WA', 'wa.ag', 501, true, ''],
    ['US-FL', 'fl.dla', 499, false, 'Florida Department of Legal Affairs from 500 (§501.171(3))'],
    ['US-FL', 'fl.dla', 500, true, ''],
    ['US-NY', 'ny.regulators', 1, true, 'New York: AG, DOS and State Police with any resident notice'],
    ['US-NY', 'ny.regulators', 0, false, ''],
  ] as const)('%s %s with %i residents → %s %s', (state, key, n, expected, _why) => {
    expect(required({ jurisdictions: [state], stateResidentsAffected: { [state]: n } }, key)).toBe(expected);
  });

  it('residents are notified on each state’s own period: NY, CO, WA, FL 30 days, Texas 60', () => {
    const D = '2026-11-29T02:00:00.000Z';
    const due = (k: RuleKey) => compute(k, D).computed.dueAt;
    // Found at 21:00 on Nov 28 in New York: 30 days → Dec 28, end of that day there.
    expect(due('ny.residents')).toBe('2026-12-29T04:59:59.999Z');
    expect(due('tx.residents')).toBe('2027-01-28T05:59:59.999Z'); // 60 days → Jan 27, Chicago
    expect(due('fl.residents')).toBe('2026-12-29T04:59:59.999Z');
    expect(due('ny.dfs')).toBe('2026-12-02T02:00:00.000Z'); // 72 hours
  });

  it('a state not listed has no duty; a listed state with no count takes everyone affected', () => {
    expect(required({ jurisdictions: ['CN'] }, 'tx.residents')).toBe(false);
    expect(required({ jurisdictions: ['US-TX'], individualsAffected: 300 }, 'tx.ag')).toBe(true);
    expect(required({ jurisdictions: ['US-NY'], nyDfsCovered: false }, 'ny.dfs')).toBe(false);
    expect(required({ jurisdictions: ['US-NY'], nyDfsCovered: true }, 'ny.dfs')).toBe(true);
  });

  it('UK: the ICO notice within 72 hours unless the breach is unlikely to result in a risk', () => {
    expect(required({ jurisdictions: ['UK'] }, 'uk.ico')).toBe(true);
    expect(required({ jurisdictions: ['UK'], gdprRisk: 'none' }, 'uk.ico')).toBe(false);
  });
});

describe('effective dates: the version in force at the start applies', () => {
  it('California residents: "most expedient time" for a breach found 2025-12-31, 30 calendar days from 2026-01-01', () => {
    expect(compute('ca.residents.30d', '2025-12-31T20:00:00.000Z').rule.period).toEqual({ kind: 'immediate' });
    expect(compute('ca.residents.30d', '2026-01-01T20:00:00.000Z').rule.period).toEqual({ kind: 'calendarDays', days: 30, rollOver: false });
  });

  it('network logs: Art. 21 for a hold from 2025-12-31, Art. 23(3) from 2026-01-01 (same 6 months)', () => {
    const old = compute('hold.networkLogs.6m', '2025-12-31');
    const amended = compute('hold.networkLogs.6m', '2026-01-01');
    expect(old.rule.basis.en).toContain('Art. 21');
    expect(amended.rule.basis.en).toContain('Art. 23(3)');
    expect(old.computed.dueAt).toBe('2026-06-30T15:59:59.999Z');
    expect(amended.computed.dueAt).toBe('2026-07-01T15:59:59.999Z');
  });

  const request = (over: Partial<DeadlineFacts>): DeadlineFacts => {
    const receivedAt = over.receivedAt ?? '2026-03-02T02:00:00.000Z';
    return { type: 'access', jurisdiction: 'UK', receivedAt, pauses: [], replySentAt: null, withdrawnReason: null, extension: null, internalTarget: null, holds: [], rules: rulesAt(catalogue, receivedAt), ...over };
  };
  it('UK requests: the clock stops only for a request received from 2026-02-05', () => {
    expect(clockStopAllowed(request({ receivedAt: '2026-02-04T10:00:00.000Z' }))).toBe(false);
    expect(clockStopAllowed(request({ receivedAt: '2026-02-05T10:00:00.000Z' }))).toBe(true);
    expect(clockStopAllowed(request({ jurisdiction: 'EU' }))).toBe(false);
    expect(clockStopAllowed(request({ jurisdiction: 'CN' }))).toBe(false);
  });

  it('a stop of 10 days moves the UK clock by 10 days and leaves the policy clock', () => {
    const now = new Date('2026-04-01T00:00:00.000Z');
    const stop = { startedAt: '2026-03-05T02:00:00.000Z', endedAt: '2026-03-15T02:00:00.000Z', kind: 'stopClock' as const };
    const plain = deadlineRequests(request({}), now);
    const stopped = deadlineRequests(request({ pauses: [stop] }), now);
    const start = (list: typeof plain, key: string) => list.find((r) => r.key === key)!.start;
    expect(start(plain, 'uk.reply')).toBe('2026-03-02T02:00:00.000Z');
    expect(start(stopped, 'uk.reply')).toBe('2026-03-12T02:00:00.000Z');
    expect(start(stopped, 'reply')).toBe('2026-03-02T02:00:00.000Z');
  });

  it('UK complaints are acknowledged within 30 days from 2026-06-19, not before', () => {
    const keys = (receivedAt: string) => deadlineRequests(request({ type: 'complaint', receivedAt }), new Date(receivedAt)).map((r) => r.key);
    expect(keys('2026-06-18T10:00:00.000Z')).toEqual(['reply']);
    expect(keys('2026-06-19T10:00:00.000Z')).toEqual(['reply', 'uk.complaintAck']);
  });

  it('CCPA: confirm within 10 business days (Thanksgiving skipped), answer within 45 days; an opt-out within 15 business days', () => {
    const r = request({ jurisdiction: 'US-CA', receivedAt: '2026-11-20T18:00:00.000Z' });
    expect(deadlineRequests(r, new Date()).map((x) => `${x.key}:${x.ruleKey}`)).toEqual(['reply:request.rights.15wd', 'ccpa.ack:ccpa.ack', 'ccpa.reply:ccpa.response']);
    // Fri Nov 20 (Los Angeles): business days Nov 23, 24, 25, (26 Thanksgiving), 27, 30, Dec 1, 2, 3, 4, 7 → the 10th is Dec 7.
    expect(compute('ccpa.ack', '2026-11-20T18:00:00.000Z').computed.dueAt).toBe('2026-12-08T07:59:59.999Z');
    expect(compute('ccpa.response', '2026-11-20T18:00:00.000Z').computed.dueAt).toBe('2027-01-05T07:59:59.999Z');
    expect(deadlineRequests(request({ jurisdiction: 'US-CA', type: 'consentWithdrawal' }), new Date()).map((x) => x.key)).toEqual(['reply', 'ccpa.optout']);
    // Opt-out from Fri Dec 18: Dec 21–24 (4), Dec 25 holiday, Dec 28–31 (8), Jan 1 holiday, Jan 4–8 (13), Jan 11–12 (15).
    expect(compute('ccpa.optout', '2026-12-18T18:00:00.000Z').computed.dueAt).toBe('2027-01-13T07:59:59.999Z');
  });
});

describe('PI protection officer: 30 working days from reaching the number, and from each material change', () => {
  it('a clock per event, met by a report on or after it', () => {
    const events = [
      { seq: 1, kind: 'reached' as const, date: '2026-11-02', note: '1,000,000 individuals', recorded_at: '' },
      { seq: 2, kind: 'reported' as const, date: '2026-11-20', note: 'CAC-BJ-1', recorded_at: '' },
      { seq: 3, kind: 'materialChange' as const, date: '2026-11-25', note: 'officer', recorded_at: '' },
    ];
    const reqs = pioRequests(events);
    expect(reqs.map((r) => [r.key, r.start, r.met?.note ?? null])).toEqual([
      ['pio.1', '2026-11-02', 'CAC-BJ-1'],
      ['pio.3', '2026-11-25', null],
    ]);
    // 30 working days from Mon 2 Nov 2026 (no holidays in between): Mon 14 Dec.
    expect(compute('pio.report', '2026-11-02').computed.dueAt).toBe('2026-12-14T15:59:59.999Z');
  });
});

describe('transfers: volumes already under a contract or certification count toward the assessment band', () => {
  const bands = rulesAt(catalogue, '2026-11-29')('transfer.routes.2024')!;
  const input = (nonSensitive: number, prior: number, countPrior = true): ClassifyInput => ({
    regime: '2024',
    ciiOperator: false,
    importantData: false,
    exemptScenario: null,
    carriesPersonalInfo: true,
    carriesSensitive: false,
    totals: { nonSensitive, sensitive: 0, processedTotal: null },
    year: 2026,
    bands: countPrior ? bands : { ...bands, params: { ...bands.params, priorRouteVolumesCount: false } },
    priorRouteTotals: { nonSensitive: prior, sensitive: 0 },
  });
  it.each([
    [999_999, 600_000, true, 'standardContractOrCertification', 'one below 1,000,000'],
    [1_000_000, 600_000, true, 'securityAssessment', 'the 600,000 under contract count: 1,000,000 reached'],
    [1_000_000, 600_000, false, 'standardContractOrCertification', 'with the flag off, only the 400,000 outside contracts count'],
    [1_600_000, 600_000, false, 'securityAssessment', 'flag off: 1,000,000 outside contracts'],
  ] as const)('%i in total, %i under contract, counted %s → %s (%s)', (total, prior, countPrior, route, _why) => {
    expect(classifyRoute(input(total, prior, countPrior)).route).toBe(route);
  });

  it('says so in the verdict', () => {
    expect(classifyRoute(input(1_000_000, 600_000)).reason.en).toContain('includes 600,000 individuals already exported under a standard contract or certification');
  });

  it('the free-trade-zone exemption names the zone and its list, whatever the volume', () => {
    const v = classifyRoute({ ...input(5_000_000, 0), exemptScenario: 'ftzNegativeList', ftz: { zone: 'Beijing Pilot FTZ', list: 'Beijing FTZ data negative list (2024)' } });
    expect(v.route).toBe('exempt');
    expect(v.reason.en).toContain('Beijing FTZ data negative list (2024)');
    expect(v.basis.en).toContain('Art. 6');
    expect(classifyRoute({ ...input(5_000_000, 0), exemptScenario: 'ftzNegativeList', importantData: true }).route).toBe('securityAssessment');
  });
});
