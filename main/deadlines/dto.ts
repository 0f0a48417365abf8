import type { Deadline } from '../../preload/contract/deadlines';
import type { LocalizedText } from '../../preload/contract/common';
import { ruleOf } from './catalog';
import type { DeadlineRow } from './repo';
import { deriveState } from './rules';

/** Stored row → the value the board and the modules show, with its state derived from the clock. */
export function toDeadline(row: DeadlineRow, now: Date, dueSoonHours: number): Deadline {
  const rule = ruleOf(row.rule_key);
  const label = row.label ? (JSON.parse(row.label) as LocalizedText) : null;
  return {
    id: row.id,
    module: row.module as Deadline['module'],
    recordId: row.record_id,
    recordRef: row.record_ref,
    recordTitle: row.record_title,
    key: row.key,
    ruleKey: row.rule_key,
    rule: label ?? rule?.name ?? { en: row.rule_key, zh: row.rule_key },
    basis: rule?.basis ?? { en: '', zh: '' },
    clock: row.clock,
    startAt: row.start_at,
    dueAt: row.due_at,
    zone: row.zone,
    calendar: row.calendar ? JSON.parse(row.calendar) : null,
    state: deriveState({ storedState: row.stored_state, clock: row.clock, dueAt: row.due_at }, now, dueSoonHours),
    metAt: row.met_at,
    metNote: row.met_note,
    waivedReason: row.request_waived_reason ?? row.dpo_waived_reason,
    override: row.override_reason ? { computedDueAt: row.computed_due_at, reason: row.override_reason } : null,
    explanation: JSON.parse(row.explanation) as LocalizedText,
    periodKind: rule?.period.kind,
  };
}
