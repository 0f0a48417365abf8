import type { Migration } from '../store/migration';

// Issue 17: transfers by route and filing state at scale, kept by triggers on the register.
// A voided transfer (created by mistake) counts nowhere.

const CHANGED = 'OLD.chosen_route IS NOT NEW.chosen_route OR OLD.filing_state IS NOT NEW.filing_state OR OLD.voided_at IS NOT NEW.voided_at';
const add = (o: 'OLD' | 'NEW') =>
  `INSERT INTO transfer_route_states (route, filing_state, n) VALUES (${o}.chosen_route, ${o}.filing_state, 1) ON CONFLICT (route, filing_state) DO UPDATE SET n = n + 1;`;
const remove = (o: 'OLD' | 'NEW') => `UPDATE transfer_route_states SET n = n - 1 WHERE route = ${o}.chosen_route AND filing_state = ${o}.filing_state;`;

export const transfersOverviewMigrations: Migration[] = [
  {
    version: 440,
    name: 'transfers per route and filing state, kept by triggers (the overview)',
    up(db) {
      db.exec(`
        CREATE TABLE transfer_route_states (route TEXT NOT NULL, filing_state TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (route, filing_state)) STRICT, WITHOUT ROWID;
        INSERT INTO transfer_route_states (route, filing_state, n)
          SELECT chosen_route, filing_state, count(*) FROM transfers WHERE voided_at IS NULL GROUP BY 1, 2;
        CREATE TRIGGER transfer_routes_insert AFTER INSERT ON transfers WHEN NEW.voided_at IS NULL BEGIN ${add('NEW')} END;
        CREATE TRIGGER transfer_routes_delete AFTER DELETE ON transfers WHEN OLD.voided_at IS NULL BEGIN ${remove('OLD')} END;
        CREATE TRIGGER transfer_routes_update_old AFTER UPDATE OF chosen_route, filing_state, voided_at ON transfers
          WHEN OLD.voided_at IS NULL AND (${CHANGED}) BEGIN ${remove('OLD')} END;
        CREATE TRIGGER transfer_routes_update_new AFTER UPDATE OF chosen_route, filing_state, voided_at ON transfers
          WHEN NEW.voided_at IS NULL AND (${CHANGED}) BEGIN ${add('NEW')} END;
      `);
    },
  },
];
