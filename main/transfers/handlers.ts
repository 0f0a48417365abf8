import type { transfersChannels } from '../../preload/contract/transfers';
import type { SessionHandlers } from '../shared/handlers';

export const transfersHandlers: SessionHandlers<typeof transfersChannels> = {};
