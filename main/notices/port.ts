import { conflict, problem } from '../shared/errors';
import { voidMarkOf, type RecordPort } from '../shared/record-ports';
import { NoticesRepo } from './repo';
import { noticeStateName } from './model';

const STATE_NAMES: Record<string, { en: string; zh: string }> = {
  draft: { en: 'Draft', zh: '草稿' },
  inReview: { en: 'In review', zh: '审核中' },
  approved: { en: 'Approved', zh: '已批准' },
  dispatched: { en: 'Dispatched', zh: '已发送' },
};

/** A notice as other records' links show it. */
export const noticesPort: RecordPort = {
  summary(session, recordId) {
    const row = new NoticesRepo(session.db).notice(recordId);
    if (!row) return null;
    return { module: 'notices', recordId, ref: row.ref, title: row.subject, state: STATE_NAMES[row.state] ?? { en: row.state, zh: row.state }, nextDue: null, voided: voidMarkOf(row) };
  },
  /** Only a notice not yet approved can be voided: an approved or sent one is part of the record. */
  setVoided(session, recordId, mark) {
    const repo = new NoticesRepo(session.db);
    const row = repo.notice(recordId)!;
    if (mark && (row.state === 'approved' || row.state === 'dispatched')) throw conflict(problem('onlyDraftVoided', { ref: row.ref, state: noticeStateName(row.state) }));
    repo.setVoided(recordId, mark?.at ?? null, mark ? JSON.stringify({ by: mark.by, reason: mark.reason }) : null);
  },
  findByRef: (session, ref) => new NoticesRepo(session.db).idByRef(ref),
};

/** Notice ↔ record links the studio made (a notice's merge sources), for the links card. */
export function noticeSourceLinks(session: Parameters<NonNullable<RecordPort['summary']>>[0], module: string, recordId: string): { noticeId: string; module: string; recordId: string }[] {
  const repo = new NoticesRepo(session.db);
  if (module === 'notices') return repo.links(recordId).map((l) => ({ noticeId: recordId, module: l.module, recordId: l.record_id }));
  return repo.linkedTo(module, recordId).map((noticeId) => ({ noticeId, module, recordId }));
}
