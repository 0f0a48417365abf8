/**
 * A country's official calendar for one year: the public holidays (days off, with the
 * holiday's name) and the weekend days declared working days (调休). Everything else follows
 * the week: Monday–Friday work, Saturday and Sunday rest (RULES.md §1).
 */
export interface CalendarYear {
  country: string;
  year: number;
  /** YYYY-MM-DD → holiday name ({en, zh}); each date is a day off. */
  holidays: CalendarDay[];
  /** Weekend days declared working days (YYYY-MM-DD). */
  workdays: CalendarDay[];
  /** Where the schedule comes from (the notice), as the DPO sees it in Settings. */
  source: string;
  /** UTC instant when this year was loaded into the vault. */
  loadedAt: string;
  /** 'shipped' with the app, 'edited' in Settings, 'imported' from a file. */
  origin: CalendarOrigin;
}

export type CalendarOrigin = 'shipped' | 'edited' | 'imported';

export interface CalendarDay {
  date: string;
  name: { en: string; zh: string } | null;
}

/**
 * One year's day facts. `official`: the State Council's schedule as loaded (or a calendar fixed
 * by statute, such as the US federal holidays); `provisional`: computed from the Holiday Measures
 * because the year's schedule is not loaded (its make-up working days are unknown).
 */
export interface YearDays {
  holidays: ReadonlyMap<string, CalendarDay['name']>;
  workdays: ReadonlySet<string>;
  status: 'official' | 'provisional';
}

/** The day facts the pure rules need, per year, for one country. */
export interface WorkCalendar {
  country: string;
  years: ReadonlyMap<number, YearDays>;
  /** A year with no loaded schedule: computed where a rule allows it, else null (weekends only). */
  fallback?: (year: number) => YearDays | null;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeupWorkday';

/** The country whose calendar PRC rules count on. */
export const CHINA = 'CN';
