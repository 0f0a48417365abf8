import { textIn, type Language, type LocalizedText, type TranslatableText } from '../../preload/contract/common';
import type { Session } from './session';

/** Per language, the merge fields that print the text as typed in the other language, with the fact's label. */
export type TextFallbacks = Partial<Record<Language, Record<string, LocalizedText>>>;

/**
 * The merge values of free-text facts typed once with an optional translation: each language
 * prints its own version, else the typed one — and says so in `fallbacks`, so the notice
 * checklist can warn (issue 13: a Chinese notice never prints English silently).
 */
export function translatableFields(facts: Record<string, { text: TranslatableText; label: LocalizedText }>): {
  values: Record<string, string>;
  localized: Record<Language, Record<string, string>>;
  fallbacks: Record<Language, Record<string, LocalizedText>>;
} {
  const values: Record<string, string> = {};
  const localized: Record<Language, Record<string, string>> = { 'zh-CN': {}, en: {} };
  const fallbacks: Record<Language, Record<string, LocalizedText>> = { 'zh-CN': {}, en: {} };
  for (const [name, { text, label }] of Object.entries(facts)) {
    // Without a language (a field check, a condition), the text as typed: Chinese first.
    values[name] = textIn(text, 'zh-CN').text;
    for (const lang of ['zh-CN', 'en'] as const) {
      const shown = textIn(text, lang);
      localized[lang][name] = shown.text;
      if (shown.fallback) fallbacks[lang][name] = label;
    }
  }
  return { values, localized, fallbacks };
}

/**
 * How the notice studio reads a linked record without reaching into another module's tables:
 * each module that notices can be drafted from implements one of these in its own
 * `notice-source.ts`, and main/notices registers them.
 */
export interface NoticeSource {
  /** Merge fields of the record, e.g. { 'incident.ref': 'INC-2026-0001', 'incident.piCategories': '…' }. Null when absent. */
  fields(
    session: Session,
    recordId: string,
  ): {
    ref: string;
    title: string;
    values: Record<string, string>;
    /** The same fields as each language writes them (dates, numbers, names, categories); they win over `values` there. */
    localized?: Partial<Record<'zh-CN' | 'en', Record<string, string>>>;
    /** Fields whose text a language prints as typed in the other one (see translatableFields). */
    fallbacks?: TextFallbacks;
  } | null;
  /**
   * Circumstances the record itself settles for a notice drafted from it (e.g. a request whose
   * decision is a refusal makes a reply's refusal elements required). The DPO cannot turn them off.
   */
  conditions?(session: Session, recordId: string): Partial<Record<'sensitivePi' | 'lateNotice' | 'refusal' | 'ssnOrId', boolean>>;
  /**
   * Told, inside the dispatch transaction, that a notice linked to this record was sent, so
   * the module can meet its duty (an incident obligation, a request's reply deadline...).
   */
  onDispatched?(session: Session, recordId: string, dispatch: { noticeId: string; noticeRef: string; kind: string; dispatchedAt: string; channel: string; conditions?: Record<string, boolean> }): void;
}
