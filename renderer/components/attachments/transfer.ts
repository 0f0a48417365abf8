import type { Attachment, AttachmentRole } from '../../../preload/contract/attachments';
import type { ModuleName } from '../../../preload/contract/common';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api } from '../../app/api';

/** Base64 of bytes, in slices (String.fromCharCode takes a bounded argument list). */
function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/**
 * Sends a dropped file to main in the chunk size main asks for, reading one slice of the File
 * at a time: neither the window nor main ever holds the whole file.
 */
export async function uploadFile(
  owner: { module: ModuleName; recordId: string; subjectId: string | null },
  role: AttachmentRole,
  file: File,
  onProgress: (done: number) => void,
  signal: AbortSignal,
): Promise<{ ok: true; value: Attachment } | { ok: false; error: AppErrorDto } | { ok: false; cancelled: true }> {
  const begin = await api.call('attachments.beginUpload', { owner, role, name: file.name, size: file.size });
  if (!begin.ok) return begin;
  const { uploadId, chunkSize } = begin.value;
  for (let index = 0, offset = 0; offset < file.size; index++, offset += chunkSize) {
    if (signal.aborted) {
      await api.call('attachments.cancelUpload', { uploadId });
      return { ok: false, cancelled: true };
    }
    const slice = new Uint8Array(await file.slice(offset, offset + chunkSize).arrayBuffer());
    const sent = await api.call('attachments.uploadChunk', { uploadId, index, data: toBase64(slice) });
    if (!sent.ok) {
      await api.call('attachments.cancelUpload', { uploadId });
      return sent;
    }
    onProgress(sent.value.received);
  }
  return api.call('attachments.finishUpload', { uploadId });
}

/** The bytes of a stored file as a Blob, chunk by chunk (for a preview or a download in the window). */
export async function readBlob(id: string, chunks: number, type: string): Promise<Blob> {
  const parts: BlobPart[] = [];
  for (let index = 0; index < chunks; index++) {
    const r = await api.call('attachments.readChunk', { id, index });
    if (!r.ok) throw new Error(r.error.message);
    const bin = atob(r.value.data);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    parts.push(bytes);
  }
  return new Blob(parts, { type });
}
