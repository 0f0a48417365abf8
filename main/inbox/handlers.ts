import type { inboxChannels } from '../../preload/contract/inbox';
import type { SessionHandlers } from '../shared/handlers';
import { addMessage, clearHold, decide, recordHold, verifyIdentity } from './handling';
import { importEml } from './import';
import { getRequest, listRequests, quarterStats, refusalGrounds } from './query';
import { createRequest, extend, resumeClock, stopClock, transition, updateRequest } from './service';

export const inboxHandlers: SessionHandlers<typeof inboxChannels> = {
  'inbox.create': (input, session) => createRequest(session, input),
  'inbox.importEml': (input, session) => importEml(session, input.files),
  'inbox.update': (input, session) => updateRequest(session, input),
  'inbox.get': (input, session) => getRequest(session, input.id),
  'inbox.list': (input, session) => listRequests(session, input),
  'inbox.verifyIdentity': (input, session) => verifyIdentity(session, input),
  'inbox.decide': (input, session) => decide(session, input),
  'inbox.addMessage': (input, session) => addMessage(session, input),
  'inbox.recordHold': (input, session) => recordHold(session, input),
  'inbox.clearHold': (input, session) => clearHold(session, input),
  'inbox.transition': (input, session) => transition(session, input),
  'inbox.extend': (input, session) => extend(session, input),
  'inbox.stopClock': (input, session) => stopClock(session, input),
  'inbox.resumeClock': (input, session) => resumeClock(session, input),
  'inbox.refusalGrounds': (_input, session) => refusalGrounds(session),
  'inbox.stats': (input, session) => quarterStats(session, input.quarter),
};
