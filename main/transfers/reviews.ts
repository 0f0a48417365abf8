import { randomUUID } from 'node:crypto';
import type { RecordSummary } from '../shared/record-ports';
import type { Session } from '../shared/session';
import { conflict, invalid, notFound, problem } from '../shared/errors';
import { beijingDate } from './lifecycle';
import { TransfersRepo } from './repo';

// An incident at the overseas recipient re-opens the transfer's assessment: the PIPIA is
// reviewed and the contract possibly supplemented and re-filed (Standard Contract Measures Art. 8:
// "other circumstances that may affect PI rights"), until the DPO records the outcome.

type Link = { linkId: string; role: string; other: RecordSummary };

/** Inside the linking transaction: the transfer now carries the incident and a re-assess clock. */
export function openReview(session: Session, transferId: string, link: Link): void {
  if (link.other.module !== 'incidents' || link.role !== 'incidentAtRecipient') return;
  const repo = new TransfersRepo(session.db);
  if (!repo.byId(transferId) || repo.reviewByLink(link.linkId)) return;
  repo.insertReview({
    id: randomUUID(),
    transfer_id: transferId,
    link_id: link.linkId,
    incident_id: link.other.recordId,
    incident_ref: link.other.ref,
    opened_on: beijingDate(session.now()),
    outcome: null,
    note: '',
    decided_on: null,
    recorded_at: session.now().toISOString(),
    recorded_by: session.actor(),
  });
  refreshAfterReview(session, transferId);
}

/** Unlinking removes a review still open; a decided one stays on the record as history. */
export function dropReview(session: Session, transferId: string, link: Link): void {
  const repo = new TransfersRepo(session.db);
  const review = repo.reviewByLink(link.linkId);
  if (!review || review.outcome) return;
  repo.removeReview(review.id);
  refreshAfterReview(session, transferId);
}

let refreshAfterReview: (session: Session, transferId: string) => void = () => {};
/** The service registers its refresh (deadlines, search, filing state) to avoid an import cycle. */
export const setReviewRefresh = (fn: typeof refreshAfterReview) => {
  refreshAfterReview = fn;
};

export function checkReviewDecision(session: Session, transferId: string, reviewId: string, date: string) {
  const repo = new TransfersRepo(session.db);
  const review = repo.reviews(transferId).find((r) => r.id === reviewId);
  if (!review) throw notFound('Review', reviewId);
  if (review.outcome) throw conflict(problem('reviewRecorded', { ref: review.incident_ref }));
  if (date > beijingDate(session.now())) throw invalid({ date: problem('future') });
  if (date < review.opened_on) throw invalid({ date: problem('beforeLinked') });
  return review;
}
