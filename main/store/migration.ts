import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * One forward-only schema step. Each module owns a range so parallel work never collides, and
 * numbers its steps upwards inside it; a vault runs every step it has not had (the ledger,
 * migration-ledger.ts), so a new step in a low range still reaches a vault at a higher version: foundation 1–99, calendar/deadlines 100–199, incidents 200–299,
 * notices 300–399, transfers 400–499, inbox 500–599, attachments/backups 600–699,
 * exports/audit anchor 700–799, rule catalogue 900–999.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
