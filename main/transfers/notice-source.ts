import { formatCount } from '../../preload/contract/format';
import type { NoticeSource } from '../shared/notice-source';
import { categoriesIn } from '../shared/pi-vocabulary';
import type { Session } from '../shared/session';
import { TransfersRepo } from './repo';
import { beijingDate } from './lifecycle';
import { parseData, readRecord } from './view';

/**
 * Merge fields for the PIPL Art. 39 separate notice (RULES.md §3, privacy policy §III):
 *   transfer.ref                      register reference (XB-2026-0001)
 *   transfer.recipient.name           overseas recipient's name
 *   transfer.recipient.address        its address
 *   transfer.recipient.country        ISO 3166-1 code (US)
 *   transfer.recipient.countryName.en / .zh   the country or region, named
 *   transfer.recipient.contact        contact person, title, e-mail, phone in one line
 *   transfer.recipient.contactPerson / .email / .phone
 *   transfer.purpose                  purpose of the transfer
 *   transfer.processingMethod         processing method
 *   transfer.piCategories             PI categories
 *   transfer.sensitivePiCategories    sensitive PI categories ("" when none)
 *   transfer.sensitiveNecessity       necessity and effect on the individual (sensitive PI, PIPL Art. 30)
 *   transfer.rightsExercise           how and where to exercise rights against the recipient
 *   transfer.retentionAbroad          retention period abroad (from – to)
 *   transfer.storageLocation          storage location abroad
 *   transfer.transferMethod           transfer method
 *   transfer.onwardRecipients         overseas third parties it may be passed to
 *   transfer.scale                    number of individuals (Annex 1 scale)
 */
function fields(session: Session, recordId: string) {
  const repo = new TransfersRepo(session.db);
  const row = repo.byId(recordId);
  if (!row) return null;
  const d = readRecord(repo, row, Number(beijingDate(session.now()).slice(0, 4)));
  const r = d.recipient;
  const a = d.annex1;
  const name = (lang: string) => new Intl.DisplayNames([lang], { type: 'region' }).of(r.country) ?? r.country;
  const contact = [r.contactPerson, r.contactTitle, r.email, r.phone].filter(Boolean).join(', ');
  return {
    ref: row.ref,
    title: `${r.name} (${r.country})`,
    values: {
      'transfer.ref': row.ref,
      'transfer.recipient.name': r.name,
      'transfer.recipient.address': r.address,
      'transfer.recipient.country': r.country,
      'transfer.recipient.countryName.en': name('en'),
      'transfer.recipient.countryName.zh': name('zh-CN'),
      'transfer.recipient.contact': contact,
      'transfer.recipient.contactPerson': r.contactPerson,
      'transfer.recipient.email': r.email,
      'transfer.recipient.phone': r.phone,
      'transfer.purpose': a.purpose,
      'transfer.processingMethod': a.processingMethod,
      'transfer.piCategories': a.piCategories.join('、'),
      'transfer.sensitivePiCategories': a.sensitivePiCategories.join('、'),
      'transfer.sensitiveNecessity': a.sensitiveNecessity,
      // Falls back to the recipient's contact details when no dedicated channel is recorded.
      'transfer.rightsExercise': r.rightsChannel || [contact, r.address].filter(Boolean).join('; '),
      'transfer.retentionAbroad': a.retentionFrom || a.retentionTo ? `${a.retentionFrom ?? ''} – ${a.retentionTo ?? ''}` : '',
      'transfer.storageLocation': a.storageLocation,
      'transfer.transferMethod': a.transferMethod,
      'transfer.onwardRecipients': a.onwardRecipients,
      'transfer.scale': a.individualsScale?.toString() ?? '',
    },
    // The Art. 39 notice in each language: categories from the bilingual vocabulary, the country named, counts with separators.
    localized: Object.fromEntries(
      (['zh-CN', 'en'] as const).map((lang) => [
        lang,
        {
          'transfer.piCategories': categoriesIn(a.piCategories, lang),
          'transfer.sensitivePiCategories': categoriesIn(a.sensitivePiCategories, lang),
          'transfer.recipient.countryName': name(lang === 'zh-CN' ? 'zh-CN' : 'en'),
          'transfer.scale': a.individualsScale === null ? '' : formatCount(a.individualsScale, lang),
        },
      ]),
    ),
  };
}

export const transfersNoticeSource: NoticeSource = {
  fields,
  /** The Art. 39 notice went out: the transfer now has its notice on record (inside the dispatch tx). */
  onDispatched(session, recordId, dispatch) {
    if (dispatch.kind !== 'transfer.separateConsent') return;
    const repo = new TransfersRepo(session.db);
    const row = repo.byId(recordId);
    if (!row) return;
    const d = parseData(row);
    d.consent = { ...d.consent, noticeId: dispatch.noticeId, noticeSentAt: dispatch.dispatchedAt };
    repo.update({ id: row.id, updated_at: session.now().toISOString(), recipient_name: row.recipient_name, country: row.country, chosen_route: row.chosen_route, filing_state: row.filing_state, next_due_at: row.next_due_at, counted: row.counted, data: JSON.stringify(d) });
    session.audit.append({
      action: 'transfers.noticeDispatched',
      entity: 'transfer',
      entityId: row.id,
      summary: `Transfer ${row.ref}: separate notice (Art. 39) sent by ${dispatch.channel}`,
      details: dispatch,
    });
  },
};
