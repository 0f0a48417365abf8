import type { Session } from '../shared/session';
import type { WorkCalendar } from './model';
import { CalendarRepo } from './repo';
import { toWorkCalendar } from './rules';

/** Loads each country's calendar once per call site; the rules take it as a value. */
export function calendarLoader(session: Pick<Session, 'db'>): (country: string) => WorkCalendar {
  const repo = new CalendarRepo(session.db);
  const cache = new Map<string, WorkCalendar>();
  return (country) => {
    let cal = cache.get(country);
    if (!cal) {
      cal = toWorkCalendar(country, repo.years(country));
      cache.set(country, cal);
    }
    return cal;
  };
}
