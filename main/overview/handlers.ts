import type { overviewChannels } from '../../preload/contract/overview';
import type { SessionHandlers } from '../shared/handlers';
import { startOverviewExport } from './export';
import { overviewFigures } from './service';

export const overviewHandlers: SessionHandlers<typeof overviewChannels> = {
  'overview.figures': (input, session) => overviewFigures(session, input),
  'overview.export': (input, session) => startOverviewExport(session, input),
};
