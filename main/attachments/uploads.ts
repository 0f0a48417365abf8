import type { z } from 'zod';
import type { Attachment, attachmentsChannels } from '../../preload/contract/attachments';
import { AppError, invalid, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { CHUNK_SIZE } from './model';
import { AttachmentsRepo } from './repo';
import { attachmentMaxBytes, StagedFile } from './staging';

type BeginInput = z.output<(typeof attachmentsChannels)['attachments.beginUpload']['input']>;

interface Upload {
  file: StagedFile;
  nextIndex: number;
  /** Each chunk is decoded into this one buffer: main allocates nothing per chunk. */
  buffer: Buffer;
  end(): void;
}

/** Uploads in progress, per session: they end with it (lock cancels their job, which drops the chunks). */
const uploadsBySession = new WeakMap<Session, Map<string, Upload>>();

function uploads(session: Session): Map<string, Upload> {
  let map = uploadsBySession.get(session);
  if (!map) uploadsBySession.set(session, (map = new Map()));
  return map;
}

function get(session: Session, uploadId: string): Upload {
  const upload = uploads(session).get(uploadId);
  if (!upload) throw new AppError('NOT_FOUND', 'This upload has ended (cancelled, or the vault was locked). Add the file again.');
  return upload;
}

/**
 * A file dropped on a record page: the renderer reads it in slices and sends each chunk, so
 * neither side holds the whole file. Registered as a session job so that lock cancels it and
 * its staged chunks go.
 */
export function beginUpload(session: Session, input: BeginInput): { uploadId: string; chunkSize: number; maxBytes: number } {
  const file = new StagedFile(session, input.owner, input.role, input.name, input.size);
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const upload: Upload = { file, nextIndex: 0, buffer: Buffer.allocUnsafe(CHUNK_SIZE), end };
  uploads(session).set(file.id, upload);
  session.jobs.start({
    kind: 'attachments.upload',
    subject: input.name,
    run: async (ctx) => {
      ctx.progress(0, input.size);
      ctx.signal.addEventListener('abort', () => end(), { once: true });
      await ended;
      return null;
    },
    discard: () => {
      uploads(session).delete(file.id);
      file.discard();
    },
  });
  return { uploadId: file.id, chunkSize: CHUNK_SIZE, maxBytes: attachmentMaxBytes(session) };
}

export function uploadChunk(session: Session, input: { uploadId: string; index: number; data: string }): { received: number } {
  const upload = get(session, input.uploadId);
  if (input.index !== upload.nextIndex) throw invalid({ index: problem('chunkOrder', { expected: upload.nextIndex }) });
  const expected = Math.min(CHUNK_SIZE, upload.file.size - upload.file.bytesReceived);
  // The decoded length is known from the text; a chunk of another size is refused before decoding.
  const padding = input.data.endsWith('==') ? 2 : input.data.endsWith('=') ? 1 : 0;
  const length = (input.data.length / 4) * 3 - padding;
  if (input.data.length % 4 !== 0 || length !== expected) {
    throw invalid({ data: problem('chunkSize', { index: input.index, expected, actual: Number.isInteger(length) ? String(length) : 'a partial base64 quantum' }) });
  }
  const written = upload.buffer.write(input.data, 'base64');
  upload.file.append(upload.buffer.subarray(0, written));
  upload.nextIndex++;
  return { received: upload.file.bytesReceived };
}

export async function finishUpload(session: Session, uploadId: string): Promise<Attachment> {
  const upload = get(session, uploadId);
  const attachment = await upload.file.commit();
  uploads(session).delete(uploadId);
  upload.end();
  return attachment;
}

export function cancelUpload(session: Session, uploadId: string): { cancelled: boolean } {
  const upload = uploads(session).get(uploadId);
  if (!upload) return { cancelled: false };
  uploads(session).delete(uploadId);
  upload.file.discard();
  upload.end();
  return { cancelled: true };
}

/** At unlock: no upload survives a lock or a crash, so their staged chunks go. */
export function purgeUnfinishedUploads(session: Pick<Session, 'db'>): void {
  new AttachmentsRepo(session.db).deleteAllUploading();
}
