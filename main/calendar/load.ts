import type { Session } from '../shared/session';
import type { Db } from '../store/database';
import type { WorkCalendar } from './model';
import { CalendarRepo } from './repo';
import { toWorkCalendar } from './rules';

// Every sync of a record's deadlines needs the calendar; reading and indexing ~80 days each time
// costs more than the sync itself. Cached per open database and country, keyed by the years'
// load stamps, so an edit (or a rolled-back edit) is seen at the next load.
const cache = new WeakMap<Db, Map<string, { version: string; calendar: WorkCalendar }>>();

/** Loads each country's calendar once per call site; the rules take it as a value. */
export function calendarLoader(session: Pick<Session, 'db'>): (country: string) => WorkCalendar {
  const repo = new CalendarRepo(session.db);
  let byDb = cache.get(session.db);
  if (!byDb) cache.set(session.db, (byDb = new Map()));
  const perDb = byDb;
  const local = new Map<string, WorkCalendar>();
  return (country) => {
    const seen = local.get(country);
    if (seen) return seen;
    const version = repo.versionOf(country);
    let hit = perDb.get(country);
    if (!hit || hit.version !== version) {
      hit = { version, calendar: toWorkCalendar(country, repo.years(country)) };
      perDb.set(country, hit);
    }
    local.set(country, hit.calendar);
    return hit.calendar;
  };
}
