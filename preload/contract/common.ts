import { z } from 'zod';

/** An instant, accepted with any offset and normalised to UTC ISO-8601 ("…Z"). */
export const IsoInstant = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s).toISOString());

/** A calendar date, YYYY-MM-DD, that exists (2026-02-30 is refused). */
export const IsoDate = z.iso.date();

export const Id = z.string().min(1).max(64);
export const ShortText = z.string().trim().max(500);
export const LongText = z.string().max(100_000);
export const RequiredText = z.string().trim().min(1, 'Required').max(500);

export const LocalizedText = z.object({ en: z.string(), zh: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const Language = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof Language>;

/** Where the people are: PRC, the EU, the UK, the US states with their own breach-notice clocks, elsewhere. */
export const Jurisdiction = z.enum(['CN', 'EU', 'UK', 'US-CA', 'US-NY', 'US-TX', 'US-CO', 'US-WA', 'US-FL', 'OTHER']);
export type Jurisdiction = z.infer<typeof Jurisdiction>;

/** governance: company-wide duties such as the PI protection officer report (issue 14). */
export const ModuleName = z.enum(['incidents', 'notices', 'transfers', 'inbox', 'governance']);
export type ModuleName = z.infer<typeof ModuleName>;

/** A record voided as created by mistake: when, by whom, why (issue 13). */
export const VoidMark = z.object({ at: z.string(), by: z.string(), reason: z.string() });
export type VoidMark = z.infer<typeof VoidMark>;
/**
 * "Show voided" on a register list: voided records are listed too (greyed, with the reason),
 * still out of the total. Default: out of the list.
 */
export const ShowVoided = z.boolean().optional();

/** Keyset pagination: the cursor is opaque to the renderer. */
export const Cursor = z.string().max(512).nullable().optional();
export const PageLimit = z.number().int().min(1).max(500).default(50);

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int() });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export const Empty = z.object({}).strict().default({});
