import type { AttachmentRole, PreviewKind } from '../../preload/contract/attachments';
import type { ModuleName } from '../../preload/contract/common';

const MiB = 1024 * 1024;

/**
 * Bytes per stored chunk. A file is rows of this size in attachment_chunks: big enough that a
 * 200 MB file is 100 rows (one statement and one commit each), small enough that main holds
 * one chunk at a time and a chunk travels as one API call (2.7 MB of base64, under the HTTP
 * host's 32 MB body limit).
 */
export const CHUNK_SIZE = 2 * MiB;

/** Images and PDFs up to this size are shown in the window; larger ones are saved to view. */
export const PREVIEW_MAX_BYTES = 64 * MiB;

/** Text (and a mail's text) shown in the preview, at most. */
export const PREVIEW_TEXT_CHARS = 200_000;

/** Bytes sniffed for the type. */
export const SNIFF_BYTES = 64 * 1024;

export interface AttachmentRow {
  id: string;
  module: ModuleName;
  record_id: string;
  subject_id: string | null;
  role: AttachmentRole;
  name: string;
  size: number;
  type: string;
  sha256: string;
  chunk_size: number;
  chunks: number;
  state: 'uploading' | 'stored' | 'removed';
  added_at: string;
  added_by: string;
  removed_at: string | null;
  removed_by: string | null;
  removed_reason: string | null;
}

export interface SniffedType {
  type: string;
  previewKind: PreviewKind;
}
