import type { Session } from '../../shared/session';

// The seam to the attachments stored inside the vault (issue 11): the pack lists a record's
// attachments and streams each one's bytes into the zip. Until that store is on main the
// provider is one that reads nothing, and packs say "no attachments stored".

export interface RecordRef {
  module: 'incidents' | 'transfers' | 'inbox';
  recordId: string;
}

export interface PackAttachment {
  /** The name as stored (the pack puts it under attachments/, made safe). */
  name: string;
  mimeType: string;
  size: number;
  /** The SHA-256 the store recorded, when it keeps one (checked against the bytes read). */
  sha256: string | null;
  /** What it is to the record, e.g. "PIPIA report", "contract" (free text of the store). */
  role: string | null;
  /** The bytes, in chunks. */
  read(): AsyncIterable<Uint8Array>;
}

export interface AttachmentProvider {
  list(session: Session, record: RecordRef): PackAttachment[];
}

/** Reads nothing: attachments are not stored in the vault yet. */
export const NO_ATTACHMENTS: AttachmentProvider = { list: () => [] };

let provider: AttachmentProvider = NO_ATTACHMENTS;

/** Wired once at start-up by whoever provides the store (and by tests). */
export function useAttachmentProvider(p: AttachmentProvider): void {
  provider = p;
}

export function attachmentProvider(): AttachmentProvider {
  return provider;
}
