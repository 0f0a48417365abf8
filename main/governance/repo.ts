import type { Db } from '../store/database';

export interface PioRow {
  individuals_total: number | null;
  as_of: string | null;
  officer_name: string;
  officer_contact: string;
  updated_at: string;
}
export interface PioEventRow {
  seq: number;
  kind: 'reached' | 'materialChange' | 'reported';
  date: string;
  note: string;
  recorded_at: string;
}

export class GovernanceRepo {
  constructor(private readonly db: Db) {}

  pio(): PioRow | undefined {
    return this.db.prepare<[], PioRow>('SELECT individuals_total, as_of, officer_name, officer_contact, updated_at FROM governance_pio WHERE id = 1').get();
  }

  savePio(row: PioRow): void {
    this.db
      .prepare(
        `INSERT INTO governance_pio (id, individuals_total, as_of, officer_name, officer_contact, updated_at) VALUES (1, @individuals_total, @as_of, @officer_name, @officer_contact, @updated_at)
         ON CONFLICT (id) DO UPDATE SET individuals_total = excluded.individuals_total, as_of = excluded.as_of, officer_name = excluded.officer_name,
           officer_contact = excluded.officer_contact, updated_at = excluded.updated_at`,
      )
      .run(row);
  }

  events(): PioEventRow[] {
    return this.db.prepare<[], PioEventRow>('SELECT * FROM governance_pio_events ORDER BY seq').all();
  }

  addEvent(e: Omit<PioEventRow, 'seq'>): void {
    this.db.prepare('INSERT INTO governance_pio_events (kind, date, note, recorded_at) VALUES (@kind, @date, @note, @recorded_at)').run(e);
  }
}
