// Reading the inbox: the keyset-paginated list with its counts, one request, a quarter's figures.
import type { InboxRequest, QuarterStats, RefusalGround, RequestState, RequestSummary, RequestType } from '../../preload/contract/inbox';
import { RequestState as RequestStates } from '../../preload/contract/inbox';
import { getSettings } from '../settings/service';
import { invalid, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { loadRow, toRequest, toSummary } from './dto';
import { refusalGroundsOf } from './grounds';
import { InboxRepo, type ListFilter } from './repo';
import { quarterRange } from './rules';

export interface ListInput {
  state?: RequestState;
  type?: RequestType;
  jurisdiction?: string;
  overdue?: boolean;
  dueWithinDays?: number;
  receivedFrom?: string;
  receivedBefore?: string;
  answeredFrom?: string;
  answeredBefore?: string;
  answeredOnTime?: boolean;
  showVoided?: boolean;
  cursor?: string | null;
  limit: number;
}

/** Filtered totals beyond this are shown as "1,000+" (counting further would scan the index). */
const TOTAL_CAP = 1_000;

const encodeCursor = (r: { due_at: string | null; id: string }) => Buffer.from(JSON.stringify([r.due_at, r.id])).toString('base64url');

function decodeCursor(cursor: string): { dueAt: string; id: string } {
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof dueAt === 'string' && typeof id === 'string') return { dueAt, id };
  } catch {
    /* reported below */
  }
  throw invalid({ cursor: problem('badCursor') });
}

export function listRequests(
  session: Session,
  input: ListInput,
): { items: RequestSummary[]; nextCursor: string | null; total: number; totalIsAtLeast: boolean; counts: Record<RequestState, number> } {
  const repo = new InboxRepo(session.db);
  const now = session.now();
  const { dueSoonHours } = getSettings(session);
  const filter: ListFilter = {
    state: input.state,
    type: input.type,
    jurisdiction: input.jurisdiction,
    received: input.receivedFrom || input.receivedBefore ? { from: input.receivedFrom, before: input.receivedBefore } : undefined,
    answered: input.answeredFrom || input.answeredBefore || input.answeredOnTime !== undefined ? { from: input.answeredFrom, before: input.answeredBefore, onTime: input.answeredOnTime } : undefined,
    showVoided: input.showVoided,
    limit: input.limit + 1,
  };
  // Overdue and due-within only look at requests whose reply clock still runs.
  if (input.overdue || input.dueWithinDays !== undefined) {
    filter.openOnly = true;
    const horizon = input.overdue ? now.getTime() : now.getTime() + (input.dueWithinDays ?? 0) * 86_400_000;
    filter.dueBefore = new Date(horizon).toISOString();
  }
  filter.after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = repo.list(filter);
  const page = rows.slice(0, input.limit);
  const counts = Object.fromEntries(RequestStates.options.map((s) => [s, 0])) as Record<RequestState, number>;
  for (const c of repo.stateCounts()) counts[c.state as RequestState] = c.n;
  // State alone (or nothing) is counted by the triggers; other filters are counted up to a cap.
  const onlyState = !input.type && !input.jurisdiction && !filter.openOnly && !filter.received && !filter.answered;
  const counted = onlyState ? (input.state ? counts[input.state] : Object.values(counts).reduce((a, b) => a + b, 0)) : repo.count({ ...filter, after: null }, TOTAL_CAP);
  return {
    items: page.map((r) => toSummary(r, now, dueSoonHours)),
    nextCursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]) : null,
    total: Math.min(counted, onlyState ? counted : TOTAL_CAP),
    totalIsAtLeast: !onlyState && counted > TOTAL_CAP,
    counts,
  };
}

export function getRequest(session: Session, id: string): InboxRequest {
  const repo = new InboxRepo(session.db);
  return toRequest(session, repo, loadRow(repo, id));
}

/** A quarter's figures, by receipt date in Beijing time. On time: the reply went out by the reply deadline. */
export function quarterStats(session: Session, quarter: string): QuarterStats {
  const repo = new InboxRepo(session.db);
  const { grounds } = refusalGroundsOf(session);
  const { from, to } = quarterRange(quarter);
  const q = repo.quarter(from, to);
  const refused = new Map(repo.refusedByGround(from, to).map((r) => [r.ground, r.n]));
  return {
    quarter,
    from,
    to,
    received: q.received,
    replied: q.replied,
    repliedOnTime: q.onTime,
    onTimePercent: q.replied ? Math.round((q.onTime / q.replied) * 1000) / 10 : null,
    stillOpen: q.open,
    refusedByGround: (Object.keys(grounds) as RefusalGround[]).map((g) => ({ ground: g, text: grounds[g].text, count: refused.get(g) ?? 0 })),
    byType: repo.byType(from, to).map((r) => ({ type: r.type as RequestType, count: r.n })),
  };
}

/** The grounds as the catalogue holds them today (privacy policy §V), in the policy's order. */
export function refusalGrounds(session: Session) {
  const { grounds, basis } = refusalGroundsOf(session);
  return {
    grounds: (Object.keys(grounds) as RefusalGround[]).map((g) => ({ ground: g, n: grounds[g].n, text: grounds[g].text })).sort((a, b) => a.n - b.n),
    basis,
  };
}
