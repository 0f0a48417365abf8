import { listRecordDeadlines } from '../deadlines/service';
import type { RecordPort } from '../shared/record-ports';
import { copyDueTimes } from './clock';
import { MODULE } from './model';
import { InboxRepo } from './repo';

/** How the inbox keeps its list's due time in step with clocks changed on the board. */
export const inboxPort: RecordPort = {
  onDeadlinesChanged(session, recordId) {
    const repo = new InboxRepo(session.db);
    const row = repo.get(recordId);
    if (row) copyDueTimes(repo, row, listRecordDeadlines(session, MODULE, recordId));
  },
};
