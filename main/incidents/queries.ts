import { voidMarkOf } from '../shared/record-ports';
import type { z } from 'zod';
import type { Page } from '../../preload/contract/common';
import type { CacGrade, Incident, IncidentListItem, IncidentState, ListIncidents } from '../../preload/contract/incidents';
import type { Jurisdiction } from '../../preload/contract/common';
import { invalid, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { evaluate, load, toDto } from './record';
import { IncidentsRepo, NO_DUE, type ListRow } from './repo';

// Reads of the register: one incident with its obligations and timeline, and the keyset list.

export function getIncident(session: Session, id: string): Incident {
  const l = load(session, id);
  return toDto(session, l, evaluate(session, l));
}

const encodeCursor = (key: string, id: string): string => Buffer.from(JSON.stringify([key, id])).toString('base64url');

function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
  } catch {
    // fall through: a cursor the app did not make
  }
  throw invalid({ cursor: problem('badCursor') });
}

/** Totals above this show as "1,000+": counting every match of a broad filter would cost more than the page. */
export const LIST_COUNT_CAP = 1_000;

export function listIncidents(session: Session, q: z.output<typeof ListIncidents>): Page<IncidentListItem> & { totalCapped: boolean } {
  const now = session.now().toISOString();
  const { rows, total, totalCapped } = new IncidentsRepo(session.db).list({
    state: q.state,
    openOnly: q.openOnly,
    grade: q.grade,
    jurisdiction: q.jurisdiction,
    overdueBefore: q.hasOverdue === undefined ? undefined : { now, overdue: q.hasOverdue },
    discoveredFrom: q.discoveredFrom,
    discoveredBefore: q.discoveredBefore,
    search: q.search || undefined,
    sort: q.sort,
    after: q.cursor ? decodeCursor(q.cursor) : undefined,
    showVoided: q.showVoided,
    limit: q.limit + 1,
  }, LIST_COUNT_CAP);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const more = rows.length > q.limit;
  return {
    items: page.map((r) => toItem(r, now)),
    nextCursor: more && last ? encodeCursor(q.sort === 'discovered' ? last.discovered_at : last.next_due_at, last.id) : null,
    total,
    totalCapped,
  };
}

function toItem(r: ListRow, now: string): IncidentListItem {
  const nextDueAt = r.next_due_at === NO_DUE ? null : r.next_due_at;
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    state: r.state as IncidentState,
    grade: r.grade as CacGrade,
    discoveredAt: r.discovered_at,
    individualsAffected: r.individuals_affected,
    jurisdictions: r.jurisdictions.split(',').filter(Boolean) as Jurisdiction[],
    nextDueAt,
    nextDueImmediate: r.next_due_immediate === 1,
    hasOverdue: r.overdue_from !== NO_DUE && r.overdue_from < now,
    voided: voidMarkOf(r),
  };
}
