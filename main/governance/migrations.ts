import type { Migration } from '../store/migration';

// Company-wide duties, a small module of the rules work (range 900–999, after the catalogue).
export const governanceMigrations: Migration[] = [
  {
    version: 950,
    name: 'governance: the PI protection officer and its reports',
    up(db) {
      db.exec(`
        CREATE TABLE governance_pio (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          individuals_total INTEGER,
          as_of TEXT,
          officer_name TEXT NOT NULL,
          officer_contact TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE governance_pio_events (
          seq INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('reached', 'materialChange', 'reported')),
          date TEXT NOT NULL,
          note TEXT NOT NULL,
          recorded_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];
