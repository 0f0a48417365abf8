import type { settingsChannels } from '../../preload/contract/settings';
import type { SessionHandlers } from '../shared/handlers';
import { getSettings, updateSettings } from './service';

export const settingsHandlers: SessionHandlers<typeof settingsChannels> = {
  'settings.get': (_input, session) => getSettings(session),
  'settings.update': (input, session) => updateSettings(session, input),
};
