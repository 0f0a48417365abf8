import { z } from 'zod';
import { IsoDate, LocalizedText, RequiredText } from './common';

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

export const CalendarUpsertYear = z
  .object({
    country: CountryCode,
    year: CalendarYearNumber,
    /** Where the DPO took the dates from (the notice), shown beside the year. */
    source: RequiredText,
    holidays: z.array(CalendarDayInput).max(366),
    workdays: z.array(CalendarDayInput).max(366),
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
  })
  .strict();

/** What a calendar change did: the stored year and how many stored deadlines were recomputed. */
export const CalendarChange = z.object({ year: CalendarYearDto, recomputed: z.number().int() });

export const calendarChannels = {
  'calendar.list': {
    input: z.object({ country: Country.optional() }).strict().default({}),
    output: z.object({ years: z.array(CalendarYearDto) }),
  },
  'calendar.upsertYear': { input: CalendarUpsertYear, output: CalendarChange },
  'calendar.import': { input: CalendarImport, output: CalendarChange },
} as const;
