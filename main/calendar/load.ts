import { loadCatalogue } from '../rules/load';
import type { Catalogue } from '../rules/catalogue';
import type { Session } from '../shared/session';
import type { Db } from '../store/database';
import type { WorkCalendar, YearDays } from './model';
import { CalendarRepo } from './repo';
import { toWorkCalendar, toYearDays } from './rules';
import { federalHolidaysUS, statutoryHolidaysCN, type FederalHoliday, type HolidayMeasures } from './statutory';

// Every sync of a record's deadlines needs the calendar; reading and indexing ~80 days each time
// costs more than the sync itself. Cached per open database and country, keyed by the years'
// load stamps and the catalogue, so an edit (or a rolled-back edit) is seen at the next load.
const cache = new WeakMap<Db, Map<string, { version: string; calendar: WorkCalendar }>>();

/**
 * What a year without a loaded schedule counts on. CN: the statutory days of the Holiday
 * Measures in force on Jan 1 of that year, marked provisional; US: the federal holidays of
 * 5 U.S.C. §6103, fixed by statute (official); elsewhere nothing (weekends only, said so).
 */
export function fallbackFor(country: string, catalogue: Catalogue): WorkCalendar['fallback'] {
  if (country === 'CN') {
    return (year): YearDays | null => {
      const measures = catalogue.at('cn.holidayMeasures', `${year}-01-01`);
      if (!measures || year < 1901 || year > 2099) return null;
      return toYearDays({ holidays: statutoryHolidaysCN(year, measures.params as unknown as HolidayMeasures), workdays: [] }, 'provisional');
    };
  }
  if (country === 'US') {
    return (year): YearDays | null => {
      const rule = catalogue.at('us.federalHolidays', `${year}-01-01`);
      if (!rule) return null;
      const p = rule.params as unknown as { holidays: FederalHoliday[]; observedOnWeekday: boolean };
      return toYearDays({ holidays: federalHolidaysUS(year, p.holidays, p.observedOnWeekday), workdays: [] }, 'official');
    };
  }
  return undefined;
}

/** Loads each country's calendar once per call site; the rules take it as a value. */
export function calendarLoader(session: Pick<Session, 'db'>): (country: string) => WorkCalendar {
  const repo = new CalendarRepo(session.db);
  let byDb = cache.get(session.db);
  if (!byDb) cache.set(session.db, (byDb = new Map()));
  const perDb = byDb;
  const local = new Map<string, WorkCalendar>();
  let catalogue: Catalogue | undefined;
  return (country) => {
    const seen = local.get(country);
    if (seen) return seen;
    catalogue ??= loadCatalogue(session);
    const version = `${repo.versionOf(country)}|${catalogue.fingerprint}`;
    let hit = perDb.get(country);
    if (!hit || hit.version !== version) {
      hit = { version, calendar: toWorkCalendar(country, repo.years(country), fallbackFor(country, catalogue)) };
      perDb.set(country, hit);
    }
    local.set(country, hit.calendar);
    return hit.calendar;
  };
}
