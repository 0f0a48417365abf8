import type { Db } from '../../main/store/database';

// Bulk seeding on the vault's own connection, inside the repositories' own statements: the rows
// go through the same INSERTs the services use, only many to a transaction, with the tables'
// secondary indexes dropped while they load and built again afterwards (a sorted build instead
// of a million random index inserts) and a large page cache meanwhile (an evicted page of an
// encrypted vault is written and read back through the cipher). The schema is the same after.

/** Runs fn with a 512 MiB page cache, then gives it back. */
export function withLargeCache<T>(db: Db, fn: () => T): T {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -524288');
  try {
    return fn();
  } finally {
    db.pragma(`cache_size = ${before}`);
  }
}

/**
 * Drops the named tables' explicit indexes, runs fn, and creates them again from their own
 * stored definitions (unique ones too: a duplicate the load let in fails the build).
 */
export function withoutIndexes<T>(db: Db, tables: string[], fn: () => T): T {
  const indexes = db
    .prepare<string[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`,
    )
    .all(...tables);
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  try {
    return fn();
  } finally {
    for (const i of indexes) db.exec(i.sql);
  }
}

/** Calls write(from, to) for consecutive slices of [0, n), one transaction each. */
export function inBatches(db: Db, n: number, size: number, write: (from: number, to: number) => void, progress?: (done: number) => void): void {
  const batch = db.transaction((from: number, to: number) => write(from, to));
  for (let from = 0; from < n; from += size) {
    batch(from, Math.min(n, from + size));
    progress?.(Math.min(n, from + size));
  }
}
