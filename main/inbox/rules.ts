// Pure rules of the inbox: no I/O, no clock (`now` is a parameter). Due dates themselves are
// computed by the deadline engine; these rules only say which clocks apply and from when.
import { DateTime } from 'luxon';
import { hasText, type TranslatableText } from '../../preload/contract/common';
import type { DecisionOutcome, HoldKind, IdentityOutcome, RefusalGround, RequestState, RequestType } from '../../preload/contract/inbox';
import type { DeadlineRequest, RuleKey } from '../deadlines/model';
import type { RulesAt } from '../rules/resolve';
import { DEADLINE_KEYS, OPEN_STATES, REQUEST_STATE_NAMES, TRANSITIONS } from './model';
import { problem, type Problem } from '../shared/errors';

export type FieldErrors = Record<string, Problem>;

/** Tolerance before an entered receipt time counts as "edited" and needs a reason. */
const RECEIVED_AT_TOLERANCE_MS = 5 * 60_000;

export interface IntakeFacts {
  isMinor: boolean;
  guardian?: { name?: string; contact?: string } | null;
  representative?: { kind: 'agent' | 'nextOfKin' } | null;
  type: RequestType;
  receivedAt: string;
  receivedAtReason?: string;
}

/** Cross-field intake rules the schema cannot say. */
export function intakeErrors(facts: IntakeFacts, now: Date, receivedAtEdited: boolean): FieldErrors {
  const errors: FieldErrors = {};
  // PIPL Arts. 28, 31: a child under 14's request comes from, or is checked with, the guardian.
  if (facts.isMinor) {
    if (!facts.guardian?.name?.trim()) errors['guardian.name'] = problem('guardianRequired');
    if (!facts.guardian?.contact?.trim()) errors['guardian.contact'] = problem('guardianRequired');
  }
  // PIPL Art. 49: a deceased person's data is requested by a next of kin.
  if (facts.type === 'deceasedPersonData' && facts.representative?.kind !== 'nextOfKin') {
    errors['representative.kind'] = problem('nextOfKin');
  }
  const received = Date.parse(facts.receivedAt);
  if (received > now.getTime() + RECEIVED_AT_TOLERANCE_MS) errors.receivedAt = problem('future');
  if (receivedAtEdited && Math.abs(received - now.getTime()) > RECEIVED_AT_TOLERANCE_MS && !facts.receivedAtReason?.trim()) {
    errors.receivedAtReason = problem('receivedAtReason');
  }
  return errors;
}

export interface DecisionInput {
  outcome: DecisionOutcome;
  actionsTaken?: TranslatableText;
  refusalGround?: RefusalGround;
  refusalReasons?: TranslatableText;
}

export interface IdentityFacts {
  outcome: IdentityOutcome;
  accountChecked: boolean;
}

/**
 * A decision's rules: a refusal (whole or partial) rests on one of the nine grounds and gives
 * reasons (privacy policy §V; PIPL Art. 50); acting on a request needs verified identity, and
 * for account closure the account checked too (privacy policy §V).
 */
export function decisionErrors(input: DecisionInput, type: RequestType, latestIdentity: IdentityFacts | null): FieldErrors {
  const errors: FieldErrors = {};
  const refuses = input.outcome !== 'fulfilled';
  const acts = input.outcome !== 'refused';
  if (refuses && !input.refusalGround) errors.refusalGround = problem('refusalGround');
  if (refuses && !(input.refusalReasons && hasText(input.refusalReasons))) errors.refusalReasons = problem('refusalReasons');
  if (acts && !(input.actionsTaken && hasText(input.actionsTaken))) errors.actionsTaken = problem('actionsTaken');
  if (acts && type !== 'complaint') {
    if (latestIdentity?.outcome !== 'verified') {
      errors.identity = problem('verifyIdentity');
    } else if (type === 'accountClosure' && !latestIdentity.accountChecked) {
      errors.identity = problem('verifyAccount');
    }
  }
  return errors;
}

/** Whether a state change is allowed, and what it needs. */
export function transitionErrors(
  from: RequestState,
  to: RequestState,
  facts: { reason?: string; decision: DecisionOutcome | null },
): FieldErrors {
  if (!TRANSITIONS[from].includes(to)) return { to: problem('requestMove', { from: REQUEST_STATE_NAMES[from], to: REQUEST_STATE_NAMES[to] }) };
  const errors: FieldErrors = {};
  const reopening = to === 'inProgress' && !OPEN_STATES.includes(from);
  if ((reopening || to === 'withdrawn') && !facts.reason?.trim()) errors.reason = reopening ? problem('requestReopenReason') : problem('withdrawnHow');
  if (to === 'answered' && facts.decision !== 'fulfilled' && facts.decision !== 'partlyFulfilled') {
    errors.decision = problem('answerNeedsDecision');
  }
  if (to === 'refused' && facts.decision !== 'refused') errors.decision = problem('refuseNeedsDecision');
  return errors;
}

/** The state a sent reply moves the request to. */
export const stateAfterReply = (decision: DecisionOutcome): RequestState => (decision === 'refused' ? 'refused' : 'answered');

export interface Pause {
  startedAt: string;
  endedAt: string | null;
  /** identity: the Settings pause while proof of ID is awaited; stopClock: a regime's own stop-the-clock. */
  kind?: 'identity' | 'stopClock';
}

/** Total paused time; an open pause counts up to `now`. */
export function pausedMs(pauses: Pause[], now: Date): number {
  return pauses.reduce((sum, p) => {
    const end = p.endedAt ? Date.parse(p.endedAt) : now.getTime();
    return sum + Math.max(0, end - Date.parse(p.startedAt));
  }, 0);
}

export interface DeadlineFacts {
  type: RequestType;
  jurisdiction: string;
  receivedAt: string;
  pauses: Pause[];
  replySentAt: string | null;
  /** The first message sent to the requester: it acknowledges receipt (CCPA §7021(a); UK complaints). */
  firstOutgoingAt?: string | null;
  withdrawnReason: string | null;
  extension: { noticeSentAt: string; reasons: string } | null;
  internalTarget: string | null;
  holds: { id: string; kind: HoldKind; description: string; from: string | null; until: string | null; clearedAt: string | null }[];
  /** The catalogue versions in force when the request was received. */
  rules: RulesAt;
}

/** The regime clocks of a request, by jurisdiction (the policy's own clock always runs beside them). */
function regimeClocks(f: DeadlineFacts): { key: string; ruleKey: RuleKey; kind: 'reply' | 'extended' | 'ack' }[] {
  const complaint = f.type === 'complaint';
  const extended = f.extension !== null;
  const pair = (reply: [string, RuleKey], ext: [string, RuleKey]) => [
    { key: reply[0], ruleKey: reply[1], kind: 'reply' as const },
    ...(extended ? [{ key: ext[0], ruleKey: ext[1], kind: 'extended' as const }] : []),
  ];
  // GDPR Art. 12(3) and UK GDPR Art. 12(3) apply to requests under Arts. 15–22, not to complaints.
  if (f.jurisdiction === 'EU' && !complaint) return pair([DEADLINE_KEYS.gdprReply, 'gdpr12.response.1m'], [DEADLINE_KEYS.gdprExtended, 'gdpr12.extended.3m']);
  if (f.jurisdiction === 'UK') {
    if (!complaint) return pair([DEADLINE_KEYS.ukReply, 'uk.response'], [DEADLINE_KEYS.ukExtended, 'uk.extended']);
    // DPA 2018 s. 164A: from 2026-06-19 a complaint is acknowledged within 30 days.
    return f.rules('uk.complaint.ack') ? [{ key: DEADLINE_KEYS.ukComplaintAck, ruleKey: 'uk.complaint.ack', kind: 'ack' }] : [];
  }
  if (f.jurisdiction === 'US-CA' && !complaint) {
    // CCPA Regs §7026(f): an opt-out of sale or sharing is acted on within 15 business days, with no confirmation step.
    if (f.type === 'consentWithdrawal') return [{ key: DEADLINE_KEYS.ccpaOptOut, ruleKey: 'ccpa.optout', kind: 'reply' }];
    return [{ key: DEADLINE_KEYS.ccpaAck, ruleKey: 'ccpa.ack', kind: 'ack' }, ...pair([DEADLINE_KEYS.ccpaReply, 'ccpa.response'], [DEADLINE_KEYS.ccpaExtended, 'ccpa.extended'])];
  }
  return [];
}

/** Whether the request's regime lets the clock stop while clarification or ID is awaited (UK from 2026-02-05). */
export function clockStopAllowed(f: Pick<DeadlineFacts, 'type' | 'jurisdiction' | 'extension' | 'rules'>): boolean {
  const keys = [f.type === 'complaint' ? 'request.complaint.15d' : 'request.rights.15wd', ...regimeClocks({ ...f, receivedAt: '', pauses: [], replySentAt: null, withdrawnReason: null, internalTarget: null, holds: [] }).map((c) => c.ruleKey)];
  return keys.some((k) => f.rules(k)?.params.clockStops === true);
}

/**
 * Which clocks run for a request. Identity pauses (a setting, off by default) move the start
 * of every reply clock later by the total paused time; a stop-the-clock event moves only the
 * clocks whose rule lets the clock stop (UK GDPR as amended). The engine then counts the full
 * period from the shifted start; the pauses stay on the record to explain the shift.
 */
export function deadlineRequests(f: DeadlineFacts, now: Date): DeadlineRequest[] {
  const identity = pausedMs(f.pauses.filter((p) => (p.kind ?? 'identity') === 'identity'), now);
  const stopped = pausedMs(f.pauses.filter((p) => p.kind === 'stopClock'), now);
  const startFor = (ruleKey: string) => new Date(Date.parse(f.receivedAt) + identity + (f.rules(ruleKey)?.params.clockStops === true ? stopped : 0)).toISOString();
  const met = f.replySentAt ? { at: f.replySentAt, note: 'Reply sent' } : null;
  const waived = !met && f.withdrawnReason ? { reason: `Request withdrawn: ${f.withdrawnReason}` } : null;
  const out: DeadlineRequest[] = [];
  // Privacy policy §IX: complaints usually within 15 days; §V: rights requests within 15 working days.
  const policyRule = f.type === 'complaint' ? 'request.complaint.15d' : 'request.rights.15wd';
  out.push({ key: DEADLINE_KEYS.reply, ruleKey: policyRule, start: startFor(policyRule), met, waived });
  const ackAt = f.firstOutgoingAt ?? f.replySentAt;
  for (const c of regimeClocks(f)) {
    const start = startFor(c.ruleKey);
    if (c.kind === 'ack') {
      out.push({ key: c.key, ruleKey: c.ruleKey, start, met: ackAt ? { at: ackAt, note: 'Receipt acknowledged' } : null, waived: ackAt ? null : waived });
    } else if (c.kind === 'reply' && f.extension && regimeClocks(f).some((x) => x.kind === 'extended')) {
      out.push({ key: c.key, ruleKey: c.ruleKey, start, met: null, waived: { reason: `Extended (notice sent ${f.extension.noticeSentAt}): ${f.extension.reasons}` } });
    } else out.push({ key: c.key, ruleKey: c.ruleKey, start, met, waived });
  }
  if (f.internalTarget) {
    out.push({
      key: DEADLINE_KEYS.target,
      ruleKey: 'target.until',
      start: f.receivedAt,
      until: f.internalTarget,
      label: { en: 'Internal reply target', zh: '内部答复目标' },
      met,
      waived,
    });
  }
  for (const h of f.holds) out.push(holdDeadline(h));
  return out;
}

/** The first-period clock an extension must be noticed within, per regime. */
export const EXTENDABLE: Record<string, { reply: string; basis: string; first: string }> = {
  EU: { reply: DEADLINE_KEYS.gdprReply, basis: 'GDPR Art. 12(3)', first: 'first month' },
  UK: { reply: DEADLINE_KEYS.ukReply, basis: 'UK GDPR Art. 12(3)', first: 'first month' },
  'US-CA': { reply: DEADLINE_KEYS.ccpaReply, basis: 'CCPA Regulations §7021(b)', first: 'first 45 days' },
};

const HOLD_LABEL: Record<HoldKind, { en: string; zh: string }> = {
  networkLogs: { en: 'Final deletion of network logs', zh: '网络日志最终删除' },
  transactions: { en: 'Final deletion of transaction records', zh: '交易记录最终删除' },
  backup: { en: 'Backup clears: final deletion', zh: '备份清除：最终删除' },
  other: { en: 'Hold ends: final deletion', zh: '保留期满：最终删除' },
};

/** Each hold's end is a deadline for the final deletion (PIPL Art. 47; privacy policy §V). */
function holdDeadline(h: DeadlineFacts['holds'][number]): DeadlineRequest {
  const label = { en: `${HOLD_LABEL[h.kind].en}: ${h.description}`, zh: `${HOLD_LABEL[h.kind].zh}：${h.description}` };
  const met = h.clearedAt ? { at: h.clearedAt, note: 'Finally deleted' } : null;
  const key = DEADLINE_KEYS.hold(h.id);
  if (h.kind === 'networkLogs') return { key, ruleKey: 'hold.networkLogs.6m', start: h.from!, label, met };
  if (h.kind === 'transactions') return { key, ruleKey: 'hold.transactions.3y', start: h.from!, label, met };
  return { key, ruleKey: 'hold.until', start: h.from ?? h.until!, until: h.until!, label, met };
}

/** A hold's own fields: the statutory ones run from a date, the others end on one. */
export function holdErrors(kind: HoldKind, from?: string, until?: string): FieldErrors {
  if ((kind === 'networkLogs' || kind === 'transactions') && !from) {
    return { from: kind === 'networkLogs' ? problem('holdLogsFrom') : problem('holdTransactionDate') };
  }
  if ((kind === 'backup' || kind === 'other') && !until) return { until: problem('holdUntil') };
  if (from && until && until < from) return { until: problem('beforeStartDate') };
  return {};
}

/** The reply clock as the list shows it, from the stored due time. */
export function replyDueState(
  dueAt: string | null,
  r: { state: RequestState; replySentAt: string | null },
  now: Date,
  dueSoonHours: number,
): 'open' | 'dueSoon' | 'overdue' | 'met' | 'waived' {
  if (r.replySentAt) return 'met';
  if (!OPEN_STATES.includes(r.state)) return 'waived';
  if (!dueAt) return 'open';
  const left = Date.parse(dueAt) - now.getTime();
  if (left < 0) return 'overdue';
  return left <= dueSoonHours * 3_600_000 ? 'dueSoon' : 'open';
}

/** A quarter's bounds in Beijing time (the company's reporting zone), as UTC instants. */
export function quarterRange(quarter: string): { from: string; to: string } {
  const [year, q] = quarter.split('-Q').map(Number);
  const start = DateTime.fromObject({ year, month: (q - 1) * 3 + 1, day: 1 }, { zone: 'Asia/Shanghai' });
  return { from: start.toUTC().toISO()!, to: start.plus({ months: 3 }).toUTC().toISO()! };
}

/**
 * The receipt time of an imported message: its Date header when it is a real time not after
 * the import; otherwise the import time, with the reason recorded.
 */
export function emlReceivedAt(dateHeader: string | undefined, now: Date): { receivedAt: string; reason: string } {
  const t = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  if (Number.isNaN(t)) return { receivedAt: now.toISOString(), reason: 'No valid Date header: the import time was used' };
  if (t > now.getTime() + RECEIVED_AT_TOLERANCE_MS) {
    return { receivedAt: now.toISOString(), reason: `Date header ${dateHeader} is in the future: the import time was used` };
  }
  return { receivedAt: new Date(t).toISOString(), reason: 'Date header of the imported message' };
}
