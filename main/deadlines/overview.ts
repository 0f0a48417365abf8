import type { ModuleName } from '../../preload/contract/common';
import { ModuleName as ModuleNames } from '../../preload/contract/common';
import type { RegimeCode } from '../../preload/contract/rules';
import { RegimeCode as RegimeCodes } from '../../preload/contract/rules';
import { addHours, daysAhead, hourOf, hourStart, onHour } from '../shared/months';
import type { Session } from '../shared/session';
import { regimeOf } from './catalog';
import { DeadlinesRepo } from './repo';

// The overview's figures from the board's open clocks (issue 17): by regime and state now, and
// the next days by module. Whole hours are read from the counts kept by triggers (migration 130);
// the parts of hours cut by now, the due-soon limit or a day boundary are counted from the rows.
// The states are the board's (rules.ts deriveState): an "immediately" duty is due soon from its
// start; a fixed clock is overdue once past, due soon within the window, else open.

export interface StateCounts {
  overdue: number;
  dueSoon: number;
  open: number;
}

export function openByRegime(session: Session, now: Date, dueSoonHours: number): { byRegime: (StateCounts & { regime: RegimeCode })[]; total: StateCounts } {
  const repo = new DeadlinesRepo(session.db);
  const nowIso = now.toISOString();
  const soonIso = new Date(now.getTime() + dueSoonHours * 3_600_000).toISOString();
  const h0 = hourOf(nowIso);
  const h1 = hourOf(soonIso);
  const ranges: [string, string][] = h0 === h1 ? [[hourStart(h0), hourStart(addHours(h0, 1))]] : [[hourStart(h0), hourStart(addHours(h0, 1))], [hourStart(h1), hourStart(addHours(h1, 1))]];
  const exact = new Map<string, { overdue: number; later: number }>();
  for (const [from, to] of ranges) {
    for (const r of repo.openInRange(from, to, nowIso, soonIso)) {
      const k = `${r.rule_key}|${r.clock}`;
      const e = exact.get(k) ?? { overdue: 0, later: 0 };
      exact.set(k, { overdue: e.overdue + r.overdue, later: e.later + r.later });
    }
  }
  const byRegime = new Map<RegimeCode, StateCounts>();
  for (const r of repo.openByRule(h0, h1)) {
    const regime = regimeOf(r.rule_key) as RegimeCode;
    const c = byRegime.get(regime) ?? { overdue: 0, dueSoon: 0, open: 0 };
    if (r.clock === 'immediate') c.dueSoon += r.total;
    else {
      const e = exact.get(`${r.rule_key}|${r.clock}`) ?? { overdue: 0, later: 0 };
      const overdue = r.before + e.overdue;
      const open = r.after + e.later;
      c.overdue += overdue;
      c.open += open;
      c.dueSoon += r.total - overdue - open;
    }
    byRegime.set(regime, c);
  }
  const rows = RegimeCodes.options.filter((g) => byRegime.has(g)).map((regime) => ({ regime, ...byRegime.get(regime)! })).filter((r) => r.overdue + r.dueSoon + r.open > 0);
  const total = rows.reduce((t, r) => ({ overdue: t.overdue + r.overdue, dueSoon: t.dueSoon + r.dueSoon, open: t.open + r.open }), { overdue: 0, dueSoon: 0, open: 0 });
  return { byRegime: rows, total };
}

const ceilHour = (iso: string): string => (onHour(iso) ? hourOf(iso) : addHours(hourOf(iso), 1));
const emptyModules = (): Record<ModuleName, number> => Object.fromEntries(ModuleNames.options.map((m) => [m, 0])) as Record<ModuleName, number>;

/** Fixed-time clocks due from now through the next `count` days in `zone`, by day and module. */
export function dueByDay(session: Session, now: Date, zone: string, count: number) {
  const repo = new DeadlinesRepo(session.db);
  const nowIso = now.toISOString();
  const days = daysAhead(now, zone, count).map((d, i) => ({ ...d, start: i === 0 && d.from < nowIso ? nowIso : d.from, byModule: emptyModules(), total: 0 }));
  const add = (day: (typeof days)[number], module: string, n: number) => {
    if (!(module in day.byModule) || n === 0) return;
    day.byModule[module as ModuleName] += n;
    day.total += n;
  };
  // Whole hours inside each day from the kept counts: one range read for all the days.
  const first = ceilHour(days[0].start);
  const last = addHours(hourOf(days[days.length - 1].before), -1);
  const hours = first <= last ? repo.openHoursByModule(first, last) : [];
  let d = 0;
  for (const h of hours.sort((a, b) => a.due_hour.localeCompare(b.due_hour))) {
    const at = hourStart(h.due_hour);
    while (d < days.length && at >= days[d].before) d++;
    if (d === days.length) break;
    const day = days[d];
    // Only hours wholly inside the day; an hour cut by the day's edge is counted exactly below.
    if (at >= hourStart(ceilHour(day.start)) && Date.parse(at) + 3_600_000 <= Date.parse(day.before)) add(day, h.module, h.n);
  }
  // The cut parts: from now to the next hour, and (in a zone whose days do not start on the hour) each day's edges.
  for (const day of days) {
    const head: [string, string] = [day.start, hourStart(ceilHour(day.start))];
    const tailFrom = hourStart(hourOf(day.before));
    const tail: [string, string] = [tailFrom < head[1] ? head[1] : tailFrom, day.before];
    for (const [from, to] of [head, tail]) {
      if (from >= to) continue;
      for (const r of repo.openInRange(from, to, nowIso, nowIso)) if (r.clock === 'due') add(day, r.module, r.soon + r.later);
    }
  }
  const lastInstant = (before: string) => new Date(Date.parse(before) - 1).toISOString();
  return {
    days: days.map(({ date, from, start, before, byModule, total }) => ({ date, from, before, list: { dueAfter: start, dueBefore: lastInstant(before) }, byModule, total })),
    total: days.reduce((s, x) => s + x.total, 0),
  };
}
