import { z } from 'zod';
import { Id, Language, LocalizedText, ModuleName } from './common';
import { ZoneName } from './deadlines';
import { JobInfo } from './jobs';
import { RegimeCode } from './rules';
import { ChosenRoute, FilingState, RecommendedRoute } from './transfers';

// The DPO's overview (issue 17): the state of the whole programme at a glance, every figure
// computed in main (the renderer draws it). Each element carries the instants its list filter
// needs, so a click opens the list filtered to exactly what was counted.

/** A month as YYYY-MM. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM');

/** This quarter / this year (through the current month, Beijing), or a custom run of months. */
export const OverviewPeriod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quarter') }).strict(),
  z.object({ kind: z.literal('year') }).strict(),
  z.object({ kind: z.literal('custom'), from: Month, to: Month }).strict(),
]);
export type OverviewPeriod = z.infer<typeof OverviewPeriod>;

export const OverviewInput = z
  .object({
    period: OverviewPeriod.default({ kind: 'quarter' }),
    /** The display zone: the timeline's days are counted in it. */
    zone: ZoneName.optional(),
  })
  .strict();

const Count = z.number().int();
/** [from, before) as UTC instants: what a list filter takes. */
const Span = { from: z.string(), before: z.string() };

export const ObligationCounts = z.object({ overdue: Count, dueSoon: Count, open: Count });
export type ObligationCounts = z.infer<typeof ObligationCounts>;

export const RequestMonth = z.object({
  month: Month,
  ...Span,
  received: Count,
  answered: Count,
  answeredOnTime: Count,
  /** null when nothing was answered in the month. */
  onTimePercent: z.number().nullable(),
  /** Whole days from receipt to reply, the median of the month's replies; null when none. */
  medianDays: z.number().nullable(),
});
export type RequestMonth = z.infer<typeof RequestMonth>;

export const GradeCounts = z.object({ general: Count, relativelyMajor: Count, major: Count, particularlyMajor: Count });
export type GradeCounts = z.infer<typeof GradeCounts>;

export const IncidentQuarter = z.object({
  /** 2026-Q1 */
  quarter: z.string(),
  /** The months of the quarter inside the period (a custom period may cut a quarter). */
  months: z.array(Month),
  ...Span,
  byGrade: GradeCounts,
  total: Count,
});
export type IncidentQuarter = z.infer<typeof IncidentQuarter>;

export const RouteRow = z.object({ route: ChosenRoute, byFilingState: z.record(FilingState, Count), total: Count });
export type RouteRow = z.infer<typeof RouteRow>;

export const ThresholdBar = z.object({
  key: z.string(),
  label: LocalizedText,
  count: Count,
  limit: Count,
  reached: z.boolean(),
  routeAtLimit: RecommendedRoute,
  basis: LocalizedText,
});
export type ThresholdBar = z.infer<typeof ThresholdBar>;

export const TimelineDay = z.object({
  /** YYYY-MM-DD in the zone. */
  date: z.string(),
  ...Span,
  /**
   * The board's filter for exactly the clocks counted (deadlines.list takes due times at or after
   * dueAfter and at or before dueBefore): today's from now on, up to the last instant of the day.
   */
  list: z.object({ dueAfter: z.string(), dueBefore: z.string() }),
  byModule: z.record(ModuleName, Count),
  total: Count,
});
export type TimelineDay = z.infer<typeof TimelineDay>;

export const OverviewFigures = z.object({
  now: z.string(),
  period: z.object({ kind: z.enum(['quarter', 'year', 'custom']), firstMonth: Month, lastMonth: Month, ...Span, label: LocalizedText }),
  /** Months and quarters are counted in Beijing time (the company's zone, like the quarter figures). */
  periodZone: z.string(),
  /** Open clocks now, by regime of their rule (the catalogue's), overdue / due soon / open. */
  obligations: z.object({
    /** Each regime with its name (main's words, one home for both the page and the report). */
    byRegime: z.array(ObligationCounts.extend({ regime: RegimeCode, name: LocalizedText })),
    total: ObligationCounts,
    /** Hours ahead that count as due soon (Settings). */
    dueSoonHours: z.number(),
  }),
  requests: z.object({
    months: z.array(RequestMonth),
    total: RequestMonth.omit({ month: true }).extend({ month: z.null() }),
  }),
  incidents: z.object({ quarters: z.array(IncidentQuarter), total: GradeCounts.extend({ total: Count }) }),
  transfers: z.object({
    byRoute: z.array(RouteRow),
    total: Count,
    /** The company's totals this year against the route thresholds (2024 Provisions, from the catalogue). */
    thresholds: z.object({ year: z.number().int(), nonSensitive: Count, sensitive: Count, bars: z.array(ThresholdBar), route: RecommendedRoute, reason: LocalizedText, basis: LocalizedText }),
  }),
  /** The next 30 days of fixed-time clocks, by day in the display zone and module. */
  timeline: z.object({ zone: z.string(), days: z.array(TimelineDay), total: Count }),
});
export type OverviewFigures = z.infer<typeof OverviewFigures>;

export const OverviewExportFormat = z.enum(['pdf', 'xlsx']);

export const overviewChannels = {
  'overview.figures': { input: OverviewInput, output: OverviewFigures },
  /** The overview's figures as one PDF page (management report) or an XLSX workbook: a session job. */
  'overview.export': {
    input: z
      .object({ period: OverviewPeriod.default({ kind: 'quarter' }), zone: ZoneName.optional(), format: OverviewExportFormat, language: Language.default('zh-CN'), grantId: Id })
      .strict(),
    output: JobInfo,
  },
} as const;
