import { pairFromColumn } from '../shared/translatable';
// Stored rows → the values the renderer shows. Reads only.
import type { Deadline } from '../../preload/contract/deadlines';
import type {
  EmlProblem,
  DecisionOutcome,
  HoldKind,
  InboxRequest,
  RefusalGround,
  RequestState,
  RequestSummary,
  RequestType,
} from '../../preload/contract/inbox';
import { listRecordDeadlines } from '../deadlines/service';
import { getSettings } from '../settings/service';
import { notFound } from '../shared/errors';
import { voidMarkOf } from '../shared/record-ports';
import type { Session } from '../shared/session';
import { holdBasisOf, minorsRefusalRule, refusalGroundsOf } from './grounds';
import { DEADLINE_KEYS, MODULE, OPEN_STATES, TRANSITIONS, type RequestRow } from './model';
import type { InboxRepo, SummaryRow } from './repo';
import { deadlineFactsOf } from './clock';
import { clockStopAllowed, EXTENDABLE, replyDueState } from './rules';

export function toSummary(r: SummaryRow, now: Date, dueSoonHours: number): RequestSummary {
  const state = r.state as RequestState;
  return {
    id: r.id,
    ref: r.ref,
    subject: r.subject,
    requesterName: r.requester_name,
    type: r.type as RequestType,
    state,
    jurisdiction: r.jurisdiction as RequestSummary['jurisdiction'],
    channel: r.channel as RequestSummary['channel'],
    receivedAt: r.received_at,
    dueAt: r.due_at,
    dueState: replyDueState(r.due_at, { state, replySentAt: r.reply_sent_at }, now, dueSoonHours),
    voided: voidMarkOf(r),
  };
}

/** Minors Regulations Art. 34(3), when the request is a minor's (or a guardian's) and it is refused in whole or part. */
export function writtenRefusal(session: Session, row: RequestRow): { rule: { en: string; zh: string }; basis: { en: string; zh: string } } | null {
  if (row.is_minor !== 1 || !row.decision_outcome || row.decision_outcome === 'fulfilled') return null;
  const rule = minorsRefusalRule(session);
  return rule?.inWriting ? { rule: rule.rule, basis: rule.basis } : null;
}

export function loadRow(repo: InboxRepo, id: string): RequestRow {
  const row = repo.get(id);
  if (!row) throw notFound('Request', id);
  return row;
}

/** The full request as the detail screen shows it, with its clocks from the engine. */
export function toRequest(session: Session, repo: InboxRepo, row: RequestRow, deadlines?: Deadline[]): InboxRequest {
  const settings = getSettings(session);
  const now = session.now();
  const clocks = deadlines ?? listRecordDeadlines(session, MODULE, row.id);
  const ground = row.refusal_ground as RefusalGround | null;
  return {
    ...toSummary(row, now, settings.dueSoonHours),
    receivedAtReason: row.received_at_reason,
    requester: { name: row.requester_name, contact: row.requester_contact, accountId: row.requester_account },
    isMinor: row.is_minor === 1,
    guardian: row.guardian_name !== null ? { name: row.guardian_name, contact: row.guardian_contact ?? '' } : null,
    representative: row.rep_kind
      ? { kind: row.rep_kind as 'agent' | 'nextOfKin', name: row.rep_name ?? '', contact: row.rep_contact ?? '', relationship: row.rep_relationship ?? '' }
      : null,
    internalTarget: row.internal_target,
    messageId: row.message_id,
    decision: row.decision_outcome
      ? {
          outcome: row.decision_outcome as DecisionOutcome,
          actionsTaken: pairFromColumn(row.decision_actions),
          refusalGround: ground,
          refusalGroundText: ground ? refusalGroundsOf(session).grounds[ground].text : null,
          refusalReasons: pairFromColumn(row.refusal_reasons),
          decidedAt: row.decided_at ?? '',
          decidedBy: row.decided_by ?? '',
          writtenRefusal: writtenRefusal(session, row),
        }
      : null,
    identityChecks: repo.identityChecks(row.id).map((c) => ({
      id: c.id,
      method: c.method as InboxRequest['identityChecks'][number]['method'],
      verifiedBy: c.verified_by,
      verifiedAt: c.verified_at,
      outcome: c.outcome as InboxRequest['identityChecks'][number]['outcome'],
      accountChecked: c.account_checked === 1,
      note: c.note,
    })),
    pauses: repo.pauses(row.id).map((p) => ({ startedAt: p.started_at, endedAt: p.ended_at, reason: p.reason, kind: p.kind })),
    pauseClockForIdentity: settings.pauseClockForIdentity,
    clockStop: {
      allowed: clockStopAllowed(deadlineFactsOf(session, repo, row)),
      open: (() => {
        const p = repo.pauses(row.id).find((x) => x.kind === 'stopClock' && x.ended_at === null);
        return p ? { startedAt: p.started_at, reason: p.reason } : null;
      })(),
    },
    extension: row.extension_notice_at ? { noticeSentAt: row.extension_notice_at, reasons: row.extension_reasons ?? '' } : null,
    extendable:
      EXTENDABLE[row.jurisdiction] && row.type !== 'complaint' && !row.extension_notice_at && OPEN_STATES.includes(row.state as RequestState) && clocks.some((d) => d.key === EXTENDABLE[row.jurisdiction].reply)
        ? { basis: EXTENDABLE[row.jurisdiction].basis }
        : null,
    replySentAt: row.reply_sent_at,
    holds: repo.holds(row.id).map((h) => ({
      id: h.id,
      kind: h.kind as HoldKind,
      description: h.description,
      from: h.from_date,
      until: h.until_date,
      clearedAt: h.cleared_at,
      basis: holdBasisOf(session, h.kind as HoldKind, h.from_date),
      deadline: clocks.find((d) => d.key === DEADLINE_KEYS.hold(h.id)) ?? null,
    })),
    messages: repo.messages(row.id).map((m) => ({
      id: m.id,
      direction: m.direction as 'in' | 'out',
      at: m.at,
      channel: m.channel as RequestSummary['channel'],
      from: m.from_addr,
      to: m.to_addr,
      subject: m.subject,
      body: m.body,
      attachments: JSON.parse(m.attachments) as { filename: string; mimeType: string; size: number }[],
      hasRaw: m.raw_id !== null,
      problems: JSON.parse(m.problems ?? '[]') as EmlProblem[],
    })),
    deadlines: clocks,
    timeline: repo.timeline(row.id).map((e) => ({ at: e.at, actor: e.actor, kind: e.kind, text: e.text, action: e.action ?? null, params: e.params ?? null })),
    nextStates: [...TRANSITIONS[row.state as RequestState]],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    voided: voidMarkOf(row),
  };
}
