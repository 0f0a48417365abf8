import type { rulesChannels } from '../../preload/contract/rules';
import type { SessionHandlers } from '../shared/handlers';
import { addPublisher, applyChange, exportPack, importPack, inspectPack, listPublishers, listRules, previewChange, removePublisher } from './service';

export const rulesHandlers: SessionHandlers<typeof rulesChannels> = {
  'rules.list': (_input, session) => listRules(session),
  'rules.preview': (input, session) => previewChange(session, input),
  'rules.apply': (input, session) => applyChange(session, input),
  'rules.exportPack': (input, session) => exportPack(session, input),
  'rules.inspectPack': (input, session) => inspectPack(session, input.text),
  'rules.importPack': (input, session) => importPack(session, input),
  'rules.publishers': (_input, session) => listPublishers(session),
  'rules.addPublisher': (input, session) => addPublisher(session, input),
  'rules.removePublisher': (input, session) => removePublisher(session, input),
};
