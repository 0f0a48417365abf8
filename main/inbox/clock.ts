// The bridge between a request and the deadline engine: which clocks run (rules.ts), handed to
// the engine inside the caller's transaction, and the reply due time copied back for the list.
import type { Deadline } from '../../preload/contract/deadlines';
import type { HoldKind, RequestType } from '../../preload/contract/inbox';
import { syncRecordDeadlines } from '../deadlines/service';
import type { Session } from '../shared/session';
import { DEADLINE_KEYS, MODULE, type RequestRow } from './model';
import type { InboxRepo } from './repo';
import { loadCatalogue } from '../rules/load';
import { rulesAt } from '../rules/resolve';
import { deadlineRequests, type DeadlineFacts } from './rules';
import { cutText } from '../shared/input-guard';

const REPLY_KEYS = new Set<string>([
  DEADLINE_KEYS.reply,
  DEADLINE_KEYS.gdprReply,
  DEADLINE_KEYS.gdprExtended,
  DEADLINE_KEYS.ukReply,
  DEADLINE_KEYS.ukExtended,
  DEADLINE_KEYS.ccpaReply,
  DEADLINE_KEYS.ccpaExtended,
  DEADLINE_KEYS.ccpaOptOut,
]);

/** The facts the clocks are computed from, as stored. */
export function deadlineFactsOf(session: Session, repo: InboxRepo, row: RequestRow): DeadlineFacts {
  return {
    type: row.type as RequestType,
    jurisdiction: row.jurisdiction,
    receivedAt: row.received_at,
    pauses: repo.pauses(row.id).map((p) => ({ startedAt: p.started_at, endedAt: p.ended_at, kind: p.kind })),
    replySentAt: row.reply_sent_at,
    firstOutgoingAt: repo.messages(row.id).find((m) => m.direction === 'out')?.at ?? null,
    withdrawnReason: row.withdrawn_reason,
    extension: row.extension_notice_at ? { noticeSentAt: row.extension_notice_at, reasons: row.extension_reasons ?? '' } : null,
    internalTarget: row.internal_target,
    holds: repo.holds(row.id).map((h) => ({
      id: h.id,
      kind: h.kind as HoldKind,
      description: h.description,
      from: h.from_date,
      until: h.until_date,
      clearedAt: h.cleared_at,
    })),
    // The rules in force when the request was received (a request of 2026-02-04 keeps the UK clock that does not stop).
    rules: rulesAt(loadCatalogue(session), row.received_at),
  };
}

export const recordTitle = (row: Pick<RequestRow, 'subject' | 'requester_name'>): string => cutText(`${row.requester_name}: ${row.subject}`, 200);

/** Recomputes the request's clocks through the engine and stores the reply due time. Call inside a tx. */
export function refreshDeadlines(session: Session, repo: InboxRepo, row: RequestRow): Deadline[] {
  const requests = deadlineRequests(deadlineFactsOf(session, repo, row), session.now());
  const deadlines = syncRecordDeadlines(session, { module: MODULE, recordId: row.id, recordRef: row.ref, recordTitle: recordTitle(row) }, requests);
  copyDueTimes(repo, row, deadlines);
  return deadlines;
}

/**
 * The list sorts by the earliest reply clock still counting (a waived GDPR month after an
 * extension no longer counts; when all are waived, e.g. withdrawn, the earliest is kept). Called
 * after every sync and when the DPO overrides a clock on the board (the inbox's record port).
 */
export function copyDueTimes(repo: InboxRepo, row: RequestRow, deadlines: Deadline[]): void {
  const reply = deadlines.filter((d) => REPLY_KEYS.has(d.key));
  const counting = reply.filter((d) => !d.waivedReason);
  const pick = (counting.length ? counting : reply).map((d) => d.dueAt).sort()[0] ?? row.received_at;
  const gdpr = deadlines.find((d) => d.key === DEADLINE_KEYS.gdprReply)?.dueAt ?? null;
  if (pick !== row.due_at || gdpr !== row.gdpr_due_at) {
    repo.updateRequest(row.id, { due_at: pick, gdpr_due_at: gdpr });
    row.due_at = pick;
    row.gdpr_due_at = gdpr;
  }
}
