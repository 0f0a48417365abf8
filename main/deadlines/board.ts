import { DateTime, IANAZone } from 'luxon';
import type { z } from 'zod';
import type { BoardBounds, BoardBucket, BucketCounts, DeadlineAlert, DeadlinesListInput, Deadline } from '../../preload/contract/deadlines';
import type { ModuleName } from '../../preload/contract/common';
import { getSettings } from '../settings/service';
import { invalid, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { loadCatalogue } from '../rules/load';
import { toDeadline } from './dto';
import { DeadlinesRepo, type BoardPhase, type DeadlineRow } from './repo';
import { alertingSince, boardBucket, deriveState } from './rules';
import { rulesOfRegime } from './catalog';

// The home screen's reads: the board page, its bucket counts and the alerts the banner and the
// Electron host's OS notifications poll.

export const DEFAULT_ZONE = 'Asia/Shanghai';

/**
 * The ends of the DPO's local day and week, per zone, kept for as long as that local day lasts:
 * every board read asks for them, and working them out (zone check, local calendar) cost more
 * than the board page's SQL (issue 16).
 */
const dayBounds = new Map<string, { from: number; until: number; endOfToday: string; endOfWeek: string }>();

/** Today and this week end in the DPO's zone (ISO week, Monday–Sunday). */
export function boardBounds(now: Date, zone = DEFAULT_ZONE): BoardBounds {
  const t = now.getTime();
  let day = dayBounds.get(zone);
  if (!day || t < day.from || t > day.until) {
    if (!IANAZone.isValidZone(zone)) throw invalid({ zone: problem('unknownZone', { zone }) });
    const local = DateTime.fromJSDate(now, { zone });
    const end = local.endOf('day');
    day = { from: local.startOf('day').toMillis(), until: end.toMillis(), endOfToday: end.toUTC().toISO()!, endOfWeek: local.endOf('week').toUTC().toISO()! };
    if (dayBounds.size > 32) dayBounds.clear();
    dayBounds.set(zone, day);
  }
  return { now: now.toISOString(), endOfToday: day.endOfToday, endOfWeek: day.endOfWeek, zone };
}

type Phase = BoardPhase | 'all';
const encodeCursor = (d: { dueAt: string; id: string }, phase: Phase) => Buffer.from(JSON.stringify([d.dueAt, d.id, phase])).toString('base64url');

function decodeCursor(cursor: string): { dueAt: string; id: string; phase: Phase } {
  try {
    const [dueAt, id, phase] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof dueAt === 'string' && typeof id === 'string' && (PHASES as unknown[]).includes(phase)) return { dueAt, id, phase: phase as Phase };
  } catch {
    // fall through to the validation error
  }
  throw invalid({ cursor: problem('badCursor') });
}

type ListInput = z.output<typeof DeadlinesListInput>;
const PHASES: Phase[] = ['overdue', 'immediate', 'ahead', 'all'];

/**
 * The open board in bucket order (rules.ts boardBucket): fixed clocks past due, then the
 * "immediately" duties (today's, though they started earlier), then the fixed clocks still
 * running; each part a keyset range of its own index. An "immediately" duty has no due time, so
 * a due-time window (a day of the overview's timeline) does not hold it.
 */
function phasesOf(input: ListInput): Phase[] {
  if (input.state === 'met' || input.state === 'waived') return ['all'];
  const phases: Phase[] = input.state === 'overdue' ? ['overdue'] : input.state === 'dueSoon' ? ['immediate', 'ahead'] : input.state === 'open' ? ['ahead'] : ['overdue', 'immediate', 'ahead'];
  return input.dueAfter || input.dueBefore ? phases.filter((p) => p !== 'immediate') : phases;
}

export function listBoard(session: Session, input: ListInput): { items: (Deadline & { bucket: BoardBucket })[]; nextCursor: string | null; bounds: BoardBounds } {
  const now = session.now();
  const bounds = boardBounds(now, input.zone);
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const { dueSoonHours } = getSettings(session);
  const state = input.state;
  const repo = new DeadlinesRepo(session.db);
  const phases = phasesOf(input);
  const rows: { row: DeadlineRow; phase: Phase }[] = [];
  for (const phase of after ? phases.slice(Math.max(0, phases.indexOf(after.phase))) : phases) {
    if (rows.length > input.limit) break;
    const part = repo.page({
      storedState: state === 'met' || state === 'waived' ? state : 'open',
      derived: state === 'overdue' || state === 'dueSoon' || state === 'open' ? state : undefined,
      phase: phase === 'all' ? undefined : phase,
      now: bounds.now,
      soonUntil: new Date(now.getTime() + dueSoonHours * 3_600_000).toISOString(),
      module: input.module,
      ruleKeys: input.regime ? rulesOfRegime(input.regime) : undefined,
      dueAfter: input.dueAfter,
      dueBefore: input.dueBefore,
      after: after && phase === after.phase ? after : undefined,
      limit: input.limit + 1 - rows.length,
    });
    rows.push(...part.map((row) => ({ row, phase })));
  }
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const catalogue = loadCatalogue(session);
  return {
    items: page.map(({ row }) => ({ ...toDeadline(row, now, dueSoonHours, catalogue), bucket: boardBucket({ clock: row.clock, dueAt: row.due_at }, bounds) })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ dueAt: last.row.due_at, id: last.row.id }, last.phase) : null,
    bounds,
  };
}

export function countBoard(
  session: Session,
  zone?: string,
): { bounds: BoardBounds; total: BucketCounts; byModule: (BucketCounts & { module: ModuleName })[]; provisional: { count: number; years: number[] } } {
  const bounds = boardBounds(session.now(), zone);
  const repo = new DeadlinesRepo(session.db);
  const provisionalRows = repo.provisionalCounts();
  const provisional = {
    count: provisionalRows.reduce((n, r) => n + r.n, 0),
    years: [...new Set(provisionalRows.flatMap((r) => r.years.split(',').map(Number)))].sort(),
  };
  const byModule = repo.counts(bounds).map((r) => ({
    module: r.module as ModuleName,
    overdue: r.overdue,
    today: r.today,
    week: r.week,
    later: r.later,
  }));
  const total = byModule.reduce(
    (t, m) => ({ overdue: t.overdue + m.overdue, today: t.today + m.today, week: t.week + m.week, later: t.later + m.later }),
    { overdue: 0, today: 0, week: 0, later: 0 },
  );
  return { bounds, total, byModule, provisional };
}

const ALERT_LIMIT = 200;

/**
 * Deadlines now due soon or overdue that entered that state after `since` (by time passing or
 * by a write). Without `since`: every alerting deadline, most urgent first, up to the limit.
 */
export function listAlerts(session: Session, since?: string): { now: string; items: DeadlineAlert[]; more: boolean } {
  const now = session.now();
  const { dueSoonHours } = getSettings(session);
  const windowMs = dueSoonHours * 3_600_000;
  const soonUntil = new Date(now.getTime() + windowMs).toISOString();
  const repo = new DeadlinesRepo(session.db);
  const rows = since
    ? repo.alertCandidates({
        since,
        now: now.toISOString(),
        soonUntil,
        windowStart: new Date(Date.parse(since) + windowMs).toISOString(),
        limit: ALERT_LIMIT * 2,
      })
    : repo.alerting(soonUntil, ALERT_LIMIT + 1);
  const items: DeadlineAlert[] = [];
  const catalogue = loadCatalogue(session);
  for (const row of rows) {
    const status = { storedState: row.stored_state, clock: row.clock, dueAt: row.due_at, changedAt: row.changed_at };
    const state = deriveState(status, now, dueSoonHours);
    if (state !== 'dueSoon' && state !== 'overdue') continue;
    const entered = alertingSince(status, state, dueSoonHours)!;
    if (since && entered <= since) continue;
    items.push({ deadline: toDeadline(row, now, dueSoonHours, catalogue), state, since: entered });
  }
  return { now: now.toISOString(), items: items.slice(0, ALERT_LIMIT), more: items.length > ALERT_LIMIT || rows.length >= ALERT_LIMIT * 2 };
}
