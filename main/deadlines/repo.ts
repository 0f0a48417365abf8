import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store/database';
import { prepared } from '../store/prepared';

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
  rule_version: string | null;
  provisional_years: string | null;
}

export type BoardPhase = 'overdue' | 'immediate' | 'ahead';
const PHASE_SQL: Record<BoardPhase, string> = {
  overdue: `clock = 'due' AND due_at < @now`,
  immediate: `clock = 'immediate'`,
  ahead: `clock = 'due' AND due_at >= @now`,
};

/** Filters of the board; `state` is resolved to SQL by the service's caller-side mapping. */
export interface BoardQuery {
  storedState: 'open' | 'met' | 'waived';
  /** Extra condition on the derived state of open rows. */
  derived?: 'overdue' | 'dueSoon' | 'open';
  now: string;
  soonUntil: string;
  module?: string;
  /** Only these rules (a regime's clocks). */
  ruleKeys?: string[];
  dueAfter?: string;
  dueBefore?: string;
  after?: { dueAt: string; id: string };
  /** One part of the open board in its order (see board.ts): fixed clocks past due, "immediately" duties, the rest. */
  phase?: BoardPhase;
  limit: number;
}


// Board pages read rows as arrays and build each object with one fixed shape: about twice as
// fast as the driver's generic row objects on a 100-row page.
const COLUMNS = 'id, module, record_id, record_ref, record_title, key, rule_key, label, start, until, clock, start_at, due_at, computed_due_at, zone, calendar, cal_country, cal_first_year, cal_last_year, explanation, stored_state, met_at, met_note, request_waived_reason, dpo_waived_reason, override_reason, changed_at, rule_version, provisional_years';
function fromRaw(r: unknown[]): DeadlineRow {
  return {
    id: r[0] as DeadlineRow['id'],
    module: r[1] as DeadlineRow['module'],
    record_id: r[2] as DeadlineRow['record_id'],
    record_ref: r[3] as DeadlineRow['record_ref'],
    record_title: r[4] as DeadlineRow['record_title'],
    key: r[5] as DeadlineRow['key'],
    rule_key: r[6] as DeadlineRow['rule_key'],
    label: r[7] as DeadlineRow['label'],
    start: r[8] as DeadlineRow['start'],
    until: r[9] as DeadlineRow['until'],
    clock: r[10] as DeadlineRow['clock'],
    start_at: r[11] as DeadlineRow['start_at'],
    due_at: r[12] as DeadlineRow['due_at'],
    computed_due_at: r[13] as DeadlineRow['computed_due_at'],
    zone: r[14] as DeadlineRow['zone'],
    calendar: r[15] as DeadlineRow['calendar'],
    cal_country: r[16] as DeadlineRow['cal_country'],
    cal_first_year: r[17] as DeadlineRow['cal_first_year'],
    cal_last_year: r[18] as DeadlineRow['cal_last_year'],
    explanation: r[19] as DeadlineRow['explanation'],
    stored_state: r[20] as DeadlineRow['stored_state'],
    met_at: r[21] as DeadlineRow['met_at'],
    met_note: r[22] as DeadlineRow['met_note'],
    request_waived_reason: r[23] as DeadlineRow['request_waived_reason'],
    dpo_waived_reason: r[24] as DeadlineRow['dpo_waived_reason'],
    override_reason: r[25] as DeadlineRow['override_reason'],
    changed_at: r[26] as DeadlineRow['changed_at'],
    rule_version: r[27] as DeadlineRow['rule_version'],
    provisional_years: r[28] as DeadlineRow['provisional_years'],
  };
}

/** Runs a SELECT of COLUMNS and maps the rows. */
function allRows(stmt: Statement<Record<string, unknown> | unknown[], unknown>, params: Record<string, unknown> | unknown[]): DeadlineRow[] {
  return (stmt.raw(true).all(params as never) as unknown[][]).map(fromRaw);
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
           @explanation, @stored_state, @met_at, @met_note, @request_waived_reason, @dpo_waived_reason, @override_reason, @changed_at,
           @rule_version, @provisional_years)
         ON CONFLICT (id) DO UPDATE SET
           record_ref = excluded.record_ref, record_title = excluded.record_title, rule_key = excluded.rule_key,
           label = excluded.label, start = excluded.start, until = excluded.until, clock = excluded.clock,
           start_at = excluded.start_at, due_at = excluded.due_at, computed_due_at = excluded.computed_due_at,
           zone = excluded.zone, calendar = excluded.calendar, cal_country = excluded.cal_country,
           cal_first_year = excluded.cal_first_year, cal_last_year = excluded.cal_last_year,
           explanation = excluded.explanation, stored_state = excluded.stored_state, met_at = excluded.met_at,
           met_note = excluded.met_note, request_waived_reason = excluded.request_waived_reason,
           dpo_waived_reason = excluded.dpo_waived_reason, override_reason = excluded.override_reason,
           changed_at = excluded.changed_at, rule_version = excluded.rule_version, provisional_years = excluded.provisional_years`,
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

  /** Every row of the given rules (a catalogue change recomputes them). */
  byRules(keys: string[]): DeadlineRow[] {
    const stmt = prepared<[string], DeadlineRow>(this.db, 'SELECT * FROM deadlines WHERE rule_key = ?');
    return keys.flatMap((k) => stmt.all(k));
  }

  /** Every row counted on a country's calendar (its holiday rule changed). */
  byCalendar(country: string): DeadlineRow[] {
    return prepared<[string], DeadlineRow>(this.db, 'SELECT * FROM deadlines WHERE cal_country = ?').all(country);
  }

  /** Open rows by module and record (the snapshot a catalogue preview compares). */
  openOf(modules: string[]): DeadlineRow[] {
    const stmt = prepared<[string], DeadlineRow>(this.db, "SELECT * FROM deadlines WHERE stored_state = 'open' AND module = ?");
    return modules.flatMap((m) => stmt.all(m));
  }

  /** Open deadlines counted through a provisional year, grouped by those years. */
  provisionalCounts(): { years: string; n: number }[] {
    return prepared<[], { years: string; n: number }>(this.db,
      `SELECT provisional_years AS years, count(*) AS n FROM deadlines INDEXED BY deadlines_provisional
       WHERE stored_state = 'open' AND provisional_years IS NOT NULL GROUP BY provisional_years`,
    ).all();
  }

  /** One board page in (due_at, id) order, served by deadlines_board / deadlines_module_board. */
  page(q: BoardQuery): DeadlineRow[] {
    // The "immediately" duties are few: their own partial index, which needs the literal state.
    const immediate = q.phase === 'immediate';
    const where = [immediate ? `stored_state = 'open'` : 'stored_state = @storedState'];
    // A later page of the running clocks starts at its cursor or now, whichever is later: one
    // bound of the primary key (two bounds would make SQLite pick one and filter by the other).
    const after = q.phase === 'ahead' && q.after && q.after.dueAt < q.now ? { dueAt: q.now, id: '' } : q.after;
    if (q.phase) where.push(q.phase === 'ahead' && after ? `clock = 'due'` : PHASE_SQL[q.phase]);
    if (q.module) where.push('module = @module');
    if (q.derived === 'overdue') where.push(`clock = 'due' AND due_at < @now`);
    if (q.derived === 'dueSoon') where.push(`(clock = 'immediate' OR (due_at >= @now AND due_at <= @soonUntil))`);
    if (q.derived === 'open') where.push(`clock = 'due' AND due_at > @soonUntil`);
    if (q.dueBefore) where.push('due_at <= @dueBefore');
    if (q.dueAfter) where.push('due_at >= @dueAfter');
    // Rule keys come from the catalogue's definitions (code), never from input: safe to inline as literals.
    if (q.ruleKeys) where.push(q.ruleKeys.length ? `rule_key IN (${q.ruleKeys.map((k) => `'${k.replace(/'/g, "''")}'`).join(', ')})` : '0');
    if (after) where.push('(due_at, id) > (@afterDueAt, @afterId)');
    // Within one module, its own index: a small module must not scan every open row of the others.
    const index = immediate ? 'INDEXED BY deadlines_immediate ' : q.module ? 'INDEXED BY deadlines_module_board ' : '';
    const sql = `SELECT ${COLUMNS} FROM deadlines ${index}WHERE ${where.join(' AND ')} ORDER BY stored_state, due_at, id LIMIT @limit`;
    return allRows(prepared(this.db, sql), {
      storedState: q.storedState,
      module: q.module ?? null,
      now: q.now,
      soonUntil: q.soonUntil,
      dueBefore: q.dueBefore ?? null,
      dueAfter: q.dueAfter ?? null,
      afterDueAt: after?.dueAt ?? null,
      afterId: after?.id ?? null,
      limit: q.limit,
    });
  }

  /**
   * Open clocks per module in the board's time buckets, from the per-hour counts (migration 130,
   * the overview's too: one kept count for both, migration 132) and, for the hour each bound falls
   * in, the open rows of that hour (a range of the primary key). Every bound is counted on its own,
   * so their order does not matter. The buckets are rules.ts boardBucket's.
   */
  counts(b: { now: string; endOfToday: string; endOfWeek: string }): { module: string; overdue: number; today: number; week: number; later: number }[] {
    const hour = (iso: string) => iso.slice(0, 13);
    const whole = prepared<Record<string, string>, { module: string; total: number; immediate: number; beforeNow: number; beforeToday: number; beforeWeek: number }>(
      this.db,
      `SELECT module, coalesce(sum(CASE WHEN clock = 'due' THEN n END), 0) AS total,
         coalesce(sum(CASE WHEN clock = 'immediate' THEN n END), 0) AS immediate,
         coalesce(sum(CASE WHEN clock = 'due' AND due_hour < @hNow THEN n END), 0) AS beforeNow,
         coalesce(sum(CASE WHEN clock = 'due' AND due_hour < @hToday THEN n END), 0) AS beforeToday,
         coalesce(sum(CASE WHEN clock = 'due' AND due_hour < @hWeek THEN n END), 0) AS beforeWeek
       FROM deadline_open_hours GROUP BY module`,
    ).all({ hNow: hour(b.now), hToday: hour(b.endOfToday), hWeek: hour(b.endOfWeek) });
    // Open rows from the start of a bound's UTC hour up to the bound: before it (now), or up to and at it (the ends).
    const before = prepared<[string, string], { module: string; n: number }>(this.db,
      `SELECT module, count(*) AS n FROM deadlines WHERE stored_state = 'open' AND due_at >= ? AND due_at < ? AND clock = 'due' GROUP BY module`);
    const upTo = prepared<[string, string], { module: string; n: number }>(this.db,
      `SELECT module, count(*) AS n FROM deadlines WHERE stored_state = 'open' AND due_at >= ? AND due_at <= ? AND clock = 'due' GROUP BY module`);
    const byModule = (rows: { module: string; n: number }[]) => new Map(rows.map((r) => [r.module, r.n]));
    const nowPart = byModule(before.all(`${hour(b.now)}:`, b.now));
    const todayPart = byModule(upTo.all(`${hour(b.endOfToday)}:`, b.endOfToday));
    const weekPart = byModule(upTo.all(`${hour(b.endOfWeek)}:`, b.endOfWeek));
    return whole.map((w) => {
      const untilNow = w.beforeNow + (nowPart.get(w.module) ?? 0);
      const untilToday = w.beforeToday + (todayPart.get(w.module) ?? 0);
      const untilWeek = w.beforeWeek + (weekPart.get(w.module) ?? 0);
      // Fixed clocks by their due time; "immediately" duties are today's (rules.ts boardBucket).
      return { module: w.module, overdue: untilNow, today: untilToday - untilNow + w.immediate, week: untilWeek - untilToday, later: w.total - untilWeek };
    });
  }

  /** Every open row now due soon or overdue (immediate clocks have due_at = start, so they are in). */
  alerting(soonUntil: string, limit: number): DeadlineRow[] {
    return prepared<[string, number], DeadlineRow>(this.db,
        `SELECT * FROM deadlines WHERE stored_state = 'open' AND due_at <= ? ORDER BY stored_state, due_at, id LIMIT ?`,
      )
      .all(soonUntil, limit);
  }

  /**
   * Open rows that may have entered due soon / overdue after `since`: by time passing (due_at
   * crossed now, or due_at − window crossed now) or by a write (changed_at) of a row that is now
   * alerting. Each part is an index range.
   */
  alertCandidates(p: { since: string; now: string; soonUntil: string; windowStart: string; limit: number }): DeadlineRow[] {
    return prepared<Record<string, string | number>, DeadlineRow>(
      this.db,
      `SELECT * FROM deadlines WHERE id IN (
         SELECT id FROM deadlines WHERE stored_state = 'open' AND due_at > @since AND due_at <= @now
         UNION
         SELECT id FROM deadlines WHERE stored_state = 'open' AND due_at > @windowStart AND due_at <= @soonUntil
         UNION
         SELECT id FROM deadlines INDEXED BY deadlines_changed WHERE stored_state = 'open' AND changed_at > @since AND due_at <= @soonUntil
       )
       ORDER BY stored_state, due_at, id LIMIT @limit`,
    ).all(p);
  }

  // The overview's reads (issue 17): whole hours from the kept counts (migration 130), the hours
  // that straddle a boundary counted exactly from the open rows.

  /** Open clocks per rule and clock kind: due in whole hours before `h0`, after `h1`, and all. */
  openByRule(h0: string, h1: string): { rule_key: string; clock: string; before: number; after: number; total: number }[] {
    return prepared<Record<string, string>, { rule_key: string; clock: string; before: number; after: number; total: number }>(this.db,
      `SELECT rule_key, clock, sum(CASE WHEN due_hour < @h0 THEN n ELSE 0 END) AS before, sum(CASE WHEN due_hour > @h1 THEN n ELSE 0 END) AS after, sum(n) AS total
       FROM deadline_open_hours GROUP BY rule_key, clock`,
    ).all({ h0, h1 });
  }

  /** Open clocks due in [from, to) by rule and clock kind, split by `now` and the due-soon limit. */
  openInRange(from: string, to: string, now: string, soonUntil: string): { rule_key: string; clock: string; module: string; overdue: number; soon: number; later: number }[] {
    return prepared<Record<string, string>, { rule_key: string; clock: string; module: string; overdue: number; soon: number; later: number }>(this.db,
      `SELECT rule_key, clock, module, sum(due_at < @now) AS overdue, sum(due_at >= @now AND due_at <= @soon) AS soon, sum(due_at > @soon) AS later
       FROM deadlines WHERE stored_state = 'open' AND due_at >= @from AND due_at < @to GROUP BY rule_key, clock, module`,
    ).all({ from, to, now, soon: soonUntil });
  }

  /** Open fixed-time clocks per module in whole due hours [fromHour, toHour] (inclusive, 'YYYY-MM-DDTHH'). */
  openHoursByModule(fromHour: string, toHour: string): { due_hour: string; module: string; n: number }[] {
    return prepared<[string, string], { due_hour: string; module: string; n: number }>(this.db,
      `SELECT due_hour, module, sum(n) AS n FROM deadline_open_hours WHERE due_hour >= ? AND due_hour <= ? AND clock = 'due' GROUP BY due_hour, module`,
    ).all(fromHour, toHour);
  }
}
