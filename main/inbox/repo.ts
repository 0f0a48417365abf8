import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store/database';
import type { HoldRow, PauseRow, RequestRow } from './model';

export interface ListFilter {
  state?: string;
  type?: string;
  jurisdiction?: string;
  /** Only requests whose reply clock runs. */
  openOnly?: boolean;
  dueBefore?: string;
  /** Received in [from, before) (a month of the overview). */
  received?: { from?: string; before?: string };
  /** Answered (reply sent) in [from, before), and on time (by the reply deadline) or late. */
  answered?: { from?: string; before?: string; onTime?: boolean };
  after?: { dueAt: string; id: string } | null;
  /** List the voided requests too (greyed on screen); counts still leave them out. */
  showVoided?: boolean;
  limit: number;
}

export interface MessageRow {
  id: string;
  request_id: string;
  direction: string;
  at: string;
  channel: string;
  from_addr: string;
  to_addr: string;
  subject: string;
  body: string;
  attachments: string;
  raw_id: string | null;
  /** JSON list of EmlProblem for an imported file ('[]' for everything else). */
  problems?: string;
}

export interface IdentityRow {
  id: string;
  request_id: string;
  method: string;
  verified_by: string;
  verified_at: string;
  outcome: string;
  account_checked: number;
  note: string;
  recorded_at: string;
}

export interface TimelineRow {
  at: string;
  actor: string;
  kind: string;
  /** The English line (kept for entries written before action + params, and as a fallback). */
  text: string;
  /** What happened, as data the screen renders in the DPO's language (issue 13). */
  action?: string | null;
  params?: Record<string, unknown> | null;
}

export type SummaryRow = Pick<
  RequestRow,
  'id' | 'ref' | 'subject' | 'requester_name' | 'type' | 'state' | 'jurisdiction' | 'channel' | 'received_at' | 'due_at' | 'reply_sent_at' | 'voided_at' | 'voided_note'
>;

const SUMMARY_COLUMNS = 'id, ref, subject, requester_name, type, state, jurisdiction, channel, received_at, due_at, reply_sent_at, voided_at, voided_note';

// Prepared statements are kept per open database: preparing costs more than running the
// list query itself, and a repo is made per call.
const statements = new WeakMap<Db, Map<string, Statement>>();

/** All SQL of the inbox. */
export class InboxRepo {
  constructor(private readonly db: Db) {}

  private sql<P extends unknown[] | Record<string, unknown> = unknown[], R = unknown>(text: string): Statement<P, R> {
    let cache = statements.get(this.db);
    if (!cache) statements.set(this.db, (cache = new Map()));
    let stmt = cache.get(text);
    if (!stmt) cache.set(text, (stmt = this.db.prepare(text)));
    return stmt as unknown as Statement<P, R>;
  }

  nextSeq(year: number): number {
    const row = this.sql<[number], { s: number | null }>('SELECT max(ref_seq) AS s FROM inbox_requests WHERE ref_year = ?').get(year);
    return (row?.s ?? 0) + 1;
  }

  insertRequest(r: RequestRow & { ref_year: number; ref_seq: number }): void {
    const cols = Object.keys(r);
    this.sql(`INSERT INTO inbox_requests (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(r);
  }

  updateRequest(id: string, patch: Partial<RequestRow>): void {
    const cols = Object.keys(patch).filter((c) => c !== 'id');
    if (cols.length === 0) return;
    this.sql(`UPDATE inbox_requests SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...patch, id });
  }

  /** Requests whose reply clock still runs: a catalogue change recomputes them. */
  openIds(): string[] {
    return this.db.prepare<[], { id: string }>('SELECT id FROM inbox_requests WHERE is_open = 1').all().map((r) => r.id);
  }

  idByRef(ref: string): string | null {
    return this.sql<[string], { id: string }>('SELECT id FROM inbox_requests WHERE ref = ?').get(ref)?.id ?? null;
  }

  get(id: string): RequestRow | undefined {
    return this.sql<[string], RequestRow>('SELECT * FROM inbox_requests WHERE id = ?').get(id);
  }

  list(f: ListFilter): SummaryRow[] {
    const { where, params } = this.where(f, f.showVoided);
    if (f.after) {
      where.push('(due_at, id) > (@afterDue, @afterId)');
      params.afterDue = f.after.dueAt;
      params.afterId = f.after.id;
    }
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM inbox_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY due_at, id LIMIT @limit`;
    return this.sql<Record<string, unknown>, SummaryRow>(sql).all({ ...params, limit: f.limit });
  }

  /** Counts matches up to `cap` (+1 when there are more), so a broad filter never counts a million rows. */
  count(f: ListFilter, cap: number): number {
    const { where, params } = this.where(f);
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM inbox_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} LIMIT @cap)`;
    return this.sql<Record<string, unknown>, { n: number }>(sql).get({ ...params, cap: cap + 1 })!.n;
  }

  /** The decision facts of the given requests (the register export's columns beyond the list's). */
  decisions(ids: string[]): Map<string, Pick<RequestRow, 'decision_outcome' | 'refusal_ground' | 'decided_at' | 'reply_sent_at'>> {
    const stmt = this.sql<[string], Pick<RequestRow, 'id' | 'decision_outcome' | 'refusal_ground' | 'decided_at' | 'reply_sent_at'>>(
      'SELECT id, decision_outcome, refusal_ground, decided_at, reply_sent_at FROM inbox_requests WHERE id = ?',
    );
    const out = new Map<string, Pick<RequestRow, 'decision_outcome' | 'refusal_ground' | 'decided_at' | 'reply_sent_at'>>();
    for (const id of ids) {
      const r = stmt.get(id);
      if (r) out.set(id, r);
    }
    return out;
  }


  /** Per-state counts (kept by triggers), less the voided requests (few: read directly). */
  stateCounts(): { state: string; n: number }[] {
    const voided = new Map(this.sql<[], { state: string; n: number }>('SELECT state, count(*) AS n FROM inbox_requests WHERE voided_at IS NOT NULL GROUP BY state').all().map((r) => [r.state, r.n]));
    return this.sql<[], { state: string; n: number }>('SELECT state, n FROM inbox_state_counts').all().map((r) => ({ state: r.state, n: r.n - (voided.get(r.state) ?? 0) }));
  }

  setVoided(id: string, at: string | null, note: string | null): void {
    this.sql('UPDATE inbox_requests SET voided_at = ?, voided_note = ?, is_open = CASE WHEN ? IS NULL THEN is_open ELSE 0 END WHERE id = ?').run(at, note, at, id);
  }

  private where(f: ListFilter, showVoided = false): { where: string[]; params: Record<string, unknown> } {
    // A voided request (created by mistake) is out of the counts, and out of the list unless asked for.
    const where: string[] = showVoided ? [] : ['voided_at IS NULL'];
    const params: Record<string, unknown> = {};
    if (f.state) (where.push('state = @state'), (params.state = f.state));
    if (f.type) (where.push('type = @type'), (params.type = f.type));
    if (f.jurisdiction) (where.push('jurisdiction = @jurisdiction'), (params.jurisdiction = f.jurisdiction));
    if (f.openOnly) where.push('is_open = 1');
    if (f.dueBefore) (where.push('due_at < @dueBefore'), (params.dueBefore = f.dueBefore));
    if (f.received?.from) (where.push('received_at >= @receivedFrom'), (params.receivedFrom = f.received.from));
    if (f.received?.before) (where.push('received_at < @receivedBefore'), (params.receivedBefore = f.received.before));
    if (f.answered) {
      where.push('reply_sent_at IS NOT NULL');
      if (f.answered.from) (where.push('reply_sent_at >= @answeredFrom'), (params.answeredFrom = f.answered.from));
      if (f.answered.before) (where.push('reply_sent_at < @answeredBefore'), (params.answeredBefore = f.answered.before));
      // On time: the reply went out by the reply deadline (the same test as the quarter figures).
      if (f.answered.onTime !== undefined) where.push(f.answered.onTime ? 'reply_sent_at <= due_at' : 'NOT coalesce(reply_sent_at <= due_at, 0)');
    }
    return { where, params };
  }

  // Thread
  insertMessage(m: MessageRow): void {
    this
      .sql(
        `INSERT INTO inbox_messages (id, request_id, direction, at, channel, from_addr, to_addr, subject, body, attachments, raw_id, problems)
         VALUES (@id, @request_id, @direction, @at, @channel, @from_addr, @to_addr, @subject, @body, @attachments, @raw_id, @problems)`,
      )
      .run({ problems: '[]', ...m });
  }

  messages(requestId: string): MessageRow[] {
    return this.sql<[string], MessageRow>('SELECT * FROM inbox_messages WHERE request_id = ? ORDER BY at, rowid').all(requestId);
  }

  // Raw messages
  hasDedupeKey(key: string): boolean {
    return this.sql<[string], { one: number }>('SELECT 1 AS one FROM inbox_raw_messages WHERE dedupe_key = ?').get(key) !== undefined;
  }

  insertRaw(r: { id: string; request_id: string; dedupe_key: string; file_name: string; sha256: string; bytes: Buffer; imported_at: string }): void {
    this
      .sql(
        `INSERT INTO inbox_raw_messages (id, request_id, dedupe_key, file_name, sha256, bytes, imported_at)
         VALUES (@id, @request_id, @dedupe_key, @file_name, @sha256, @bytes, @imported_at)`,
      )
      .run(r);
  }

  rawBytes(id: string): Buffer | undefined {
    return this.sql<[string], { bytes: Buffer }>('SELECT bytes FROM inbox_raw_messages WHERE id = ?').get(id)?.bytes;
  }

  // Identity
  insertIdentity(r: IdentityRow): void {
    this
      .sql(
        `INSERT INTO inbox_identity_checks (id, request_id, method, verified_by, verified_at, outcome, account_checked, note, recorded_at)
         VALUES (@id, @request_id, @method, @verified_by, @verified_at, @outcome, @account_checked, @note, @recorded_at)`,
      )
      .run(r);
  }

  identityChecks(requestId: string): IdentityRow[] {
    return this.sql<[string], IdentityRow>('SELECT * FROM inbox_identity_checks WHERE request_id = ? ORDER BY recorded_at, rowid').all(requestId);
  }

  // Pauses
  openPause(requestId: string, startedAt: string, reason: string, kind: 'identity' | 'stopClock' = 'identity'): void {
    this.sql('INSERT INTO inbox_pauses (request_id, started_at, reason, kind) VALUES (?, ?, ?, ?)').run(requestId, startedAt, reason, kind);
  }

  closePause(requestId: string, endedAt: string, kind: 'identity' | 'stopClock' = 'identity'): boolean {
    return this.sql('UPDATE inbox_pauses SET ended_at = ? WHERE request_id = ? AND ended_at IS NULL AND kind = ?').run(endedAt, requestId, kind).changes > 0;
  }

  pauses(requestId: string): PauseRow[] {
    return this.sql<[string], PauseRow>('SELECT request_id, started_at, ended_at, reason, kind FROM inbox_pauses WHERE request_id = ? ORDER BY id').all(requestId);
  }

  // Holds
  insertHold(h: HoldRow): void {
    this
      .sql(
        `INSERT INTO inbox_holds (id, request_id, kind, description, from_date, until_date, cleared_at, created_at)
         VALUES (@id, @request_id, @kind, @description, @from_date, @until_date, @cleared_at, @created_at)`,
      )
      .run(h);
  }

  clearHold(id: string, clearedAt: string): void {
    this.sql('UPDATE inbox_holds SET cleared_at = ? WHERE id = ?').run(clearedAt, id);
  }

  holds(requestId: string): HoldRow[] {
    return this.sql<[string], HoldRow>('SELECT * FROM inbox_holds WHERE request_id = ? ORDER BY created_at, rowid').all(requestId);
  }

  // Timeline
  addTimeline(requestId: string, e: TimelineRow): void {
    this.sql('INSERT INTO inbox_timeline (request_id, at, actor, kind, text, action, params) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      requestId, e.at, e.actor, e.kind, e.text, e.action ?? null, e.params ? JSON.stringify(e.params) : null,
    );
  }

  timeline(requestId: string): TimelineRow[] {
    return this.sql<[string], TimelineRow & { params: string | null }>('SELECT at, actor, kind, text, action, params FROM inbox_timeline WHERE request_id = ? ORDER BY id')
      .all(requestId)
      .map((r) => ({ ...r, params: r.params ? (JSON.parse(r.params) as Record<string, unknown>) : null }));
  }

  // Quarter figures
  quarter(from: string, to: string): { received: number; replied: number; onTime: number; open: number } {
    return this
      .sql<[string, string], { received: number; replied: number; onTime: number; open: number }>(
        `SELECT count(*) AS received,
                coalesce(sum(reply_sent_at IS NOT NULL), 0) AS replied,
                coalesce(sum(reply_sent_at IS NOT NULL AND reply_sent_at <= due_at), 0) AS onTime,
                coalesce(sum(is_open), 0) AS open
         FROM inbox_requests WHERE received_at >= ? AND received_at < ?`,
      )
      .get(from, to)!;
  }

  refusedByGround(from: string, to: string): { ground: string; n: number }[] {
    return this
      .sql<[string, string], { ground: string; n: number }>(
        `SELECT refusal_ground AS ground, count(*) AS n FROM inbox_requests
         WHERE received_at >= ? AND received_at < ? AND refusal_ground IS NOT NULL GROUP BY refusal_ground`,
      )
      .all(from, to);
  }

  byType(from: string, to: string): { type: string; n: number }[] {
    return this
      .sql<[string, string], { type: string; n: number }>(
        'SELECT type, count(*) AS n FROM inbox_requests WHERE received_at >= ? AND received_at < ? GROUP BY type',
      )
      .all(from, to);
  }

  // The overview's months (kept by triggers: migration 530; months in Beijing time)
  receivedMonths(from: string, to: string): { month: string; n: number }[] {
    return this.sql<[string, string], { month: string; n: number }>('SELECT month, n FROM inbox_received_months WHERE month >= ? AND month <= ? AND n > 0').all(from, to);
  }

  /** Replies per month, by whole days from receipt and on time or not: a histogram, so medians are exact. */
  answeredMonths(from: string, to: string): { month: string; days: number; on_time: number; n: number }[] {
    return this
      .sql<[string, string], { month: string; days: number; on_time: number; n: number }>(
        'SELECT month, days, on_time, n FROM inbox_answered_days WHERE month >= ? AND month <= ? AND n > 0 ORDER BY month, days',
      )
      .all(from, to);
  }
}
