import type { Db } from '../store/database';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { AuditRow } from './model';
import type { LinkRow } from './links';
import { ENTRY_SQL, LINK_PAGE_ROWS, LINK_PAGE_SQL } from './repo/links-worker';

/** An entry as listed: without the previous hash; with its details, which the screen renders in words (issue 13). */
export type ListedRow = Omit<AuditRow, 'prev_hash'>;

export class AuditRepo {
  private readonly lastStmt;
  private readonly insertStmt;
  private readonly pageStmt;
  private readonly pageStmts = new Map<string, Statement<Record<string, unknown>, ListedRow>>();

  constructor(private readonly db: Db) {
    this.lastStmt = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insertStmt = db.prepare(
      `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, summary, details, prev_hash, hash)
       VALUES (@seq, @at, @actor, @action, @entity, @entity_id, @summary, @details, @prev_hash, @hash)`,
    );
    this.pageStmt = db
      .prepare<[number, number], unknown[]>(
        `SELECT seq, at, actor, action, entity, entity_id, summary, details, prev_hash, hash
         FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`,
      )
      .raw();
  }

  last(): { seq: number; hash: string } | undefined {
    return this.lastStmt.get();
  }

  insert(row: AuditRow): void {
    this.insertStmt.run(row);
  }

  /**
   * Every entry in seq order, read in keyset pages of raw arrays: a long chain is read several
   * times faster than row by row as objects, and memory stays bounded.
   */
  *iterateAll(pageSize = 20_000, after = 0): Generator<AuditRow> {
    for (;;) {
      const rows = this.pageStmt.all(after, pageSize) as [number, string, string, string, string, string | null, string, string, string, string][];
      for (const [seq, at, actor, action, entity, entity_id, summary, details, prev_hash, hash] of rows) {
        yield { seq, at, actor, action, entity, entity_id, summary, details, prev_hash, hash };
      }
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1][0];
    }
  }

  /** The chain after `after` up to `upTo` as the link check reads it (main/audit/links.ts), in keyset pages. */
  *linkPages(after: number, upTo: number, pageSize = LINK_PAGE_ROWS): Generator<LinkRow[]> {
    const stmt = this.db.prepare<[number, number, number], LinkRow>(LINK_PAGE_SQL).raw(true);
    for (;;) {
      const rows = stmt.all(after, upTo, pageSize) as unknown as LinkRow[];
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1][0];
    }
  }

  /** One entry's chained columns (the slow recheck of a MAC). */
  entry(seq: number): Omit<AuditRow, 'prev_hash' | 'hash'> | undefined {
    return this.db.prepare<[number], Omit<AuditRow, 'prev_hash' | 'hash'>>(ENTRY_SQL).get(seq);
  }

  /**
   * Newest first, keyset on seq: what the list and the register export show (no previous hash,
   * which only the chain check and the evidence export read; the details are the entry's params).
   */
  /** The newest entry of one action on one kind of entity, with its details (the backup status reads its last backup this way). */
  lastOf(entity: string, action: string): { at: string; details: string } | undefined {
    return this.db
      .prepare<[string, string], { at: string; details: string }>('SELECT at, details FROM audit_log WHERE entity = ? AND action = ? ORDER BY seq DESC LIMIT 1')
      .get(entity, action);
  }

  page(opts: { beforeSeq: number | null; limit: number; entity?: string; entityId?: string }): ListedRow[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: opts.limit };
    if (opts.beforeSeq !== null) {
      where.push('seq < @beforeSeq');
      params.beforeSeq = opts.beforeSeq;
    }
    if (opts.entity) {
      where.push('entity = @entity');
      params.entity = opts.entity;
    }
    if (opts.entityId) {
      where.push('entity_id = @entityId');
      params.entityId = opts.entityId;
    }
    const sql = `SELECT seq, at, actor, action, entity, entity_id, summary, details, hash FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`;
    let stmt = this.pageStmts.get(sql);
    if (!stmt) this.pageStmts.set(sql, (stmt = this.db.prepare<Record<string, unknown>, ListedRow>(sql)));
    return stmt.all(params);
  }

  /** The chain hash at one seq (the anchor check), or undefined. */
  hashAt(seq: number): string | undefined {
    return this.db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?').get(seq)?.hash;
  }

  /** Entries in seq order within a time range (inclusive from, exclusive to), in keyset pages. */
  *iterateRange(range: AuditRange, pageSize = 5_000): Generator<AuditRow> {
    const params: Record<string, unknown> = { after: 0, limit: pageSize };
    const where = ['seq > @after', ...rangeWhere(range, params)];
    const stmt = this.db.prepare<Record<string, unknown>, AuditRow>(
      `SELECT seq, at, actor, action, entity, entity_id, summary, details, prev_hash, hash FROM audit_log WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @limit`,
    );
    for (;;) {
      const rows = stmt.all(params);
      yield* rows;
      if (rows.length < pageSize) return;
      params.after = rows[rows.length - 1].seq;
    }
  }

  countRange(range: AuditRange): number {
    const params: Record<string, unknown> = {};
    const where = rangeWhere(range, params);
    return this.db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).get(params)!.n;
  }

  /** The SQL of each trigger on audit_log, by name, as stored in the schema. */
  triggers(): Map<string, string> {
    const rows = this.db
      .prepare<[], { name: string; sql: string | null }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
      .all();
    return new Map(rows.map((r) => [r.name, r.sql ?? '']));
  }

  /** Drops a trigger of that name (if any) and creates it from `sql`. Inside the caller's transaction. */
  replaceTrigger(name: string, sql: string): void {
    this.db.exec(`DROP TRIGGER IF EXISTS "${name.replace(/"/g, '""')}"`);
    this.db.exec(sql);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  }
}

/** A slice of the log: a time range (from inclusive, to exclusive), up to a seq, one record. */
export interface AuditRange {
  fromAt?: string;
  toAt?: string;
  toSeq?: number;
  entity?: string;
  entityId?: string;
}

function rangeWhere(range: AuditRange, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  if (range.fromAt) (where.push('at >= @fromAt'), (params.fromAt = range.fromAt));
  if (range.toAt) (where.push('at < @toAt'), (params.toAt = range.toAt));
  if (range.toSeq !== undefined) (where.push('seq <= @toSeq'), (params.toSeq = range.toSeq));
  if (range.entity) (where.push('entity = @entity'), (params.entity = range.entity));
  if (range.entityId) (where.push('entity_id = @entityId'), (params.entityId = range.entityId));
  return where;
}
