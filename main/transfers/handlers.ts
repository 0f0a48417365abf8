import type { transfersChannels } from '../../preload/contract/transfers';
import type { SessionHandlers } from '../shared/handlers';
import { exportCsv } from './export';
import {
  classifyTransfers,
  createTransfer,
  getTransfer,
  listChanges,
  listTransfers,
  recordChange,
  recordCompanyYear,
  recordFiling,
  recordReview,
  recordVolumes,
  updateTransfer,
} from './service';

export const transfersHandlers: SessionHandlers<typeof transfersChannels> = {
  'transfers.create': (input, session) => createTransfer(session, input),
  'transfers.update': (input, session) => updateTransfer(session, input),
  'transfers.get': (input, session) => getTransfer(session, input.id),
  'transfers.list': (input, session) => listTransfers(session, input),
  'transfers.recordFiling': (input, session) => recordFiling(session, input),
  'transfers.recordVolumes': (input, session) => recordVolumes(session, input),
  'transfers.recordCompanyYear': (input, session) => recordCompanyYear(session, input),
  'transfers.recordChange': (input, session) => recordChange(session, input),
  'transfers.recordReview': (input, session) => recordReview(session, input),
  'transfers.changes': (input, session) => listChanges(session, input.id),
  'transfers.classify': (input, session) => classifyTransfers(session, input),
  'transfers.exportCsv': ({ language, ...filter }, session) => exportCsv(session, { route: filter.route, country: filter.country, filingState: filter.filingState, overdueAt: filter.overdue ? session.now().toISOString() : undefined }, language),
};
