import type { deadlinesChannels } from '../../preload/contract/deadlines';
import type { SessionHandlers } from '../shared/handlers';
import { countBoard, listAlerts, listBoard } from './board';
import { computeForCalculator, listRules } from './calculator';
import { listRecordDeadlines, overrideDeadline, waiveDeadline } from './service';

export const deadlinesHandlers: SessionHandlers<typeof deadlinesChannels> = {
  'deadlines.rules': (_input, session) => listRules(session),
  'deadlines.list': (input, session) => listBoard(session, input),
  'deadlines.counts': (input, session) => countBoard(session, input.zone),
  'deadlines.forRecord': (input, session) => ({ items: listRecordDeadlines(session, input.module, input.recordId) }),
  'deadlines.compute': (input, session) => computeForCalculator(session, input),
  'deadlines.waive': (input, session) => waiveDeadline(session, input),
  'deadlines.override': (input, session) => overrideDeadline(session, input),
  'deadlines.alerts': (input, session) => listAlerts(session, input.since),
};
