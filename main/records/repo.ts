import type { Db } from '../store/database';

export interface LinkRow {
  id: string;
  a_module: string;
  a_id: string;
  b_module: string;
  b_id: string;
  role: string;
  created_at: string;
  created_by: string;
}

export class RecordsRepo {
  constructor(private readonly db: Db) {}

  insert(row: LinkRow): void {
    this.db
      .prepare('INSERT INTO record_links VALUES (@id, @a_module, @a_id, @b_module, @b_id, @role, @created_at, @created_by)')
      .run(row);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM record_links WHERE id = ?').run(id);
  }

  byId(id: string): LinkRow | undefined {
    return this.db.prepare<[string], LinkRow>('SELECT * FROM record_links WHERE id = ?').get(id);
  }

  pair(a: { module: string; id: string }, b: { module: string; id: string }): LinkRow | undefined {
    return this.db
      .prepare<[string, string, string, string], LinkRow>('SELECT * FROM record_links WHERE a_module = ? AND a_id = ? AND b_module = ? AND b_id = ?')
      .get(a.module, a.id, b.module, b.id);
  }

  /** Every link of a record, whichever side it is stored on. */
  of(module: string, id: string): LinkRow[] {
    return this.db
      .prepare<[string, string, string, string], LinkRow>(
        'SELECT * FROM record_links WHERE (a_module = ? AND a_id = ?) OR (b_module = ? AND b_id = ?) ORDER BY created_at, id',
      )
      .all(module, id, module, id);
  }
}
