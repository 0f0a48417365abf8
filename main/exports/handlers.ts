import type { exportsChannels } from '../../preload/contract/exports';
import type { SessionHandlers } from '../shared/handlers';
import { startPack } from './pack/service';
import { exportRegister } from './registers';

export const exportsHandlers: SessionHandlers<typeof exportsChannels> = {
  'exports.register': (input, session) => exportRegister(session, input),
  'exports.pack': (input, session) => startPack(session, input),
};
