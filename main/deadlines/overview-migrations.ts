import type { Migration } from '../store/migration';

// Issue 17: the overview counts open clocks by regime and state and the next 30 days by day at a
// million records. Counting the deadlines table each time would read every open row; instead a
// table of open clocks per UTC hour of their due time is kept in step by triggers (so every write
// path, bulk ones included, keeps it right). A due state needs "now": whole hours before or after
// now's hour come from this table, the one or two hours that straddle now and the due-soon limit
// are counted from the deadlines themselves (a short index range). The board's bucket counts read
// the same table (migration 132 dropped the per-day one that issue 16 kept beside it).

export const deadlinesOverviewMigrations: Migration[] = [
  {
    version: 130,
    name: 'open clocks counted per due hour, rule and module (the overview)',
    up(db) {
      db.exec(`
        CREATE TABLE deadline_open_hours (
          due_hour TEXT NOT NULL,   -- substr(due_at, 1, 13): '2026-11-29T02' (UTC)
          rule_key TEXT NOT NULL,
          clock TEXT NOT NULL,
          module TEXT NOT NULL,
          n INTEGER NOT NULL,
          PRIMARY KEY (due_hour, rule_key, clock, module)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO deadline_open_hours (due_hour, rule_key, clock, module, n)
          SELECT substr(due_at, 1, 13), rule_key, clock, module, count(*) FROM deadlines
          WHERE stored_state = 'open' GROUP BY 1, 2, 3, 4;

        CREATE TRIGGER deadline_open_hours_insert AFTER INSERT ON deadlines WHEN NEW.stored_state = 'open' BEGIN
          INSERT INTO deadline_open_hours (due_hour, rule_key, clock, module, n) VALUES (substr(NEW.due_at, 1, 13), NEW.rule_key, NEW.clock, NEW.module, 1)
            ON CONFLICT (due_hour, rule_key, clock, module) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER deadline_open_hours_delete AFTER DELETE ON deadlines WHEN OLD.stored_state = 'open' BEGIN
          UPDATE deadline_open_hours SET n = n - 1
            WHERE due_hour = substr(OLD.due_at, 1, 13) AND rule_key = OLD.rule_key AND clock = OLD.clock AND module = OLD.module;
        END;
        -- An upsert sets every column: only a real change of what is counted moves the counts.
        CREATE TRIGGER deadline_open_hours_update_old AFTER UPDATE OF stored_state, due_at, rule_key, clock, module ON deadlines
          WHEN OLD.stored_state = 'open' AND (NEW.stored_state IS NOT 'open' OR OLD.due_at IS NOT NEW.due_at OR OLD.rule_key IS NOT NEW.rule_key OR OLD.clock IS NOT NEW.clock OR OLD.module IS NOT NEW.module) BEGIN
          UPDATE deadline_open_hours SET n = n - 1
            WHERE due_hour = substr(OLD.due_at, 1, 13) AND rule_key = OLD.rule_key AND clock = OLD.clock AND module = OLD.module;
        END;
        CREATE TRIGGER deadline_open_hours_update_new AFTER UPDATE OF stored_state, due_at, rule_key, clock, module ON deadlines
          WHEN NEW.stored_state = 'open' AND (OLD.stored_state IS NOT 'open' OR OLD.due_at IS NOT NEW.due_at OR OLD.rule_key IS NOT NEW.rule_key OR OLD.clock IS NOT NEW.clock OR OLD.module IS NOT NEW.module) BEGIN
          INSERT INTO deadline_open_hours (due_hour, rule_key, clock, module, n) VALUES (substr(NEW.due_at, 1, 13), NEW.rule_key, NEW.clock, NEW.module, 1)
            ON CONFLICT (due_hour, rule_key, clock, module) DO UPDATE SET n = n + 1;
        END;
        -- Rows that reach zero go, so the table holds only hours with open clocks.
        CREATE TRIGGER deadline_open_hours_zero AFTER UPDATE OF n ON deadline_open_hours WHEN NEW.n <= 0 BEGIN
          DELETE FROM deadline_open_hours WHERE due_hour = NEW.due_hour AND rule_key = NEW.rule_key AND clock = NEW.clock AND module = NEW.module;
        END;
      `);
    },
  },
];
