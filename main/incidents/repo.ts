import type { Db } from '../store/database';
import { prepared } from '../store/prepared';

export interface IncidentRow {
  id: string;
  ref: string;
  ref_year: number;
  ref_seq: number;
  title: string;
  state: string;
  discovered_at: string;
  grade: string;
  grade_override: string | null;
  jurisdictions: string;
  individuals_affected: number;
  /** Earliest open clock, "immediately" duties included (they sort first: due from the discovery). */
  next_due_at: string;
  /** 1 when that earliest clock is an "immediately" duty. */
  next_due_immediate: number;
  /** Earliest open fixed due time (what can turn overdue), or NO_DUE. */
  overdue_from: string;
  facts: string;
  version: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  voided_at?: string | null;
  voided_note?: string | null;
}

export type ListRow = Pick<IncidentRow, 'id' | 'ref' | 'title' | 'state' | 'grade' | 'discovered_at' | 'individuals_affected' | 'jurisdictions' | 'next_due_at' | 'next_due_immediate' | 'overdue_from' | 'voided_at' | 'voided_note'>;

export interface ObligationRow {
  key: string;
  override: string | null;
  done: string | null;
}

export interface TimelineRow {
  id: number;
  at: string;
  recorded_at: string;
  actor: string;
  kind: string;
  /** The stored sentence ({en, zh} JSON) of an entry from before migration 260 that could not be read as data; '' otherwise. */
  text: string;
  /** What happened (incidentTimeline.<action>) and its parameters (JSON); null on an unread older entry. */
  action: string | null;
  params: string | null;
}

export interface ListQuery {
  state?: string;
  openOnly?: boolean;
  grade?: string;
  jurisdiction?: string;
  /** true: some fixed clock is past `now`; false: none is. */
  overdueBefore?: { now: string; overdue: boolean };
  /** Discovered in [from, before): a quarter of the overview. */
  discoveredFrom?: string;
  discoveredBefore?: string;
  search?: string;
  sort: 'discovered' | 'nextDue';
  /** Keyset position: the sort key and id of the last row of the previous page. */
  after?: { key: string; id: string };
  /** List the voided incidents too (greyed on screen); the total still leaves them out. */
  showVoided?: boolean;
  limit: number;
}

/** Sentinel for "no fixed clock open": sorts after every ISO instant. */
export const NO_DUE = '~';

const LIST_COLUMNS = 'id, ref, title, state, grade, discovered_at, individuals_affected, jurisdictions, next_due_at, next_due_immediate, overdue_from, voided_at, voided_note';

export class IncidentsRepo {
  constructor(private readonly db: Db) {}

  nextSeq(year: number): number {
    const row = prepared<[number], { seq: number | null }>(this.db, 'SELECT max(ref_seq) AS seq FROM incidents WHERE ref_year = ?').get(year);
    return (row?.seq ?? 0) + 1;
  }

  insert(row: IncidentRow): void {
    prepared(this.db, 
        `INSERT INTO incidents (id, ref, ref_year, ref_seq, title, state, discovered_at, grade, jurisdictions, individuals_affected,
          next_due_at, next_due_immediate, overdue_from, version, created_at, updated_at, closed_at)
         VALUES (@id, @ref, @ref_year, @ref_seq, @title, @state, @discovered_at, @grade, @jurisdictions, @individuals_affected,
          @next_due_at, @next_due_immediate, @overdue_from, @version, @created_at, @updated_at, @closed_at)`,
      )
      .run(row);
    prepared(this.db, 'INSERT INTO incident_details (incident_id, facts, grade_override) VALUES (@id, @facts, @grade_override)')
      .run({ id: row.id, facts: row.facts, grade_override: row.grade_override });
  }

  update(row: IncidentRow): void {
    prepared(this.db, 
        `UPDATE incidents SET title = @title, state = @state, discovered_at = @discovered_at, grade = @grade,
          jurisdictions = @jurisdictions, individuals_affected = @individuals_affected, next_due_at = @next_due_at,
          next_due_immediate = @next_due_immediate, overdue_from = @overdue_from, version = @version, updated_at = @updated_at, closed_at = @closed_at
         WHERE id = @id`,
      )
      .run(row);
    prepared(this.db, 'UPDATE incident_details SET facts = @facts, grade_override = @grade_override WHERE incident_id = @id')
      .run({ id: row.id, facts: row.facts, grade_override: row.grade_override });
  }

  setNextDue(id: string, due: Pick<IncidentRow, 'next_due_at' | 'next_due_immediate' | 'overdue_from'>): void {
    prepared(this.db, 'UPDATE incidents SET next_due_at = @next_due_at, next_due_immediate = @next_due_immediate, overdue_from = @overdue_from WHERE id = @id').run({ ...due, id });
  }

  setVoided(id: string, at: string | null, note: string | null): void {
    prepared(this.db, 'UPDATE incidents SET voided_at = ?, voided_note = ? WHERE id = ?').run(at, note, id);
  }

  /** Incidents whose CII status follows the Settings default. */
  idsFollowingCiiSetting(): string[] {
    return prepared<[], { id: string }>(this.db, "SELECT incident_id AS id FROM incident_details WHERE json_extract(facts, '$.ciiOperator') IS NULL")
      .all()
      .map((r) => r.id);
  }

  /** Incidents not closed: a catalogue change re-evaluates them. */
  openIds(): string[] {
    return prepared<[], { id: string }>(this.db, "SELECT id FROM incidents WHERE state <> 'closed'").all().map((r) => r.id);
  }

  idByRef(ref: string): string | null {
    return prepared<[string], { id: string }>(this.db, 'SELECT id FROM incidents WHERE ref = ?').get(ref)?.id ?? null;
  }

  get(id: string): IncidentRow | undefined {
    return prepared<[string], IncidentRow>(this.db, 
        'SELECT i.*, d.facts, d.grade_override FROM incidents i JOIN incident_details d ON d.incident_id = i.id WHERE i.id = ?',
      )
      .get(id);
  }

  obligations(id: string): ObligationRow[] {
    return prepared<[string], ObligationRow>(this.db, 'SELECT key, override, done FROM incident_obligations WHERE incident_id = ?').all(id);
  }

  saveObligation(id: string, row: ObligationRow): void {
    prepared(this.db, 
        `INSERT INTO incident_obligations (incident_id, key, override, done) VALUES (?, ?, ?, ?)
         ON CONFLICT (incident_id, key) DO UPDATE SET override = excluded.override, done = excluded.done`,
      )
      .run(id, row.key, row.override, row.done);
  }

  addTimeline(id: string, entry: Omit<TimelineRow, 'id'>): void {
    prepared(this.db, 'INSERT INTO incident_timeline (incident_id, at, recorded_at, actor, kind, text, action, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, entry.at, entry.recorded_at, entry.actor, entry.kind, entry.text, entry.action, entry.params);
  }

  timeline(id: string): TimelineRow[] {
    return prepared<[string], TimelineRow>(this.db, 'SELECT id, at, recorded_at, actor, kind, text, action, params FROM incident_timeline WHERE incident_id = ? ORDER BY at, id')
      .all(id);
  }

  /**
   * One page in sort order on its index, filters applied to the rows scanned; plus the filtered
   * total counted up to `countCap` (an exact count of 100,000 rows costs more than the page).
   */
  list(q: ListQuery, countCap: number): { rows: ListRow[]; total: number; totalCapped: boolean } {
    // A voided incident (created by mistake) is out of the counts, and out of the list unless asked for.
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (q.state) (where.push('state = @state'), (params.state = q.state));
    if (q.openOnly) where.push("state <> 'closed'");
    if (q.grade) (where.push('grade = @grade'), (params.grade = q.grade));
    if (q.jurisdiction) (where.push('jurisdictions LIKE @jurisdiction'), (params.jurisdiction = `%,${q.jurisdiction},%`));
    if (q.overdueBefore) {
      where.push(q.overdueBefore.overdue ? 'overdue_from < @now' : 'overdue_from >= @now');
      params.now = q.overdueBefore.now;
    }
    if (q.discoveredFrom) (where.push('discovered_at >= @discoveredFrom'), (params.discoveredFrom = q.discoveredFrom));
    if (q.discoveredBefore) (where.push('discovered_at < @discoveredBefore'), (params.discoveredBefore = q.discoveredBefore));
    if (q.search) {
      where.push("(ref LIKE @search ESCAPE '\\' OR title LIKE @search ESCAPE '\\')");
      params.search = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const filter = `WHERE ${[...where, 'voided_at IS NULL'].join(' AND ')}`;
    const counted = prepared<Record<string, string | number>, { n: number }>(this.db, `SELECT count(*) AS n FROM (SELECT 1 FROM incidents ${filter} LIMIT @cap)`)
      .get({ ...params, cap: countCap + 1 })!.n;

    const [sortKey, dir, cmp] = q.sort === 'discovered' ? ['discovered_at', 'DESC', '<'] : ['next_due_at', 'ASC', '>'];
    const page = q.showVoided ? [...where] : [...where, 'voided_at IS NULL'];
    if (q.after) {
      page.push(`(${sortKey}, id) ${cmp} (@afterKey, @afterId)`);
      params.afterKey = q.after.key;
      params.afterId = q.after.id;
    }
    params.limit = q.limit;
    const rows = prepared<Record<string, string | number>, ListRow>(this.db, 
        `SELECT ${LIST_COLUMNS} FROM incidents ${page.length ? `WHERE ${page.join(' AND ')}` : ''}
         ORDER BY ${sortKey} ${dir}, id ${dir} LIMIT @limit`,
      )
      .all(params);
    return { rows, total: Math.min(counted, countCap), totalCapped: counted > countCap };
  }

  /** Incidents per month of discovery (Beijing) and grade in force, voided ones out (kept by triggers: migration 250). */
  monthGrades(from: string, to: string): { month: string; grade: string; n: number }[] {
    return prepared<[string, string], { month: string; grade: string; n: number }>(this.db, 'SELECT month, grade, n FROM incident_month_grades WHERE month >= ? AND month <= ? AND n > 0')
      .all(from, to);
  }
}
