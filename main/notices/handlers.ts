import type { noticesChannels } from '../../preload/contract/notices';
import type { SessionHandlers } from '../shared/handlers';

export const noticesHandlers: SessionHandlers<typeof noticesChannels> = {};
