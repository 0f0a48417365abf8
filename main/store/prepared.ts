import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database';

// Compiled statements per open database: a record's page, a list page and every module's sync
// run the same few queries many times, and compiling one costs more than running it (the plain
// SQLite baseline of the bench prepares once, too). A closed database drops its statements with it.
const compiled = new WeakMap<Db, Map<string, Statement>>();

/** `db.prepare(sql)`, compiled once per open database and SQL text. */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let byDb = compiled.get(db);
  if (!byDb) compiled.set(db, (byDb = new Map()));
  let stmt = byDb.get(sql);
  if (!stmt) byDb.set(sql, (stmt = db.prepare(sql)));
  return stmt as unknown as Statement<P, R>;
}
