import type { ChosenRoute, FilingState } from '../../preload/contract/transfers';
import { ChosenRoute as ChosenRoutes, FilingState as FilingStates } from '../../preload/contract/transfers';
import type { Session } from '../shared/session';
import { TransfersRepo } from './repo';
import { companyVerdict } from './service';

// The overview's transfer figures (issue 17): the register by route chosen and filing state
// (kept by triggers, migration 440), and this year's company totals against the route
// thresholds of the 2024 Provisions as the catalogue holds them (the verdict's own thresholds).

export function transferFigures(session: Session) {
  const counts = new TransfersRepo(session.db).routeStates();
  const byRoute = ChosenRoutes.options.map((route) => {
    const byFilingState = Object.fromEntries(FilingStates.options.map((s) => [s, 0])) as Record<FilingState, number>;
    for (const c of counts) if (c.route === route && c.filing_state in byFilingState) byFilingState[c.filing_state as FilingState] += c.n;
    return { route: route as ChosenRoute, byFilingState, total: Object.values(byFilingState).reduce((a, b) => a + b, 0) };
  });
  const { verdict, totals } = companyVerdict(session);
  return {
    byRoute,
    total: byRoute.reduce((s, r) => s + r.total, 0),
    thresholds: {
      year: Number(verdict.countingWindow.to.slice(0, 4)),
      nonSensitive: totals.nonSensitive,
      sensitive: totals.sensitive,
      bars: verdict.thresholds.map((t) => ({ key: t.key, label: t.label, count: t.count, limit: t.limit, reached: t.reached, routeAtLimit: t.routeAtLimit, basis: t.basis })),
      route: verdict.route,
      reason: verdict.reason,
      basis: verdict.basis,
    },
  };
}
