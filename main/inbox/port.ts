import { listRecordDeadlines, syncRecordDeadlines } from '../deadlines/service';
import { voidMarkOf, type RecordPort } from '../shared/record-ports';
import { copyDueTimes, recordTitle, refreshDeadlines } from './clock';
import { timeline } from './service';
import type { RequestState } from '../../preload/contract/inbox';
import { MODULE, OPEN_STATES, REQUEST_STATE_NAMES } from './model';
import { InboxRepo } from './repo';

/** How the inbox keeps its list's due time in step with clocks changed on the board. */
export const inboxPort: RecordPort = {
  summary(session, recordId) {
    const row = new InboxRepo(session.db).get(recordId);
    if (!row) return null;
    const open = OPEN_STATES.includes(row.state as RequestState) && !row.reply_sent_at;
    return {
      module: 'inbox',
      recordId,
      ref: row.ref,
      title: `${row.requester_name}: ${row.subject}`,
      state: REQUEST_STATE_NAMES[row.state as RequestState],
      nextDue: open && !row.voided_at && row.due_at ? { at: row.due_at, immediate: false, overdue: row.due_at < session.now().toISOString() } : null,
      voided: voidMarkOf(row),
    };
  },
  /** Voided: its clocks leave the board and it leaves the list and counts; restored: all come back. */
  setVoided(session, recordId, mark) {
    const repo = new InboxRepo(session.db);
    repo.setVoided(recordId, mark?.at ?? null, mark ? JSON.stringify({ by: mark.by, reason: mark.reason }) : null);
    const row = repo.get(recordId)!;
    if (mark) {
      syncRecordDeadlines(session, { module: MODULE, recordId, recordRef: row.ref, recordTitle: recordTitle(row) }, []);
      timeline(session, repo, recordId, 'state', `Voided as created by mistake: ${mark.reason}`, undefined, { action: 'records.void', params: { reason: mark.reason } });
    } else {
      repo.updateRequest(recordId, { is_open: OPEN_STATES.includes(row.state as RequestState) ? 1 : 0 });
      refreshDeadlines(session, repo, { ...row, is_open: OPEN_STATES.includes(row.state as RequestState) ? 1 : 0 });
      timeline(session, repo, recordId, 'state', 'Restored (no longer void)', undefined, { action: 'records.restore', params: {} });
    }
  },
  findByRef: (session, ref) => new InboxRepo(session.db).idByRef(ref),
  /** A request cites other records in its subject and its thread (an incident's reference, say). */
  citingText(session, recordId) {
    const repo = new InboxRepo(session.db);
    const row = repo.get(recordId);
    return row ? [row.subject, ...repo.messages(recordId).map((m) => `${m.subject}\n${m.body}`)].join('\n') : '';
  },
  onDeadlinesChanged(session, recordId) {
    const repo = new InboxRepo(session.db);
    const row = repo.get(recordId);
    if (row) copyDueTimes(repo, row, listRecordDeadlines(session, MODULE, recordId));
  },
};
