import type { CacGrade } from '../../preload/contract/incidents';
import { addMonths, monthStart, quarterOf } from '../shared/months';
import type { Session } from '../shared/session';
import { GRADE_ORDER } from './model';
import { IncidentsRepo } from './repo';

// The overview's incident figures (issue 17): incidents per quarter of discovery (Beijing) by
// the CAC grade in force, from the counts kept per month by triggers (migration 250). A period
// that cuts a quarter counts only its months of that quarter (and says which).

type Grades = Record<CacGrade, number>;
const none = (): Grades => Object.fromEntries(GRADE_ORDER.map((g) => [g, 0])) as Grades;

export function incidentQuarters(session: Session, months: string[]) {
  const rows = new IncidentsRepo(session.db).monthGrades(months[0], months[months.length - 1]);
  const quarters = new Map<string, { quarter: string; months: string[]; byGrade: Grades; total: number }>();
  for (const m of months) {
    const q = quarterOf(m);
    const entry = quarters.get(q) ?? { quarter: q, months: [], byGrade: none(), total: 0 };
    entry.months.push(m);
    quarters.set(q, entry);
  }
  const total = { ...none(), total: 0 };
  for (const r of rows) {
    const entry = quarters.get(quarterOf(r.month));
    if (!entry || !(r.grade in entry.byGrade)) continue;
    entry.byGrade[r.grade as CacGrade] += r.n;
    entry.total += r.n;
    total[r.grade as CacGrade] += r.n;
    total.total += r.n;
  }
  return {
    quarters: [...quarters.values()].map((q) => ({ ...q, from: monthStart(q.months[0]), before: monthStart(addMonths(q.months[q.months.length - 1], 1)) })),
    total,
  };
}
