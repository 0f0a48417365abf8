import { DateTime, IANAZone } from 'luxon';
import { invalid, problem } from './errors';

// Months, quarters and days for figures counted over time (the overview, issue 17). Pure: `now`
// is passed in. Months and quarters are Beijing's (UTC+8 all year, no daylight saving: the
// company's zone, the one the PRC rules and the quarter figures count in).

export const BEIJING = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;

/** YYYY-MM of an instant in Beijing. */
export const beijingMonth = (d: Date): string => new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 7);

/** The instant a Beijing month starts (UTC ISO). */
export const monthStart = (month: string): string => new Date(Date.parse(`${month}-01T00:00:00.000Z`) - OFFSET_MS).toISOString();

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export const monthsBetween = (first: string, last: string): string[] => {
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
};

/** 2026-Q4 */
export const quarterOf = (month: string): string => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** First month of the quarter a month is in. */
export const quarterStart = (month: string): string => `${month.slice(0, 4)}-${String(Math.floor((Number(month.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}`;

export type PeriodInput = { kind: 'quarter' } | { kind: 'year' } | { kind: 'custom'; from: string; to: string };

export interface Period {
  kind: PeriodInput['kind'];
  firstMonth: string;
  lastMonth: string;
  months: string[];
  /** [from, before) as UTC instants. */
  from: string;
  before: string;
  label: { en: string; zh: string };
}

/** The longest custom run of months the overview draws (five years). */
export const MAX_PERIOD_MONTHS = 60;

/**
 * This quarter and this year run from their first month through the current one (months still
 * to come have nothing to count yet); a custom period is the months asked for.
 */
export function resolvePeriod(input: PeriodInput, now: Date): Period {
  const current = beijingMonth(now);
  let first: string;
  let last = current;
  if (input.kind === 'quarter') first = quarterStart(current);
  else if (input.kind === 'year') first = `${current.slice(0, 4)}-01`;
  else {
    if (input.from > input.to) throw invalid({ 'period.to': problem('lastMonthBeforeFirst') });
    if (monthsBetween(input.from, input.to).length > MAX_PERIOD_MONTHS) throw invalid({ 'period.to': problem('periodTooLong', { max: MAX_PERIOD_MONTHS }) });
    first = input.from;
    last = input.to;
  }
  const q = Number(quarterOf(first).slice(-1));
  const label =
    input.kind === 'quarter'
      ? { en: `Q${q} ${first.slice(0, 4)}`, zh: `${first.slice(0, 4)}年第${'一二三四'[q - 1]}季度` }
      : input.kind === 'year'
        ? { en: first.slice(0, 4), zh: `${first.slice(0, 4)}年` }
        : { en: `${first} to ${last}`, zh: `${Number(first.slice(0, 4))}年${Number(first.slice(5))}月至${Number(last.slice(0, 4))}年${Number(last.slice(5))}月` };
  return { kind: input.kind, firstMonth: first, lastMonth: last, months: monthsBetween(first, last), from: monthStart(first), before: monthStart(addMonths(last, 1)), label };
}

/** The median of a histogram of whole numbers ([value, count] pairs); null when empty. */
export function medianOf(histogram: readonly (readonly [number, number])[]): number | null {
  const sorted = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const at = (k: number): number => {
    let seen = 0;
    for (const [v, n] of sorted) {
      seen += n;
      if (k < seen) return v;
    }
    return sorted[sorted.length - 1][0];
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** Share in percent with one decimal; null when there is nothing to divide by. */
export const percentOf = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** The next `count` days in `zone` from today: [start, next start) of each, UTC ISO, and the date. */
export function daysAhead(now: Date, zone: string, count: number): { date: string; from: string; before: string }[] {
  if (!IANAZone.isValidZone(zone)) throw invalid({ zone: problem('unknownZone', { zone }) });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return Array.from({ length: count }, (_, i) => {
    const start = today.plus({ days: i });
    return { date: start.toISODate()!, from: start.toUTC().toISO()!, before: start.plus({ days: 1 }).toUTC().toISO()! };
  });
}

// Hours as the kept counts store them: 'YYYY-MM-DDTHH' (UTC).
export const hourOf = (iso: string): string => new Date(iso).toISOString().slice(0, 13);
export const hourStart = (hour: string): string => `${hour}:00:00.000Z`;
export const addHours = (hour: string, n: number): string => new Date(Date.parse(hourStart(hour)) + n * 3_600_000).toISOString().slice(0, 13);
/** True when the instant is the start of a UTC hour. */
export const onHour = (iso: string): boolean => Date.parse(iso) % 3_600_000 === 0;
