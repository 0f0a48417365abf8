import type { Deadline } from '../../preload/contract/deadlines';
import type { LocalizedText } from '../../preload/contract/common';
import type { Catalogue } from '../rules/catalogue';
import { deadlineRuleOf, versionRef } from './catalog';
import { provisionalMessage } from './explain';
import type { DeadlineRow } from './repo';
import { deriveState, startDateOf } from './rules';

/** The catalogue version a row was computed with (older rows: the one in force at its start). */
function versionOf(row: DeadlineRow, catalogue: Catalogue) {
  const byId = row.rule_version ? catalogue.byId(row.rule_version) : undefined;
  if (byId) return byId;
  const date = startDateOf(row.rule_key, row.start);
  return date ? catalogue.at(row.rule_key, date) : undefined;
}

export function ruleNameOf(row: DeadlineRow, catalogue: Catalogue): LocalizedText {
  if (row.label) return JSON.parse(row.label) as LocalizedText;
  const v = versionOf(row, catalogue);
  return v ? deadlineRuleOf(row.rule_key, v).name : { en: row.rule_key, zh: row.rule_key };
}

/** Stored row → the value the board and the modules show, with its state derived from the clock. */
export function toDeadline(row: DeadlineRow, now: Date, dueSoonHours: number, catalogue: Catalogue): Deadline {
  const version = versionOf(row, catalogue);
  const rule = version ? deadlineRuleOf(row.rule_key, version) : undefined;
  const label = row.label ? (JSON.parse(row.label) as LocalizedText) : null;
  const provisionalYears = row.provisional_years ? row.provisional_years.split(',').map(Number) : [];
  const calendar = row.calendar ? JSON.parse(row.calendar) : null;
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
    // Rows written before the catalogue carry no provisional years in their calendar use.
    calendar: calendar ? { provisionalYears: [], ...calendar } : null,
    state: deriveState({ storedState: row.stored_state, clock: row.clock, dueAt: row.due_at }, now, dueSoonHours),
    metAt: row.met_at,
    metNote: row.met_note,
    waivedReason: row.request_waived_reason ?? row.dpo_waived_reason,
    override: row.override_reason ? { computedDueAt: row.computed_due_at, reason: row.override_reason } : null,
    explanation: JSON.parse(row.explanation) as LocalizedText,
    periodKind: rule?.period.kind,
    ruleVersion: version ? versionRef(version) : null,
    provisional: provisionalYears.length ? { years: provisionalYears, message: provisionalMessage(provisionalYears) } : null,
  };
}
