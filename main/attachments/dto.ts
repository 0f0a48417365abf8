import type { Attachment } from '../../preload/contract/attachments';
import type { AttachmentRow } from './model';
import { previewKindFor } from './rules';

export function toAttachment(r: AttachmentRow): Attachment {
  return {
    id: r.id,
    module: r.module,
    recordId: r.record_id,
    subjectId: r.subject_id,
    role: r.role,
    name: r.name,
    size: r.size,
    type: r.type,
    sha256: r.sha256,
    addedAt: r.added_at,
    addedBy: r.added_by,
    chunks: r.chunks,
    previewKind: r.state === 'stored' ? previewKindFor(r.type) : 'none',
    state: r.state === 'removed' ? 'removed' : 'stored',
    removed: r.removed_at ? { at: r.removed_at, by: r.removed_by ?? '', reason: r.removed_reason ?? '' } : null,
  };
}
