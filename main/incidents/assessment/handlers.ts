import type { assessmentChannels } from '../../../preload/contract/assessment';
import type { SessionHandlers } from '../../shared/handlers';
import { assessmentGuide, discardDraft, getDraft, listDrafts, logAssessment, previewAssessment, saveDraft } from './service';

export const assessmentHandlers: SessionHandlers<typeof assessmentChannels> = {
  'assessment.guide': (_input, session) => assessmentGuide(session),
  'assessment.preview': (input, session) => previewAssessment(session, input.answers),
  'assessment.saveDraft': (input, session) => saveDraft(session, input),
  'assessment.listDrafts': (_input, session) => listDrafts(session),
  'assessment.getDraft': (input, session) => getDraft(session, input.id),
  'assessment.discardDraft': (input, session) => discardDraft(session, input.id),
  'assessment.log': (input, session) => logAssessment(session, input.id),
};
