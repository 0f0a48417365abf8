import type { Db } from '../store/database';

export interface NoticeRow {
  id: string;
  ref: string;
  kind: string;
  language: string;
  state: string;
  version: number;
  subject: string;
  created_at: string;
  updated_at: string;
  voided_at?: string | null;
  voided_note?: string | null;
}

export interface VersionRow {
  notice_id: string;
  version: number;
  state: string;
  content: string;
  created_at: string;
  approved_by: string | null;
  approved_at: string | null;
  dispatch: string | null;
}

export interface LinkRow {
  notice_id: string;
  module: string;
  record_id: string;
}

export interface OutputRow {
  id: string;
  notice_id: string;
  version: number;
  format: string;
  language: string;
  file_name: string;
  path: string | null;
  sha256: string;
  bytes: number;
  messages: number;
  created_at: string;
}

export interface TemplateRow {
  kind: string;
  version: number;
  content: string;
  updated_at: string;
  updated_by: string;
}

/** All SQL of the notice studio. */
export class NoticesRepo {
  constructor(private readonly db: Db) {}

  nextRef(prefix: string): string {
    const row = this.db
      .prepare<{ prefix: string; start: number }, { n: number | null }>(
        `SELECT max(CAST(substr(ref, @start) AS INTEGER)) AS n FROM notices WHERE substr(ref, 1, @start - 1) = @prefix`,
      )
      .get({ prefix, start: prefix.length + 1 });
    return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
  }

  insertNotice(row: NoticeRow): void {
    this.db
      .prepare(
        `INSERT INTO notices (id, ref, kind, language, state, version, subject, created_at, updated_at)
         VALUES (@id, @ref, @kind, @language, @state, @version, @subject, @created_at, @updated_at)`,
      )
      .run(row);
  }

  updateNotice(id: string, patch: { state: string; version: number; subject: string; updated_at: string; language?: string }): void {
    this.db
      .prepare('UPDATE notices SET state = @state, version = @version, subject = @subject, updated_at = @updated_at, language = coalesce(@language, language) WHERE id = @id')
      .run({ language: null, ...patch, id });
  }

  setVoided(id: string, at: string | null, note: string | null): void {
    this.db.prepare('UPDATE notices SET voided_at = ?, voided_note = ? WHERE id = ?').run(at, note, id);
  }

  idByRef(ref: string): string | null {
    return this.db.prepare<[string], { id: string }>('SELECT id FROM notices WHERE ref = ?').get(ref)?.id ?? null;
  }

  /** Notices drafted from a record (their merge source). */
  linkedTo(module: string, recordId: string): string[] {
    return this.db.prepare<[string, string], { notice_id: string }>('SELECT notice_id FROM notice_links WHERE module = ? AND record_id = ?').all(module, recordId).map((r) => r.notice_id);
  }

  notice(id: string): NoticeRow | undefined {
    return this.db.prepare<[string], NoticeRow>('SELECT * FROM notices WHERE id = ?').get(id);
  }

  insertVersion(row: VersionRow): void {
    this.db
      .prepare(
        `INSERT INTO notice_versions (notice_id, version, state, content, created_at, approved_by, approved_at, dispatch)
         VALUES (@notice_id, @version, @state, @content, @created_at, @approved_by, @approved_at, @dispatch)`,
      )
      .run(row);
  }

  /** Only the current version of a draft or a review is rewritten; approved ones are frozen by the service. */
  updateVersion(row: Pick<VersionRow, 'notice_id' | 'version' | 'state' | 'content' | 'approved_by' | 'approved_at' | 'dispatch'>): void {
    this.db
      .prepare(
        `UPDATE notice_versions SET state = @state, content = @content, approved_by = @approved_by, approved_at = @approved_at, dispatch = @dispatch
         WHERE notice_id = @notice_id AND version = @version`,
      )
      .run(row);
  }

  version(noticeId: string, version: number): VersionRow | undefined {
    return this.db.prepare<[string, number], VersionRow>('SELECT * FROM notice_versions WHERE notice_id = ? AND version = ?').get(noticeId, version);
  }

  versions(noticeId: string): VersionRow[] {
    return this.db.prepare<[string], VersionRow>('SELECT * FROM notice_versions WHERE notice_id = ? ORDER BY version DESC').all(noticeId);
  }

  insertLink(row: LinkRow): void {
    this.db.prepare('INSERT OR IGNORE INTO notice_links (notice_id, module, record_id) VALUES (@notice_id, @module, @record_id)').run(row);
  }

  links(noticeId: string): LinkRow[] {
    return this.db.prepare<[string], LinkRow>('SELECT * FROM notice_links WHERE notice_id = ? ORDER BY module, record_id').all(noticeId);
  }

  linksOf(noticeIds: string[]): LinkRow[] {
    if (noticeIds.length === 0) return [];
    return this.db
      .prepare<string[], LinkRow>(`SELECT * FROM notice_links WHERE notice_id IN (${noticeIds.map(() => '?').join(',')}) ORDER BY module, record_id`)
      .all(...noticeIds);
  }

  /** Newest first, keyset on (updated_at, id); filters use their own index or the link index. */
  page(opts: { after: { updatedAt: string; id: string } | null; limit: number; state?: string; kind?: string; link?: { module: string; recordId: string }; showVoided?: boolean }): NoticeRow[] {
    // A voided draft is out of the count, and out of the list unless asked for.
    const where: string[] = opts.showVoided ? [] : ['n.voided_at IS NULL'];
    const params: Record<string, unknown> = { limit: opts.limit };
    if (opts.after) {
      where.push('(n.updated_at < @afterAt OR (n.updated_at = @afterAt AND n.id < @afterId))');
      params.afterAt = opts.after.updatedAt;
      params.afterId = opts.after.id;
    }
    if (opts.state) {
      where.push('n.state = @state');
      params.state = opts.state;
    }
    if (opts.kind) {
      where.push('n.kind = @kind');
      params.kind = opts.kind;
    }
    let from = 'notices n';
    if (opts.link) {
      from = 'notice_links l JOIN notices n ON n.id = l.notice_id';
      where.push('l.module = @module AND l.record_id = @recordId');
      params.module = opts.link.module;
      params.recordId = opts.link.recordId;
    }
    const sql = `SELECT n.* FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY n.updated_at DESC, n.id DESC LIMIT @limit`;
    return this.db.prepare<Record<string, unknown>, NoticeRow>(sql).all(params);
  }

  count(opts: { state?: string; kind?: string; link?: { module: string; recordId: string } }): number {
    const where: string[] = ['n.voided_at IS NULL'];
    const params: Record<string, unknown> = {};
    if (opts.state) {
      where.push('n.state = @state');
      params.state = opts.state;
    }
    if (opts.kind) {
      where.push('n.kind = @kind');
      params.kind = opts.kind;
    }
    let from = 'notices n';
    if (opts.link) {
      from = 'notice_links l JOIN notices n ON n.id = l.notice_id';
      where.push('l.module = @module AND l.record_id = @recordId');
      params.module = opts.link.module;
      params.recordId = opts.link.recordId;
    }
    const sql = `SELECT count(*) AS n FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    return (this.db.prepare<Record<string, unknown>, { n: number }>(sql).get(params) as { n: number }).n;
  }

  insertOutput(row: OutputRow): void {
    this.db
      .prepare(
        `INSERT INTO notice_outputs (id, notice_id, version, format, language, file_name, path, sha256, bytes, messages, created_at)
         VALUES (@id, @notice_id, @version, @format, @language, @file_name, @path, @sha256, @bytes, @messages, @created_at)`,
      )
      .run(row);
  }

  outputs(noticeId: string): OutputRow[] {
    return this.db.prepare<[string], OutputRow>('SELECT * FROM notice_outputs WHERE notice_id = ? ORDER BY created_at DESC, id').all(noticeId);
  }

  output(id: string): OutputRow | undefined {
    return this.db.prepare<[string], OutputRow>('SELECT * FROM notice_outputs WHERE id = ?').get(id);
  }

  latestTemplate(kind: string): TemplateRow | undefined {
    return this.db.prepare<[string], TemplateRow>('SELECT * FROM notice_templates WHERE kind = ? ORDER BY version DESC LIMIT 1').get(kind);
  }

  templates(kind: string): TemplateRow[] {
    return this.db.prepare<[string], TemplateRow>('SELECT * FROM notice_templates WHERE kind = ? ORDER BY version DESC').all(kind);
  }

  insertTemplate(row: TemplateRow): void {
    this.db
      .prepare('INSERT INTO notice_templates (kind, version, content, updated_at, updated_by) VALUES (@kind, @version, @content, @updated_at, @updated_by)')
      .run(row);
  }
}
