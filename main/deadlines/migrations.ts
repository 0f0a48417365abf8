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
  {
    version: 131,
    name: 'open deadlines counted per module and due day, kept by triggers',
    up(db) {
      // Issue 16: deadlines.counts read every open row (396 ms at 1,000,000 deadlines). The board's
      // buckets (overdue, today, this week, later) move with the clock, so what is kept is not the
      // buckets but how many open deadlines fall due on each UTC day, per module: that never
      // changes as time passes. A count up to any instant is the days before its own (a sum over
      // this small table) plus the open rows of that one day (a range of the primary key). The
      // triggers run inside the statement that writes a deadline, so the counts are in the same
      // transaction as every write, whichever code path makes it.
      db.exec(`
        CREATE TABLE deadline_counts (
          module TEXT NOT NULL,
          day TEXT NOT NULL,
          n INTEGER NOT NULL,
          PRIMARY KEY (module, day)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO deadline_counts (module, day, n)
          SELECT module, substr(due_at, 1, 10), count(*) FROM deadlines WHERE stored_state = 'open' GROUP BY 1, 2;

        CREATE TRIGGER deadline_counts_insert AFTER INSERT ON deadlines WHEN NEW.stored_state = 'open' BEGIN
          INSERT INTO deadline_counts (module, day, n) VALUES (NEW.module, substr(NEW.due_at, 1, 10), 1)
            ON CONFLICT (module, day) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER deadline_counts_delete AFTER DELETE ON deadlines WHEN OLD.stored_state = 'open' BEGIN
          UPDATE deadline_counts SET n = n - 1 WHERE module = OLD.module AND day = substr(OLD.due_at, 1, 10);
          DELETE FROM deadline_counts WHERE module = OLD.module AND day = substr(OLD.due_at, 1, 10) AND n <= 0;
        END;
        CREATE TRIGGER deadline_counts_update AFTER UPDATE OF stored_state, due_at, module ON deadlines
          WHEN (OLD.stored_state = 'open' OR NEW.stored_state = 'open')
            AND (OLD.stored_state IS NOT NEW.stored_state OR substr(OLD.due_at, 1, 10) IS NOT substr(NEW.due_at, 1, 10) OR OLD.module IS NOT NEW.module)
        BEGIN
          UPDATE deadline_counts SET n = n - 1 WHERE OLD.stored_state = 'open' AND module = OLD.module AND day = substr(OLD.due_at, 1, 10);
          DELETE FROM deadline_counts WHERE OLD.stored_state = 'open' AND module = OLD.module AND day = substr(OLD.due_at, 1, 10) AND n <= 0;
          INSERT INTO deadline_counts (module, day, n) SELECT NEW.module, substr(NEW.due_at, 1, 10), 1 WHERE NEW.stored_state = 'open'
            ON CONFLICT (module, day) DO UPDATE SET n = n + 1;
        END;
        -- Only the old counting query read it; every write to a million rows paid for it.
        DROP INDEX deadlines_counts;
      `);
    },
  },
  {
    version: 132,
    name: 'one kept count of open deadlines: the per-hour table serves the board counts too',
    up(db) {
      // Issue 17 kept open clocks per hour, rule and module for the overview (130); issue 16 kept
      // them per day and module for the board (131). One fact in two homes, and every deadline
      // write paid for both sets of triggers. The board's buckets are now read from the per-hour
      // table (a finer grain gives the coarser one), so the per-day table goes.
      db.exec(`
        DROP TRIGGER IF EXISTS deadline_counts_insert;
        DROP TRIGGER IF EXISTS deadline_counts_delete;
        DROP TRIGGER IF EXISTS deadline_counts_update;
        DROP TABLE IF EXISTS deadline_counts;
      `);
    },
  },
  {
    version: 133,
    name: 'the open "immediately" duties in board order, for the board\'s own place for them',
    up(db) {
      // Issue 17: only a fixed due time turns overdue, so the board lists the "immediately" duties
      // (due now, whenever they started) after the overdue ones and before the rest; they are
      // read apart, in their own small index, rather than picked out of every open row.
      db.exec(`CREATE INDEX deadlines_immediate ON deadlines (due_at, id) WHERE stored_state = 'open' AND clock = 'immediate';`);
    },
  },
];
