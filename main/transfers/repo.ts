import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store/database';

export interface TransferRow {
  seq: number;
  id: string;
  ref: string;
  created_at: string;
  updated_at: string;
  recipient_name: string;
  country: string;
  chosen_route: string;
  filing_state: string;
  next_due_at: string | null;
  counted: number;
  data: string;
  voided_at?: string | null;
  voided_note?: string | null;
}

export interface EventRow {
  seq: number;
  id: string;
  transfer_id: string;
  type: 'filing' | 'change';
  kind: string;
  date: string;
  recorded_at: string;
  filing_number: string | null;
  reasons: string | null;
  change_kinds: string | null;
  summary: string | null;
  triggers_refiling: number;
}

export interface VolumeRow {
  transfer_id: string;
  year: number;
  non_sensitive: number;
  sensitive: number;
  note: string;
}

export interface CompanyYearRow {
  year: number;
  duplicate_non_sensitive: number;
  duplicate_sensitive: number;
  processed_total: number | null;
  note: string;
}

export interface ReviewRow {
  id: string;
  transfer_id: string;
  link_id: string;
  incident_id: string;
  incident_ref: string;
  opened_on: string;
  outcome: string | null;
  note: string;
  decided_on: string | null;
  recorded_at: string;
  recorded_by: string;
}

export interface ListFilter {
  route?: string;
  country?: string;
  filingState?: string;
  /** Overdue: an open filing clock whose due instant is at or before this. */
  overdueAt?: string;
}

// Statements are prepared once per open database: the list classifies every row it shows, and
// preparing the same SQL for each row costs more than running it.
const cache = new WeakMap<Db, Map<string, Statement>>();
// Rows are typed at each call site, as the rest of the app does with prepare<P, R>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Statement = Database.Statement<any[], any>;

export class TransfersRepo {
  constructor(private readonly db: Db) {}

  private sql(text: string): Statement {
    let byText = cache.get(this.db);
    if (!byText) cache.set(this.db, (byText = new Map()));
    let stmt = byText.get(text);
    if (!stmt) byText.set(text, (stmt = this.db.prepare(text)));
    return stmt;
  }

  insert(row: Omit<TransferRow, 'seq'>): void {
    this.sql(
        `INSERT INTO transfers (id, ref, created_at, updated_at, recipient_name, country, chosen_route, filing_state, next_due_at, counted, data)
         VALUES (@id, @ref, @created_at, @updated_at, @recipient_name, @country, @chosen_route, @filing_state, @next_due_at, @counted, @data)`,
      )
      .run(row);
  }

  update(row: Omit<TransferRow, 'seq' | 'ref' | 'created_at'>): void {
    this.sql(
        `UPDATE transfers SET updated_at = @updated_at, recipient_name = @recipient_name, country = @country, chosen_route = @chosen_route,
           filing_state = @filing_state, next_due_at = @next_due_at, counted = @counted, data = @data WHERE id = @id`,
      )
      .run(row);
  }

  allIds(): string[] {
    return this.db.prepare<[], { id: string }>('SELECT id FROM transfers ORDER BY seq').all().map((r) => r.id);
  }

  /** Voided: its volumes leave the company totals (counted = 0); restored: they count again. */
  setVoided(id: string, at: string | null, note: string | null, counted: number): void {
    this.sql('UPDATE transfers SET voided_at = ?, voided_note = ?, counted = ? WHERE id = ?').run(at, note, counted, id);
    this.sql('UPDATE transfer_volumes SET counted = ? WHERE transfer_id = ?').run(counted, id);
  }

  setNextDue(id: string, nextDueAt: string | null): void {
    this.sql('UPDATE transfers SET next_due_at = ? WHERE id = ?').run(nextDueAt, id);
  }

  idByRef(ref: string): string | null {
    return (this.sql('SELECT id FROM transfers WHERE ref = ?').get(ref) as { id: string } | undefined)?.id ?? null;
  }

  byId(id: string): TransferRow | undefined {
    return this.sql('SELECT * FROM transfers WHERE id = ?').get(id) as TransferRow | undefined;
  }

  /** The next number of the year's references (XB-2026-0007). */
  nextRefNumber(year: number): number {
    const row = this.sql("SELECT max(CAST(substr(ref, 9) AS INTEGER)) AS n FROM transfers WHERE ref LIKE ?").get(`XB-${year}-%`) as { n: number | null } | undefined;
    return (row?.n ?? 0) + 1;
  }

  private where(f: ListFilter, params: Record<string, unknown>, showVoided = false): string[] {
    // A voided transfer (created by mistake) is out of the counts, and out of the register unless asked for.
    const where: string[] = showVoided ? [] : ['voided_at IS NULL'];
    if (f.route) {
      where.push('chosen_route = @route');
      params.route = f.route;
    }
    if (f.country) {
      where.push('country = @country');
      params.country = f.country;
    }
    if (f.filingState) {
      where.push('filing_state = @filingState');
      params.filingState = f.filingState;
    }
    if (f.overdueAt) {
      where.push('next_due_at IS NOT NULL AND next_due_at <= @overdueAt');
      params.overdueAt = f.overdueAt;
    }
    return where;
  }

  /** Newest first, keyset on seq. */
  page(f: ListFilter, beforeSeq: number | null, limit: number, showVoided = false): TransferRow[] {
    const params: Record<string, unknown> = { limit };
    const where = this.where(f, params, showVoided);
    if (beforeSeq !== null) {
      where.push('seq < @beforeSeq');
      params.beforeSeq = beforeSeq;
    }
    const sql = `SELECT * FROM transfers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`;
    return this.db.prepare<Record<string, unknown>, TransferRow>(sql).all(params);
  }

  count(f: ListFilter): number {
    const params: Record<string, unknown> = {};
    const where = this.where(f, params);
    const sql = `SELECT count(*) AS n FROM transfers ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    return this.db.prepare<Record<string, unknown>, { n: number }>(sql).get(params)!.n;
  }

  /** Every matching row, oldest first, for the CSV export. */
  iterate(f: ListFilter): IterableIterator<TransferRow> {
    const params: Record<string, unknown> = {};
    const where = this.where(f, params);
    const sql = `SELECT * FROM transfers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`;
    return this.db.prepare<Record<string, unknown>, TransferRow>(sql).iterate(params);
  }

  // ── events (filings and changes) ──
  insertEvent(row: Omit<EventRow, 'seq'>): number {
    return Number(
      this.sql(
          `INSERT INTO transfer_events (id, transfer_id, type, kind, date, recorded_at, filing_number, reasons, change_kinds, summary, triggers_refiling)
           VALUES (@id, @transfer_id, @type, @kind, @date, @recorded_at, @filing_number, @reasons, @change_kinds, @summary, @triggers_refiling)`,
        )
        .run(row).lastInsertRowid,
    );
  }

  events(transferId: string): EventRow[] {
    return this.sql('SELECT * FROM transfer_events WHERE transfer_id = ? ORDER BY seq').all(transferId) as EventRow[];
  }

  // ── incident reviews ──
  insertReview(row: ReviewRow): void {
    this.sql(
      `INSERT INTO transfer_reviews VALUES (@id, @transfer_id, @link_id, @incident_id, @incident_ref, @opened_on, @outcome, @note, @decided_on, @recorded_at, @recorded_by)`,
    ).run(row);
  }

  reviews(transferId: string): ReviewRow[] {
    return this.sql('SELECT * FROM transfer_reviews WHERE transfer_id = ? ORDER BY opened_on, id').all(transferId) as ReviewRow[];
  }

  reviewByLink(linkId: string): ReviewRow | undefined {
    return this.sql('SELECT * FROM transfer_reviews WHERE link_id = ?').get(linkId) as ReviewRow | undefined;
  }

  decideReview(id: string, d: { outcome: string; note: string; decided_on: string; recorded_at: string; recorded_by: string }): void {
    this.sql('UPDATE transfer_reviews SET outcome = @outcome, note = @note, decided_on = @decided_on, recorded_at = @recorded_at, recorded_by = @recorded_by WHERE id = @id').run({ ...d, id });
  }

  removeReview(id: string): void {
    this.sql('DELETE FROM transfer_reviews WHERE id = ?').run(id);
  }

  // ── volumes ──
  upsertVolume(row: VolumeRow & { updated_at: string; counted: number }): void {
    this.sql(
        `INSERT INTO transfer_volumes (transfer_id, year, non_sensitive, sensitive, counted, note, updated_at)
         VALUES (@transfer_id, @year, @non_sensitive, @sensitive, @counted, @note, @updated_at)
         ON CONFLICT (transfer_id, year) DO UPDATE SET non_sensitive = excluded.non_sensitive, sensitive = excluded.sensitive,
           note = excluded.note, updated_at = excluded.updated_at`,
      )
      .run(row);
  }

  volumes(transferId: string): VolumeRow[] {
    return this.sql('SELECT transfer_id, year, non_sensitive, sensitive, note FROM transfer_volumes WHERE transfer_id = ? ORDER BY year DESC').all(transferId) as VolumeRow[];
  }

  volume(transferId: string, year: number): VolumeRow | undefined {
    return this.sql('SELECT transfer_id, year, non_sensitive, sensitive, note FROM transfer_volumes WHERE transfer_id = ? AND year = ?').get(transferId, year) as VolumeRow | undefined;
  }

  setCounted(transferId: string, counted: number): void {
    this.sql('UPDATE transfer_volumes SET counted = ? WHERE transfer_id = ? AND counted <> ?').run(counted, transferId, counted);
  }

  /** Sum of the counted volumes of the given years (a covering-index scan). */
  sumCounted(years: number[]): { nonSensitive: number; sensitive: number } {
    const marks = years.map(() => '?').join(', ');
    return this.sql(`SELECT coalesce(sum(non_sensitive), 0) AS nonSensitive, coalesce(sum(sensitive), 0) AS sensitive FROM transfer_volumes WHERE year IN (${marks}) AND counted = 1`)
      .get(...years) as { nonSensitive: number; sensitive: number };
  }

  /** Of the counted volumes, those of transfers on the given chosen routes (e.g. standard contract, certification). */
  sumCountedOnRoutes(years: number[], routes: string[]): { nonSensitive: number; sensitive: number } {
    const y = years.map(() => '?').join(', ');
    const r = routes.map(() => '?').join(', ');
    return this.sql(
      `SELECT coalesce(sum(v.non_sensitive), 0) AS nonSensitive, coalesce(sum(v.sensitive), 0) AS sensitive
       FROM transfer_volumes v JOIN transfers t ON t.id = v.transfer_id WHERE v.year IN (${y}) AND v.counted = 1 AND t.chosen_route IN (${r})`,
    ).get(...years, ...routes) as { nonSensitive: number; sensitive: number };
  }

  /** Sensitive individuals one transfer exported in the given years. */
  sensitiveOf(transferId: string, years: number[]): number {
    const marks = years.map(() => '?').join(', ');
    const row = this.sql(`SELECT coalesce(sum(sensitive), 0) AS n FROM transfer_volumes WHERE transfer_id = ? AND year IN (${marks})`).get(transferId, ...years) as { n: number };
    return row.n;
  }

  /** The year's largest volumes, with whether each counts toward the thresholds. */
  largestInYear(year: number, limit: number): (VolumeRow & { ref: string; recipient_name: string; counted: number })[] {
    return this.sql(
        `SELECT v.transfer_id, v.year, v.non_sensitive, v.sensitive, v.note, v.counted, t.ref, t.recipient_name
         FROM transfer_volumes v JOIN transfers t ON t.id = v.transfer_id WHERE v.year = ?
         ORDER BY v.non_sensitive + v.sensitive DESC LIMIT ?`,
      )
      .all(year, limit) as (VolumeRow & { ref: string; recipient_name: string; counted: number })[];
  }

  companyYear(year: number): CompanyYearRow | undefined {
    return this.sql('SELECT year, duplicate_non_sensitive, duplicate_sensitive, processed_total, note FROM transfer_company_years WHERE year = ?').get(year) as CompanyYearRow | undefined;
  }

  upsertCompanyYear(row: CompanyYearRow & { updated_at: string }): void {
    this.sql(
        `INSERT INTO transfer_company_years (year, duplicate_non_sensitive, duplicate_sensitive, processed_total, note, updated_at)
         VALUES (@year, @duplicate_non_sensitive, @duplicate_sensitive, @processed_total, @note, @updated_at)
         ON CONFLICT (year) DO UPDATE SET duplicate_non_sensitive = excluded.duplicate_non_sensitive, duplicate_sensitive = excluded.duplicate_sensitive,
           processed_total = excluded.processed_total, note = excluded.note, updated_at = excluded.updated_at`,
      )
      .run(row);
  }

  /** Transfers per route and filing state, voided ones out (kept by triggers: migration 440). */
  routeStates(): { route: string; filing_state: string; n: number }[] {
    return this.sql('SELECT route, filing_state, n FROM transfer_route_states WHERE n > 0 ORDER BY route, filing_state').all() as { route: string; filing_state: string; n: number }[];
  }
}
