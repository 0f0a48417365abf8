import type { CalendarYearDto } from '../../preload/contract/calendar';
import { recomputeForCalendar } from '../deadlines/service';
import { invalid } from '../shared/errors';
import type { Session } from '../shared/session';
import { parseCalendarCsv, parseCalendarJson } from './import';
import type { CalendarDay, CalendarOrigin, CalendarYear } from './model';
import { CalendarRepo } from './repo';
import { checkCalendarYear, yearOf } from './rules';

export function listCalendars(session: Session, country?: string): { years: CalendarYearDto[] } {
  return { years: new CalendarRepo(session.db).years(country) };
}

interface YearInput {
  country: string;
  year: number;
  source: string;
  holidays: { date: string; name?: CalendarDay['name'] }[];
  workdays: { date: string; name?: CalendarDay['name'] }[];
}

/**
 * Stores a year (replacing its dates), recomputes every stored deadline whose counting touched
 * that year, and audits the change, all in one transaction.
 */
function storeYear(session: Session, input: YearInput, origin: CalendarOrigin, fieldPrefix = ''): { year: CalendarYearDto; recomputed: number } {
  const problems = checkCalendarYear(
    input.year,
    input.holidays.map((d) => d.date),
    input.workdays.map((d) => d.date),
  );
  if (Object.keys(problems).length) {
    throw invalid(Object.fromEntries(Object.entries(problems).map(([k, v]) => [`${fieldPrefix}${k}`, v])));
  }
  const repo = new CalendarRepo(session.db);
  return session.tx(() => {
    const before = repo.year(input.country, input.year);
    const next: CalendarYear = {
      country: input.country,
      year: input.year,
      source: input.source,
      origin,
      loadedAt: session.now().toISOString(),
      holidays: [...input.holidays].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: d.date, name: d.name ?? null })),
      workdays: [...input.workdays].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: d.date, name: d.name ?? null })),
    };
    repo.replaceYear(next);
    const recomputed = recomputeForCalendar(session, input.country, input.year);
    const dates = (y: CalendarYear | undefined, k: 'holidays' | 'workdays') => new Set(y?.[k].map((d) => d.date) ?? []);
    const diff = (k: 'holidays' | 'workdays') => ({
      added: [...dates(next, k)].filter((d) => !dates(before, k).has(d)),
      removed: [...dates(before, k)].filter((d) => !dates(next, k).has(d)),
    });
    session.audit.append({
      action: origin === 'imported' ? 'calendar.import' : 'calendar.upsertYear',
      entity: 'calendar',
      entityId: `${input.country}-${input.year}`,
      summary: `${input.country} ${input.year} calendar ${before ? 'changed' : 'loaded'} (${origin}): ${next.holidays.length} holidays, ${next.workdays.length} declared working days; ${recomputed} deadlines recomputed`,
      details: { source: input.source, holidays: diff('holidays'), workdays: diff('workdays'), recomputed },
    });
    return { year: repo.year(input.country, input.year)!, recomputed };
  });
}

export function upsertCalendarYear(session: Session, input: YearInput): { year: CalendarYearDto; recomputed: number } {
  return storeYear(session, input, 'edited');
}

export function importCalendarYear(
  session: Session,
  input: { country: string; year: number; source: string; format: 'json' | 'csv'; text: string },
): { year: CalendarYearDto; recomputed: number } {
  const parsed = input.format === 'csv' ? parseCalendarCsv(input.text) : parseCalendarJson(input.text);
  if (!parsed.ok) throw invalid(parsed.problems);
  const outside = [...parsed.value.holidays, ...parsed.value.workdays].filter((d) => yearOf(d.date) !== input.year);
  if (outside.length) {
    throw invalid({ year: `The file has dates outside ${input.year}: ${outside.slice(0, 5).map((d) => d.date).join(', ')}` });
  }
  return storeYear(session, { ...input, ...parsed.value }, 'imported', 'text.');
}
