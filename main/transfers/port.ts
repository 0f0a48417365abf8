import { listRecordDeadlines } from '../deadlines/service';
import type { RecordPort } from '../shared/record-ports';
import { TransfersRepo } from './repo';
import { nextFilingDue } from './service';

/** How the transfer register keeps its list's next due in step with clocks changed on the board. */
export const transfersPort: RecordPort = {
  onDeadlinesChanged(session, recordId) {
    new TransfersRepo(session.db).setNextDue(recordId, nextFilingDue(listRecordDeadlines(session, 'transfers', recordId)));
  },
};
