import type { Migration } from '../store/migration';
import { SHIPPED_CALENDARS } from './data';

export const calendarMigrations: Migration[] = [
  {
    version: 100,
    name: 'country calendars (public holidays and declared working days), China 2025 and 2026 shipped',
    up(db) {
      db.exec(`
        CREATE TABLE calendar_years (
          country TEXT NOT NULL,
          year INTEGER NOT NULL,
          source TEXT NOT NULL,
          origin TEXT NOT NULL CHECK (origin IN ('shipped', 'edited', 'imported')),
          loaded_at TEXT NOT NULL,
          PRIMARY KEY (country, year)
        ) STRICT;

        CREATE TABLE calendar_days (
          country TEXT NOT NULL,
          date TEXT NOT NULL,
          year INTEGER NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
          name_en TEXT,
          name_zh TEXT,
          PRIMARY KEY (country, date),
          FOREIGN KEY (country, year) REFERENCES calendar_years (country, year) ON DELETE CASCADE
        ) STRICT;
      `);
      // Seeded at migration time: "loaded" is when this vault received the shipped schedule.
      const year = db.prepare(
        `INSERT INTO calendar_years (country, year, source, origin, loaded_at)
         VALUES (?, ?, ?, 'shipped', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
      );
      const day = db.prepare('INSERT INTO calendar_days (country, date, year, kind, name_en, name_zh) VALUES (?, ?, ?, ?, ?, ?)');
      for (const c of SHIPPED_CALENDARS) {
        year.run(c.country, c.year, c.source);
        for (const d of c.holidays) day.run(c.country, d.date, c.year, 'holiday', d.name?.en ?? null, d.name?.zh ?? null);
        for (const d of c.workdays) day.run(c.country, d.date, c.year, 'workday', d.name?.en ?? null, d.name?.zh ?? null);
      }
    },
  },
];
