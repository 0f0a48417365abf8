import type { linksChannels } from '../../preload/contract/links';
import type { SessionHandlers } from '../shared/handlers';
import { createLink, listLinks, removeLink } from './service';

export const linksHandlers: SessionHandlers<typeof linksChannels> = {
  'links.list': (input, session) => listLinks(session, input),
  'links.create': (input, session) => createLink(session, input),
  'links.remove': (input, session) => removeLink(session, input),
};
