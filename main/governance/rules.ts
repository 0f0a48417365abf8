import type { DeadlineRequest } from '../deadlines/model';
import type { PioEventRow } from './repo';

// Pure: which PI protection officer reports are due. Reaching the threshold opens a 30-working-day
// clock (CAC notice of 2025-07-18), and so does each material change (new officer, new contact);
// a report on or after the event, recorded after it, meets it.

export function pioRequests(events: PioEventRow[]): DeadlineRequest[] {
  const reports = events.filter((e) => e.kind === 'reported');
  return events
    .filter((e) => e.kind !== 'reported')
    .map((e) => {
      const met = reports.find((r) => r.date >= e.date && r.seq > e.seq);
      return {
        key: `pio.${e.seq}`,
        ruleKey: 'pio.report' as const,
        start: e.date,
        label:
          e.kind === 'reached'
            ? { en: 'Report the PI protection officer (threshold reached)', zh: '报送个人信息保护负责人信息（达到人数）' }
            : { en: `Re-report the PI protection officer (change: ${e.note})`, zh: `重新报送个人信息保护负责人信息（变更：${e.note}）` },
        met: met ? { at: `${met.date}T00:00:00+08:00`, note: met.note } : null,
      };
    });
}

/** Whether an update of the officer is a material change to re-report: only once reporting applies. */
export const isMaterialChange = (before: { name: string; contact: string }, after: { name: string; contact: string }, reached: boolean): boolean =>
  reached && (before.name !== after.name || before.contact !== after.contact);
