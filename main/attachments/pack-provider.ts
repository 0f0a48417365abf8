import type { AttachmentProvider } from '../exports/pack/attachments';
import { attachmentChunks, listAttachments } from './service';

/** The vault's attachment store as evidence packs read it (issue 12's seam): stored files only. */
export const vaultAttachments: AttachmentProvider = {
  list(session, record) {
    return listAttachments(session, record)
      .filter((a) => a.state === 'stored')
      .map((a) => ({
        name: a.name,
        mimeType: a.type,
        size: a.size,
        sha256: a.sha256,
        role: a.role,
        async *read() {
          for (const chunk of attachmentChunks(session, a.id)) yield chunk;
        },
      }));
  },
};
