import type { SearchHit } from '../../preload/contract/search';
import type { Session } from '../shared/session';
import { AttachmentsRepo } from './repo';

/** Files are indexed by name under this module name; a hit opens the record that holds the file. */
export const ATTACHMENTS_SEARCH_MODULE = 'attachments';

export function attachmentHit(session: Pick<Session, 'db'>, row: { record_id: string; ref: string; title: string; snippet: string }): SearchHit | null {
  const file = new AttachmentsRepo(session.db).get(row.record_id);
  if (!file || file.state !== 'stored') return null;
  return {
    module: file.module,
    recordId: file.record_id,
    ref: row.ref,
    title: file.name,
    snippet: row.snippet,
    attachment: { id: file.id, name: file.name },
  };
}
