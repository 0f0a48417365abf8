import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dateIn } from '../../../main/rules/resolve';
import { DEFINITIONS } from '../../../main/rules/seed';

// dateIn picks the rule version in force on a record's start: the day in the rule's own zone
// must be Luxon's day, at every hour of the year (DST changes included) and for every zone.
describe('dateIn: the day of an instant in the rule’s zone', () => {
  const luxonDay = (key: string, at: string) => DateTime.fromISO(at, { zone: DEFINITIONS.get(key)?.zone ?? 'Asia/Shanghai' }).toISODate();
  const oneKeyPerZone = [...new Map([...DEFINITIONS.values()].map((d) => [d.zone, d.key])).values()];

  it('is Luxon’s day for every zone, hour by hour through 2025 and across midnight', () => {
    expect(oneKeyPerZone.length).toBeGreaterThan(3);
    const start = Date.parse('2025-01-01T00:30:00.000Z');
    for (const key of oneKeyPerZone) {
      for (let h = 0; h < 365 * 24; h += 5) {
        const at = new Date(start + h * 3_600_000).toISOString();
        expect(dateIn(key, at), `${key} ${at}`).toBe(luxonDay(key, at));
      }
    }
  });

  it('reads offsets, whole seconds and minutes like Luxon', () => {
    const key = oneKeyPerZone[0];
    for (const at of ['2026-03-29T00:59:59+01:00', '2026-03-28T23:00Z', '2026-10-25T01:30:00.5-04:00', '2025-12-31T16:00:00.000Z', '2025-12-31T15:59:59.999Z']) {
      for (const k of oneKeyPerZone) expect(dateIn(k, at), `${k} ${at}`).toBe(luxonDay(k, at));
    }
    expect(dateIn(key, '2026-05-01')).toBe('2026-05-01');
  });

  it('a local time without an offset is a time in the rule’s zone', () => {
    for (const k of oneKeyPerZone) expect(dateIn(k, '2026-01-01T23:30:00')).toBe('2026-01-01');
  });
});
