import type { governanceChannels } from '../../preload/contract/governance';
import type { SessionHandlers } from '../shared/handlers';
import { getGovernance, recordPioReport, updateGovernance } from './service';

export const governanceHandlers: SessionHandlers<typeof governanceChannels> = {
  'governance.get': (_input, session) => getGovernance(session),
  'governance.update': (input, session) => updateGovernance(session, input),
  'governance.recordReport': (input, session) => recordPioReport(session, input),
};
