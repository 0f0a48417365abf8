import type { CalendarYearDto } from '../../preload/contract/calendar';
import type { RecomputeEffects } from '../../preload/contract/rules';
import { DeadlinesRepo } from '../deadlines/repo';
import { texts } from '../rules/catalogue';
import { loadCatalogue } from '../rules/load';
import { preview, withEffects } from '../rules/recompute';
import { invalid, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { parseCalendarCsv, parseCalendarJson } from './import';
import { fallbackFor } from './load';
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

type Change = { year: CalendarYearDto; recomputed: number; change: CalendarChangeCounts; stored: boolean; effects: RecomputeEffects };

/**
 * Stores a year (replacing its dates), recomputes every stored deadline whose counting touched
 * that year (a provisional year's deadlines become official), and audits the change with every
 * deadline it moved, all in one transaction.
 */
function storeYear(session: Session, input: YearInput, origin: CalendarOrigin, fieldPrefix = ''): Change {
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
    const days = (y: CalendarYear) => ({ holidays: y.holidays.map((d) => d.date), workdays: y.workdays.map((d) => d.date) });
    const change = calendarChange(before ? days(before) : null, days(next));
    const touched = new DeadlinesRepo(session.db).touchingYear(input.country, input.year);
    const scope = { rows: () => touched, modules: [] };
    // A dry run says what would change, deadlines included, and keeps nothing.
    if (input.dryRun) return { year: next, recomputed: 0, change, stored: false, effects: preview(session, scope, () => repo.replaceYear(next)) };
    if (change.needsConfirmation && !input.confirmRemoval) {
      throw invalid({
        confirmRemoval: problem('confirmDayRemoval', { removed: change.removed, before: change.before, country: input.country, year: input.year, after: change.after }),
      });
    }
    const wasProvisional = touched.filter((r) => r.provisional_years?.split(',').includes(String(input.year))).length;
    const effects = withEffects(session, scope, () => repo.replaceYear(next));
    const recomputed = touched.length;
    const datesOf = (y: CalendarYear | undefined, k: 'holidays' | 'workdays') => new Set(y?.[k].map((d) => d.date) ?? []);
    const diff = (k: 'holidays' | 'workdays') => ({
      added: [...datesOf(next, k)].filter((d) => !datesOf(before, k).has(d)),
      removed: [...datesOf(before, k)].filter((d) => !datesOf(next, k).has(d)),
    });
    const moved = effects.deadlines.filter((d) => d.change === 'moved');
    session.audit.append({
      action: origin === 'imported' ? 'calendar.import' : 'calendar.upsertYear',
      entity: 'calendar',
      entityId: `${input.country}-${input.year}`,
      summary: `${input.country} ${input.year} calendar ${before ? 'changed' : 'loaded'} (${origin}): ${next.holidays.length} holidays, ${next.workdays.length} declared working days; ${recomputed} deadlines recomputed${wasProvisional ? `, ${wasProvisional} no longer provisional` : ''}, ${moved.length} moved`,
      details: {
        source: input.source,
        holidays: diff('holidays'),
        workdays: diff('workdays'),
        recomputed,
        confirmedRemoval: change.needsConfirmation,
        wasProvisional,
        moved: moved.slice(0, 200).map((d) => ({ id: d.deadlineId, ref: d.recordRef, key: d.key, before: d.beforeDueAt, after: d.afterDueAt })),
      },
    });
    return { year: repo.year(input.country, input.year)!, recomputed, change, stored: true, effects };
  });
}

export function upsertCalendarYear(session: Session, input: YearInput): Change {
  return storeYear(session, input, 'edited');
}

export function importCalendarYear(
  session: Session,
  input: { country: string; year: number; source: string; format: 'json' | 'csv'; text: string; dryRun?: boolean; confirmRemoval?: boolean },
): Change {
  const parsed = input.format === 'csv' ? parseCalendarCsv(input.text) : parseCalendarJson(input.text);
  if (!parsed.ok) throw invalid(parsed.problems);
  const outside = [...parsed.value.holidays, ...parsed.value.workdays].filter((d) => yearOf(d.date) !== input.year);
  if (outside.length) {
    throw invalid({ year: problem('datesOutsideYear', { year: input.year, days: outside.slice(0, 5).map((d) => d.date).join(', ') }) });
  }
  return storeYear(session, { ...input, ...parsed.value }, 'imported', 'text.');
}

const WHERE_TO_GET = {
  en: 'The General Office of the State Council publishes next year’s schedule each year, usually in November: “国务院办公厅关于YYYY年部分节假日安排的通知”, on www.gov.cn (政策 → 国务院文件). Enter it with “Add a year” or import it as a file.',
  zh: '国务院办公厅每年（通常在11月）发布次年的《国务院办公厅关于YYYY年部分节假日安排的通知》，见中国政府网（www.gov.cn）“政策—国务院文件”栏目。可通过“添加年份”录入或以文件导入。',
};

/** Which years are official, provisional or missing: the loaded ones, and every year from last year to the last one an open deadline reaches. */
export function calendarStatus(session: Session, country = 'CN') {
  const now = session.now();
  const thisYear = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const loaded = new CalendarRepo(session.db).years(country);
  const counts = new DeadlinesRepo(session.db).provisionalCounts();
  const perYear = new Map<number, number>();
  for (const c of counts) for (const y of c.years.split(',').map(Number)) perYear.set(y, (perYear.get(y) ?? 0) + c.n);
  const last = Math.max(thisYear + 1, ...loaded.map((y) => y.year), ...perYear.keys());
  const first = Math.min(thisYear - 1, ...loaded.map((y) => y.year));
  const catalogue = loadCatalogue(session);
  const fallback = fallbackFor(country, catalogue);
  const years = [];
  for (let year = first; year <= last; year++) {
    const official = loaded.find((y) => y.year === year);
    if (official) {
      years.push({ year, status: 'official' as const, source: official.source, loadedAt: official.loadedAt, holidays: official.holidays, provisionalDeadlines: 0 });
      continue;
    }
    const computed = fallback?.(year);
    years.push({
      year,
      status: computed ? ('provisional' as const) : ('missing' as const),
      source: null,
      loadedAt: null,
      holidays: computed ? [...computed.holidays].map(([date, name]) => ({ date, name })) : [],
      provisionalDeadlines: perYear.get(year) ?? 0,
    });
  }
  const measures = catalogue.at('cn.holidayMeasures', `${thisYear}-01-01`);
  return { country, years, whereToGet: WHERE_TO_GET, basis: measures ? texts(measures).basis : { en: '', zh: '' } };
}
