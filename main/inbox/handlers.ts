import type { inboxChannels } from '../../preload/contract/inbox';
import type { SessionHandlers } from '../shared/handlers';

export const inboxHandlers: SessionHandlers<typeof inboxChannels> = {};
