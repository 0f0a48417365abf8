import type { CalendarYearDto } from '../../preload/contract/calendar';
import { recomputeForCalendar } from '../deadlines/service';
import { invalid } from '../shared/errors';
import type { Session } from '../shared/session';
import { parseCalendarCsv, parseCalendarJson } from './import';
import type { CalendarDay, CalendarOrigin, CalendarYear } from './model';
import { CalendarRepo } from './repo';
import { calendarChange, checkCalendarYear, yearOf, type CalendarChangeCounts } from './rules';

export function listCalendars(session: Session, country?: string): { years: CalendarYearDto[] } {
  return { years: new CalendarRepo(session.db).years(country) };
}

interface YearInput {
  country: string;
  year: number;
  source: string;
  holidays: { date: string; name?: CalendarDay['name'] }[];
  workdays: { date: string; name?: CalendarDay['name'] }[];
  dryRun?: boolean;
  confirmRemoval?: boolean;
}

type ChangeResult = { year: CalendarYearDto; recomputed: number; change: CalendarChangeCounts; stored: boolean };

/**
 * Stores a year (replacing its dates), recomputes every stored deadline whose counting touched
 * that year, and audits the change, all in one transaction.
 */
function storeYear(session: Session, input: YearInput, origin: CalendarOrigin, fieldPrefix = ''): ChangeResult {
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
    const dates = (y: CalendarYear) => ({ holidays: y.holidays.map((d) => d.date), workdays: y.workdays.map((d) => d.date) });
    const change = calendarChange(before ? dates(before) : null, dates(next));
    if (input.dryRun) return { year: next, recomputed: 0, change, stored: false };
    if (change.needsConfirmation && !input.confirmRemoval) {
      throw invalid({
        confirmRemoval: `This removes ${change.removed} of the ${change.before} days loaded for ${input.country} ${input.year} (${change.after} would remain); confirm the removal to go on`,
      });
    }
    repo.replaceYear(next);
    const recomputed = recomputeForCalendar(session, input.country, input.year);
    const datesOf = (y: CalendarYear | undefined, k: 'holidays' | 'workdays') => new Set(y?.[k].map((d) => d.date) ?? []);
    const diff = (k: 'holidays' | 'workdays') => ({
      added: [...datesOf(next, k)].filter((d) => !datesOf(before, k).has(d)),
      removed: [...datesOf(before, k)].filter((d) => !datesOf(next, k).has(d)),
    });
    session.audit.append({
      action: origin === 'imported' ? 'calendar.import' : 'calendar.upsertYear',
      entity: 'calendar',
      entityId: `${input.country}-${input.year}`,
      summary: `${input.country} ${input.year} calendar ${before ? 'changed' : 'loaded'} (${origin}): ${next.holidays.length} holidays, ${next.workdays.length} declared working days; ${recomputed} deadlines recomputed`,
      details: { source: input.source, holidays: diff('holidays'), workdays: diff('workdays'), recomputed, confirmedRemoval: change.needsConfirmation },
    });
    return { year: repo.year(input.country, input.year)!, recomputed, change, stored: true };
  });
}

export function upsertCalendarYear(session: Session, input: YearInput): ChangeResult {
  return storeYear(session, input, 'edited');
}

export function importCalendarYear(
  session: Session,
  input: { country: string; year: number; source: string; format: 'json' | 'csv'; text: string; dryRun?: boolean; confirmRemoval?: boolean },
): ChangeResult {
  const parsed = input.format === 'csv' ? parseCalendarCsv(input.text) : parseCalendarJson(input.text);
  if (!parsed.ok) throw invalid(parsed.problems);
  const outside = [...parsed.value.holidays, ...parsed.value.workdays].filter((d) => yearOf(d.date) !== input.year);
  if (outside.length) {
    throw invalid({ year: `The file has dates outside ${input.year}: ${outside.slice(0, 5).map((d) => d.date).join(', ')}` });
  }
  return storeYear(session, { ...input, ...parsed.value }, 'imported', 'text.');
}
