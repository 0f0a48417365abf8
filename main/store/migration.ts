import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * One forward-only schema step. Versions only go up; each module owns a range so parallel
 * work never collides: foundation 1–99, calendar/deadlines 100–199, incidents 200–299,
 * notices 300–399, transfers 400–499, inbox 500–599, attachments/backups 600–699,
 * exports/audit anchor 700–799, rule catalogue 900–999.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
