import type { incidentsChannels } from '../../preload/contract/incidents';
import type { SessionHandlers } from '../shared/handlers';

export const incidentsHandlers: SessionHandlers<typeof incidentsChannels> = {};
