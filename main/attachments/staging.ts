import { createHash, randomUUID, type Hash } from 'node:crypto';
import type { Attachment, AttachmentRole } from '../../preload/contract/attachments';
import { getSettings } from '../settings/service';
import { indexRecord } from '../search/service';
import { AppError, invalid, problem, sayProblem } from '../shared/errors';
import type { Session } from '../shared/session';
import { toAttachment } from './dto';
import { CHUNK_SIZE, SNIFF_BYTES } from './model';
import { checkOwner, type Owner } from './owners';
import { AttachmentsRepo } from './repo';
import { roleProblem, sizeProblem } from './rules';
import { ATTACHMENTS_SEARCH_MODULE } from './search';
import { sniffType } from './sniff';

/** The per-file limit of Settings, in bytes. */
export function attachmentMaxBytes(session: Session): number {
  return getSettings(session).attachmentMaxMB * 1024 * 1024;
}

/**
 * A file on its way into the vault: its chunks go to the database one by one (each its own
 * small commit, so other writes are never held up and memory stays one chunk), hashed as they
 * pass. Until `commit` it is an invisible 'uploading' row that lock, cancel or the next unlock
 * deletes; `commit` makes it appear on the record with its audit entry, in one transaction.
 */
export class StagedFile {
  readonly id = randomUUID();
  private readonly hash: Hash = createHash('sha256');
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private received = 0;
  private chunks = 0;
  private pending = Buffer.alloc(0);
  private done = false;
  private readonly repo: AttachmentsRepo;
  private readonly ownerRef: string;

  constructor(
    private readonly session: Session,
    readonly owner: Owner,
    readonly role: AttachmentRole,
    readonly name: string,
    /** Bytes the file declares (a drop knows its size, a granted file was stat'ed). */
    readonly size: number,
  ) {
    const maxMB = getSettings(session).attachmentMaxMB;
    const tooBig = sizeProblem(size, maxMB);
    if (tooBig) throw new AppError('TOO_LARGE', `${name}: ${sayProblem(tooBig)}.`, { size: tooBig });
    const badRole = roleProblem(owner.module, role);
    if (badRole) throw invalid({ role: badRole });
    this.ownerRef = checkOwner(session, owner).ref;
    this.repo = new AttachmentsRepo(session.db);
    this.repo.insertUploading({
      id: this.id,
      module: owner.module,
      record_id: owner.recordId,
      subject_id: owner.subjectId,
      role,
      name,
      size,
      chunk_size: CHUNK_SIZE,
      added_at: session.now().toISOString(),
      added_by: session.actor(),
    });
  }

  get bytesReceived(): number {
    return this.received;
  }

  /** Appends bytes (any length); whole chunks are written as they fill. */
  append(bytes: Uint8Array): void {
    if (this.done) throw new AppError('CONFLICT', problem('uploadEnded'));
    if (this.received + bytes.length > this.size) {
      throw invalid({ data: problem('moreBytes', { size: this.size }) });
    }
    this.received += bytes.length;
    this.hash.update(bytes);
    if (this.headBytes < SNIFF_BYTES) {
      const part = Buffer.from(bytes.subarray(0, SNIFF_BYTES - this.headBytes));
      this.head.push(part);
      this.headBytes += part.length;
    }
    let data = this.pending.length ? Buffer.concat([this.pending, bytes]) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    while (data.length >= CHUNK_SIZE) {
      this.repo.insertChunk(this.id, this.chunks++, data.subarray(0, CHUNK_SIZE));
      data = data.subarray(CHUNK_SIZE);
    }
    // Copied: the caller may reuse its buffer for the next read.
    this.pending = Buffer.from(data);
  }

  /** The last chunk, type, SHA-256, search entry and audit entry: the file appears on its record. */
  async commit(): Promise<Attachment> {
    if (this.received !== this.size) {
      throw invalid({ size: problem('bytesMissing', { received: this.received, size: this.size }) });
    }
    const sniffed = await sniffType(Buffer.concat(this.head), this.name, this.size);
    const sha256 = this.hash.digest('hex');
    const session = this.session;
    return session.tx(() => {
      if (this.pending.length) this.repo.insertChunk(this.id, this.chunks++, this.pending);
      this.pending = Buffer.alloc(0);
      this.repo.markStored(this.id, { size: this.size, type: sniffed.type, sha256, chunks: this.chunks, added_at: session.now().toISOString() });
      indexRecord(session, { module: ATTACHMENTS_SEARCH_MODULE, recordId: this.id, ref: this.ownerRef, title: this.name, body: this.name });
      session.audit.append({
        action: 'attachments.add',
        entity: 'attachment',
        entityId: this.id,
        summary: `File ${this.name} (${this.size} bytes) attached to ${this.ownerRef}`,
        details: { owner: this.owner, role: this.role, name: this.name, size: this.size, type: sniffed.type, sha256 },
      });
      this.done = true;
      return toAttachment(this.repo.get(this.id)!);
    });
  }

  /** Drops the staged chunks (cancel, lock, failure). Safe to call twice; a committed file stays. */
  discard(): void {
    if (this.done) return;
    this.done = true;
    try {
      this.repo.deleteUploading(this.id);
    } catch {
      // The vault may be closing or the disk full: the next unlock purges unfinished uploads.
    }
  }
}
