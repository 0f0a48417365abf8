import { z } from 'zod';
import { IsoDate, LocalizedText, RequiredText } from './common';
import { RecomputeEffects } from './rules';

// Country calendars: public holidays and the weekend days declared working days, per year.

const Country = z.string().regex(/^[A-Z]{2}$/, 'A two-letter country code such as CN');
export const CountryCode = Country.default('CN');
export const CalendarYearNumber = z.number().int().min(2000).max(2100);

export const CalendarDayInput = z
  .object({ date: IsoDate, name: LocalizedText.nullable().optional() })
  .strict();

export const CalendarDayDto = z.object({ date: z.string(), name: LocalizedText.nullable() });

export const CalendarYearDto = z.object({
  country: z.string(),
  year: z.number().int(),
  source: z.string(),
  origin: z.enum(['shipped', 'edited', 'imported']),
  loadedAt: z.string(),
  holidays: z.array(CalendarDayDto),
  workdays: z.array(CalendarDayDto),
});
export type CalendarYearDto = z.infer<typeof CalendarYearDto>;

/** Shared by edit and import: look before you replace, and confirm a removal of most days. */
const ChangeFlags = {
  /** Work out the change (the counts) and write nothing. */
  dryRun: z.boolean().default(false),
  /** Required when the change removes more than half of the year's loaded days. */
  confirmRemoval: z.boolean().default(false),
};

export const CalendarUpsertYear = z
  .object({
    country: CountryCode,
    year: CalendarYearNumber,
    /** Where the DPO took the dates from (the notice), shown beside the year. */
    source: RequiredText,
    holidays: z.array(CalendarDayInput).max(366),
    workdays: z.array(CalendarDayInput).max(366),
    ...ChangeFlags,
  })
  .strict();

export const CalendarImport = z
  .object({
    country: CountryCode,
    year: CalendarYearNumber,
    source: RequiredText,
    format: z.enum(['json', 'csv']),
    /** JSON: { holidays: [...], workdays: [...] } or [{ date, kind, name? }]; CSV: date,kind[,name]. */
    text: z.string().min(1, 'The file is empty').max(200_000),
    ...ChangeFlags,
  })
  .strict();

/** Days loaded before and after, added and removed (holidays and declared working days together). */
export const CalendarChangeCounts = z.object({
  before: z.number().int(),
  after: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  /** More than half of the loaded days would go: send confirmRemoval to go on. */
  needsConfirmation: z.boolean(),
});

/**
 * What a calendar change did (or, for a dry run, would do): the year, how many stored deadlines
 * were recomputed, and the counts of days that change.
 */
export const CalendarChange = z.object({
  year: CalendarYearDto,
  recomputed: z.number().int(),
  change: CalendarChangeCounts,
  stored: z.boolean(),
  /** Which stored deadlines move (or would, for a dry run), and by how much. */
  effects: RecomputeEffects,
});

/**
 * Where a year stands: `official` (the State Council's schedule is loaded), `provisional` (not
 * loaded: counted on the statutory holidays of the Holiday Measures) or `missing` (nothing to
 * count on but weekends).
 */
export const CalendarYearStatus = z.object({
  year: z.number().int(),
  status: z.enum(['official', 'provisional', 'missing']),
  source: z.string().nullable(),
  loadedAt: z.string().nullable(),
  /** The days off a provisional year is counted on (computed), or the loaded ones. */
  holidays: z.array(CalendarDayDto),
  /** Open deadlines counted through this year while it is provisional. */
  provisionalDeadlines: z.number().int(),
});
export const CalendarStatus = z.object({
  country: z.string(),
  years: z.array(CalendarYearStatus),
  /** Where to get the official notice, in both languages. */
  whereToGet: LocalizedText,
  basis: LocalizedText,
});

export const calendarChannels = {
  'calendar.list': {
    input: z.object({ country: Country.optional() }).strict().default({}),
    output: z.object({ years: z.array(CalendarYearDto) }),
  },
  'calendar.upsertYear': { input: CalendarUpsertYear, output: CalendarChange },
  'calendar.import': { input: CalendarImport, output: CalendarChange },
  'calendar.status': { input: z.object({ country: Country.optional() }).strict().default({}), output: CalendarStatus },
} as const;
