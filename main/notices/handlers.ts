import type { noticesChannels } from '../../preload/contract/notices';
import type { SessionHandlers } from '../shared/handlers';
import { conditionMetaOf, kindOf, sectionMetaOf } from './context';
import { exportEml, exportText, previewNotice, recordPrint } from './export-service';
import { mergeOutputName, mergePreview, startMailMerge } from './merge-job';
import { NOTICE_KINDS } from './model';
import {
  approveNotice,
  checkDraft,
  checkNotice,
  createNotice,
  getNotice,
  listNotices,
  markDispatched,
  returnToDraft,
  submitForReview,
  updateNotice,
} from './service';
import { listTemplates, updateTemplate } from './templates-service';
import { diffVersions, listOutputs, listVersions } from './versions-service';

export const noticesHandlers: SessionHandlers<typeof noticesChannels> = {
  'notices.kinds': (_input, session) =>
    NOTICE_KINDS.map((kind) => kindOf(session, kind)).map((k) => ({
      kind: k.kind,
      label: k.label,
      basis: k.basis,
      sections: sectionMetaOf(k, {}),
      conditions: conditionMetaOf(k),
    })),
  'notices.create': (input, session) => createNotice(session, input),
  'notices.get': (input, session) => getNotice(session, input.id, input.version),
  'notices.list': (input, session) => listNotices(session, input),
  'notices.update': (input, session) => updateNotice(session, input),
  'notices.checkDraft': (input, session) => checkDraft(session, input),
  'notices.check': (input, session) => checkNotice(session, input.id),
  'notices.submitForReview': (input, session) => submitForReview(session, input.id),
  'notices.returnToDraft': (input, session) => returnToDraft(session, input.id),
  'notices.approve': (input, session) => approveNotice(session, input.id),
  'notices.markDispatched': (input, session) => markDispatched(session, input),
  'notices.versions': (input, session) => listVersions(session, input.id),
  'notices.diff': (input, session) => diffVersions(session, input.id, input.from, input.to),
  'notices.preview': (input, session) => previewNotice(session, input),
  'notices.exportEml': (input, session) => exportEml(session, input),
  'notices.exportText': (input, session) => exportText(session, input),
  'notices.outputs': (input, session) => listOutputs(session, input.id),
  'notices.recordPrint': (input, session) => recordPrint(session, input),
  'notices.templates': (input, session) => listTemplates(session, input.kind),
  'notices.templateUpdate': (input, session) => updateTemplate(session, input),
  'notices.mergePreview': (input, session) => mergePreview(session, input),
  'notices.mailMergeStart': (input, session) => startMailMerge(session, input),
  'notices.mergeOutputName': (input, session) => mergeOutputName(session, input),
};
