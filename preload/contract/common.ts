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

/**
 * Free text the DPO typed once, in either language, with an optional translation (issue 13): a
 * Chinese notice prints `zh`, an English one `en`; a missing side prints the other, with a warning.
 */
export const TranslatableText = z.object({ zh: z.string(), en: z.string() });
export type TranslatableText = z.infer<typeof TranslatableText>;

const HAN = /\p{Script=Han}/u;
/** A plain string is filed by its script: any Han character → Chinese, else English. */
export const typedInChinese = (s: string): boolean => HAN.test(s);

/** The pair of a stored or typed value: a pair as is, a plain string by its script, nothing as empty. */
export function asTranslatable(v: unknown): TranslatableText {
  if (typeof v === 'string') return typedInChinese(v) ? { zh: v, en: '' } : { zh: '', en: v };
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return { zh: typeof o.zh === 'string' ? o.zh : '', en: typeof o.en === 'string' ? o.en : '' };
  }
  return { zh: '', en: '' };
}

export const hasText = (t: TranslatableText): boolean => t.zh.trim() !== '' || t.en.trim() !== '';

/** The text a language shows: its own version, else the other one (then `fallback` says so). */
export function textIn(t: TranslatableText, lang: Language): { text: string; fallback: boolean } {
  const own = lang === 'zh-CN' ? t.zh : t.en;
  if (own.trim()) return { text: own, fallback: false };
  const other = lang === 'zh-CN' ? t.en : t.zh;
  return { text: other, fallback: other.trim() !== '' };
}

/** One string for places without a language (search, the audit summary): the versions typed, Chinese first. */
export const eitherWay = (t: TranslatableText): string => [t.zh, t.en].filter((s) => s.trim()).join('\n');

/**
 * Input of a translatable fact: the pair, or a plain string filed by its script. Wrong types and
 * over-long versions are refused at the field's own path (never at `.zh`/`.en`).
 */
export const translatableInput = (max: number) =>
  z
    .union([z.string(), z.object({ zh: z.string(), en: z.string() }).strict()], {
      error: 'Expected a text, or a Chinese and an English version',
    })
    .transform(asTranslatable)
    .refine((t) => t.zh.length <= max && t.en.length <= max, { error: `At most ${max.toLocaleString('en')} characters in each language` });

/** A long free-text fact with an optional translation. */
export const TranslatableLongText = translatableInput(100_000);
