import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { boardBounds } from '../../../main/deadlines/board';

// Issue 16: the board's day and week ends are kept per zone for the local day they belong to.
// Kept or not, they must be what the zone's calendar says at every instant: across midnight,
// across a week's end, and on the days a zone changes its clock.
const reference = (now: Date, zone: string) => {
  const local = DateTime.fromJSDate(now, { zone });
  return { now: now.toISOString(), endOfToday: local.endOf('day').toUTC().toISO(), endOfWeek: local.endOf('week').toUTC().toISO(), zone };
};

describe('boardBounds', () => {
  it.each([
    ['Asia/Shanghai', '2026-11-29T15:00:00.000Z', 'Sunday evening in Beijing into Monday'],
    ['Europe/Brussels', '2026-10-24T20:00:00.000Z', 'the night the clocks go back'],
    ['Europe/Brussels', '2026-03-28T20:00:00.000Z', 'the night the clocks go forward'],
    ['America/Los_Angeles', '2026-11-01T05:00:00.000Z', 'the US fall-back day'],
    ['Asia/Kolkata', '2026-12-31T18:00:00.000Z', 'a half-hour zone at the year end'],
  ])('%s: every instant through %s matches the zone calendar (%s)', (zone, startIso) => {
    const start = Date.parse(startIso);
    // Every 7 minutes over 30 hours, in order (the kept value is reused, then replaced at midnight).
    for (let t = start; t < start + 30 * 3_600_000; t += 7 * 60_000) {
      const now = new Date(t);
      expect(boardBounds(now, zone)).toEqual(reference(now, zone));
    }
    // And backwards in time (a clock set back): still right.
    for (let t = start + 30 * 3_600_000; t > start; t -= 59 * 60_000) expect(boardBounds(new Date(t), zone)).toEqual(reference(new Date(t), zone));
  });

  it('refuses an unknown zone by field, kept values or not', () => {
    boardBounds(new Date('2026-11-29T02:00:00Z'), 'Asia/Shanghai');
    expect(() => boardBounds(new Date('2026-11-29T02:00:00Z'), 'Mars/Olympus')).toThrow(/Unknown time zone/);
  });
});
