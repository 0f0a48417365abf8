import type { linksChannels } from '../../preload/contract/links';
import type { SessionHandlers } from '../shared/handlers';
import { createLink, listLinks, removeLink, setVoided } from './service';

export const linksHandlers: SessionHandlers<typeof linksChannels> = {
  'links.list': (input, session) => listLinks(session, input),
  'links.create': (input, session) => createLink(session, input),
  'links.remove': (input, session) => removeLink(session, input),
  'records.void': (input, session) => setVoided(session, input, true),
  'records.restore': (input, session) => setVoided(session, input, false),
};
