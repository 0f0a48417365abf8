import { z } from 'zod';
import { Cursor, IsoDate, IsoInstant, LocalizedText, ModuleName, RequiredText } from './common';
import { RegimeCode } from './rules';

// The deadline engine's value, as every module and the board show it. Owned by the
// deadlines module (issue 3); other modules only hand it DeadlineRequests (main/deadlines/model.ts).

/** Stored states. `dueSoon` and `overdue` are derived from `dueAt` and the clock when read. */
export const StoredDeadlineState = z.enum(['open', 'met', 'waived']);
export const DeadlineState = z.enum(['open', 'dueSoon', 'overdue', 'met', 'waived']);
export type DeadlineState = z.infer<typeof DeadlineState>;

export const CalendarUse = z.object({
  country: z.string(),
  /** Years whose official calendar was used. */
  years: z.array(z.number().int()),
  /** Years the period crossed with no calendar loaded: weekends only were assumed. */
  missingYears: z.array(z.number().int()),
  /** Years counted on a provisional calendar (statutory holidays only): the date may move when the year's schedule is loaded. */
  provisionalYears: z.array(z.number().int()),
});
export type CalendarUse = z.infer<typeof CalendarUse>;

export const RuleVersionRef = z.object({
  id: z.string(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  revision: z.number().int(),
  /** "in force from 2026-01-01", in both languages. */
  label: LocalizedText,
  sourceKind: z.enum(['official', 'commentary']),
});

export const Deadline = z.object({
  id: z.string(),
  module: ModuleName,
  recordId: z.string(),
  /** Human reference of the record, e.g. INC-2026-0001. */
  recordRef: z.string(),
  recordTitle: z.string(),
  /** The obligation's key within its record, e.g. "cac.report". */
  key: z.string(),
  ruleKey: z.string(),
  rule: LocalizedText,
  basis: LocalizedText,
  /** 'immediate' clocks (PIPL Art. 57 "immediately") have no fixed due time: they run from start. */
  clock: z.enum(['due', 'immediate']),
  startAt: z.string(),
  dueAt: z.string(),
  zone: z.string(),
  calendar: CalendarUse.nullable(),
  state: DeadlineState,
  metAt: z.string().nullable(),
  metNote: z.string().nullable(),
  waivedReason: z.string().nullable(),
  /** Set when the DPO replaced the computed due time; the reason is in the audit log too. */
  override: z.object({ computedDueAt: z.string(), reason: z.string() }).nullable(),
  explanation: LocalizedText,
  /** How the rule counts (hours, working days...): the board shows a live countdown for hour clocks. */
  periodKind: z.enum(['hours', 'immediate', 'calendarDays', 'workingDays', 'businessDays', 'months', 'years', 'fixedDate']).optional(),
  /** The catalogue version the date was computed with (the one in force at the start). */
  ruleVersion: RuleVersionRef.nullable(),
  /** Set while the date was counted through a year whose official schedule is not loaded. */
  provisional: z.object({ years: z.array(z.number().int()), message: LocalizedText }).nullable(),
});
export type Deadline = z.infer<typeof Deadline>;

/** Every rule of the catalogue (main/deadlines/catalog.ts), by key. */
export const RuleKeyName = z.enum([
  'pipl57.authority',
  'pipl57.individuals',
  'cac.report.4h',
  'cac.report.cii.1h',
  'cac.supplement',
  'cac.summary.30d',
  'minors.report',
  'gdpr33.authority.72h',
  'gdpr34.individuals',
  'ca.residents.30d',
  'ca.ag.15d',
  'uk.ico',
  'ny.residents',
  'ny.regulators',
  'ny.dfs',
  'tx.residents',
  'tx.ag',
  'co.residents',
  'co.ag',
  'wa.residents',
  'wa.ag',
  'fl.residents',
  'fl.dla',
  'scc.filing.10wd',
  'scc.supplement.10wd',
  'scc.refiling.10wd',
  'pipia.retention.3y',
  'records.provision',
  'cert.validity',
  'scc.expiry',
  'request.rights.15wd',
  'request.complaint.15d',
  'gdpr12.response.1m',
  'gdpr12.extended.3m',
  'ccpa.ack',
  'ccpa.response',
  'ccpa.extended',
  'ccpa.optout',
  'uk.response',
  'uk.extended',
  'uk.complaint.ack',
  'hold.networkLogs.6m',
  'hold.transactions.3y',
  'hold.until',
  'target.until',
  'pio.report',
]);

/** A date (YYYY-MM-DD, counted in the rule's zone) or an instant with its offset. */
export const DateOrInstant = z.union([IsoDate, z.iso.datetime({ offset: true })], {
  error: 'A date (YYYY-MM-DD) or a date and time with its offset',
});

/** An IANA zone name such as Asia/Shanghai; checked against the zone database in main. */
export const ZoneName = z.string().min(1).max(64).regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, 'Not a time zone name');

export const RuleInfo = z.object({
  key: RuleKeyName,
  name: LocalizedText,
  basis: LocalizedText,
  periodKind: z.enum(['hours', 'immediate', 'calendarDays', 'workingDays', 'businessDays', 'months', 'years', 'fixedDate']),
  amount: z.number().int().nullable(),
  zone: z.string(),
  country: z.string().nullable(),
});
export type RuleInfo = z.infer<typeof RuleInfo>;

/** The calculator's answer: a deadline that is computed but not stored. */
export const ComputedDeadline = Deadline.pick({
  periodKind: true,
  ruleKey: true,
  rule: true,
  basis: true,
  clock: true,
  startAt: true,
  dueAt: true,
  zone: true,
  calendar: true,
  explanation: true,
  ruleVersion: true,
  provisional: true,
});
export type ComputedDeadline = z.infer<typeof ComputedDeadline>;

/** The board's time buckets, computed in main in the DPO's zone so counts and rows agree. */
export const BoardBounds = z.object({ now: z.string(), endOfToday: z.string(), endOfWeek: z.string(), zone: z.string() });
export type BoardBounds = z.infer<typeof BoardBounds>;

export const DeadlinesListInput = z
  .object({
    /** Absent: every open clock (open, due soon, overdue). */
    state: DeadlineState.optional(),
    module: ModuleName.optional(),
    /** The clocks of one regime's rules (the rule catalogue says which regime each rule is). */
    regime: RegimeCode.optional(),
    /** Due at or after this instant (with dueBefore: one day of the overview's timeline). */
    dueAfter: IsoInstant.optional(),
    dueBefore: IsoInstant.optional(),
    cursor: Cursor,
    limit: z.number().int().min(1).max(500).default(50),
    zone: ZoneName.optional(),
  })
  .strict();

export const BucketCounts = z.object({
  overdue: z.number().int(),
  today: z.number().int(),
  week: z.number().int(),
  later: z.number().int(),
});
export type BucketCounts = z.infer<typeof BucketCounts>;
/** Overdue: a fixed due time passed. "Immediately" duties are in today's bucket (main: boardBucket). */
export const BoardBucket = z.enum(['overdue', 'today', 'week', 'later']);
export type BoardBucket = z.infer<typeof BoardBucket>;

export const DeadlineAlert = z.object({
  deadline: Deadline,
  state: z.enum(['dueSoon', 'overdue']),
  /** When it entered that state. */
  since: z.string(),
});
export type DeadlineAlert = z.infer<typeof DeadlineAlert>;

export const deadlinesChannels = {
  'deadlines.rules': { input: z.object({}).strict().default({}), output: z.object({ rules: z.array(RuleInfo) }) },
  'deadlines.list': {
    input: DeadlinesListInput,
    output: z.object({ items: z.array(Deadline.extend({ bucket: BoardBucket })), nextCursor: z.string().nullable(), bounds: BoardBounds }),
  },
  'deadlines.counts': {
    input: z.object({ zone: ZoneName.optional() }).strict().default({}),
    output: z.object({
      bounds: BoardBounds,
      total: BucketCounts,
      byModule: z.array(BucketCounts.extend({ module: ModuleName })),
      /** Open deadlines counted through a year whose official holiday schedule is not loaded. */
      provisional: z.object({ count: z.number().int(), years: z.array(z.number().int()) }),
    }),
  },
  'deadlines.forRecord': {
    input: z.object({ module: ModuleName, recordId: z.string().min(1).max(64) }).strict(),
    output: z.object({ items: z.array(Deadline) }),
  },
  'deadlines.compute': {
    input: z.object({ rule: RuleKeyName, start: DateOrInstant, until: DateOrInstant.optional() }).strict(),
    output: ComputedDeadline,
  },
  'deadlines.waive': {
    input: z.object({ id: z.string().min(1).max(64), reason: RequiredText }).strict(),
    output: Deadline,
  },
  'deadlines.override': {
    input: z.object({ id: z.string().min(1).max(64), dueAt: IsoInstant, reason: RequiredText }).strict(),
    output: Deadline,
  },
  'deadlines.alerts': {
    input: z.object({ since: IsoInstant.optional() }).strict().default({}),
    output: z.object({ now: z.string(), items: z.array(DeadlineAlert), more: z.boolean() }),
  },
} as const;
