import type { Session } from './session';

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
