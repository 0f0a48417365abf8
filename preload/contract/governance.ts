import { z } from 'zod';
import { IsoDate, LocalizedText, RequiredText, ShortText } from './common';
import { Deadline } from './deadlines';

// Company-wide duties (issue 14): the PI protection officer report (CAC notice of 2025-07-18).

export const PioEventKind = z.enum(['reached', 'materialChange', 'reported']);

export const Governance = z.object({
  /** Individuals whose PI the company processes: users, employees and customers together. */
  individualsTotal: z.number().int().nullable(),
  asOf: z.string().nullable(),
  officerName: z.string(),
  officerContact: z.string(),
  /** The threshold as the catalogue holds it, with its rule. */
  threshold: z.number().int(),
  rule: LocalizedText,
  basis: LocalizedText,
  /** Whether the threshold is reached: the report duty then applies. */
  reached: z.boolean(),
  events: z.array(z.object({ seq: z.number().int(), kind: PioEventKind, date: z.string(), note: z.string(), recordedAt: z.string() })),
  deadlines: z.array(Deadline),
});
export type Governance = z.infer<typeof Governance>;

export const governanceChannels = {
  'governance.get': { input: z.object({}).strict().default({}), output: Governance },
  /** A new count, or a new officer or contact (a material change once the officer was reported). */
  'governance.update': {
    input: z
      .object({
        individualsTotal: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
        asOf: IsoDate.optional(),
        officerName: ShortText.optional(),
        officerContact: ShortText.optional(),
        note: ShortText.optional(),
      })
      .strict(),
    output: Governance,
  },
  'governance.recordReport': {
    input: z.object({ date: IsoDate, reference: RequiredText }).strict(),
    output: Governance,
  },
} as const;
