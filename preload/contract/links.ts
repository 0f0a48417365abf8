import { z } from 'zod';
import { Id, LocalizedText, ModuleName } from './common';

// Links between any two records (issue 13): request ↔ incident, incident ↔ transfer, notice ↔
// any. Shown on both sides with the other record's state and next due; linking and unlinking are
// audited. Owned by main/records (migration range 800–899).

export const RecordKey = z.object({ module: ModuleName, recordId: Id }).strict();
export type RecordKey = z.infer<typeof RecordKey>;

/**
 * incidentAtRecipient: the incident happened at the transfer's overseas recipient, which opens a
 * re-assessment of the transfer (PIPIA review and possible re-filing, Standard Contract Measures).
 */
export const LinkRole = z.enum(['related', 'incidentAtRecipient']);
export type LinkRole = z.infer<typeof LinkRole>;

/** Another record as a link shows it: reference, title, state and next due, as its module computes them. */
export const RecordSummary = z.object({
  module: ModuleName,
  recordId: z.string(),
  ref: z.string(),
  title: z.string(),
  state: LocalizedText,
  nextDue: z.object({ at: z.string(), immediate: z.boolean(), overdue: z.boolean() }).nullable(),
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable().optional(),
});
export type RecordSummary = z.infer<typeof RecordSummary>;

export const LinkDto = z.object({
  id: z.string(),
  role: LinkRole,
  /** Notices drafted from a record are linked by the studio itself (its merge source): not removable here. */
  source: z.enum(['link', 'notice']),
  other: RecordSummary,
  createdAt: z.string(),
  createdBy: z.string(),
});
export type LinkDto = z.infer<typeof LinkDto>;

/** A reference found in the record's own text (e.g. a request quoting INC-2026-0001) not yet linked. */
export const LinkSuggestion = z.object({ ref: z.string(), other: RecordSummary, role: LinkRole });

const VoidInput = z.object({ module: ModuleName, recordId: Id, reason: z.string().trim().min(1, 'Required').max(2000) }).strict();

export const linksChannels = {
  /** Voids a record created by mistake: kept and audited, greyed, out of counts and clocks. */
  'records.void': { input: VoidInput, output: RecordSummary },
  /** Puts a voided record back, with the reason (audited). */
  'records.restore': { input: VoidInput, output: RecordSummary },
  'links.list': {
    input: RecordKey,
    output: z.object({ items: z.array(LinkDto), suggestions: z.array(LinkSuggestion) }),
  },
  'links.create': {
    input: z
      .object({
        from: RecordKey,
        /** The other record by its id, or by the reference the DPO typed (INC-2026-0001). */
        to: z.union([RecordKey, z.object({ ref: z.string().trim().min(1, 'Required').max(40) }).strict()]),
        role: LinkRole.optional(),
      })
      .strict(),
    output: z.object({ items: z.array(LinkDto), suggestions: z.array(LinkSuggestion) }),
  },
  'links.remove': {
    input: z.object({ id: Id, from: RecordKey }).strict(),
    output: z.object({ items: z.array(LinkDto), suggestions: z.array(LinkSuggestion) }),
  },
} as const;
