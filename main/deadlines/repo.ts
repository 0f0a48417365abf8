import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store/database';

// Compiled statements per open database: the board and the modules' syncs run the same few
// queries many times, and compiling them costs more than running them.
const compiled = new WeakMap<Db, Map<string, Statement>>();
function prepared<P extends unknown[] | object, R = unknown>(db: Db, sql: string): Statement<P, R> {
  let byDb = compiled.get(db);
  if (!byDb) compiled.set(db, (byDb = new Map()));
  let stmt = byDb.get(sql);
  if (!stmt) byDb.set(sql, (stmt = db.prepare(sql)));
  return stmt as unknown as Statement<P, R>;
}

export interface DeadlineRow {
  id: string;
  module: string;
  record_id: string;
  record_ref: string;
  record_title: string;
  key: string;
  rule_key: string;
  label: string | null;
  start: string;
  until: string | null;
  clock: 'due' | 'immediate';
  start_at: string;
  due_at: string;
  computed_due_at: string;
  zone: string;
  calendar: string | null;
  cal_country: string | null;
  cal_first_year: number | null;
  cal_last_year: number | null;
  explanation: string;
  stored_state: 'open' | 'met' | 'waived';
  met_at: string | null;
  met_note: string | null;
  request_waived_reason: string | null;
  dpo_waived_reason: string | null;
  override_reason: string | null;
  changed_at: string;
}

/** Filters of the board; `state` is resolved to SQL by the service's caller-side mapping. */
export interface BoardQuery {
  storedState: 'open' | 'met' | 'waived';
  /** Extra condition on the derived state of open rows. */
  derived?: 'overdue' | 'dueSoon' | 'open';
  now: string;
  soonUntil: string;
  module?: string;
  dueBefore?: string;
  after?: { dueAt: string; id: string };
  limit: number;
}

export class DeadlinesRepo {
  constructor(private readonly db: Db) {}

  byRecord(module: string, recordId: string): DeadlineRow[] {
    return prepared<[string, string], DeadlineRow>(this.db, 'SELECT * FROM deadlines WHERE module = ? AND record_id = ? ORDER BY due_at, id')
      .all(module, recordId);
  }

  byId(id: string): DeadlineRow | undefined {
    return prepared<[string], DeadlineRow>(this.db, 'SELECT * FROM deadlines WHERE id = ?').get(id);
  }

  upsert(row: DeadlineRow): void {
    this.upsertStatement().run(row);
  }

  /** Many rows through one prepared statement (the benchmark's seeding, bulk recomputes). */
  upsertMany(rows: Iterable<DeadlineRow>): void {
    const stmt = this.upsertStatement();
    for (const row of rows) stmt.run(row);
  }

  private upsertStatement() {
    return prepared<DeadlineRow>(this.db,
        `INSERT INTO deadlines VALUES (@id, @module, @record_id, @record_ref, @record_title, @key, @rule_key, @label, @start, @until,
           @clock, @start_at, @due_at, @computed_due_at, @zone, @calendar, @cal_country, @cal_first_year, @cal_last_year,
           @explanation, @stored_state, @met_at, @met_note, @request_waived_reason, @dpo_waived_reason, @override_reason, @changed_at)
         ON CONFLICT (id) DO UPDATE SET
           record_ref = excluded.record_ref, record_title = excluded.record_title, rule_key = excluded.rule_key,
           label = excluded.label, start = excluded.start, until = excluded.until, clock = excluded.clock,
           start_at = excluded.start_at, due_at = excluded.due_at, computed_due_at = excluded.computed_due_at,
           zone = excluded.zone, calendar = excluded.calendar, cal_country = excluded.cal_country,
           cal_first_year = excluded.cal_first_year, cal_last_year = excluded.cal_last_year,
           explanation = excluded.explanation, stored_state = excluded.stored_state, met_at = excluded.met_at,
           met_note = excluded.met_note, request_waived_reason = excluded.request_waived_reason,
           dpo_waived_reason = excluded.dpo_waived_reason, override_reason = excluded.override_reason,
           changed_at = excluded.changed_at`,
      );
  }

  remove(ids: string[]): void {
    const stmt = prepared<[string]>(this.db, 'DELETE FROM deadlines WHERE id = ?');
    for (const id of ids) stmt.run(id);
  }

  /** Rows whose counting consulted `year` of `country` (used or missing). */
  touchingYear(country: string, year: number): DeadlineRow[] {
    return prepared<[string, number, number], DeadlineRow>(this.db,
        'SELECT * FROM deadlines WHERE cal_country = ? AND cal_first_year <= ? AND cal_last_year >= ?',
      )
      .all(country, year, year);
  }

  /** One board page in (due_at, id) order, served by deadlines_board / deadlines_module_board. */
  page(q: BoardQuery): DeadlineRow[] {
    const where = ['stored_state = @storedState'];
    if (q.module) where.push('module = @module');
    if (q.derived === 'overdue') where.push(`clock = 'due' AND due_at < @now`);
    if (q.derived === 'dueSoon') where.push(`(clock = 'immediate' OR (due_at >= @now AND due_at <= @soonUntil))`);
    if (q.derived === 'open') where.push(`clock = 'due' AND due_at > @soonUntil`);
    if (q.dueBefore) where.push('due_at <= @dueBefore');
    if (q.after) where.push('(due_at, id) > (@afterDueAt, @afterId)');
    const sql = `SELECT * FROM deadlines WHERE ${where.join(' AND ')} ORDER BY due_at, id LIMIT @limit`;
    return prepared<Record<string, unknown>, DeadlineRow>(this.db, sql).all({
      storedState: q.storedState,
      module: q.module ?? null,
      now: q.now,
      soonUntil: q.soonUntil,
      dueBefore: q.dueBefore ?? null,
      afterDueAt: q.after?.dueAt ?? null,
      afterId: q.after?.id ?? null,
      limit: q.limit,
    });
  }

  /** Open clocks per module in the board's time buckets. */
  counts(b: { now: string; endOfToday: string; endOfWeek: string }): { module: string; overdue: number; today: number; week: number; later: number }[] {
    return prepared<Record<string, string>, { module: string; overdue: number; today: number; week: number; later: number }>(this.db,
        `SELECT module,
           SUM(due_at < @now) AS overdue,
           SUM(due_at >= @now AND due_at <= @endOfToday) AS today,
           SUM(due_at > @endOfToday AND due_at <= @endOfWeek) AS week,
           SUM(due_at > @endOfWeek) AS later
         FROM deadlines INDEXED BY deadlines_module_board WHERE stored_state = 'open' GROUP BY module`,
      )
      .all(b);
  }

  /** Every open row now due soon or overdue (immediate clocks have due_at = start, so they are in). */
  alerting(soonUntil: string, limit: number): DeadlineRow[] {
    return prepared<[string, number], DeadlineRow>(this.db,
        `SELECT * FROM deadlines WHERE stored_state = 'open' AND due_at <= ? ORDER BY due_at, id LIMIT ?`,
      )
      .all(soonUntil, limit);
  }

  /**
   * Open rows that may have entered due soon / overdue after `since`: by time passing (due_at
   * crossed now, or due_at − window crossed now) or by a write (changed_at). Each part is an
   * index range.
   */
  alertCandidates(p: { since: string; now: string; soonUntil: string; windowStart: string; limit: number }): DeadlineRow[] {
    return prepared<Record<string, string | number>, DeadlineRow>(this.db,
        `SELECT * FROM deadlines WHERE stored_state = 'open' AND due_at > @since AND due_at <= @now
         UNION
         SELECT * FROM deadlines WHERE stored_state = 'open' AND due_at > @windowStart AND due_at <= @soonUntil
         UNION
         SELECT * FROM deadlines WHERE stored_state = 'open' AND changed_at > @since
         ORDER BY due_at, id LIMIT @limit`,
      )
      .all(p);
  }
}
