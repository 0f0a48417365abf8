import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDARS } from '../../../main/calendar/data';
import { toWorkCalendar } from '../../../main/calendar/rules';
import { fallbackFor } from '../../../main/calendar/load';
import { RULE_KEYS, deadlineRuleAt } from '../../../main/deadlines/catalog';
import type { RuleKey } from '../../../main/deadlines/model';
import { alertingSince, computeFromCatalogue, deriveState } from '../../../main/deadlines/rules';
import { shippedCatalogue } from '../../../main/rules/catalogue';

const catalogue = shippedCatalogue();
const china = toWorkCalendar('CN', SHIPPED_CALENDARS, fallbackFor('CN', catalogue));
const us = toWorkCalendar('US', [], fallbackFor('US', catalogue));
const calendars = (c: string) => (c === 'US' ? us : china);
const compute = (rule: RuleKey, start: string, until?: string) => computeFromCatalogue(catalogue, rule, { start, until }, calendars)!.computed;

describe('working days on the China calendar', () => {
  it.each([
    {
      why: 'National Day: Oct 1–7 off, Sat Oct 10 worked (the issue example)',
      rule: 'scc.filing.10wd' as const,
      start: '2026-09-28',
      dueAt: '2026-10-16T15:59:59.999Z',
      en: '10 working days after 2026-09-28; Oct 1–7 are holidays, Sat Oct 10 is a working day → 2026-10-16',
      zh: '2026-09-28后第10个工作日；10月1日至7日为节假日，10月10日（周六）调休上班 → 2026-10-16',
      years: [2026],
      missing: [],
    },
    {
      why: 'Spring Festival 2026: Feb 15–23 off, Sat Feb 14 and Sat Feb 28 worked',
      rule: 'request.rights.15wd' as const,
      start: '2026-02-10',
      dueAt: '2026-03-09T15:59:59.999Z',
      en: '15 working days after 2026-02-10; Feb 15–23 are holidays, Sat Feb 14 and Sat Feb 28 are working days → 2026-03-09',
      zh: '2026-02-10后第15个工作日；2月15日至23日为节假日，2月14日（周六）、2月28日（周六）调休上班 → 2026-03-09',
      years: [2026],
      missing: [],
    },
    {
      why: 'from 2025 into 2026: New Year Jan 1–3 off, Sun Jan 4 worked, both calendars used',
      rule: 'scc.filing.10wd' as const,
      start: '2025-12-24',
      dueAt: '2026-01-08T15:59:59.999Z',
      en: '10 working days after 2025-12-24; Jan 1–3 are holidays, Sun Jan 4 is a working day → 2026-01-08',
      zh: '2025-12-24后第10个工作日；1月1日至3日为节假日，1月4日（周日）调休上班 → 2026-01-08',
      years: [2025, 2026],
      missing: [],
    },
    {
      why: 'into 2027 with no schedule loaded: the statutory Jan 1 holiday of the Holiday Measures, marked provisional',
      rule: 'scc.filing.10wd' as const,
      start: '2026-12-24',
      dueAt: '2027-01-08T15:59:59.999Z',
      en: '10 working days after 2026-12-24; Jan 1 is a holiday; the 2027 schedule is not loaded: counted on the statutory holidays (Holiday Measures Art. 2), provisional until the 2027 schedule is loaded → 2027-01-08',
      zh: '2026-12-24后第10个工作日；1月1日为节假日；未加载2027年放假安排：按《全国年节及纪念日放假办法》第二条的法定节日计算，加载2027年安排前为暂定结果 → 2027-01-08',
      years: [2026],
      missing: [],
      provisional: [2027],
    },
    {
      why: 'a year before the Holiday Measures version in the catalogue (2024) is missing: weekends only, and it says so',
      rule: 'scc.filing.10wd' as const,
      start: '2024-12-24',
      dueAt: '2025-01-08T15:59:59.999Z',
      en: '10 working days after 2024-12-24; Jan 1 is a holiday; 2024 calendar not loaded: weekends only assumed → 2025-01-08',
      zh: '2024-12-24后第10个工作日；1月1日为节假日；未加载2024年节假日安排，仅按周末计算 → 2025-01-08',
      years: [2025],
      missing: [2024],
    },
    {
      why: 'a start instant counts from its Beijing date (20:00Z is 04:00 next day in Beijing)',
      rule: 'scc.filing.10wd' as const,
      start: '2026-09-28T20:00:00Z',
      dueAt: '2026-10-19T15:59:59.999Z',
      en: '10 working days after 2026-09-29; Oct 1–7 are holidays, Sat Oct 10 is a working day → 2026-10-19',
      zh: '2026-09-29后第10个工作日；10月1日至7日为节假日，10月10日（周六）调休上班 → 2026-10-19',
      years: [2026],
      missing: [],
    },
  ] as { why: string; rule: RuleKey; start: string; dueAt: string; en: string; zh: string; years: number[]; missing: number[]; provisional?: number[] }[])('$why', ({ rule, start, dueAt, en, zh, years, missing, provisional }) => {
    const d = compute(rule, start);
    expect(d.dueAt).toBe(dueAt);
    expect(d.explanation).toEqual({ en, zh });
    expect(d.calendar).toEqual({ country: 'CN', years, missingYears: missing, provisionalYears: provisional ?? [] });
  });
});

describe('calendar days, months and years (Civil Code Arts. 201–203)', () => {
  it.each([
    {
      why: 'last day a public holiday rolls to the first working day after the holiday (Art. 203)',
      rule: 'request.complaint.15d' as const,
      start: '2026-09-16',
      due: '2026-10-08',
      en: '15 days after 2026-09-16 → 2026-10-01; 2026-10-01 is a rest day (Oct 1–7 are holidays), so the period ends on the next working day (Civil Code Art. 203) → 2026-10-08',
    },
    {
      why: 'last day a Sunday rolls to Monday',
      rule: 'cac.summary.30d' as const,
      start: '2026-11-20',
      due: '2026-12-21',
      en: '30 days after 2026-11-20 → 2026-12-20; 2026-12-20 is a rest day (a weekend), so the period ends on the next working day (Civil Code Art. 203) → 2026-12-21',
    },
    {
      why: 'last day a Saturday declared a working day does not roll',
      rule: 'request.complaint.15d' as const,
      start: '2026-09-25',
      due: '2026-10-10',
      en: '15 days after 2026-09-25 → 2026-10-10',
    },
    {
      why: 'month-end clamp: 31 Jan + 1 month = 28 Feb (Art. 202); GDPR counts without roll-over',
      rule: 'gdpr12.response.1m' as const,
      start: '2026-01-31',
      due: '2026-02-28',
      en: "1 month after 2026-01-31 → 2026-02-28; Feb has no day 31: the month's last day",
    },
    {
      why: 'month-end clamp in a leap year: 31 Jan 2028 + 1 month = 29 Feb',
      rule: 'gdpr12.response.1m' as const,
      start: '2028-01-31',
      due: '2028-02-29',
      en: "1 month after 2028-01-31 → 2028-02-29; Feb has no day 31: the month's last day",
    },
    {
      why: 'a PRC month clamp cites Art. 202 (network logs: 31 Aug 2025 + 6 months)',
      rule: 'hold.networkLogs.6m' as const,
      start: '2025-08-31',
      due: '2026-02-28',
      en: "6 months after 2025-08-31 → 2026-02-28; Feb has no day 31: the month's last day (Civil Code Art. 202)",
    },
    {
      why: 'years from 29 Feb clamp to 28 Feb',
      rule: 'hold.transactions.3y' as const,
      start: '2028-02-29',
      due: '2031-02-28',
      en: "3 years after 2028-02-29 → 2031-02-28; Feb has no day 29: the month's last day (Civil Code Art. 202)",
    },
  ])('$why', ({ rule, start, due, en }) => {
    const d = compute(rule, start);
    // The due day, read in the rule's own zone, is the period's last day.
    expect(DateTime.fromISO(d.dueAt).setZone(d.zone).toISODate()).toBe(due);
    expect(d.explanation.en).toBe(en);
  });

  it('ends a day-based period at 24:00 of its last day in the rule zone', () => {
    expect(compute('request.complaint.15d', '2026-09-16').dueAt).toBe('2026-10-08T15:59:59.999Z');
    // California: 30 calendar days in Los Angeles, from a discovery at 19:00 local on Nov 28.
    expect(compute('ca.residents.30d', '2026-11-29T03:00:00Z').dueAt).toBe('2026-12-29T07:59:59.999Z');
  });
});

describe('hour clocks run through nights and holidays', () => {
  it.each([
    {
      why: 'across midnight',
      rule: 'cac.report.4h' as const,
      start: '2026-11-29T22:30:00+08:00',
      dueAt: '2026-11-29T18:30:00.000Z',
      en: '4 hours from 2026-11-29 22:30 (Beijing time); hour clocks do not stop for nights or holidays → 2026-11-30 02:30',
    },
    {
      why: 'into a public holiday, which does not stop the clock',
      rule: 'cac.report.4h' as const,
      start: '2026-09-30T22:00:00+08:00',
      dueAt: '2026-09-30T18:00:00.000Z',
      en: '4 hours from 2026-09-30 22:00 (Beijing time); hour clocks do not stop for nights or holidays; it runs through the Oct 1 holiday → 2026-10-01 02:00',
    },
    {
      why: 'CII operator: 1 hour, given in UTC and shown in Beijing time',
      rule: 'cac.report.cii.1h' as const,
      start: '2026-10-02T00:30:00Z',
      dueAt: '2026-10-02T01:30:00.000Z',
      en: '1 hour from 2026-10-02 08:30 (Beijing time); hour clocks do not stop for nights or holidays; it runs through the Oct 2 holiday → 2026-10-02 09:30',
    },
    {
      why: 'GDPR 72 hours straight through National Day, counted in Brussels time',
      rule: 'gdpr33.authority.72h' as const,
      start: '2026-09-30T10:00:00Z',
      dueAt: '2026-10-03T10:00:00.000Z',
      en: '72 hours from 2026-09-30 12:00 (Brussels time, the zone the GDPR clock is counted in); hour clocks do not stop for nights or holidays → 2026-10-03 12:00',
    },
  ])('$why', ({ rule, start, dueAt, en }) => {
    const d = compute(rule, start);
    expect(d).toMatchObject({ clock: 'due', dueAt, calendar: null });
    expect(d.explanation.en).toBe(en);
  });
});

describe('immediate and fixed-date clocks', () => {
  it('an "immediately" duty runs from the event with no due time of its own (PIPL Art. 57)', () => {
    const d = compute('pipl57.authority', '2026-11-29T09:00:00+08:00');
    expect(d).toMatchObject({ clock: 'immediate', startAt: '2026-11-29T01:00:00.000Z', dueAt: '2026-11-29T01:00:00.000Z' });
    expect(d.explanation.zh).toContain('立即履行');
  });

  it('a fixed date falls due at the end of that day in Beijing', () => {
    expect(compute('scc.expiry', '2026-01-01', '2027-06-30').dueAt).toBe('2027-06-30T15:59:59.999Z');
  });
});

describe('derived state', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  it.each([
    { why: 'more than the window away', stored: 'open', clock: 'due', dueAt: '2026-12-05T00:00:00Z', state: 'open' },
    { why: 'inside the 48 h window', stored: 'open', clock: 'due', dueAt: '2026-12-01T11:00:00Z', state: 'dueSoon' },
    { why: 'exactly at the window edge counts as due soon', stored: 'open', clock: 'due', dueAt: '2026-12-01T12:00:00Z', state: 'dueSoon' },
    { why: 'past due', stored: 'open', clock: 'due', dueAt: '2026-11-29T11:59:59Z', state: 'overdue' },
    { why: 'immediate clocks stay due soon while open', stored: 'open', clock: 'immediate', dueAt: '2026-11-01T00:00:00Z', state: 'dueSoon' },
    { why: 'met wins over the clock', stored: 'met', clock: 'due', dueAt: '2026-11-01T00:00:00Z', state: 'met' },
    { why: 'waived wins over the clock', stored: 'waived', clock: 'due', dueAt: '2026-11-01T00:00:00Z', state: 'waived' },
  ] as const)('$why → $state', ({ stored, clock, dueAt, state }) => {
    expect(deriveState({ storedState: stored, clock, dueAt }, now, 48)).toBe(state);
  });

  it('dates an alert from the moment it entered its state, never before the row was written', () => {
    const s = { storedState: 'open' as const, clock: 'due' as const, dueAt: '2026-12-01T00:00:00.000Z', changedAt: '2026-11-01T00:00:00.000Z' };
    expect(alertingSince(s, 'dueSoon', 48)).toBe('2026-11-29T00:00:00.000Z');
    expect(alertingSince(s, 'overdue', 48)).toBe('2026-12-01T00:00:00.000Z');
    expect(alertingSince({ ...s, changedAt: '2026-12-03T00:00:00.000Z' }, 'overdue', 48)).toBe('2026-12-03T00:00:00.000Z');
    expect(alertingSince(s, 'open', 48)).toBeNull();
  });
});

describe('the catalogue', () => {
  it('gives every rule a name and a legal basis in both languages, and computes it', () => {
    for (const key of RULE_KEYS) {
      const rule = deadlineRuleAt(catalogue, key, '2026-09-28') ?? deadlineRuleAt(catalogue, key, '2026-12-01')!;
      for (const text of [rule.name, rule.basis]) {
        expect(text.en.length, key).toBeGreaterThan(3);
        expect(text.zh.length, key).toBeGreaterThan(1);
      }
      const d = compute(key, key === 'uk.complaint.ack' ? '2026-09-28' : '2026-09-28', '2026-12-31');
      expect(Date.parse(d.dueAt) >= Date.parse(d.startAt), key).toBe(true);
      expect(d.explanation.en && d.explanation.zh, key).toBeTruthy();
    }
  });
});
