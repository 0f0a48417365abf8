import { asTranslatable } from '../../preload/contract/common';
import type { Migration } from '../store/migration';

export const inboxMigrations: Migration[] = [
  {
    version: 500,
    name: 'inbox: requests, thread, identity checks, pauses, holds, raw messages, timeline',
    up(db) {
      db.exec(`
        CREATE TABLE inbox_requests (
          id TEXT PRIMARY KEY,
          ref TEXT NOT NULL UNIQUE,
          ref_year INTEGER NOT NULL,
          ref_seq INTEGER NOT NULL,
          channel TEXT NOT NULL,
          received_at TEXT NOT NULL,
          received_at_reason TEXT NOT NULL DEFAULT '',
          requester_name TEXT NOT NULL,
          requester_contact TEXT NOT NULL,
          requester_account TEXT NOT NULL DEFAULT '',
          is_minor INTEGER NOT NULL DEFAULT 0,
          guardian_name TEXT,
          guardian_contact TEXT,
          rep_kind TEXT,
          rep_name TEXT,
          rep_contact TEXT,
          rep_relationship TEXT,
          jurisdiction TEXT NOT NULL,
          type TEXT NOT NULL,
          subject TEXT NOT NULL,
          state TEXT NOT NULL,
          -- 1 while the reply clock runs (new, verifying, in progress): overdue and due-within filters.
          is_open INTEGER NOT NULL,
          internal_target TEXT,
          message_id TEXT,
          decision_outcome TEXT,
          decision_actions TEXT,
          refusal_ground TEXT,
          refusal_reasons TEXT,
          decided_at TEXT,
          decided_by TEXT,
          extension_notice_at TEXT,
          extension_reasons TEXT,
          reply_sent_at TEXT,
          withdrawn_reason TEXT,
          -- Copies of the engine's results, kept for sorting and filtering a million rows.
          due_at TEXT,
          gdpr_due_at TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          UNIQUE (ref_year, ref_seq)
        ) STRICT;
        -- Keyset indexes: (filter, due_at, id) so the first page sorted by due is an index walk.
        CREATE INDEX inbox_requests_state_due ON inbox_requests(state, due_at, id);
        CREATE INDEX inbox_requests_open_due ON inbox_requests(is_open, due_at, id);
        CREATE INDEX inbox_requests_type_due ON inbox_requests(type, due_at, id);
        CREATE INDEX inbox_requests_type_state_due ON inbox_requests(type, state, due_at, id);
        CREATE INDEX inbox_requests_jur_due ON inbox_requests(jurisdiction, due_at, id);
        CREATE INDEX inbox_requests_due ON inbox_requests(due_at, id);
        CREATE INDEX inbox_requests_received ON inbox_requests(received_at);

        -- Counts per state kept by triggers, so the list header never counts a million rows.
        CREATE TABLE inbox_state_counts (state TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT;
        CREATE TRIGGER inbox_count_insert AFTER INSERT ON inbox_requests BEGIN
          INSERT INTO inbox_state_counts(state, n) VALUES (NEW.state, 1)
            ON CONFLICT(state) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER inbox_count_update AFTER UPDATE OF state ON inbox_requests WHEN OLD.state <> NEW.state BEGIN
          UPDATE inbox_state_counts SET n = n - 1 WHERE state = OLD.state;
          INSERT INTO inbox_state_counts(state, n) VALUES (NEW.state, 1)
            ON CONFLICT(state) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER inbox_count_delete AFTER DELETE ON inbox_requests BEGIN
          UPDATE inbox_state_counts SET n = n - 1 WHERE state = OLD.state;
        END;

        CREATE TABLE inbox_messages (
          id TEXT PRIMARY KEY,
          request_id TEXT NOT NULL REFERENCES inbox_requests(id),
          direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
          at TEXT NOT NULL,
          channel TEXT NOT NULL,
          from_addr TEXT NOT NULL,
          to_addr TEXT NOT NULL,
          subject TEXT NOT NULL,
          body TEXT NOT NULL,
          attachments TEXT NOT NULL DEFAULT '[]',
          raw_id TEXT
        ) STRICT;
        CREATE INDEX inbox_messages_request ON inbox_messages(request_id, at);

        -- The imported message file, byte for byte, inside the encrypted vault.
        CREATE TABLE inbox_raw_messages (
          id TEXT PRIMARY KEY,
          request_id TEXT NOT NULL REFERENCES inbox_requests(id),
          dedupe_key TEXT NOT NULL UNIQUE,
          file_name TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          bytes BLOB NOT NULL,
          imported_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE inbox_identity_checks (
          id TEXT PRIMARY KEY,
          request_id TEXT NOT NULL REFERENCES inbox_requests(id),
          method TEXT NOT NULL,
          verified_by TEXT NOT NULL,
          verified_at TEXT NOT NULL,
          outcome TEXT NOT NULL,
          account_checked INTEGER NOT NULL,
          note TEXT NOT NULL,
          recorded_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX inbox_identity_request ON inbox_identity_checks(request_id, recorded_at);

        CREATE TABLE inbox_pauses (
          id INTEGER PRIMARY KEY,
          request_id TEXT NOT NULL REFERENCES inbox_requests(id),
          started_at TEXT NOT NULL,
          ended_at TEXT,
          reason TEXT NOT NULL
        ) STRICT;
        CREATE INDEX inbox_pauses_request ON inbox_pauses(request_id, started_at);

        CREATE TABLE inbox_holds (
          id TEXT PRIMARY KEY,
          request_id TEXT NOT NULL REFERENCES inbox_requests(id),
          kind TEXT NOT NULL,
          description TEXT NOT NULL,
          from_date TEXT,
          until_date TEXT,
          cleared_at TEXT,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX inbox_holds_request ON inbox_holds(request_id, created_at);

        CREATE TABLE inbox_timeline (
          id INTEGER PRIMARY KEY,
          request_id TEXT NOT NULL REFERENCES inbox_requests(id),
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          kind TEXT NOT NULL,
          text TEXT NOT NULL
        ) STRICT;
        CREATE INDEX inbox_timeline_request ON inbox_timeline(request_id, id);
      `);
    },
  },
  {
    version: 501,
    name: 'inbox: what was wrong with an imported message file (truncated, charset, MIME), per message',
    up(db) {
      db.exec(`ALTER TABLE inbox_messages ADD COLUMN problems TEXT NOT NULL DEFAULT '[]';`);
    },
  },
  {
    version: 510,
    name: 'inbox pauses say whether they are the identity pause or a regime’s stop-the-clock',
    up(db) {
      // Issue 14: "stop the clock" (UK GDPR as amended from 2026-02-05) is its own event with its reason and resume.
      db.exec(`ALTER TABLE inbox_pauses ADD COLUMN kind TEXT NOT NULL DEFAULT 'identity' CHECK (kind IN ('identity', 'stopClock'));`);
    },
  },
  {
    version: 512,
    name: 'inbox history stored as action and parameters',
    up(db) {
      // The history was English sentences with raw codes ("inProgress → refused"); entries now
      // keep what happened as data and the screen says it in the DPO's language.
      db.exec(`
        ALTER TABLE inbox_timeline ADD COLUMN action TEXT;
        ALTER TABLE inbox_timeline ADD COLUMN params TEXT;
      `);
    },
  },
  {
    version: 520,
    name: 'a record created by mistake can be voided',
    up(db) {
      // Voided: kept (and audited) but greyed, out of the lists' counts and off the board.
      db.exec(`
        ALTER TABLE inbox_requests ADD COLUMN voided_at TEXT;
        ALTER TABLE inbox_requests ADD COLUMN voided_note TEXT;
      `);
    },
  },
  {
    version: 540,
    name: 'a decision’s actions taken and refusal reasons as {zh, en} pairs',
    up(db) {
      // Issue 13: the reply prints each language's own version. A stored string is filed by its
      // script (any Han character → Chinese, else English) and kept as JSON in the same column.
      const rows = db.prepare<[], { id: string; a: string | null; r: string | null }>('SELECT id, decision_actions AS a, refusal_reasons AS r FROM inbox_requests WHERE decision_actions IS NOT NULL OR refusal_reasons IS NOT NULL').all();
      const save = db.prepare('UPDATE inbox_requests SET decision_actions = ?, refusal_reasons = ? WHERE id = ?');
      const pair = (s: string | null) => (s === null ? null : JSON.stringify(asTranslatable(s.trim())));
      for (const row of rows) save.run(pair(row.a), pair(row.r), row.id);
    },
  },
  {
    version: 541,
    name: 'voided requests found by their own index',
    up(db) {
      // The state counts subtract the voided requests; without an index that read scanned every
      // request on each inbox list (about 3 s at 100,000 requests). Voided requests are few.
      db.exec(`CREATE INDEX IF NOT EXISTS inbox_requests_voided ON inbox_requests(state) WHERE voided_at IS NOT NULL;`);
    },
  },
];
