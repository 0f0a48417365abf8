import type { attachmentsChannels } from '../../preload/contract/attachments';
import type { SessionHandlers } from '../shared/handlers';
import { addFromFile, listForRecord, preview, readChunk, removeAttachment, saveAs } from './service';
import { beginUpload, cancelUpload, finishUpload, uploadChunk } from './uploads';

export const attachmentsHandlers: SessionHandlers<typeof attachmentsChannels> = {
  'attachments.list': (input, session) => listForRecord(session, input.module, input.recordId),
  'attachments.beginUpload': (input, session) => beginUpload(session, input),
  'attachments.uploadChunk': (input, session) => uploadChunk(session, input),
  'attachments.finishUpload': (input, session) => finishUpload(session, input.uploadId),
  'attachments.cancelUpload': (input, session) => cancelUpload(session, input.uploadId),
  'attachments.addFromFile': (input, session) => addFromFile(session, input),
  'attachments.readChunk': (input, session) => readChunk(session, input.id, input.index),
  'attachments.preview': (input, session) => preview(session, input.id),
  'attachments.saveAs': (input, session) => saveAs(session, input),
  'attachments.remove': (input, session) => removeAttachment(session, input),
};
