import type { deadlinesChannels } from '../../preload/contract/deadlines';
import type { SessionHandlers } from '../shared/handlers';

export const deadlinesHandlers: SessionHandlers<typeof deadlinesChannels> = {};
