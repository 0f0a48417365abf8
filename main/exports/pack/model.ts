import type { AuditRange } from '../../audit/repo';
import type { Session } from '../../shared/session';
import type { Localized } from '../model';
import type { RecordRef } from './attachments';
import type { NoticeOfRecord } from './common';
import type { Section } from './pdf';

/** What a pack builder gathers about one record (read in one go, before the job writes). */
export interface PackContent {
  ref: string;
  title: string;
  /** The report's record-specific sections (organisation, links, attachments and audit are added around them). */
  sections: Section[];
  /** Records linked to this one (transfers, requests, incidents) for the report's links section. */
  linked: { module: string; recordId: string }[];
  /** Files of the pack besides the report: notices as sent, the original e-mail, Annex 1 as text. */
  files: { path: string; content: string | Uint8Array }[];
  notices: NoticeOfRecord[];
  /** Which audit entries belong to the record (entity + id), merged in seq order. */
  audit: Pick<AuditRange, 'entity' | 'entityId'>[];
}

export interface PackSource {
  recordModule: RecordRef['module'];
  title: Localized;
  build(session: Session, id: string): PackContent;
}
