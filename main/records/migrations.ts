import type { Migration } from '../store/migration';

export const recordsMigrations: Migration[] = [
  {
    version: 800,
    name: 'links between any two records',
    up(db) {
      db.exec(`
        -- One row per pair, stored in a fixed order (a < b), shown on both sides.
        CREATE TABLE record_links (
          id TEXT PRIMARY KEY,
          a_module TEXT NOT NULL,
          a_id TEXT NOT NULL,
          b_module TEXT NOT NULL,
          b_id TEXT NOT NULL,
          role TEXT NOT NULL,
          created_at TEXT NOT NULL,
          created_by TEXT NOT NULL,
          UNIQUE (a_module, a_id, b_module, b_id)
        ) STRICT;
        CREATE INDEX record_links_b ON record_links(b_module, b_id);
      `);
    },
  },
];
