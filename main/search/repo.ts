import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store/database';
import { prepared } from '../store/prepared';
import { bigramText, ftsQuery, likePattern, type SearchPlan } from './rules';

export interface SearchDoc {
  module: string;
  recordId: string;
  ref: string;
  title: string;
  body: string;
}

export interface SearchRow {
  module: string;
  record_id: string;
  ref: string;
  title: string;
  snippet: string;
}

export class SearchRepo {
  constructor(private readonly db: Db) {}

  // Prepared once per open database: every write of every module re-indexes its record.
  private sql<P extends unknown[] = unknown[], R = unknown>(text: string): Statement<P, R> {
    return prepared<P, R>(this.db, text);
  }

  /**
   * Indexes a record under its fixed number (search_docs.id); both FTS5 tables use the number
   * negated as rowid, so their order is newest record first (main/search/rules.ts).
   */
  upsert(doc: SearchDoc): void {
    const id = this.sql<[string, string], { id: number }>(
      `INSERT INTO search_docs (module, record_id) VALUES (?, ?)
       ON CONFLICT (module, record_id) DO UPDATE SET module = excluded.module RETURNING id`,
    ).get(doc.module, doc.recordId)!.id;
    this.sql('DELETE FROM search_index WHERE rowid = ?').run(-id);
    this.sql('INSERT INTO search_index (rowid, module, record_id, ref, title, body) VALUES (?, ?, ?, ?, ?, ?)').run(
      -id,
      doc.module,
      doc.recordId,
      doc.ref,
      doc.title,
      doc.body,
    );
    this.sql('DELETE FROM search_bigrams WHERE rowid = ?').run(-id);
    const pairs = bigramText(doc.ref, doc.title, doc.body);
    if (pairs) this.sql('INSERT INTO search_bigrams (rowid, pairs) VALUES (?, ?)').run(-id, pairs);
  }

  remove(module: string, recordId: string): void {
    const row = this.sql<[string, string], { id: number }>('DELETE FROM search_docs WHERE module = ? AND record_id = ? RETURNING id').get(module, recordId);
    if (!row) return;
    this.sql('DELETE FROM search_index WHERE rowid = ?').run(-row.id);
    this.sql('DELETE FROM search_bigrams WHERE rowid = ?').run(-row.id);
  }

  /** The indexed ref and title of one record, or undefined. */
  find(module: string, recordId: string): { ref: string; title: string } | undefined {
    // The index rows sit under the record's number negated (newest first, see upsert).
    return this.sql<[string, string], { ref: string; title: string }>(
      `SELECT i.ref, i.title FROM search_docs d JOIN search_index i ON i.rowid = -d.id WHERE d.module = ? AND d.record_id = ?`,
    ).get(module, recordId);
  }

  /**
   * The first `limit` records holding every term, newest first: trigram phrases and CJK pairs
   * through their indexes, shorter terms scanned for (LIKE) among those hits, or across the
   * whole index when the query has nothing else.
   */
  search(plan: SearchPlan, limit: number): SearchRow[] {
    const params: unknown[] = [];
    const scanned = (alias: string) =>
      plan.scans.map((t) => {
        const p = likePattern(t);
        params.push(p, p, p);
        return `(${alias}ref LIKE ? ESCAPE '\\' OR ${alias}title LIKE ? ESCAPE '\\' OR ${alias}body LIKE ? ESCAPE '\\')`;
      });
    let sql: string;
    if (plan.phrases.length) {
      params.push(ftsQuery(plan.phrases));
      const where = ['search_index MATCH ?'];
      if (plan.pairs.length) {
        where.push('rowid IN (SELECT rowid FROM search_bigrams WHERE search_bigrams MATCH ?)');
        params.push(ftsQuery(plan.pairs));
      }
      where.push(...scanned(''));
      sql = `SELECT module, record_id, ref, title, snippet(search_index, 4, '', '', '…', 12) AS snippet
             FROM search_index WHERE ${where.join(' AND ')} ORDER BY rowid LIMIT ?`;
    } else if (plan.pairs.length) {
      // The snippet starts a little before the first pair in the body (the start when it is only in the title).
      params.push(plan.pairs[0], ftsQuery(plan.pairs));
      const where = ['search_bigrams MATCH ?', ...scanned('s.')];
      sql = `SELECT s.module, s.record_id, s.ref, s.title, substr(s.body, max(1, instr(s.body, ?) - 20), 80) AS snippet
             FROM search_bigrams JOIN search_index s ON s.rowid = search_bigrams.rowid
             WHERE ${where.join(' AND ')} ORDER BY search_bigrams.rowid LIMIT ?`;
    } else {
      const where = scanned('');
      sql = `SELECT module, record_id, ref, title, substr(body, 1, 80) AS snippet FROM search_index WHERE ${where.join(' AND ')} ORDER BY rowid LIMIT ?`;
    }
    params.push(limit);
    return this.sql<unknown[], SearchRow>(sql).all(...params);
  }
}
