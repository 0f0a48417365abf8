import { DateTime } from 'luxon';
import type { CalendarDay, CalendarYear, DayKind, WorkCalendar, YearDays } from './model';
import { fieldMap } from '../shared/input-guard';
import { type Problem, problem } from '../shared/errors';

// Pure day arithmetic on YYYY-MM-DD dates. No clock, no I/O: the calendars come in as values.

/** What counting met on the way: the explanation and the deadline's calendar use come from it. */
export interface CalendarTrace {
  /** Years whose official calendar was consulted. */
  usedYears: Set<number>;
  /** Years consulted with no calendar loaded and none computable: weekends only were assumed. */
  missingYears: Set<number>;
  /** Years counted on a provisional calendar (statutory holidays, no make-up working days). */
  provisionalYears: Set<number>;
  /** Holidays met while counting (dates, in order). */
  holidays: string[];
  /** Weekend days counted as working days because the calendar declares them so. */
  makeupWorkdays: string[];
}

export const newTrace = (): CalendarTrace => ({ usedYears: new Set(), missingYears: new Set(), provisionalYears: new Set(), holidays: [], makeupWorkdays: [] });

const toDate = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });
const fromDate = (d: DateTime): string => d.toISODate()!;

export const plusDays = (iso: string, days: number): string => fromDate(toDate(iso).plus({ days }));

/** ISO weekday: Saturday 6 and Sunday 7 are the ordinary rest days. */
export const isWeekend = (iso: string): boolean => toDate(iso).weekday >= 6;

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Classifies a day; records in the trace which calendar year answered (or was missing). */
export function dayKind(calendar: WorkCalendar, iso: string, trace?: CalendarTrace): DayKind {
  const year = yearOf(iso);
  const known = yearDays(calendar, year);
  if (trace) (!known ? trace.missingYears : known.status === 'provisional' ? trace.provisionalYears : trace.usedYears).add(year);
  if (known?.holidays.has(iso)) return 'holiday';
  if (isWeekend(iso)) return known?.workdays.has(iso) ? 'makeupWorkday' : 'weekend';
  return 'workday';
}

export const isWorkingKind = (kind: DayKind): boolean => kind === 'workday' || kind === 'makeupWorkday';

function note(trace: CalendarTrace, iso: string, kind: DayKind): void {
  if (kind === 'holiday' && !trace.holidays.includes(iso)) trace.holidays.push(iso);
  if (kind === 'makeupWorkday' && !trace.makeupWorkdays.includes(iso)) trace.makeupWorkdays.push(iso);
}

/**
 * The n-th working day after `start` (the start day itself is not counted, Civil Code Art. 201).
 */
export function addWorkingDays(calendar: WorkCalendar, start: string, n: number, trace: CalendarTrace): string {
  let day = start;
  let counted = 0;
  while (counted < n) {
    day = plusDays(day, 1);
    const kind = dayKind(calendar, day, trace);
    note(trace, day, kind);
    if (isWorkingKind(kind)) counted += 1;
  }
  return day;
}

/**
 * A period whose last day is a rest day ends on the first working day after it (Civil Code
 * Art. 203). Weekends count as rest days unless declared working days (RULES.md §1).
 */
export function rollToWorkingDay(calendar: WorkCalendar, last: string, trace: CalendarTrace): string {
  let day = last;
  for (;;) {
    const kind = dayKind(calendar, day, trace);
    note(trace, day, kind);
    if (isWorkingKind(kind)) return day;
    day = plusDays(day, 1);
  }
}

/** Notes holidays between two dates (inclusive) without counting: hour clocks run through them. */
export function holidaysBetween(calendar: WorkCalendar, from: string, to: string, trace: CalendarTrace): void {
  for (let day = from; day <= to; day = plusDays(day, 1)) note(trace, day, dayKind(calendar, day, trace));
}

/** A year's facts: the loaded schedule, else what the calendar's fallback computes (once per calendar). */
const computed = new WeakMap<WorkCalendar, Map<number, YearDays | null>>();
export function yearDays(calendar: WorkCalendar, year: number): YearDays | null {
  const loaded = calendar.years.get(year);
  if (loaded || !calendar.fallback) return loaded ?? null;
  let memo = computed.get(calendar);
  if (!memo) computed.set(calendar, (memo = new Map()));
  if (!memo.has(year)) memo.set(year, calendar.fallback(year));
  return memo.get(year) ?? null;
}

export const toYearDays = (y: Pick<CalendarYear, 'holidays' | 'workdays'>, status: YearDays['status'] = 'official'): YearDays => ({
  holidays: new Map(y.holidays.map((d): [string, CalendarDay['name']] => [d.date, d.name])),
  workdays: new Set(y.workdays.map((d) => d.date)),
  status,
});

/** Builds the lookup the rules use from stored years (and, for other years, a fallback). */
export function toWorkCalendar(country: string, years: Pick<CalendarYear, 'year' | 'holidays' | 'workdays'>[], fallback?: WorkCalendar['fallback']): WorkCalendar {
  return { country, years: new Map(years.map((y) => [y.year, toYearDays(y)])), ...(fallback ? { fallback } : {}) };
}

/** Consecutive dates grouped into [first, last] runs, for "Oct 1–7 are holidays". */
export function runsOf(dates: string[]): [string, string][] {
  const sorted = [...dates].sort();
  const runs: [string, string][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && plusDays(last[1], 1) === d) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}

/**
 * Checks a year's dates before they are stored: each in the year, a day off not also a working
 * day, and a declared working day on a weekend. Returns field → message.
 */
export function checkCalendarYear(year: number, holidays: string[], workdays: string[]): Record<string, Problem> {
  const problems = fieldMap<Problem>();
  const seen = new Set<string>();
  holidays.forEach((d, i) => {
    if (yearOf(d) !== year) problems[`holidays.${i}`] = problem('dayNotInYear', { day: d, year });
    else if (seen.has(d)) problems[`holidays.${i}`] = problem('dayListedTwice', { day: d });
    seen.add(d);
  });
  const seenWork = new Set<string>();
  workdays.forEach((d, i) => {
    if (yearOf(d) !== year) problems[`workdays.${i}`] = problem('dayNotInYear', { day: d, year });
    else if (seen.has(d)) problems[`workdays.${i}`] = problem('dayAlsoHoliday', { day: d });
    else if (seenWork.has(d)) problems[`workdays.${i}`] = problem('dayListedTwice', { day: d });
    else if (!isWeekend(d)) problems[`workdays.${i}`] = problem('dayIsWeekday', { day: d });
    seenWork.add(d);
  });
  return problems;
}

export interface CalendarChangeCounts {
  /** Days (holidays + declared working days) loaded before, and after the change. */
  before: number;
  after: number;
  added: number;
  removed: number;
  /** Most (more than half) or all of the loaded days would go: the DPO must confirm. */
  needsConfirmation: boolean;
}

/**
 * What replacing a year's days changes. A file with a header only (or a half-empty one) must not
 * silently wipe a loaded year (issue 10, item 6): removing more than half of the days already
 * loaded needs the DPO's explicit confirmation.
 */
export function calendarChange(before: { holidays: string[]; workdays: string[] } | null, after: { holidays: string[]; workdays: string[] }): CalendarChangeCounts {
  const key = (kind: string, d: string) => `${kind}:${d}`;
  const was = new Set([...(before?.holidays ?? []).map((d) => key('h', d)), ...(before?.workdays ?? []).map((d) => key('w', d))]);
  const now = new Set([...after.holidays.map((d) => key('h', d)), ...after.workdays.map((d) => key('w', d))]);
  const removed = [...was].filter((d) => !now.has(d)).length;
  const added = [...now].filter((d) => !was.has(d)).length;
  return { before: was.size, after: now.size, added, removed, needsConfirmation: removed > 0 && removed * 2 > was.size };
}
