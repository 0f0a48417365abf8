import { listRecordDeadlines, syncRecordDeadlines } from '../deadlines/service';
import { voidMarkOf, type RecordPort } from '../shared/record-ports';
import type { Session } from '../shared/session';
import { addTimeline, evaluate, load, settle, storeNextDue } from './record';
import { STATE_NAMES, type IncidentState } from './model';
import { IncidentsRepo, NO_DUE } from './repo';

/** How the incident register keeps its copies in step with writes made elsewhere. */
export const incidentsPort: RecordPort = {
  summary(session, recordId) {
    const row = new IncidentsRepo(session.db).get(recordId);
    if (!row) return null;
    const now = session.now().toISOString();
    return {
      module: 'incidents',
      recordId,
      ref: row.ref,
      title: row.title,
      state: STATE_NAMES[row.state as IncidentState],
      nextDue: row.next_due_at === NO_DUE ? null : { at: row.next_due_at, immediate: row.next_due_immediate === 1, overdue: row.overdue_from !== NO_DUE && row.overdue_from < now },
      voided: voidMarkOf(row),
    };
  },
  /** Voided: off the board and out of the list; restored: its clocks are recomputed. */
  setVoided(session, recordId, mark) {
    const repo = new IncidentsRepo(session.db);
    repo.setVoided(recordId, mark?.at ?? null, mark ? JSON.stringify({ by: mark.by, reason: mark.reason }) : null);
    const l = load(session, recordId);
    if (mark) {
      storeNextDue(session, l.row, syncRecordDeadlines(session, { module: 'incidents', recordId, recordRef: l.row.ref, recordTitle: l.row.title }, []));
      addTimeline(session, recordId, 'state', { action: 'voided', params: { reason: mark.reason } });
    } else {
      settle(session, l);
      addTimeline(session, recordId, 'state', { action: 'restored', params: {} });
    }
  },
  findByRef: (session, ref) => new IncidentsRepo(session.db).idByRef(ref),
  onDeadlinesChanged(session: Session, recordId: string) {
    const row = new IncidentsRepo(session.db).get(recordId);
    if (row) storeNextDue(session, row, listRecordDeadlines(session, 'incidents', recordId));
  },
  /** The CII default decides the CAC clock (4 h or 1 h) of every incident that follows it. */
  onSettingsChanged(session: Session, changed: string[]) {
    if (!changed.includes('ciiOperator')) return;
    for (const id of new IncidentsRepo(session.db).idsFollowingCiiSetting()) {
      const l = load(session, id);
      settle(session, l);
      const cii = evaluate(session, l).cii.effective;
      addTimeline(session, id, 'obligation', { action: 'ciiRecomputed', params: { cii } });
    }
  },
};
