import type { Migration } from './migration';

export const foundationMigrations: Migration[] = [
  {
    version: 1,
    name: 'settings, audit log, search index',
    up(db) {
      db.exec(`
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE audit_log (
          seq INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          entity TEXT NOT NULL,
          entity_id TEXT,
          summary TEXT NOT NULL,
          details TEXT NOT NULL,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        ) STRICT;
        CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, seq);

        -- Append-only: the app never changes history; the HMAC chain catches anyone who does.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

        -- Trigram so Chinese text is searchable without a word segmenter.
        CREATE VIRTUAL TABLE search_index USING fts5(
          module UNINDEXED, record_id UNINDEXED, ref, title, body,
          tokenize = 'trigram'
        );
      `);
    },
  },
  {
    version: 2,
    name: 'search index keyed by record',
    up(db) {
      // FTS5 cannot index its UNINDEXED columns, so removing a record by (module, record_id)
      // scanned the whole index. A keyed table gives each record a fixed rowid instead.
      db.exec(`
        CREATE TABLE search_docs (
          id INTEGER PRIMARY KEY,
          module TEXT NOT NULL,
          record_id TEXT NOT NULL,
          UNIQUE (module, record_id)
        ) STRICT;
        INSERT INTO search_docs (id, module, record_id) SELECT rowid, module, record_id FROM search_index;
      `);
    },
  },
];
