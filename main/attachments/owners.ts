import type { z } from 'zod';
import type { AttachmentOwner } from '../../preload/contract/attachments';
import { getIncident } from '../incidents/queries';
import { findIndexedRecord } from '../search/service';
import { invalid, notFound, problem } from '../shared/errors';
import type { Session } from '../shared/session';

export type Owner = z.output<typeof AttachmentOwner>;

/**
 * The record a file is attached to must exist; read through the search index, the one place
 * every module registers its records (no other module's table is read here). A subject is a
 * part of the record: for an incident, one of its timeline entries.
 */
export function checkOwner(session: Session, owner: Owner): { ref: string; title: string } {
  const found = findIndexedRecord(session, owner.module, owner.recordId);
  if (!found) throw notFound('Record', `${owner.module}/${owner.recordId}`);
  if (owner.subjectId !== null) {
    if (owner.module !== 'incidents') throw invalid({ 'owner.subjectId': problem('timelineFilesIncidentOnly') });
    const entries = getIncident(session, owner.recordId).timeline;
    if (!entries.some((e) => String(e.id) === owner.subjectId)) {
      throw invalid({ 'owner.subjectId': problem('notTimelineEntry') });
    }
  }
  return found;
}
