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
      addTimeline(session, recordId, 'state', { en: `Voided as created by mistake — ${mark.reason}`, zh: `作为误建记录作废——${mark.reason}` });
    } else {
      settle(session, l);
      addTimeline(session, recordId, 'state', { en: 'Restored (no longer void)', zh: '已恢复（撤销作废）' });
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
      addTimeline(session, id, 'obligation', {
        en: `CII operator default changed in Settings (now ${cii ? 'yes' : 'no'}): obligations recomputed`,
        zh: `设置中的关键信息基础设施运营者默认值已更改（现为${cii ? '是' : '否'}）：义务已重新计算`,
      });
    }
  },
};
