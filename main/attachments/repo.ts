import type { Db } from '../store/database';
import type { AttachmentRow } from './model';

const COLUMNS = `id, module, record_id, subject_id, role, name, size, type, sha256, chunk_size, chunks, state,
  added_at, added_by, removed_at, removed_by, removed_reason`;

export class AttachmentsRepo {
  constructor(private readonly db: Db) {}

  insertUploading(row: Pick<AttachmentRow, 'id' | 'module' | 'record_id' | 'subject_id' | 'role' | 'name' | 'size' | 'chunk_size' | 'added_at' | 'added_by'>): void {
    this.db
      .prepare(
        `INSERT INTO attachments (id, module, record_id, subject_id, role, name, size, chunk_size, state, added_at, added_by)
         VALUES (@id, @module, @record_id, @subject_id, @role, @name, @size, @chunk_size, 'uploading', @added_at, @added_by)`,
      )
      .run(row);
  }

  insertChunk(attachmentId: string, seq: number, data: Uint8Array): void {
    this.db.prepare('INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)').run(attachmentId, seq, data);
  }

  chunk(attachmentId: string, seq: number): Buffer | undefined {
    return this.db
      .prepare<[string, number], { data: Buffer }>('SELECT data FROM attachment_chunks WHERE attachment_id = ? AND seq = ?')
      .get(attachmentId, seq)?.data;
  }

  markStored(id: string, fields: { size: number; type: string; sha256: string; chunks: number; added_at: string }): void {
    this.db
      .prepare(`UPDATE attachments SET state = 'stored', size = @size, type = @type, sha256 = @sha256, chunks = @chunks, added_at = @added_at WHERE id = @id AND state = 'uploading'`)
      .run({ id, ...fields });
  }

  markRemoved(id: string, fields: { removed_at: string; removed_by: string; removed_reason: string }): void {
    this.db.prepare('DELETE FROM attachment_chunks WHERE attachment_id = ?').run(id);
    this.db
      .prepare(`UPDATE attachments SET state = 'removed', chunks = 0, removed_at = @removed_at, removed_by = @removed_by, removed_reason = @removed_reason WHERE id = @id`)
      .run({ id, ...fields });
  }

  /** Drops an unfinished upload and its chunks. */
  deleteUploading(id: string): void {
    this.db.prepare(`DELETE FROM attachment_chunks WHERE attachment_id IN (SELECT id FROM attachments WHERE id = ? AND state = 'uploading')`).run(id);
    this.db.prepare(`DELETE FROM attachments WHERE id = ? AND state = 'uploading'`).run(id);
  }

  /** Every unfinished upload (none survives a lock: their running hashes are gone). */
  deleteAllUploading(): number {
    this.db.prepare(`DELETE FROM attachment_chunks WHERE attachment_id IN (SELECT id FROM attachments WHERE state = 'uploading')`).run();
    return this.db.prepare(`DELETE FROM attachments WHERE state = 'uploading'`).run().changes;
  }

  get(id: string): AttachmentRow | undefined {
    return this.db.prepare<[string], AttachmentRow>(`SELECT ${COLUMNS} FROM attachments WHERE id = ?`).get(id);
  }

  /** A record's files, oldest first, unfinished uploads left out. */
  listFor(module: string, recordId: string): AttachmentRow[] {
    return this.db
      .prepare<[string, string], AttachmentRow>(
        `SELECT ${COLUMNS} FROM attachments WHERE module = ? AND record_id = ? AND state != 'uploading' ORDER BY added_at, rowid`,
      )
      .all(module, recordId);
  }

  /** Count and bytes of stored files (backup manifests). */
  totals(): { count: number; bytes: number } {
    return this.db
      .prepare<[], { count: number; bytes: number }>(`SELECT count(*) AS count, coalesce(sum(size), 0) AS bytes FROM attachments WHERE state = 'stored'`)
      .get()!;
  }
}
