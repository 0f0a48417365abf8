import { DateTime } from 'luxon';
import type { BoardBounds, BoardBucket, CalendarUse, DeadlineState } from '../../preload/contract/deadlines';
import type { LocalizedText } from '../../preload/contract/common';
import {
  addWorkingDays,
  holidaysBetween,
  newTrace,
  plusDays,
  rollToWorkingDay,
  type CalendarTrace,
} from '../calendar/rules';
import type { WorkCalendar } from '../calendar/model';
import type { Catalogue } from '../rules/catalogue';
import { deadlineRuleAt, zoneOf, type DeadlineRule } from './catalog';
import { explain } from './explain';

// Pure: the rule, the start and the calendars in; the due instant and its explanation out.

export interface ComputedDeadline {
  clock: 'due' | 'immediate';
  /** The start as a UTC instant (a date start is that day's 00:00 in the rule's zone). */
  startAt: string;
  dueAt: string;
  zone: string;
  calendar: CalendarUse | null;
  explanation: LocalizedText;
}

export interface ComputeInput {
  start: string;
  /** Fixed-date rules: the date (or instant) it falls due. */
  until?: string | null;
}

/** Parses a request's start in the rule's zone; null when it is not an ISO date or instant. */
export function parseStart(value: string, zone: string): DateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}($|T)/.test(value)) return null;
  const parsed = DateTime.fromISO(value, { zone });
  return parsed.isValid ? parsed : null;
}

const endOfDay = (date: string, zone: string): DateTime => DateTime.fromISO(date, { zone }).endOf('day');
const utc = (d: DateTime): string => d.toUTC().toISO()!;

/**
 * Computes one deadline. `calendarFor` hands the loaded calendar of a country (an empty one
 * when none is loaded: counting then falls back to weekends only and says so).
 */
export function computeDeadline(
  rule: DeadlineRule,
  input: ComputeInput,
  calendarFor: (country: string) => WorkCalendar,
): ComputedDeadline {
  const { zone, period } = rule;
  const start = parseStart(input.start, zone);
  if (!start) throw new RangeError(`Not an ISO date or instant: ${input.start}`);
  const startDate = start.toISODate()!;
  const startAt = utc(start);
  const calendar = rule.country ? calendarFor(rule.country) : null;
  const trace = newTrace();
  const prc = zone === 'Asia/Shanghai';

  const use = (): CalendarUse | null =>
    calendar && rule.country
      ? {
          country: rule.country,
          years: [...trace.usedYears].sort(),
          missingYears: [...trace.missingYears].sort(),
          provisionalYears: [...trace.provisionalYears].sort(),
        }
      : null;

  switch (period.kind) {
    case 'immediate':
      return { clock: 'immediate', startAt, dueAt: startAt, zone, calendar: null, explanation: explain({ kind: 'immediate', start, zone }, trace) };
    case 'hours': {
      // Civil Code Art. 201: an hour period runs from the moment of the event, through nights and holidays.
      const due = start.plus({ hours: period.hours });
      // The CN calendar only names the holidays crossed, for the explanation; it never stops the clock.
      const cn = prc ? calendarFor('CN') : null;
      const notes = newTrace();
      if (cn) holidaysBetween(cn, startDate, due.toISODate()!, notes);
      return {
        clock: 'due',
        startAt,
        dueAt: utc(due),
        zone,
        calendar: null,
        explanation: explain({ kind: 'hours', hours: period.hours, start, due, zone, crossedHolidays: notes.holidays }, trace),
      };
    }
    case 'workingDays':
    case 'businessDays': {
      // Business days (CCPA) count Monday–Friday less the US federal holidays; working days the country's schedule.
      const dueDate = addWorkingDays(calendar ?? { country: '', years: new Map() }, startDate, period.days, trace);
      return {
        clock: 'due',
        startAt,
        dueAt: utc(endOfDay(dueDate, zone)),
        zone,
        calendar: use(),
        explanation: explain({ kind: 'workingDays', days: period.days, startDate, dueDate, business: period.kind === 'businessDays' }, trace),
      };
    }
    case 'calendarDays':
    case 'months':
    case 'years': {
      const amount = period.kind === 'calendarDays' ? period.days : period.kind === 'months' ? period.months : period.years;
      const unit = period.kind === 'calendarDays' ? 'days' : period.kind;
      // Civil Code Art. 201–202: the start day is not counted; months/years end on the same-numbered
      // day or, where the month has none, on its last day (luxon clamps exactly so).
      const lastDay =
        period.kind === 'calendarDays'
          ? plusDays(startDate, amount)
          : DateTime.fromISO(startDate, { zone: 'utc' }).plus({ [unit]: amount }).toISODate()!;
      const clamped = period.kind !== 'calendarDays' && lastDay.slice(8) !== startDate.slice(8);
      const rollTrace: CalendarTrace = trace;
      const dueDate = period.rollOver && calendar ? rollToWorkingDay(calendar, lastDay, rollTrace) : lastDay;
      return {
        clock: 'due',
        startAt,
        dueAt: utc(endOfDay(dueDate, zone)),
        zone,
        calendar: period.rollOver ? use() : null,
        explanation: explain({ kind: 'counted', unit, amount, startDate, lastDay, dueDate, clamped, prc }, trace),
      };
    }
    case 'fixedDate': {
      const until = parseStart(input.until ?? '', zone);
      if (!until) throw new RangeError('A fixed-date rule needs the date it falls due (until)');
      const dueDate = until.toISODate()!;
      return {
        clock: 'due',
        startAt,
        dueAt: utc(endOfDay(dueDate, zone)),
        zone,
        calendar: null,
        explanation: explain({ kind: 'fixedDate', dueDate }, trace),
      };
    }
  }
}

/** The start's calendar date in the rule's zone: the catalogue version in force then is the one applied. */
export function startDateOf(ruleKey: string, start: string): string | null {
  return parseStart(start, zoneOf(ruleKey))?.toISODate() ?? null;
}

/** Chooses the version in force at the start and computes with it; null when none is in force then. */
export function computeFromCatalogue(
  catalogue: Catalogue,
  ruleKey: string,
  input: ComputeInput,
  calendarFor: (country: string) => WorkCalendar,
): { rule: DeadlineRule; computed: ComputedDeadline } | null {
  const date = startDateOf(ruleKey, input.start);
  const rule = date ? deadlineRuleAt(catalogue, ruleKey, date) : undefined;
  return rule ? { rule, computed: computeDeadline(rule, input, calendarFor) } : null;
}

export interface StoredStatus {
  storedState: 'open' | 'met' | 'waived';
  clock: 'due' | 'immediate';
  dueAt: string;
}

/**
 * The state the DPO sees. "Immediately" clocks have no fixed end (PIPL Art. 57 writes no hour
 * limit), so while open they stay due soon rather than turning overdue the moment they start.
 */
export function deriveState(s: StoredStatus, now: Date, dueSoonHours: number): DeadlineState {
  if (s.storedState !== 'open') return s.storedState;
  if (s.clock === 'immediate') return 'dueSoon';
  const left = Date.parse(s.dueAt) - now.getTime();
  if (left < 0) return 'overdue';
  return left <= dueSoonHours * 3_600_000 ? 'dueSoon' : 'open';
}

/**
 * The board's time bucket. Only a fixed due time turns overdue (as deriveState and the incident
 * list's overdue_from, issue 13): an "immediately" duty is due now, so it is counted and listed
 * with today's, whenever it started. The counts' SQL (repo.counts) is this same definition.
 */
export function boardBucket(s: Pick<StoredStatus, 'clock' | 'dueAt'>, b: Pick<BoardBounds, 'now' | 'endOfToday' | 'endOfWeek'>): BoardBucket {
  if (s.clock === 'immediate') return 'today';
  if (s.dueAt < b.now) return 'overdue';
  if (s.dueAt <= b.endOfToday) return 'today';
  return s.dueAt <= b.endOfWeek ? 'week' : 'later';
}

/**
 * When an open deadline entered its current alerting state: due soon at (due − window), overdue
 * at due, but never before the row was written (a deadline stored already late alerts then).
 */
export function alertingSince(s: StoredStatus & { changedAt: string }, state: DeadlineState, dueSoonHours: number): string | null {
  if (state !== 'dueSoon' && state !== 'overdue') return null;
  const due = Date.parse(s.dueAt);
  const transition = s.clock === 'immediate' ? due : state === 'overdue' ? due : due - dueSoonHours * 3_600_000;
  return new Date(Math.max(transition, Date.parse(s.changedAt))).toISOString();
}
