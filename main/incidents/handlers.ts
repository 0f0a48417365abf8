import type { incidentsChannels } from '../../preload/contract/incidents';
import type { SessionHandlers } from '../shared/handlers';
import {
  addNote,
  createIncident,
  getIncident,
  listIncidents,
  markObligation,
  overrideGrade,
  overrideObligation,
  recordFollowUp,
  transitionIncident,
  updateIncident,
} from './service';

export const incidentsHandlers: SessionHandlers<typeof incidentsChannels> = {
  'incidents.create': (input, session) => createIncident(session, input),
  'incidents.update': (input, session) => updateIncident(session, input),
  'incidents.get': (input, session) => getIncident(session, input.id),
  'incidents.list': (input, session) => listIncidents(session, input),
  'incidents.transition': (input, session) => transitionIncident(session, input),
  'incidents.addNote': (input, session) => addNote(session, input),
  'incidents.markObligation': (input, session) => markObligation(session, input),
  'incidents.overrideObligation': (input, session) => overrideObligation(session, input),
  'incidents.overrideGrade': (input, session) => overrideGrade(session, input),
  'incidents.recordFollowUp': (input, session) => recordFollowUp(session, input),
};
