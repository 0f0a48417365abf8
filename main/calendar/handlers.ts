import type { calendarChannels } from '../../preload/contract/calendar';
import type { SessionHandlers } from '../shared/handlers';
import { calendarStatus, importCalendarYear, listCalendars, upsertCalendarYear } from './service';

export const calendarHandlers: SessionHandlers<typeof calendarChannels> = {
  'calendar.list': (input, session) => listCalendars(session, input.country),
  'calendar.upsertYear': (input, session) => upsertCalendarYear(session, input),
  'calendar.import': (input, session) => importCalendarYear(session, input),
  'calendar.status': (input, session) => calendarStatus(session, input.country),
};
