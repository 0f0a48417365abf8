import type { Db } from '../store/database';
import type { AuditRow } from './model';

export class AuditRepo {
  private readonly lastStmt;
  private readonly insertStmt;
  private readonly pageStmt;

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
  *iterateAll(pageSize = 20_000): Generator<AuditRow> {
    let after = 0;
    for (;;) {
      const rows = this.pageStmt.all(after, pageSize) as [number, string, string, string, string, string | null, string, string, string, string][];
      for (const [seq, at, actor, action, entity, entity_id, summary, details, prev_hash, hash] of rows) {
        yield { seq, at, actor, action, entity, entity_id, summary, details, prev_hash, hash };
      }
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1][0];
    }
  }

  /** Newest first, keyset on seq. */
  page(opts: { beforeSeq: number | null; limit: number; entity?: string; entityId?: string }): AuditRow[] {
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
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`;
    return this.db.prepare<Record<string, unknown>, AuditRow>(sql).all(params);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  }
}
