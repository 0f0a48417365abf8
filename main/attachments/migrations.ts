import type { Migration } from '../store/migration';

/** Attachments and backups own 600–699. */
export const attachmentsMigrations: Migration[] = [
  {
    version: 600,
    name: 'attachments stored in the vault in chunks',
    up(db) {
      // Files live inside the encrypted database (never as plaintext beside it), one row per
      // 2 MiB chunk. A rowid table, not WITHOUT ROWID: SQLite advises WITHOUT ROWID only for
      // small rows, and these are megabytes. A file is 'uploading' until its last chunk and its
      // SHA-256 are in; only then does it appear on the record (and in the audit log).
      db.exec(`
        CREATE TABLE attachments (
          id TEXT PRIMARY KEY,
          module TEXT NOT NULL,
          record_id TEXT NOT NULL,
          subject_id TEXT,
          role TEXT NOT NULL,
          name TEXT NOT NULL,
          size INTEGER NOT NULL,
          type TEXT NOT NULL DEFAULT '',
          sha256 TEXT NOT NULL DEFAULT '',
          chunk_size INTEGER NOT NULL,
          chunks INTEGER NOT NULL DEFAULT 0,
          state TEXT NOT NULL CHECK (state IN ('uploading', 'stored', 'removed')),
          added_at TEXT NOT NULL,
          added_by TEXT NOT NULL,
          removed_at TEXT,
          removed_by TEXT,
          removed_reason TEXT
        ) STRICT;
        CREATE INDEX attachments_by_record ON attachments(module, record_id, added_at);

        CREATE TABLE attachment_chunks (
          attachment_id TEXT NOT NULL REFERENCES attachments(id),
          seq INTEGER NOT NULL,
          data BLOB NOT NULL,
          PRIMARY KEY (attachment_id, seq)
        ) STRICT;
      `);
    },
  },
  {
    version: 610,
    name: 'unfinished uploads found by their own index',
    up(db) {
      // Every unlock clears the uploads a lock interrupted; without an index that scanned every
      // attachment row. Unfinished uploads are few.
      db.exec(`CREATE INDEX IF NOT EXISTS attachments_uploading ON attachments(id) WHERE state = 'uploading';`);
    },
  },
];
