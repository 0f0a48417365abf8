import type { Migration } from '../store/migration';

export const noticesMigrations: Migration[] = [
  {
    version: 300,
    name: 'notices: drafts with versions, links, outputs and templates',
    up(db) {
      db.exec(`
        CREATE TABLE notices (
          id TEXT PRIMARY KEY,
          ref TEXT NOT NULL UNIQUE,
          kind TEXT NOT NULL,
          language TEXT NOT NULL,
          state TEXT NOT NULL,
          version INTEGER NOT NULL,
          subject TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        -- List screens: newest first, optionally by state or kind (keyset on updated_at, id).
        CREATE INDEX notices_updated ON notices(updated_at DESC, id DESC);
        CREATE INDEX notices_state_updated ON notices(state, updated_at DESC, id DESC);
        CREATE INDEX notices_kind_updated ON notices(kind, updated_at DESC, id DESC);

        -- Every version's content; the notices row points at the current one. Approved and
        -- dispatched versions are never changed again: editing them makes a new version.
        CREATE TABLE notice_versions (
          notice_id TEXT NOT NULL REFERENCES notices(id),
          version INTEGER NOT NULL,
          state TEXT NOT NULL,
          content TEXT NOT NULL,
          created_at TEXT NOT NULL,
          approved_by TEXT,
          approved_at TEXT,
          dispatch TEXT,
          PRIMARY KEY (notice_id, version)
        ) STRICT;

        CREATE TABLE notice_links (
          notice_id TEXT NOT NULL REFERENCES notices(id),
          module TEXT NOT NULL,
          record_id TEXT NOT NULL,
          PRIMARY KEY (notice_id, module, record_id)
        ) STRICT;
        CREATE INDEX notice_links_record ON notice_links(module, record_id, notice_id);

        -- Every file made from a notice, with its SHA-256 (also in the audit log).
        CREATE TABLE notice_outputs (
          id TEXT PRIMARY KEY,
          notice_id TEXT NOT NULL REFERENCES notices(id),
          version INTEGER NOT NULL,
          format TEXT NOT NULL,
          language TEXT NOT NULL,
          file_name TEXT NOT NULL,
          path TEXT,
          sha256 TEXT NOT NULL,
          bytes INTEGER NOT NULL,
          messages INTEGER NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX notice_outputs_notice ON notice_outputs(notice_id, created_at);

        -- The DPO's edits of the built-in templates; each save is a new version.
        CREATE TABLE notice_templates (
          kind TEXT NOT NULL,
          version INTEGER NOT NULL,
          content TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          updated_by TEXT NOT NULL,
          PRIMARY KEY (kind, version)
        ) STRICT;
      `);
    },
  },
  {
    version: 310,
    name: 'a record created by mistake can be voided',
    up(db) {
      // Voided: kept (and audited) but greyed, out of the lists' counts and off the board.
      db.exec(`
        ALTER TABLE notices ADD COLUMN voided_at TEXT;
        ALTER TABLE notices ADD COLUMN voided_note TEXT;
      `);
    },
  },
];
