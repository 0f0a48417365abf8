import { bigramText } from '../search/rules';
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
  {
    version: 10,
    name: 'search: newest-first rowids and a two-character index for Chinese, Japanese and Korean text',
    up(db) {
      // Issue 16 (search at 1,000,000 records in ≤ 20 ms): trigrams cannot match a two-character
      // Chinese word, which the LIKE fallback found by scanning every record (seconds at a million);
      // and FTS5 walks its doclists forwards much faster than backwards, so the rowid is the record's
      // number negated: the index's own order is newest first (main/search/rules.ts). The trigram
      // index is rebuilt under the new rowids (once, at the first unlock after the update).
      db.function('dpo_bigram_text', { deterministic: true }, (ref, title, body) => bigramText(String(ref ?? ''), String(title ?? ''), String(body ?? '')));
      db.exec(`
        CREATE VIRTUAL TABLE search_index_v10 USING fts5(
          module UNINDEXED, record_id UNINDEXED, ref, title, body,
          tokenize = 'trigram'
        );
        INSERT INTO search_index_v10 (rowid, module, record_id, ref, title, body)
          SELECT -rowid, module, record_id, ref, title, body FROM search_index ORDER BY rowid DESC;
        DROP TABLE search_index;
        ALTER TABLE search_index_v10 RENAME TO search_index;
        -- Contentless: it only finds rowids; the text stays in search_index.
        CREATE VIRTUAL TABLE search_bigrams USING fts5(pairs, content = '', contentless_delete = 1, tokenize = 'ascii');
        INSERT INTO search_bigrams (rowid, pairs)
          SELECT rowid, pairs FROM (SELECT rowid, dpo_bigram_text(ref, title, body) AS pairs FROM search_index) WHERE pairs <> '';
      `);
    },
  },
];
