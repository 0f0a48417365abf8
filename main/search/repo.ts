import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store/database';

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

// Prepared once per open database: every write of every module re-indexes its record, and
// compiling the three statements cost more than running them.
const statements = new WeakMap<Db, Map<string, Statement>>();

export class SearchRepo {
  constructor(private readonly db: Db) {}

  private sql<P extends unknown[] = unknown[], R = unknown>(text: string): Statement<P, R> {
    let cache = statements.get(this.db);
    if (!cache) statements.set(this.db, (cache = new Map()));
    let stmt = cache.get(text);
    if (!stmt) cache.set(text, (stmt = this.db.prepare(text)));
    return stmt as unknown as Statement<P, R>;
  }

  upsert(doc: SearchDoc): void {
    const id = this.sql<[string, string], { id: number }>(
      `INSERT INTO search_docs (module, record_id) VALUES (?, ?)
       ON CONFLICT (module, record_id) DO UPDATE SET module = excluded.module RETURNING id`,
    ).get(doc.module, doc.recordId)!.id;
    this.sql('DELETE FROM search_index WHERE rowid = ?').run(id);
    this.sql('INSERT INTO search_index (rowid, module, record_id, ref, title, body) VALUES (?, ?, ?, ?, ?, ?)').run(
      id,
      doc.module,
      doc.recordId,
      doc.ref,
      doc.title,
      doc.body,
    );
  }

  remove(module: string, recordId: string): void {
    const row = this.sql<[string, string], { id: number }>('DELETE FROM search_docs WHERE module = ? AND record_id = ? RETURNING id').get(module, recordId);
    if (row) this.sql('DELETE FROM search_index WHERE rowid = ?').run(row.id);
  }

  /** The indexed ref and title of one record, or undefined. */
  find(module: string, recordId: string): { ref: string; title: string } | undefined {
    return this.db
      .prepare<[string, string], { ref: string; title: string }>(
        `SELECT i.ref, i.title FROM search_docs d JOIN search_index i ON i.rowid = d.id WHERE d.module = ? AND d.record_id = ?`,
      )
      .get(module, recordId);
  }

  /**
   * Trigram MATCH of every term (each 3+ characters), all required. Each term is one quoted FTS5
   * string, so user text is never FTS syntax (quotes doubled; NEAR, *, -, ( ) are just text).
   */
  match(terms: string[], limit: number): SearchRow[] {
    const query = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
    return this.db
      .prepare<[string, number], SearchRow>(
        `SELECT module, record_id, ref, title, snippet(search_index, 4, '', '', '…', 12) AS snippet
         FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(query, limit);
  }

  /** Trigrams cannot match one or two characters (common in Chinese): scan with LIKE instead, every term required. */
  like(terms: string[], limit: number): SearchRow[] {
    const patterns = terms.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const where = patterns.map(() => `(ref LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')`).join(' AND ');
    return this.db
      .prepare<unknown[], SearchRow>(`SELECT module, record_id, ref, title, substr(body, 1, 80) AS snippet FROM search_index WHERE ${where} LIMIT ?`)
      .all(...patterns.flatMap((p) => [p, p, p]), limit);
  }
}
