import type { z } from 'zod';
import type { OverviewFigures, OverviewInput } from '../../preload/contract/overview';
import { openByRegime, dueByDay } from '../deadlines/overview';
import { requestMonths } from '../inbox/overview';
import { incidentQuarters } from '../incidents/overview';
import { getSettings } from '../settings/service';
import { REGIME_NAMES } from './report';
import { BEIJING, resolvePeriod } from '../shared/months';
import type { Session } from '../shared/session';
import { transferFigures } from '../transfers/overview';

// The DPO's overview (issue 17): each module answers its own figures from counts it keeps; this
// only puts them together for one period. Voided records count nowhere (each module's triggers).

/** The timeline's length: the next 30 days. */
export const TIMELINE_DAYS = 30;

export function overviewFigures(session: Session, input: z.output<typeof OverviewInput>): OverviewFigures {
  const now = session.now();
  const settings = getSettings(session);
  const period = resolvePeriod(input.period, now);
  const zone = input.zone ?? settings.displayZone;
  const { months, ...shown } = period;
  return {
    now: now.toISOString(),
    period: shown,
    periodZone: BEIJING,
    obligations: (({ byRegime, total }) => ({ byRegime: byRegime.map((r) => ({ ...r, name: REGIME_NAMES[r.regime] })), total, dueSoonHours: settings.dueSoonHours }))(openByRegime(session, now, settings.dueSoonHours)),
    requests: requestMonths(session, months),
    incidents: incidentQuarters(session, months),
    transfers: transferFigures(session),
    timeline: { zone, ...dueByDay(session, now, zone, TIMELINE_DAYS) },
  };
}
