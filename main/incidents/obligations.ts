import type { ObligationState } from '../../preload/contract/incidents';
import type { DeadlineRequest } from '../deadlines/model';
import {
  OBLIGATION_LABELS,
  STATE_ORDER,
  type IncidentState,
  type ObligationDone,
  type ObligationKey,
  type ObligationOverride,
  type ObligationPlan,
} from './model';

// Pure: merges what the rules computed with what the DPO recorded (done marks, overrides) and
// turns it into the deadline engine's requests. No I/O, no clock.

export interface EffectiveObligation {
  plan: ObligationPlan;
  required: boolean;
  state: ObligationState;
  override: ObligationOverride | null;
  done: ObligationDone | null;
  /**
   * When the clock on the board started: only for a duty whose clock runs (pending), ran (done)
   * or was waived by the DPO. A duty to be assessed or not required has no clock, so no start
   * (issue 13: GDPR Art. 34 said "Started …" while to be assessed).
   */
  clockStart: string | null;
}

/** The clock a duty puts on the board: the one place that decides whether it has a start. */
function clockStartOf(plan: ObligationPlan, state: ObligationState, override: ObligationOverride | null, mark: ObligationDone | null): string | null {
  if (mark) return plan.start ?? mark.at;
  if (state === 'pending') return plan.start;
  if (override && !override.required) return plan.start;
  return null;
}

export function effectiveObligations(
  plans: ObligationPlan[],
  overrides: ReadonlyMap<string, ObligationOverride>,
  done: ReadonlyMap<string, ObligationDone>,
): EffectiveObligation[] {
  return plans.map((plan) => {
    const override = overrides.get(plan.key) ?? null;
    const mark = done.get(plan.key) ?? null;
    const required = override ? override.required : plan.required;
    // A done mark keeps its record even when a later fact change makes the duty not required.
    // An open question keeps the duty "to be assessed" unless the DPO decided it by an override.
    const state: ObligationState = mark ? 'done' : plan.question && !override ? 'toAssess' : !required ? 'notRequired' : plan.start ? 'pending' : 'waiting';
    return { plan, required, state, override, done: mark, clockStart: clockStartOf(plan, state, override, mark) };
  });
}

/**
 * Which clocks go on the board. Decision (documented in the report): a duty the rules find not
 * required is not requested at all (its reason stays on the incident); a duty the DPO overrode
 * to not required is sent as `waived` with the DPO's reason, so the board shows the decision;
 * a done duty is sent as `met` with its date and reference number.
 */
export function deadlineRequests(obligations: EffectiveObligation[]): DeadlineRequest[] {
  const out: DeadlineRequest[] = [];
  for (const o of obligations) {
    const base = { key: o.plan.key, ruleKey: o.plan.ruleKey, label: OBLIGATION_LABELS[o.plan.key] };
    if (!o.clockStart) continue; // no clock: not started, to be assessed, or the duty does not apply
    if (o.done) {
      const note = [o.done.reference, o.done.note].filter(Boolean).join(' — ') || null;
      out.push({ ...base, start: o.clockStart, met: { at: o.done.at, note } });
    } else if (o.override && !o.override.required) {
      out.push({ ...base, start: o.clockStart, waived: { reason: o.override.reason } });
    } else {
      out.push({ ...base, start: o.clockStart });
    }
  }
  return out;
}

/** Obligations still open when the DPO wants to close: pending (clock running), waiting or to be assessed. */
export const openObligations = (obligations: EffectiveObligation[]): ObligationKey[] =>
  obligations.filter((o) => o.state === 'pending' || o.state === 'waiting' || o.state === 'toAssess').map((o) => o.plan.key);

export type TransitionCheck =
  | { allowed: false; why: 'same' }
  | { allowed: true; kind: 'forward' | 'back' | 'reopen'; needsReason: boolean };

/** detected → assessing → contained → notifying → monitoring → closed; forward steps may skip, going back or reopening needs a reason. */
export function checkTransition(from: IncidentState, to: IncidentState): TransitionCheck {
  if (from === to) return { allowed: false, why: 'same' };
  if (from === 'closed') return { allowed: true, kind: 'reopen', needsReason: true };
  const forward = STATE_ORDER.indexOf(to) > STATE_ORDER.indexOf(from);
  return forward ? { allowed: true, kind: 'forward', needsReason: false } : { allowed: true, kind: 'back', needsReason: true };
}
