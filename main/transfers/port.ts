import { listRecordDeadlines } from '../deadlines/service';
import { voidMarkOf, type RecordPort } from '../shared/record-ports';
import type { FilingState } from '../../preload/contract/transfers';
import { FILING_STATE_NAME } from './model';
import { TransfersRepo } from './repo';
import { dropReview, openReview } from './reviews';
import { nextFilingDue, setTransferVoided } from './service';

/** How the transfer register keeps its list's next due in step with clocks changed on the board. */
export const transfersPort: RecordPort = {
  summary(session, recordId) {
    const row = new TransfersRepo(session.db).byId(recordId);
    if (!row) return null;
    return {
      module: 'transfers',
      recordId,
      ref: row.ref,
      title: `${row.recipient_name} (${row.country})`,
      state: FILING_STATE_NAME[row.filing_state as FilingState],
      nextDue: row.next_due_at ? { at: row.next_due_at, immediate: false, overdue: row.next_due_at <= session.now().toISOString() } : null,
      voided: voidMarkOf(row),
    };
  },
  setVoided: (session, recordId, mark) => setTransferVoided(session, recordId, mark),
  findByRef: (session, ref) => new TransfersRepo(session.db).idByRef(ref),
  // An incident at the overseas recipient opens a re-assessment of the transfer (see reviews.ts).
  onLinked: (session, recordId, link) => openReview(session, recordId, link),
  onUnlinked: (session, recordId, link) => dropReview(session, recordId, link),
  onDeadlinesChanged(session, recordId) {
    new TransfersRepo(session.db).setNextDue(recordId, nextFilingDue(listRecordDeadlines(session, 'transfers', recordId)));
  },
};
