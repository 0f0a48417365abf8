/// <reference path="./lunar-javascript.d.ts" />
import { DateTime } from 'luxon';
import { Lunar, Solar } from 'lunar-javascript';
import type { CalendarDay } from './model';

// Holidays computed from the law where no yearly schedule is loaded. Pure: the parameters come
// from the rule catalogue (cn.holidayMeasures, us.federalHolidays).

/** National Holidays and Memorial Days Measures (2024 revision) Art. 2: how many days each festival has. */
export interface HolidayMeasures {
  newYear: number;
  springFestival: number;
  qingming: number;
  labourDay: number;
  dragonBoat: number;
  midAutumn: number;
  nationalDay: number;
}

const name = (en: string, zh: string) => ({ en, zh });
const run = (first: string, count: number, holiday: CalendarDay['name']): CalendarDay[] =>
  Array.from({ length: count }, (_, i) => ({ date: DateTime.fromISO(first, { zone: 'utc' }).plus({ days: i }).toISODate()!, name: holiday }));
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * The statutory days of a PRC year (Art. 2): New Year from Jan 1; Spring Festival from Lunar New
 * Year's Eve (the day before the 1st day of the 1st lunar month); Qingming on its solar term;
 * Labour Day from May 1; Dragon Boat on the 5th day of the 5th lunar month; Mid-Autumn on the
 * 15th day of the 8th lunar month; National Day from Oct 1. Make-up working days (调休) and the
 * days added to join breaks are only in the State Council's notice, so none are guessed here.
 */
export function statutoryHolidaysCN(year: number, m: HolidayMeasures): CalendarDay[] {
  const eve = Lunar.fromYmd(year, 1, 1).getSolar().next(-1).toYmd();
  const qingming = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()['清明'].toYmd();
  const days = [
    ...run(ymd(year, 1, 1), m.newYear, name("New Year's Day", '元旦')),
    ...run(eve, m.springFestival, name('Spring Festival', '春节')),
    ...run(qingming, m.qingming, name('Qingming', '清明节')),
    ...run(ymd(year, 5, 1), m.labourDay, name('Labour Day', '劳动节')),
    ...run(Lunar.fromYmd(year, 5, 5).getSolar().toYmd(), m.dragonBoat, name('Dragon Boat Festival', '端午节')),
    ...run(Lunar.fromYmd(year, 8, 15).getSolar().toYmd(), m.midAutumn, name('Mid-Autumn Festival', '中秋节')),
    ...run(ymd(year, 10, 1), m.nationalDay, name('National Day', '国庆节')),
  ];
  const seen = new Set<string>();
  return days.filter((d) => d.date.startsWith(`${year}-`) && !seen.has(d.date) && seen.add(d.date)).sort((a, b) => a.date.localeCompare(b.date));
}

export interface FederalHoliday {
  key: string;
  name: { en: string; zh: string };
  month: number;
  /** Fixed day of the month; 0 when counted by weekday. */
  day: number;
  /** ISO weekday 1–7; 0 for a fixed day. */
  weekday: number;
  /** 1–4: the n-th such weekday of the month; -1: the last. */
  nth: number;
}

function dateOf(year: number, h: FederalHoliday): DateTime {
  if (h.day > 0) return DateTime.fromObject({ year, month: h.month, day: h.day }, { zone: 'utc' });
  const first = DateTime.fromObject({ year, month: h.month, day: 1 }, { zone: 'utc' });
  if (h.nth === -1) {
    let last = first.endOf('month').startOf('day');
    while (last.weekday !== h.weekday) last = last.minus({ days: 1 });
    return last;
  }
  const offset = (h.weekday - first.weekday + 7) % 7;
  return first.plus({ days: offset + 7 * (h.nth - 1) });
}

/**
 * The federal holidays observed in a year (5 U.S.C. §6103): a holiday on a Saturday is observed
 * the Friday before, on a Sunday the Monday after; so New Year's Day of the next year may be
 * observed on Dec 31.
 */
export function federalHolidaysUS(year: number, holidays: FederalHoliday[], observedOnWeekday: boolean): CalendarDay[] {
  const out: CalendarDay[] = [];
  for (const y of [year, year + 1]) {
    for (const h of holidays) {
      let d = dateOf(y, h);
      if (observedOnWeekday && h.day > 0) d = d.weekday === 6 ? d.minus({ days: 1 }) : d.weekday === 7 ? d.plus({ days: 1 }) : d;
      if (d.year === year) out.push({ date: d.toISODate()!, name: h.name });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
