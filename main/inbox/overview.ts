import { medianOf, monthStart, addMonths, percentOf } from '../shared/months';
import type { Session } from '../shared/session';
import { InboxRepo } from './repo';

// The overview's request figures (issue 17), per Beijing month from the counts kept by triggers
// (migration 530): received in the month; answered in the month (reply sent), how many by the
// reply deadline, and the median whole days from receipt to reply. One definition of "on time"
// with the quarter figures: the reply went out by the reply deadline.

export interface RequestMonthFigures {
  month: string;
  from: string;
  before: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  onTimePercent: number | null;
  medianDays: number | null;
}

export function requestMonths(session: Session, months: string[]): { months: RequestMonthFigures[]; total: Omit<RequestMonthFigures, 'month'> & { month: null } } {
  const repo = new InboxRepo(session.db);
  const first = months[0];
  const last = months[months.length - 1];
  const received = new Map(repo.receivedMonths(first, last).map((r) => [r.month, r.n]));
  const histograms = new Map<string, { days: number; onTime: boolean; n: number }[]>();
  for (const r of repo.answeredMonths(first, last)) histograms.set(r.month, [...(histograms.get(r.month) ?? []), { days: r.days, onTime: r.on_time === 1, n: r.n }]);
  const figures = (hist: { days: number; onTime: boolean; n: number }[]) => {
    const answered = hist.reduce((s, h) => s + h.n, 0);
    const answeredOnTime = hist.reduce((s, h) => s + (h.onTime ? h.n : 0), 0);
    return { answered, answeredOnTime, onTimePercent: percentOf(answeredOnTime, answered), medianDays: medianOf(hist.map((h) => [h.days, h.n] as const)) };
  };
  const rows = months.map((month) => ({ month, from: monthStart(month), before: monthStart(addMonths(month, 1)), received: received.get(month) ?? 0, ...figures(histograms.get(month) ?? []) }));
  const all = [...histograms.values()].flat();
  return {
    months: rows,
    total: { month: null, from: monthStart(first), before: monthStart(addMonths(last, 1)), received: rows.reduce((s, r) => s + r.received, 0), ...figures(all) },
  };
}
