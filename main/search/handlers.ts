import type { searchChannels } from '../../preload/contract/search';
import type { SessionHandlers } from '../shared/handlers';
import { searchAll } from './service';

export const searchHandlers: SessionHandlers<typeof searchChannels> = {
  'search.query': (input, session) => ({ hits: searchAll(session, input.text, input.limit) }),
};
