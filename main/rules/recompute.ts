import type { ModuleName } from '../../preload/contract/common';
import type { DeadlineShift, RecomputeEffects } from '../../preload/contract/rules';
import { ruleNameOf } from '../deadlines/dto';
import { DeadlinesRepo, type DeadlineRow } from '../deadlines/repo';
import { recomputeRows } from '../deadlines/service';
import { refreshDeadlines } from '../inbox/clock';
import { InboxRepo } from '../inbox/repo';
import { refreshIncident } from '../incidents/record';
import { IncidentsRepo } from '../incidents/repo';
import type { Session } from '../shared/session';
import { TransfersRepo } from '../transfers/repo';
import { getTransfer, refresh as refreshTransfer } from '../transfers/service';
import { refreshGovernance } from '../governance/service';
import { loadCatalogue } from './load';

// What a change of the catalogue (or of a calendar) does to the stored records, computed the
// same way for the preview (rolled back) and for the change itself (kept): take a snapshot,
// write, recompute, take another snapshot, compare.

/** Re-evaluates one record with the catalogue and calendars as they now are (inside the tx). */
const REFRESH: Partial<Record<ModuleName, (session: Session, recordId: string) => void>> = {
  incidents: (session, id) => {
    if (new IncidentsRepo(session.db).get(id)) refreshIncident(session, id);
  },
  inbox: (session, id) => {
    const repo = new InboxRepo(session.db);
    const row = repo.get(id);
    if (row) refreshDeadlines(session, repo, row);
  },
  transfers: (session, id) => {
    const repo = new TransfersRepo(session.db);
    if (repo.byId(id)) refreshTransfer(session, repo, id);
  },
  governance: (session) => refreshGovernance(session),
};

const OPEN_RECORDS: Partial<Record<ModuleName, (session: Session) => string[]>> = {
  incidents: (session) => new IncidentsRepo(session.db).openIds(),
  inbox: (session) => new InboxRepo(session.db).openIds(),
  transfers: (session) => new TransfersRepo(session.db).allIds(),
  governance: () => ['governance'],
};

export interface Scope {
  /** Stored rows to recompute directly (the rules or calendar year changed). */
  rows: () => DeadlineRow[];
  /** Modules whose open records are re-evaluated whole (a threshold or band changed). */
  modules: ModuleName[];
}

const LIMIT = 1000;
const recordKey = (module: string, recordId: string) => `${module}\u0000${recordId}`;

interface Snapshot {
  rows: Map<string, DeadlineRow[]>;
  grades: Map<string, { ref: string; title: string; grade: string }>;
  routes: Map<string, { ref: string; title: string; route: string }>;
}

function snapshot(session: Session, records: Map<string, { module: string; recordId: string }>, modules: ModuleName[]): Snapshot {
  const repo = new DeadlinesRepo(session.db);
  const rows = new Map<string, DeadlineRow[]>();
  for (const [k, r] of records) rows.set(k, repo.byRecord(r.module, r.recordId));
  const grades = new Map<string, { ref: string; title: string; grade: string }>();
  const routes = new Map<string, { ref: string; title: string; route: string }>();
  if (modules.includes('incidents')) {
    const incidents = new IncidentsRepo(session.db);
    for (const id of incidents.openIds()) {
      const row = incidents.get(id)!;
      grades.set(id, { ref: row.ref, title: row.title, grade: row.grade });
    }
  }
  if (modules.includes('transfers')) {
    for (const id of new TransfersRepo(session.db).allIds()) {
      const t = getTransfer(session, id);
      routes.set(id, { ref: t.ref, title: `${t.recipient.name} (${t.recipient.country})`, route: t.verdict.route });
    }
  }
  return { rows, grades, routes };
}

function diffRows(session: Session, before: DeadlineRow[], after: DeadlineRow[], out: DeadlineShift[], closed: { n: number }): void {
  const catalogue = loadCatalogue(session);
  const byKey = new Map(after.map((r) => [r.key, r]));
  const shift = (b: DeadlineRow | undefined, a: DeadlineRow | undefined, change: DeadlineShift['change']) => {
    const row = (a ?? b)!;
    if ((a ?? b)!.stored_state !== 'open' && (!b || b.stored_state !== 'open')) {
      closed.n++;
      return;
    }
    out.push({
      deadlineId: row.id,
      module: row.module as ModuleName,
      recordId: row.record_id,
      recordRef: row.record_ref,
      recordTitle: row.record_title,
      key: row.key,
      rule: ruleNameOf(row, catalogue),
      state: row.stored_state,
      change,
      beforeDueAt: b?.due_at ?? null,
      afterDueAt: a?.due_at ?? null,
      shiftMinutes: a && b ? Math.round((Date.parse(a.due_at) - Date.parse(b.due_at)) / 60_000) : null,
      beforeVersion: b?.rule_version ?? null,
      afterVersion: a?.rule_version ?? null,
    });
  };
  for (const b of before) {
    const a = byKey.get(b.key);
    byKey.delete(b.key);
    if (!a) shift(b, undefined, 'removed');
    else if (a.due_at !== b.due_at || a.stored_state !== b.stored_state) shift(b, a, 'moved');
    else if (a.rule_version !== b.rule_version || a.provisional_years !== b.provisional_years) shift(b, a, 'versionOnly');
  }
  for (const a of byKey.values()) shift(undefined, a, 'added');
}

/**
 * Runs `write` (the catalogue or calendar change) inside the caller's transaction, recomputes what
 * depends on it and says what changed. Only what the change can reach is recomputed: the rows of
 * the changed rules (or calendar year), and the open records of the modules a changed threshold
 * feeds; every other record is left as it is.
 */
export function withEffects(session: Session, scope: Scope, write: () => void): RecomputeEffects {
  const direct = scope.rows();
  const records = new Map<string, { module: string; recordId: string }>();
  for (const r of direct) records.set(recordKey(r.module, r.record_id), { module: r.module, recordId: r.record_id });
  for (const m of scope.modules) for (const id of OPEN_RECORDS[m]?.(session) ?? []) records.set(recordKey(m, id), { module: m, recordId: id });
  const before = snapshot(session, records, scope.modules);

  write();

  const directIds = new Set(direct.map((r) => r.id));
  const fresh = new DeadlinesRepo(session.db);
  recomputeRows(session, [...directIds].map((id) => fresh.byId(id)).filter((r): r is DeadlineRow => !!r));
  // A record is re-evaluated whole when its module reads a changed threshold, or when one of its
  // clocks moved (its list columns and dependent duties follow the clock).
  for (const [k, r] of records) {
    const moved = scope.modules.includes(r.module as ModuleName) || fresh.byRecord(r.module, r.recordId).some((row) => {
      const prev = before.rows.get(k)?.find((p) => p.id === row.id);
      return !prev || prev.due_at !== row.due_at || prev.rule_version !== row.rule_version;
    });
    if (moved) REFRESH[r.module as ModuleName]?.(session, r.recordId);
  }

  const after = snapshot(session, records, scope.modules);
  const deadlines: DeadlineShift[] = [];
  const closed = { n: 0 };
  for (const [k, rows] of before.rows) diffRows(session, rows, after.rows.get(k) ?? [], deadlines, closed);
  const grades = [...before.grades].flatMap(([id, b]) => {
    const a = after.grades.get(id);
    return a && a.grade !== b.grade ? [{ recordId: id, ref: b.ref, title: b.title, before: b.grade, after: a.grade }] : [];
  });
  const routes = [...before.routes].flatMap(([id, b]) => {
    const a = after.routes.get(id);
    return a && a.route !== b.route ? [{ recordId: id, ref: b.ref, title: b.title, before: b.route, after: a.route }] : [];
  });
  deadlines.sort((x, y) => (x.afterDueAt ?? x.beforeDueAt ?? '').localeCompare(y.afterDueAt ?? y.beforeDueAt ?? ''));
  return {
    deadlines: deadlines.slice(0, LIMIT),
    more: Math.max(0, deadlines.length - LIMIT),
    closedDeadlinesChanged: closed.n,
    grades,
    routes,
    checked: records.size,
  };
}

/** Thrown to roll a preview back: the effects travel with it. */
export class PreviewRollback extends Error {
  constructor(readonly effects: RecomputeEffects) {
    super('preview');
  }
}

/** The effects of a change, computed inside a transaction that is then rolled back: nothing is kept. */
export function preview(session: Session, scope: Scope, write: () => void): RecomputeEffects {
  try {
    session.tx(() => {
      throw new PreviewRollback(withEffects(session, scope, write));
    });
  } catch (error) {
    if (error instanceof PreviewRollback) return error.effects;
    throw error;
  }
  throw new Error('unreachable');
}
