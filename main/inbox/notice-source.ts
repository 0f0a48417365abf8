// The inbox as the notice studio sees it: merge fields of one request for the reply, and what a
// dispatched reply means (the reply deadline is met; the request moves to answered or refused).
import type { DecisionOutcome, HoldKind, RefusalGround, RequestType } from '../../preload/contract/inbox';
import { listRecordDeadlines } from '../deadlines/service';
import { translatableFields, type NoticeSource } from '../shared/notice-source';
import { pairFromColumn } from '../shared/translatable';
import type { Session } from '../shared/session';
import { markReplySent } from './handling';
import { holdBasisOf, refusalGroundsOf } from './grounds';
import { DEADLINE_KEYS, DECISION_LABEL, MODULE, REQUEST_TYPE_LABEL, RIGHT_TO_COMPLAIN } from './model';
import { InboxRepo } from './repo';

/*
 * Merge fields of a request (the studio puts them under "request."). Plain text; instants as
 * stored (UTC ISO-8601); dates YYYY-MM-DD; empty facts as "". Localised facts come twice: the
 * bare name in English and the same name + "Zh" in Chinese (as the incidents source does).
 *   request.ref, request.subject, request.requesterName, request.requesterContact,
 *   request.guardianName, request.jurisdiction, request.state,
 *   request.type / request.typeZh (what was asked, in the requester's words),
 *   request.receivedAt, request.dueAt (the earliest reply deadline),
 *   request.decision / request.decisionZh (a sentence saying fulfilled / partly / refused),
 *   request.actionsTaken,
 *   request.refusalGround / request.refusalGroundZh (the ground's text from the privacy policy §V),
 *   request.refusalGroundNumber ("1"–"9"), request.refusalReasons,
 *   request.rightToComplain / request.rightToComplainZh (PIPL Art. 50; for EU requesters also GDPR Art. 12(4)),
 *   request.holds / request.holdsZh (one line per hold: what is kept, until when, and why),
 *   request.decisionText / request.decisionTextZh (the decision sentence and, when something was
 *   done, what was done: the reply's "decision" element, filled from the recorded decision).
 */
export const REQUEST_MERGE_FIELDS = [
  'ref', 'subject', 'requesterName', 'requesterContact', 'guardianName', 'jurisdiction', 'state', 'type', 'typeZh',
  'receivedAt', 'dueAt', 'decision', 'decisionZh', 'actionsTaken', 'refusalGround', 'refusalGroundZh',
  'refusalGroundNumber', 'refusalReasons', 'rightToComplain', 'rightToComplainZh', 'holds', 'holdsZh',
  'decisionText', 'decisionTextZh',
] as const;

function fields(session: Session, recordId: string) {
  const repo = new InboxRepo(session.db);
  const row = repo.get(recordId);
  if (!row) return null;
  const ground = row.refusal_ground as RefusalGround | null;
  const decision = row.decision_outcome as DecisionOutcome | null;
  const type = REQUEST_TYPE_LABEL[row.type as RequestType];
  const complain = row.jurisdiction === 'EU' ? [RIGHT_TO_COMPLAIN.CN, RIGHT_TO_COMPLAIN.EU] : row.jurisdiction === 'UK' ? [RIGHT_TO_COMPLAIN.CN, RIGHT_TO_COMPLAIN.UK] : [RIGHT_TO_COMPLAIN.CN];
  const GROUNDS = refusalGroundsOf(session).grounds;
  const deadlines = listRecordDeadlines(session, MODULE, row.id);
  const holds = repo.holds(row.id).map((h) => {
    const until = deadlines.find((d) => d.key === DEADLINE_KEYS.hold(h.id))?.dueAt.slice(0, 10) ?? h.until_date ?? '';
    const basis = holdBasisOf(session, h.kind as HoldKind, h.from_date);
    return { en: `${h.description} — kept until ${until} (${basis.en})`, zh: `${h.description}——保存至${until}（${basis.zh}）` };
  });
  // Issue 13: what was done and why it was refused print in each language's own version; where
  // one is missing the typed text prints and the checklist names the field.
  const texts = translatableFields({
    'request.actionsTaken': { text: pairFromColumn(row.decision_actions), label: { en: 'Actions taken', zh: '已采取的措施' } },
    'request.refusalReasons': { text: pairFromColumn(row.refusal_reasons), label: { en: 'Reasons for the refusal', zh: '拒绝的理由' } },
  });
  const decisionTextIn = (lang: 'zh-CN' | 'en') =>
    decision ? [DECISION_LABEL[decision][lang === 'en' ? 'en' : 'zh'], texts.localized[lang]['request.actionsTaken']].filter(Boolean).join('\n') : '';
  const values: Record<(typeof REQUEST_MERGE_FIELDS)[number], string> = {
    ref: row.ref,
    subject: row.subject,
    requesterName: row.requester_name,
    requesterContact: row.requester_contact,
    guardianName: row.guardian_name ?? '',
    jurisdiction: row.jurisdiction,
    state: row.state,
    type: type.en,
    typeZh: type.zh,
    receivedAt: row.received_at,
    dueAt: row.due_at ?? '',
    decision: decision ? DECISION_LABEL[decision].en : '',
    decisionZh: decision ? DECISION_LABEL[decision].zh : '',
    actionsTaken: texts.values['request.actionsTaken'],
    refusalGround: ground ? GROUNDS[ground].text.en : '',
    refusalGroundZh: ground ? GROUNDS[ground].text.zh : '',
    refusalGroundNumber: ground ? String(GROUNDS[ground].n) : '',
    refusalReasons: texts.values['request.refusalReasons'],
    rightToComplain: complain.map((c) => c.en).join(' '),
    rightToComplainZh: complain.map((c) => c.zh).join(''),
    holds: holds.map((h) => h.en).join('\n'),
    holdsZh: holds.map((h) => h.zh).join('\n'),
    decisionText: decisionTextIn('en'),
    decisionTextZh: decisionTextIn('zh-CN'),
  };
  // In a Chinese reply the same fields read in Chinese (the templates name one field for both).
  const zh: Record<string, string> = {
    type: values.typeZh,
    decision: values.decisionZh,
    decisionText: values.decisionTextZh,
    refusalGround: values.refusalGroundZh,
    rightToComplain: values.rightToComplainZh,
    holds: values.holdsZh,
  };
  return {
    ref: row.ref,
    title: `${row.requester_name}: ${row.subject}`,
    values: Object.fromEntries(Object.entries(values).map(([k, v]) => [`request.${k}`, v])),
    localized: {
      'zh-CN': { ...Object.fromEntries(Object.entries(zh).map(([k, v]) => [`request.${k}`, v])), ...texts.localized['zh-CN'] },
      en: { ...texts.localized.en, 'request.decisionText': decisionTextIn('en') },
    },
    // The reply's decision text carries what was done: it falls back exactly when that does.
    fallbacks: Object.fromEntries(
      (['zh-CN', 'en'] as const).map((lang) => {
        const own = texts.fallbacks[lang];
        const actions = own['request.actionsTaken'];
        return [lang, actions ? { ...own, 'request.decisionText': actions } : own];
      }),
    ),
  };
}

/** A refusal, whole or partial, makes the reply's ground, reasons and right-to-complain required (PIPL Art. 50). */
function conditions(session: Session, recordId: string) {
  const row = new InboxRepo(session.db).get(recordId);
  const decision = row?.decision_outcome as DecisionOutcome | null | undefined;
  return decision ? { refusal: decision !== 'fulfilled' } : {};
}

export const inboxNoticeSource: NoticeSource = {
  fields,
  conditions,
  onDispatched(session, recordId, dispatch) {
    // Only the reply answers the request; other notices linked to it change nothing here.
    if (dispatch.kind !== 'reply') return;
    markReplySent(session, recordId, { at: dispatch.dispatchedAt, via: `notice ${dispatch.noticeRef}, ${dispatch.channel}` });
  },
};
