import { z } from 'zod';
import { LocalizedText, ModuleName } from './common';

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
});
export type Deadline = z.infer<typeof Deadline>;

export const deadlinesChannels = {} as const;
