import { parse } from 'csv-parse/sync';
import type { CalendarDay } from './model';
import { fieldMap } from '../shared/input-guard';
import { type Problem, problem } from '../shared/errors';

// Parses a DPO's calendar file: pure, no I/O. Bad rows are named by line so the DPO can fix them.

export interface ParsedCalendar {
  holidays: CalendarDay[];
  workdays: CalendarDay[];
}
export type ParseResult = { ok: true; value: ParsedCalendar } | { ok: false; problems: Record<string, Problem> };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOLIDAY_WORDS = new Set(['holiday', 'off', 'rest', '休', '假', '休息', '节假日']);
const WORKDAY_WORDS = new Set(['workday', 'work', 'working', '班', '上班', '调休上班', '工作日']);

function realDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function kindOf(word: string): 'holiday' | 'workday' | null {
  const w = word.trim().toLowerCase();
  if (HOLIDAY_WORDS.has(w)) return 'holiday';
  if (WORKDAY_WORDS.has(w)) return 'workday';
  return null;
}

const nameOf = (en?: string, zh?: string): CalendarDay['name'] => {
  const e = en?.trim() ?? '';
  const z = zh?.trim() ?? '';
  return e || z ? { en: e || z, zh: z || e } : null;
};

/** CSV: one date a line, `date,kind[,name_en[,name_zh]]`; an optional header line starting with "date". */
export function parseCalendarCsv(text: string): ParseResult {
  const problems = fieldMap<Problem>();
  const out: ParsedCalendar = { holidays: [], workdays: [] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, problems: { [`line.${line ?? 1}`]: problem('calendarCsvQuotes') } };
  }
  for (const { record, info } of records) {
    const [date = '', kind = '', en, zh] = record;
    if (info.lines === 1 && date.toLowerCase() === 'date') continue;
    const key = `line.${info.lines}`;
    const k = kindOf(kind);
    if (!realDate(date)) problems[key] = problem('calendarLineDate', { where: `Line ${info.lines}`, value: `"${date}"` });
    else if (!k) problems[key] = problem('calendarLineKind', { where: `Line ${info.lines}`, value: kind });
    else (k === 'holiday' ? out.holidays : out.workdays).push({ date, name: nameOf(en, zh) });
  }
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, value: out };
}

/** The 1-based line of a character offset. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * JSON: `{ "holidays": [date | {date, name}], "workdays": [...] }` or `[{ "date", "kind", "name"? }]`.
 * A bad entry is named by its line (found from its position in the text) and its path.
 */
export function parseCalendarJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const pos = /position (\d+)/.exec(String((error as Error).message));
    const line = pos ? lineAt(text, Number(pos[1])) : 1;
    return { ok: false, problems: { [`line.${line}`]: problem('calendarLineJson', { line }) } };
  }
  const problems = fieldMap<Problem>();
  const out: ParsedCalendar = { holidays: [], workdays: [] };
  let searchFrom = 0;
  const locate = (date: unknown): number => {
    const needle = JSON.stringify(date);
    const at = typeof date === 'string' ? text.indexOf(needle, searchFrom) : -1;
    if (at >= 0) searchFrom = at + needle.length;
    return at >= 0 ? lineAt(text, at) : 0;
  };
  const take = (entry: unknown, kind: 'holiday' | 'workday' | null, path: string) => {
    const obj = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : null;
    const date = obj ? obj.date : entry;
    const line = locate(date);
    const where = line ? `Line ${line}` : path;
    const key = line ? `line.${line}` : path;
    const k = kind ?? (typeof obj?.kind === 'string' ? kindOf(obj.kind) : null);
    const name = obj?.name;
    if (typeof date !== 'string' || !realDate(date)) problems[key] = problem('calendarLineDate', { where, value: JSON.stringify(date ?? null) });
    else if (!k) problems[key] = problem('calendarKind', { where });
    else {
      const n =
        typeof name === 'string'
          ? nameOf(name)
          : typeof name === 'object' && name !== null
            ? nameOf(String((name as Record<string, unknown>).en ?? ''), String((name as Record<string, unknown>).zh ?? ''))
            : null;
      (k === 'holiday' ? out.holidays : out.workdays).push({ date, name: n });
    }
  };
  if (Array.isArray(data)) data.forEach((e, i) => take(e, null, `entries.${i}`));
  else if (typeof data === 'object' && data !== null) {
    const { holidays, workdays } = data as Record<string, unknown>;
    if (!Array.isArray(holidays) && !Array.isArray(workdays)) return { ok: false, problems: { text: problem('calendarLists') } };
    (Array.isArray(holidays) ? holidays : []).forEach((e, i) => take(e, 'holiday', `holidays.${i}`));
    (Array.isArray(workdays) ? workdays : []).forEach((e, i) => take(e, 'workday', `workdays.${i}`));
  } else return { ok: false, problems: { text: problem('calendarJson') } };
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, value: out };
}
