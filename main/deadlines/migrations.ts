import type { Migration } from '../store/migration';

export const deadlinesMigrations: Migration[] = [
  {
    version: 110,
    name: 'stored deadlines with board, alert and calendar-recompute indexes',
    up(db) {
      db.exec(`
        -- Clustered on the board's order (WITHOUT ROWID, primary key (stored_state, due_at, id)):
        -- a board page is a run of neighbouring rows, a few pages read instead of one per row.
        CREATE TABLE deadlines (
          id TEXT NOT NULL UNIQUE,
          module TEXT NOT NULL,
          record_id TEXT NOT NULL,
          record_ref TEXT NOT NULL,
          record_title TEXT NOT NULL,
          key TEXT NOT NULL,
          rule_key TEXT NOT NULL,
          label TEXT,
          start TEXT NOT NULL,
          until TEXT,
          clock TEXT NOT NULL CHECK (clock IN ('due', 'immediate')),
          start_at TEXT NOT NULL,
          due_at TEXT NOT NULL,
          computed_due_at TEXT NOT NULL,
          zone TEXT NOT NULL,
          calendar TEXT,
          cal_country TEXT,
          cal_first_year INTEGER,
          cal_last_year INTEGER,
          explanation TEXT NOT NULL,
          stored_state TEXT NOT NULL CHECK (stored_state IN ('open', 'met', 'waived')),
          met_at TEXT,
          met_note TEXT,
          request_waived_reason TEXT,
          dpo_waived_reason TEXT,
          override_reason TEXT,
          changed_at TEXT NOT NULL,
          PRIMARY KEY (stored_state, due_at, id),
          UNIQUE (module, record_id, key)
        ) STRICT, WITHOUT ROWID;
        -- The board within one module: keyset on (due_at, id).
        CREATE INDEX deadlines_module_board ON deadlines (module, stored_state, due_at, id);
        -- Counts per module: with the primary key appended, (stored_state, module, due_at, id)
        -- covers the count query without reading the wide rows.
        CREATE INDEX deadlines_counts ON deadlines (stored_state, module);
        -- Alerts: open rows written since the last poll.
        CREATE INDEX deadlines_changed ON deadlines (changed_at) WHERE stored_state = 'open';
        -- Calendar edits recompute the deadlines whose counting touched the edited year.
        CREATE INDEX deadlines_calendar ON deadlines (cal_country, cal_first_year, cal_last_year);
      `);
    },
  },
  {
    version: 120,
    name: 'deadlines say which catalogue version computed them and which years were provisional',
    up(db) {
      db.exec(`
        -- The rule catalogue version in force at the start (issue 14); NULL for rows written before it.
        ALTER TABLE deadlines ADD COLUMN rule_version TEXT;
        -- Years counted on a provisional calendar ("2027" or "2027,2028"); NULL when none.
        ALTER TABLE deadlines ADD COLUMN provisional_years TEXT;
        -- The board counts open provisional deadlines.
        CREATE INDEX deadlines_provisional ON deadlines (provisional_years) WHERE stored_state = 'open' AND provisional_years IS NOT NULL;
        -- A catalogue change recomputes the deadlines of the rules it touched.
        CREATE INDEX deadlines_rule ON deadlines (rule_key);
      `);
    },
  },
];
