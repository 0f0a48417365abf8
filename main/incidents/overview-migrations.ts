import type { Migration } from '../store/migration';

// Issue 17: incidents per quarter by CAC grade at scale. Kept per month of discovery (Beijing,
// UTC+8) and grade in force by triggers on the register; the overview adds months into quarters.
// A voided incident (created by mistake) counts nowhere.

const MONTH = (o: 'OLD' | 'NEW') => `strftime('%Y-%m', ${o}.discovered_at, '+8 hours')`;
const CHANGED = 'OLD.discovered_at IS NOT NEW.discovered_at OR OLD.grade IS NOT NEW.grade OR OLD.voided_at IS NOT NEW.voided_at';
const add = (o: 'OLD' | 'NEW') =>
  `INSERT INTO incident_month_grades (month, grade, n) VALUES (${MONTH(o)}, ${o}.grade, 1) ON CONFLICT (month, grade) DO UPDATE SET n = n + 1;`;
const remove = (o: 'OLD' | 'NEW') => `UPDATE incident_month_grades SET n = n - 1 WHERE month = ${MONTH(o)} AND grade = ${o}.grade;`;

export const incidentsOverviewMigrations: Migration[] = [
  {
    version: 250,
    name: 'incidents per month of discovery and grade, kept by triggers (the overview)',
    up(db) {
      db.exec(`
        CREATE TABLE incident_month_grades (month TEXT NOT NULL, grade TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (month, grade)) STRICT, WITHOUT ROWID;
        INSERT INTO incident_month_grades (month, grade, n)
          SELECT strftime('%Y-%m', discovered_at, '+8 hours'), grade, count(*) FROM incidents WHERE voided_at IS NULL GROUP BY 1, 2;
        CREATE TRIGGER incident_months_insert AFTER INSERT ON incidents WHEN NEW.voided_at IS NULL BEGIN ${add('NEW')} END;
        CREATE TRIGGER incident_months_delete AFTER DELETE ON incidents WHEN OLD.voided_at IS NULL BEGIN ${remove('OLD')} END;
        CREATE TRIGGER incident_months_update_old AFTER UPDATE OF discovered_at, grade, voided_at ON incidents
          WHEN OLD.voided_at IS NULL AND (${CHANGED}) BEGIN ${remove('OLD')} END;
        CREATE TRIGGER incident_months_update_new AFTER UPDATE OF discovered_at, grade, voided_at ON incidents
          WHEN NEW.voided_at IS NULL AND (${CHANGED}) BEGIN ${add('NEW')} END;
      `);
    },
  },
];
