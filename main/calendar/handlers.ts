import type { calendarChannels } from '../../preload/contract/calendar';
import type { SessionHandlers } from '../shared/handlers';

export const calendarHandlers: SessionHandlers<typeof calendarChannels> = {};
