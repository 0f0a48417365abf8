import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Attachment, AttachmentPreview, AttachmentRole } from '../../preload/contract/attachments';
import { ROLES_BY_MODULE } from '../../preload/contract/attachments';
import type { ModuleName } from '../../preload/contract/common';
import type { JobInfo } from '../../preload/contract/jobs';
import { parseEml } from '../inbox/eml';
import { unindexRecord } from '../search/service';
import { AppError, diskFullOr, notFound, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { toAttachment } from './dto';
import { CHUNK_SIZE, PREVIEW_MAX_BYTES, PREVIEW_TEXT_CHARS, type AttachmentRow } from './model';
import type { Owner } from './owners';
import { AttachmentsRepo } from './repo';
import { previewKindFor } from './rules';
import { ATTACHMENTS_SEARCH_MODULE } from './search';
import { attachmentMaxBytes, StagedFile } from './staging';

const repo = (session: Pick<Session, 'db'>) => new AttachmentsRepo(session.db);

function stored(session: Pick<Session, 'db'>, id: string): AttachmentRow {
  const row = repo(session).get(id);
  if (!row || row.state === 'uploading') throw notFound('Attachment', id);
  return row;
}

export function listForRecord(session: Session, module: ModuleName, recordId: string): { items: Attachment[]; maxBytes: number; roles: AttachmentRole[] } {
  return { items: repo(session).listFor(module, recordId).map(toAttachment), maxBytes: attachmentMaxBytes(session), roles: [...ROLES_BY_MODULE[module]] };
}

/** A file chosen through a grant (purpose 'attachment'): main streams it in, one chunk in memory at a time. */
export function addFromFile(session: Session, input: { owner: Owner; role: AttachmentRole; grantId: string }): JobInfo {
  const source = session.files.resolve(input.grantId, { purpose: 'attachment', modes: ['open'], field: 'grantId' });
  const file = new StagedFile(session, input.owner, input.role, source.name, source.size ?? 0);
  return session.jobs.start({
    kind: 'attachments.add',
    subject: source.name,
    discard: () => file.discard(),
    run: async (ctx) => {
      const handle = await open(source.path, 'r');
      try {
        const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
        ctx.progress(0, file.size);
        while (file.bytesReceived < file.size) {
          if (ctx.signal.aborted) return null;
          const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK_SIZE, file.size - file.bytesReceived), null);
          if (bytesRead === 0) throw new AppError('CONFLICT', problem('fileShrank', { name: source.name }));
          try {
            file.append(buffer.subarray(0, bytesRead));
          } catch (error) {
            throw diskFullOr(error);
          }
          ctx.progress(file.bytesReceived, file.size);
        }
        return await file.commit().catch((error: unknown) => {
          throw diskFullOr(error);
        });
      } finally {
        await handle.close();
      }
    },
  });
}

/** One stored chunk as base64, for the window's preview and download (never the whole file in one answer). */
export function readChunk(session: Session, id: string, index: number): { index: number; chunks: number; data: string } {
  const row = stored(session, id);
  if (row.state !== 'stored') throw new AppError('NOT_FOUND', `${row.name} was removed; its bytes are no longer in the vault.`);
  if (index >= row.chunks) throw notFound('Chunk', `${index} of ${row.name}`);
  return { index, chunks: row.chunks, data: repo(session).chunk(id, index)!.toString('base64') };
}

export async function preview(session: Session, id: string): Promise<AttachmentPreview> {
  const row = stored(session, id);
  if (row.state === 'removed') return { kind: 'none', reason: 'removed' };
  const kind = previewKindFor(row.type);
  if (kind === 'none') return { kind: 'none', reason: 'type' };
  if (kind === 'image' || kind === 'pdf') {
    if (row.size > PREVIEW_MAX_BYTES) return { kind: 'none', reason: 'size' };
    return { kind, type: row.type, size: row.size, chunks: row.chunks };
  }
  // Text and mail are decoded here and sent as text: the window never renders their markup.
  const limit = Math.min(row.size, kind === 'eml' ? 25 * 1024 * 1024 : 4 * PREVIEW_TEXT_CHARS);
  const bytes = readPrefix(session, row, limit);
  if (kind === 'eml') {
    const parsed = await parseEml(bytes);
    if (parsed.ok) {
      const m = parsed.value;
      return {
        kind: 'eml',
        subject: m.subject,
        from: m.fromName ? `${m.fromName} <${m.fromAddress}>` : m.fromAddress,
        to: m.to,
        date: m.dateHeader ?? null,
        text: m.text.slice(0, PREVIEW_TEXT_CHARS),
        attachments: m.attachments.map((a) => a.filename),
      };
    }
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { kind: 'text', text: text.slice(0, PREVIEW_TEXT_CHARS), truncated: row.size > limit || text.length > PREVIEW_TEXT_CHARS };
}

function readPrefix(session: Session, row: AttachmentRow, limit: number): Buffer {
  const parts: Buffer[] = [];
  let have = 0;
  for (let i = 0; i < row.chunks && have < limit; i++) {
    const chunk = repo(session).chunk(row.id, i)!;
    parts.push(chunk);
    have += chunk.length;
  }
  return Buffer.concat(parts).subarray(0, limit);
}

/** Writes the file to a grant (purpose 'attachment', mode 'save'): temp name, fsync, rename. */
export function saveAs(session: Session, input: { id: string; grantId: string }): JobInfo {
  const row = stored(session, input.id);
  if (row.state !== 'stored') throw new AppError('NOT_FOUND', `${row.name} was removed; its bytes are no longer in the vault.`);
  const target = session.files.resolve(input.grantId, { purpose: 'attachment', modes: ['save'], field: 'grantId' });
  const temp = `${target.path}.partial-${randomBytes(4).toString('hex')}`;
  return session.jobs.start({
    kind: 'attachments.saveAs',
    subject: row.name,
    discard: () => rmSync(temp, { force: true }),
    run: async (ctx) => {
      const fd = openSync(temp, 'wx', 0o600);
      try {
        ctx.progress(0, row.size);
        let written = 0;
        for (const chunk of attachmentChunks(session, row.id)) {
          if (ctx.signal.aborted) return null;
          writeSync(fd, chunk);
          written += chunk.length;
          ctx.progress(written, row.size);
          await new Promise((r) => setImmediate(r));
        }
        fsyncSync(fd);
      } catch (error) {
        throw diskFullOr(error);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, target.path);
      return { path: target.path, size: row.size };
    },
  });
}

/** Removing needs a reason; the bytes go, the record keeps name, size, SHA-256, who, when and why. */
export function removeAttachment(session: Session, input: { id: string; reason: string }): Attachment {
  return session.tx(() => {
    const row = stored(session, input.id);
    if (row.state === 'removed') return toAttachment(row);
    repo(session).markRemoved(row.id, { removed_at: session.now().toISOString(), removed_by: session.actor(), removed_reason: input.reason });
    unindexRecord(session, ATTACHMENTS_SEARCH_MODULE, row.id);
    session.audit.append({
      action: 'attachments.remove',
      entity: 'attachment',
      entityId: row.id,
      summary: `File ${row.name} removed from its record: ${input.reason}`,
      details: { owner: { module: row.module, recordId: row.record_id, subjectId: row.subject_id }, name: row.name, size: row.size, sha256: row.sha256, reason: input.reason },
    });
    return toAttachment(repo(session).get(row.id)!);
  });
}

// ---- For other modules (evidence packs, issue 12): a small read API. ----

/** The files of a record (removed ones included, with their reason), oldest first. */
export function listAttachments(session: Pick<Session, 'db'>, record: { module: ModuleName; recordId: string }): Attachment[] {
  return repo(session).listFor(record.module, record.recordId).map(toAttachment);
}

/** The bytes of a stored file, one chunk (≤ 2 MiB) at a time, in order. */
export function* attachmentChunks(session: Pick<Session, 'db'>, id: string): Generator<Buffer> {
  const row = stored(session, id);
  if (row.state !== 'stored') throw new AppError('NOT_FOUND', `${row.name} was removed; its bytes are no longer in the vault.`);
  for (let i = 0; i < row.chunks; i++) yield repo(session).chunk(id, i)!;
}

/** The same as a Node stream, e.g. to pipe into a zip entry. */
export function attachmentStream(session: Pick<Session, 'db'>, id: string): Readable {
  return Readable.from(attachmentChunks(session, id), { objectMode: false });
}
