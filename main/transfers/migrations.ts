import type { Migration } from '../store/migration';

export const transfersMigrations: Migration[] = [
  {
    version: 400,
    name: 'transfer register, yearly volumes, filing events and changes',
    up(db) {
      db.exec(`
        CREATE TABLE transfers (
          seq INTEGER PRIMARY KEY,              -- keyset order of the register (newest first)
          id TEXT NOT NULL UNIQUE,
          ref TEXT NOT NULL UNIQUE,             -- XB-2026-0001
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          recipient_name TEXT NOT NULL,
          country TEXT NOT NULL,                -- ISO 3166-1 alpha-2
          chosen_route TEXT NOT NULL,
          filing_state TEXT NOT NULL,
          -- earliest open filing / supplement / re-filing due instant, as the deadline engine computed it
          next_due_at TEXT,
          -- 0 when an Art. 3/4/5(1)-(3) scenario keeps its volumes out of the cumulative count
          counted INTEGER NOT NULL,
          data TEXT NOT NULL                    -- JSON of the record's sections
        ) STRICT;
        CREATE INDEX transfers_route ON transfers(chosen_route, seq);
        CREATE INDEX transfers_country ON transfers(country, seq);
        CREATE INDEX transfers_filing ON transfers(filing_state, seq);
        CREATE INDEX transfers_next_due ON transfers(next_due_at, seq) WHERE next_due_at IS NOT NULL;

        CREATE TABLE transfer_volumes (
          transfer_id TEXT NOT NULL REFERENCES transfers(id),
          year INTEGER NOT NULL,
          non_sensitive INTEGER NOT NULL CHECK (non_sensitive >= 0),
          sensitive INTEGER NOT NULL CHECK (sensitive >= 0),
          -- copy of transfers.counted, so the year's totals are one covering-index sum
          counted INTEGER NOT NULL,
          note TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (transfer_id, year)
        ) STRICT;
        CREATE INDEX transfer_volumes_year ON transfer_volumes(year, counted, non_sensitive, sensitive);
        -- the year's largest volumes, for the totals panel, without sorting the whole year
        CREATE INDEX transfer_volumes_largest ON transfer_volumes(year, (non_sensitive + sensitive) DESC);

        CREATE TABLE transfer_company_years (
          year INTEGER PRIMARY KEY,
          duplicate_non_sensitive INTEGER NOT NULL CHECK (duplicate_non_sensitive >= 0),
          duplicate_sensitive INTEGER NOT NULL CHECK (duplicate_sensitive >= 0),
          processed_total INTEGER,
          note TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;

        -- Filing events and changes share one sequence, so "re-filed after the change" is decidable.
        CREATE TABLE transfer_events (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          transfer_id TEXT NOT NULL REFERENCES transfers(id),
          type TEXT NOT NULL CHECK (type IN ('filing', 'change')),
          kind TEXT NOT NULL,
          date TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          filing_number TEXT,
          reasons TEXT,
          change_kinds TEXT,
          summary TEXT,
          triggers_refiling INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX transfer_events_transfer ON transfer_events(transfer_id, seq);
      `);
    },
  },
  {
    version: 410,
    name: "Annex 1 scale kept once, as the year's volume",
    up(db) {
      // Annex 1's "scale: individuals" and the year's volume were two numbers for one fact. The
      // scale moves into transfer_volumes (the year it was last edited, in Beijing time) unless
      // that year already has a figure, and leaves the JSON.
      const rows = db.prepare("SELECT id, updated_at, counted, data FROM transfers WHERE json_extract(data, '$.annex1.individualsScale') IS NOT NULL").all() as { id: string; updated_at: string; counted: number; data: string }[];
      const has = db.prepare('SELECT 1 FROM transfer_volumes WHERE transfer_id = ? AND year = ?');
      const insert = db.prepare("INSERT INTO transfer_volumes (transfer_id, year, non_sensitive, sensitive, counted, note, updated_at) VALUES (?, ?, ?, 0, ?, '', ?)");
      const strip = db.prepare("UPDATE transfers SET data = json_set(data, '$.annex1.individualsScale', json('null')) WHERE id = ?");
      for (const r of rows) {
        const year = new Date(Date.parse(r.updated_at) + 8 * 3_600_000).getUTCFullYear();
        const scale = (JSON.parse(r.data) as { annex1: { individualsScale: number } }).annex1.individualsScale;
        if (!has.get(r.id, year)) insert.run(r.id, year, scale, r.counted, r.updated_at);
        strip.run(r.id);
      }
    },
  },
  {
    version: 420,
    name: 'incident reviews: an incident at the recipient re-opens the assessment',
    up(db) {
      db.exec(`
        -- An incident at the overseas recipient (linked to the transfer) opens a re-assessment:
        -- PIPIA review and possible re-filing (Standard Contract Measures), until the DPO records
        -- the outcome.
        CREATE TABLE transfer_reviews (
          id TEXT PRIMARY KEY,
          transfer_id TEXT NOT NULL REFERENCES transfers(id),
          link_id TEXT NOT NULL UNIQUE,
          incident_id TEXT NOT NULL,
          incident_ref TEXT NOT NULL,
          opened_on TEXT NOT NULL,
          outcome TEXT,
          note TEXT NOT NULL DEFAULT '',
          decided_on TEXT,
          recorded_at TEXT NOT NULL,
          recorded_by TEXT NOT NULL
        ) STRICT;
        CREATE INDEX transfer_reviews_transfer ON transfer_reviews(transfer_id, opened_on);
      `);
    },
  },
  {
    version: 430,
    name: 'a record created by mistake can be voided',
    up(db) {
      // Voided: kept (and audited) but greyed, out of the lists' counts and off the board.
      db.exec(`
        ALTER TABLE transfers ADD COLUMN voided_at TEXT;
        ALTER TABLE transfers ADD COLUMN voided_note TEXT;
      `);
    },
  },
];
