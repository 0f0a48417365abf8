// Use-cases of a request's life: intake by hand, edits, state changes, the GDPR extension.
// Each validates first, then writes the change, its timeline line, its clocks, its search entry
// and its audit entry in one transaction.
import { randomUUID } from 'node:crypto';
import type { InboxCreate, InboxRequest, InboxUpdate, RequestState, RequestType } from '../../preload/contract/inbox';
import { indexRecord } from '../search/service';
import { getSettings } from '../settings/service';
import { conflict, invalid, problem, type Problem } from '../shared/errors';
import { refuseIfVoided } from '../shared/record-ports';
import type { Session } from '../shared/session';
import { refreshDeadlines } from './clock';
import { loadRow, toRequest } from './dto';
import { MODULE, OPEN_STATES, REQUEST_TYPE_LABEL, type RequestRow } from './model';
import { InboxRepo } from './repo';
import { listRecordDeadlines } from '../deadlines/service';
import { deadlineFactsOf } from './clock';
import { clockStopAllowed, EXTENDABLE, intakeErrors, transitionErrors } from './rules';
import { cutText, fieldMap } from '../shared/input-guard';

export type NewRequest = Omit<RequestRow, 'id' | 'ref' | 'state' | 'is_open' | 'created_at' | 'updated_at' | 'due_at' | 'gdpr_due_at'> &
  Partial<Pick<RequestRow, 'due_at' | 'gdpr_due_at'>>;

const EMPTY_DECISION = {
  decision_outcome: null,
  decision_actions: null,
  refusal_ground: null,
  refusal_reasons: null,
  decided_at: null,
  decided_by: null,
  extension_notice_at: null,
  extension_reasons: null,
  reply_sent_at: null,
  withdrawn_reason: null,
} as const;

/** Inserts a request with its reference (REQ-2026-0001, numbered per year in Beijing time). Inside a tx. */
export function insertRequest(session: Session, repo: InboxRepo, fields: NewRequest): RequestRow {
  const now = session.now().toISOString();
  // Beijing time is UTC+8 all year (no daylight saving since 1991), so the year needs no zone database.
  const year = new Date(Date.parse(now) + 8 * 3_600_000).getUTCFullYear();
  const seq = repo.nextSeq(year);
  const row: RequestRow = {
    ...fields,
    id: randomUUID(),
    ref: `REQ-${year}-${String(seq).padStart(4, '0')}`,
    state: 'new',
    is_open: 1,
    due_at: fields.due_at ?? null,
    gdpr_due_at: fields.gdpr_due_at ?? null,
    created_at: now,
    updated_at: now,
  };
  repo.insertRequest({ ...row, ref_year: year, ref_seq: seq });
  return row;
}

/** Keeps the request findable from the search box (inside the write's tx). */
export function reindex(session: Session, repo: InboxRepo, row: RequestRow): void {
  const thread = repo
    .messages(row.id)
    .map((m) => `${m.subject}\n${m.body}`)
    .join('\n');
  // The index holds the first 20,000 units of the thread, cut between characters.
  indexRecord(session, {
    module: MODULE,
    recordId: row.id,
    ref: row.ref,
    title: `${row.requester_name}: ${row.subject}`,
    // The request's type in both languages, so "deletion" or "删除" finds deletion requests.
    body: [row.requester_name, row.requester_contact, row.requester_account, row.guardian_name ?? '', REQUEST_TYPE_LABEL[row.type as RequestType]?.en ?? '', REQUEST_TYPE_LABEL[row.type as RequestType]?.zh ?? '', cutText(thread, 20_000)].join('\n'),
  });
}

export function timeline(session: Session, repo: InboxRepo, id: string, kind: string, text: string, at?: string, event?: { action: string; params?: Record<string, unknown> }): void {
  repo.addTimeline(id, { at: at ?? session.now().toISOString(), actor: session.actor(), kind, text, action: event?.action ?? null, params: event ? (event.params ?? {}) : null });
}

export function createRequest(session: Session, input: InboxCreate): InboxRequest {
  const now = session.now();
  const receivedAt = input.receivedAt ?? now.toISOString();
  const errors = intakeErrors({ ...input, receivedAt }, now, input.receivedAt !== undefined);
  if (Object.keys(errors).length) throw invalid(errors);
  const repo = new InboxRepo(session.db);
  return session.tx(() => {
    const row = insertRequest(session, repo, {
      ...EMPTY_DECISION,
      channel: input.channel,
      received_at: receivedAt,
      received_at_reason: input.receivedAtReason?.trim() ?? '',
      requester_name: input.requester.name,
      requester_contact: input.requester.contact,
      requester_account: input.requester.accountId ?? '',
      is_minor: input.isMinor ? 1 : 0,
      guardian_name: input.isMinor ? (input.guardian?.name ?? null) : null,
      guardian_contact: input.isMinor ? (input.guardian?.contact ?? null) : null,
      rep_kind: input.representative?.kind ?? null,
      rep_name: input.representative?.name ?? null,
      rep_contact: input.representative?.contact ?? null,
      rep_relationship: input.representative?.relationship ?? null,
      jurisdiction: input.jurisdiction,
      type: input.type,
      subject: input.subject,
      internal_target: input.internalTarget ?? null,
      message_id: null,
    });
    if (input.body?.trim()) {
      repo.insertMessage({
        id: randomUUID(),
        request_id: row.id,
        direction: 'in',
        at: receivedAt,
        channel: input.channel,
        from_addr: input.requester.contact,
        to_addr: '',
        subject: input.subject,
        body: input.body.trim(),
        attachments: '[]',
        raw_id: null,
      });
    }
    timeline(session, repo, row.id, 'created', `Received by ${input.channel}; logged by hand`, undefined, { action: 'inbox.create', params: { channel: input.channel } });
    const deadlines = refreshDeadlines(session, repo, row);
    reindex(session, repo, row);
    session.audit.append({
      action: 'inbox.create',
      entity: 'request',
      entityId: row.id,
      summary: `Request ${row.ref} logged (${input.type}, ${input.jurisdiction})`,
      details: { ...input, receivedAt },
    });
    return toRequest(session, repo, row, deadlines);
  });
}

const UPDATE_COLUMNS: Record<string, (i: InboxUpdate) => Partial<RequestRow>> = {
  channel: (i) => ({ channel: i.channel }),
  receivedAt: (i) => ({ received_at: i.receivedAt, received_at_reason: i.receivedAtReason?.trim() ?? '' }),
  requester: (i) => ({ requester_name: i.requester!.name, requester_contact: i.requester!.contact, requester_account: i.requester!.accountId ?? '' }),
  isMinor: (i) => ({ is_minor: i.isMinor ? 1 : 0 }),
  guardian: (i) => ({ guardian_name: i.guardian?.name ?? null, guardian_contact: i.guardian?.contact ?? null }),
  representative: (i) => ({
    rep_kind: i.representative?.kind ?? null,
    rep_name: i.representative?.name ?? null,
    rep_contact: i.representative?.contact ?? null,
    rep_relationship: i.representative?.relationship ?? null,
  }),
  jurisdiction: (i) => ({ jurisdiction: i.jurisdiction }),
  type: (i) => ({ type: i.type }),
  subject: (i) => ({ subject: i.subject }),
  internalTarget: (i) => ({ internal_target: i.internalTarget ?? null }),
};

export function updateRequest(session: Session, input: InboxUpdate): InboxRequest {
  const repo = new InboxRepo(session.db);
  const before = loadRow(repo, input.id);
  refuseIfVoided(before, before.ref);
  const patch: Partial<RequestRow> = {};
  const changed = Object.keys(UPDATE_COLUMNS).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
  for (const k of changed) Object.assign(patch, UPDATE_COLUMNS[k](input));
  const after: RequestRow = { ...before, ...patch };
  const errors = intakeErrors(
    {
      isMinor: after.is_minor === 1,
      guardian: after.guardian_name !== null ? { name: after.guardian_name, contact: after.guardian_contact ?? '' } : null,
      representative: after.rep_kind ? { kind: after.rep_kind as 'agent' | 'nextOfKin' } : null,
      type: after.type as RequestType,
      receivedAt: after.received_at,
      receivedAtReason: input.receivedAt !== undefined ? input.receivedAtReason : after.received_at_reason,
    },
    session.now(),
    input.receivedAt !== undefined && input.receivedAt !== before.received_at,
  );
  if (Object.keys(errors).length) throw invalid(errors);
  if (changed.length === 0) return session.tx(() => toRequest(session, repo, before));
  return session.tx(() => {
    patch.updated_at = session.now().toISOString();
    repo.updateRequest(before.id, patch);
    Object.assign(after, patch);
    const what = changed.join(', ');
    timeline(session, repo, before.id, 'updated', input.type && input.type !== before.type ? `Classified as ${input.type} (was ${before.type}); changed: ${what}` : `Changed: ${what}`, undefined, { action: 'inbox.update', params: { changed, typeFrom: before.type, typeTo: after.type } });
    const deadlines = refreshDeadlines(session, repo, after);
    reindex(session, repo, after);
    session.audit.append({
      action: 'inbox.update',
      entity: 'request',
      entityId: before.id,
      summary: `Request ${before.ref} changed: ${what}`,
      details: { changed, before: pickColumns(before, patch), after: patch },
    });
    return toRequest(session, repo, after, deadlines);
  });
}

const pickColumns = (row: RequestRow, patch: Partial<RequestRow>) =>
  Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof RequestRow]]));

/** Moves the request to `to` with the side effects of that state (pauses, reply sent, withdrawal). Inside a tx. */
export function applyState(session: Session, repo: InboxRepo, row: RequestRow, to: RequestState, at: string, reason: string): void {
  const from = row.state as RequestState;
  const patch: Partial<RequestRow> = { state: to, is_open: OPEN_STATES.includes(to) ? 1 : 0, updated_at: session.now().toISOString() };
  if (from === 'verifying' && to !== 'verifying' && repo.closePause(row.id, at)) {
    timeline(session, repo, row.id, 'clock', 'Reply clock resumed', at, { action: 'inbox.clockResumed' });
  }
  // The setting decides whether waiting for proof of identity stops the clock (the policy is silent: off by default).
  if (to === 'verifying' && getSettings(session).pauseClockForIdentity) {
    repo.openPause(row.id, at, 'Waiting for proof of identity');
    timeline(session, repo, row.id, 'clock', 'Reply clock paused while proof of identity is awaited', at, { action: 'inbox.clockPaused' });
  }
  if (to === 'withdrawn') patch.withdrawn_reason = reason;
  if ((to === 'answered' || to === 'refused') && !row.reply_sent_at) patch.reply_sent_at = at;
  if (to === 'inProgress' && !OPEN_STATES.includes(from)) patch.withdrawn_reason = null;
  repo.updateRequest(row.id, patch);
  Object.assign(row, patch);
  timeline(session, repo, row.id, 'state', `${from} → ${to}${reason ? `: ${reason}` : ''}`, at, { action: 'inbox.transition', params: { from, to, reason } });
}

export function transition(session: Session, input: { id: string; to: RequestState; reason?: string; at?: string }): InboxRequest {
  const repo = new InboxRepo(session.db);
  const row = loadRow(repo, input.id);
  refuseIfVoided(row, row.ref);
  const from = row.state as RequestState;
  const errors = transitionErrors(from, input.to, { reason: input.reason, decision: row.decision_outcome as 'refused' | null });
  const at = input.at ?? session.now().toISOString();
  if (input.at && Date.parse(input.at) < Date.parse(row.received_at)) errors.at = problem('beforeReceived');
  if (Object.keys(errors).length) throw invalid(errors);
  return session.tx(() => {
    applyState(session, repo, row, input.to, at, input.reason?.trim() ?? '');
    const deadlines = refreshDeadlines(session, repo, row);
    session.audit.append({
      action: 'inbox.transition',
      entity: 'request',
      entityId: row.id,
      summary: `Request ${row.ref}: ${from} → ${input.to}`,
      details: { from, to: input.to, reason: input.reason ?? null, at },
    });
    return toRequest(session, repo, row, deadlines);
  });
}

/**
 * An extension with notice and reasons, per regime: GDPR and UK GDPR Art. 12(3) (two more months),
 * CCPA Regulations §7021(b) (up to 90 days). The notice goes within the first period.
 */
export function extend(session: Session, input: { id: string; noticeSentAt?: string; reasons: string }): InboxRequest {
  const repo = new InboxRepo(session.db);
  const row = loadRow(repo, input.id);
  refuseIfVoided(row, row.ref);
  if (row.extension_notice_at) throw conflict(problem('alreadyExtended', { ref: row.ref, at: row.extension_notice_at }));
  const sentAt = input.noticeSentAt ?? session.now().toISOString();
  const errors = fieldMap<Problem>();
  const regime = EXTENDABLE[row.jurisdiction];
  const first = regime ? listRecordDeadlines(session, MODULE, row.id).find((d) => d.key === regime.reply) : undefined;
  if (!regime || row.type === 'complaint' || !first) {
    errors.id = problem('extensionRegimes');
  } else if (Date.parse(sentAt) > Date.parse(first.dueAt)) {
    errors.noticeSentAt = problem('extensionNoticeLate', { first: regime.first, dueAt: first.dueAt, basis: regime.basis });
  }
  if (Date.parse(sentAt) < Date.parse(row.received_at)) errors.noticeSentAt = problem('beforeReceived');
  if (!OPEN_STATES.includes(row.state as RequestState)) errors.id = problem('extendOpenOnly');
  if (Object.keys(errors).length) throw invalid(errors);
  return session.tx(() => {
    repo.updateRequest(row.id, { extension_notice_at: sentAt, extension_reasons: input.reasons, updated_at: session.now().toISOString() });
    row.extension_notice_at = sentAt;
    row.extension_reasons = input.reasons;
    repo.insertMessage({
      id: randomUUID(),
      request_id: row.id,
      direction: 'out',
      at: sentAt,
      channel: row.channel,
      from_addr: '',
      to_addr: row.requester_contact,
      subject: `Extension of the time to reply (${regime!.basis})`,
      body: input.reasons,
      attachments: '[]',
      raw_id: null,
    });
    timeline(session, repo, row.id, 'extension', `Reply time extended (${regime!.basis}; notice sent ${sentAt}): ${input.reasons}`, sentAt, { action: 'inbox.extend', params: { noticeSentAt: sentAt, reasons: input.reasons } });
    const deadlines = refreshDeadlines(session, repo, row);
    session.audit.append({
      action: 'inbox.extend',
      entity: 'request',
      entityId: row.id,
      summary: `Request ${row.ref}: reply time extended (${regime!.basis})`,
      details: { noticeSentAt: sentAt, reasons: input.reasons, regime: row.jurisdiction },
    });
    return toRequest(session, repo, row, deadlines);
  });
}

/**
 * Stop the clock (UK GDPR Art. 12 as amended by the Data (Use and Access) Act 2025, from
 * 2026-02-05): while the controller waits for clarification or ID, the clocks whose rule lets
 * the clock stop are moved on by the time stopped. One event with its reason; resumed by another.
 */
export function stopClock(session: Session, input: { id: string; reason: string; at?: string }): InboxRequest {
  const repo = new InboxRepo(session.db);
  const row = loadRow(repo, input.id);
  const at = input.at ?? session.now().toISOString();
  const errors: Record<string, Problem> = {};
  if (!clockStopAllowed(deadlineFactsOf(session, repo, row))) {
    errors.id = problem('noStopClock');
  } else if (repo.pauses(row.id).some((p) => p.kind === 'stopClock' && p.ended_at === null)) errors.id = problem('clockStopped');
  if (!OPEN_STATES.includes(row.state as RequestState)) errors.id = problem('clockOpenOnly');
  if (Date.parse(at) < Date.parse(row.received_at)) errors.at = problem('beforeReceived');
  if (Date.parse(at) > session.now().getTime() + 5 * 60_000) errors.at = problem('future');
  if (Object.keys(errors).length) throw invalid(errors);
  return session.tx(() => {
    repo.openPause(row.id, at, input.reason, 'stopClock');
    timeline(session, repo, row.id, 'clock', `Clock stopped: ${input.reason}`, at);
    repo.updateRequest(row.id, { updated_at: session.now().toISOString() });
    const deadlines = refreshDeadlines(session, repo, row);
    session.audit.append({ action: 'inbox.stopClock', entity: 'request', entityId: row.id, summary: `Request ${row.ref}: clock stopped — ${input.reason}`, details: { at, reason: input.reason } });
    return toRequest(session, repo, row, deadlines);
  });
}

export function resumeClock(session: Session, input: { id: string; at?: string; note?: string }): InboxRequest {
  const repo = new InboxRepo(session.db);
  const row = loadRow(repo, input.id);
  const at = input.at ?? session.now().toISOString();
  const open = repo.pauses(row.id).find((p) => p.kind === 'stopClock' && p.ended_at === null);
  const errors: Record<string, Problem> = {};
  if (!open) errors.id = problem('clockNotStopped');
  else if (Date.parse(at) < Date.parse(open.started_at)) errors.at = problem('beforeClockStopped');
  if (Date.parse(at) > session.now().getTime() + 5 * 60_000) errors.at = problem('future');
  if (Object.keys(errors).length) throw invalid(errors);
  return session.tx(() => {
    repo.closePause(row.id, at, 'stopClock');
    const days = Math.round((Date.parse(at) - Date.parse(open!.started_at)) / 86_400_000);
    timeline(session, repo, row.id, 'clock', `Clock resumed after ${days} day(s)${input.note ? `: ${input.note}` : ''}`, at);
    repo.updateRequest(row.id, { updated_at: session.now().toISOString() });
    const deadlines = refreshDeadlines(session, repo, row);
    session.audit.append({ action: 'inbox.resumeClock', entity: 'request', entityId: row.id, summary: `Request ${row.ref}: clock resumed`, details: { at, stoppedAt: open!.started_at, note: input.note ?? null } });
    return toRequest(session, repo, row, deadlines);
  });
}
