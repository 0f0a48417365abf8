import { rmSync } from 'node:fs';
import { openDatabase, type Db } from '../main/store/database';

// The limit of this design is what plain SQLite does with the same rows: an unencrypted copy of a
// vault (same schema, same rows, rowids kept, the FTS5 shadow tables copied as they are, indexes
// built after the rows, statistics copied) opened with the app's own pragmas. The bench times the
// same SQL on it beside each figure.

interface SchemaRow {
  type: 'table' | 'index' | 'trigger' | 'view';
  name: string;
  tbl_name: string;
  sql: string | null;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables FTS5 creates for itself (`<vtab>_data`, `_idx`, `_content`, `_docsize`, `_config`). */
function shadowOf(virtualTables: string[], name: string): boolean {
  return virtualTables.some((v) => ['_data', '_idx', '_content', '_docsize', '_config'].some((s) => name === `${v}${s}`));
}

/**
 * Writes an unencrypted copy of `source` (an open vault) to `path` and opens it. The copy goes
 * through one ATTACH of the plain file (SQLite3MultipleCiphers: `KEY ''` = no cipher), so no key
 * leaves the vault's connection.
 */
export function copyToPlain(source: Db, path: string): Db {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  const schema = source
    .prepare<[], SchemaRow>(`SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid`)
    .all();
  const virtuals = schema.filter((s) => s.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(s.sql ?? '')).map((s) => s.name);
  const tables = schema.filter((s) => s.type === 'table' && !virtuals.includes(s.name));
  const created = tables.filter((s) => !shadowOf(virtuals, s.name));

  // The tables (and virtual tables, which create their shadow tables) first, empty.
  const plain = openDatabase(path, { key: null });
  plain.exec(schema.filter((s) => s.type === 'table' && (virtuals.includes(s.name) || created.includes(s))).map((s) => `${s.sql};`).join('\n'));
  const hasStats = !!source.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'`).get();
  if (hasStats) plain.exec('ANALYZE'); // creates sqlite_stat1, filled from the source below
  plain.pragma(`user_version = ${source.pragma('user_version', { simple: true }) as number}`);
  plain.close();

  source.prepare(`ATTACH DATABASE ? AS plain KEY ''`).run(path);
  // FTS5's shadow tables are written directly (defensive mode refuses that otherwise).
  source.unsafeMode(true);
  try {
    source.pragma('plain.journal_mode = OFF');
    source.pragma('plain.synchronous = OFF');
    source.transaction(() => {
      for (const t of tables) {
        const rowid = !/WITHOUT\s+ROWID/i.test(t.sql ?? '');
        source.exec(`DELETE FROM plain.${q(t.name)}`);
        const cols = columnsOf(source, t.name);
        const keep = rowid ? 'rowid, ' : '';
        source.exec(`INSERT INTO plain.${q(t.name)} (${keep}${cols}) SELECT ${keep}${cols} FROM main.${q(t.name)}`);
      }
      if (hasStats) {
        source.exec('DELETE FROM plain.sqlite_stat1');
        source.exec('INSERT INTO plain.sqlite_stat1 SELECT * FROM main.sqlite_stat1');
      }
    })();
  } finally {
    source.exec('DETACH DATABASE plain');
    source.unsafeMode(false);
  }

  // Indexes and triggers after the rows (sorted builds; no trigger fires on the copy).
  const copy = openDatabase(path, { key: null });
  copy.exec(schema.filter((s) => (s.type === 'index' || s.type === 'trigger' || s.type === 'view') && s.sql).map((s) => `${s.sql};`).join('\n'));
  copy.pragma('wal_checkpoint(TRUNCATE)');
  return copy;
}

function columnsOf(db: Db, table: string): string {
  return db
    .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
    .all(table)
    .map((c) => q(c.name))
    .join(', ');
}
