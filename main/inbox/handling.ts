// Use-cases of handling a request: identity, decision, thread, retention holds, reply sent.
import { randomUUID } from 'node:crypto';
import type { DecisionOutcome, HoldKind, IdentityOutcome, InboxRequest, RequestState, RequestType } from '../../preload/contract/inbox';
import { invalid, notFound, problem, type Problem } from '../shared/errors';
import { pairToColumn } from '../shared/translatable';
import { refuseIfVoided } from '../shared/record-ports';
import type { Session } from '../shared/session';
import { refreshDeadlines } from './clock';
import { loadRow, toRequest, writtenRefusal } from './dto';
import { refusalGroundsOf } from './grounds';
import { OPEN_STATES, type RequestRow } from './model';
import { InboxRepo } from './repo';
import { decisionErrors, holdErrors, stateAfterReply, type DecisionInput } from './rules';
import { applyState, reindex, timeline } from './service';
import { fieldMap } from '../shared/input-guard';

function write(session: Session, repo: InboxRepo, row: RequestRow, audit: { action: string; summary: string; details: unknown }): InboxRequest {
  refuseIfVoided(repo.get(row.id), row.ref);
  repo.updateRequest(row.id, { updated_at: session.now().toISOString() });
  const deadlines = refreshDeadlines(session, repo, row);
  session.audit.append({ ...audit, entity: 'request', entityId: row.id });
  return toRequest(session, repo, row, deadlines);
}

export interface VerifyIdentityInput {
  id: string;
  method: string;
  verifiedBy?: string;
  verifiedAt?: string;
  outcome: IdentityOutcome;
  accountChecked: boolean;
  note?: string;
}

/**
 * Records one identity check (privacy policy §V: verify before acting). Verified moves a new or
 * verifying request on to "in progress"; "more information needed" moves it to "verifying"
 * (which pauses the reply clock when the setting says so).
 */
export function verifyIdentity(session: Session, input: VerifyIdentityInput): InboxRequest {
  const repo = new InboxRepo(session.db);
  const row = loadRow(repo, input.id);
  const at = input.verifiedAt ?? session.now().toISOString();
  const errors = fieldMap<Problem>();
  if (!OPEN_STATES.includes(row.state as RequestState)) errors.id = problem('identityWhileOpen');
  if (Date.parse(at) < Date.parse(row.received_at)) errors.verifiedAt = problem('beforeReceived');
  if (Date.parse(at) > session.now().getTime() + 5 * 60_000) errors.verifiedAt = problem('future');
  if (Object.keys(errors).length) throw invalid(errors);
  return session.tx(() => {
    const verifiedBy = input.verifiedBy?.trim() || session.actor();
    repo.insertIdentity({
      id: randomUUID(),
      request_id: row.id,
      method: input.method,
      verified_by: verifiedBy,
      verified_at: at,
      outcome: input.outcome,
      account_checked: input.accountChecked ? 1 : 0,
      note: input.note?.trim() ?? '',
      recorded_at: session.now().toISOString(),
    });
    timeline(session, repo, row.id, 'identity', `Identity check (${input.method}) by ${verifiedBy}: ${input.outcome}`, at, { action: 'inbox.verifyIdentity', params: { method: input.method, verifiedBy, outcome: input.outcome } });
    if (input.outcome === 'verified' && row.state !== 'inProgress') applyState(session, repo, row, 'inProgress', at, 'identity verified');
    if (input.outcome === 'moreInfoNeeded' && row.state !== 'verifying') applyState(session, repo, row, 'verifying', at, 'proof of identity requested');
    return write(session, repo, row, {
      action: 'inbox.verifyIdentity',
      summary: `Request ${row.ref}: identity ${input.outcome} (${input.method})`,
      details: { ...input, verifiedAt: at, verifiedBy },
    });
  });
}

/** Records the decision; a refusal names one of the nine grounds and its reasons (privacy policy §V). */
export function decide(session: Session, input: DecisionInput & { id: string }): InboxRequest {
  const repo = new InboxRepo(session.db);
  const row = loadRow(repo, input.id);
  const latest = repo.identityChecks(row.id).at(-1);
  const errors = decisionErrors(input, row.type as RequestType, latest ? { outcome: latest.outcome as IdentityOutcome, accountChecked: latest.account_checked === 1 } : null);
  if (!OPEN_STATES.includes(row.state as RequestState)) errors.id = problem('reopenBeforeDecision');
  if (Object.keys(errors).length) throw invalid(errors);
  return session.tx(() => {
    const refuses = input.outcome !== 'fulfilled';
    const patch: Partial<RequestRow> = {
      decision_outcome: input.outcome,
      decision_actions: input.outcome === 'refused' ? null : pairToColumn(input.actionsTaken ?? { zh: '', en: '' }),
      refusal_ground: refuses ? input.refusalGround! : null,
      refusal_reasons: refuses ? pairToColumn(input.refusalReasons ?? { zh: '', en: '' }) : null,
      decided_at: session.now().toISOString(),
      decided_by: session.actor(),
    };
    repo.updateRequest(row.id, patch);
    Object.assign(row, patch);
    const grounds = refusalGroundsOf(session).grounds;
    const ground = refuses ? ` — ground (${grounds[input.refusalGround!].n}) ${grounds[input.refusalGround!].text.en}` : '';
    timeline(session, repo, row.id, 'decision', `Decision: ${input.outcome}${ground}`, undefined, { action: 'inbox.decide', params: { outcome: input.outcome, refusalGround: refuses ? input.refusalGround : null } });
    if (row.state !== 'inProgress') applyState(session, repo, row, 'inProgress', session.now().toISOString(), 'decision recorded');
    return write(session, repo, row, { action: 'inbox.decide', summary: `Request ${row.ref}: decision ${input.outcome}`, details: input });
  });
}

export interface AddMessageInput {
  id: string;
  direction: 'in' | 'out';
  at?: string;
  channel?: string;
  subject?: string;
  body: string;
}

export function addMessage(session: Session, input: AddMessageInput): InboxRequest {
  const repo = new InboxRepo(session.db);
  const row = loadRow(repo, input.id);
  const at = input.at ?? session.now().toISOString();
  if (Date.parse(at) > session.now().getTime() + 5 * 60_000) throw invalid({ at: problem('future') });
  return session.tx(() => {
    repo.insertMessage({
      id: randomUUID(),
      request_id: row.id,
      direction: input.direction,
      at,
      channel: input.channel ?? row.channel,
      from_addr: input.direction === 'in' ? row.requester_contact : session.actor(),
      to_addr: input.direction === 'out' ? row.requester_contact : '',
      subject: input.subject?.trim() || `Re: ${row.subject}`,
      body: input.body.trim(),
      attachments: '[]',
      raw_id: null,
    });
    timeline(session, repo, row.id, 'message', input.direction === 'in' ? 'Message from the requester added' : 'Message to the requester added', at, { action: 'inbox.addMessage', params: { direction: input.direction } });
    reindex(session, repo, row);
    return write(session, repo, row, {
      action: 'inbox.addMessage',
      summary: `Request ${row.ref}: ${input.direction === 'in' ? 'incoming' : 'outgoing'} message`,
      details: { direction: input.direction, at, length: input.body.length },
    });
  });
}

/**
 * Records what is kept after a deletion or account closure under a legal duty, or which backup
 * still holds the data; the hold's end becomes the final-deletion deadline (PIPL Art. 47).
 */
export function recordHold(session: Session, input: { id: string; kind: HoldKind; description: string; from?: string; until?: string }): InboxRequest {
  const repo = new InboxRepo(session.db);
  const row = loadRow(repo, input.id);
  const errors = holdErrors(input.kind, input.from, input.until);
  if (Object.keys(errors).length) throw invalid(errors);
  return session.tx(() => {
    const holdId = randomUUID();
    repo.insertHold({
      id: holdId,
      request_id: row.id,
      kind: input.kind,
      description: input.description,
      from_date: input.from ?? null,
      until_date: input.until ?? null,
      cleared_at: null,
      created_at: session.now().toISOString(),
    });
    timeline(session, repo, row.id, 'hold', `Hold recorded (${input.kind}): ${input.description}`, undefined, { action: 'inbox.recordHold', params: { kind: input.kind, description: input.description } });
    return write(session, repo, row, { action: 'inbox.recordHold', summary: `Request ${row.ref}: ${input.kind} hold recorded`, details: { holdId, ...input } });
  });
}

export function clearHold(session: Session, input: { id: string; holdId: string; clearedAt?: string; note?: string }): InboxRequest {
  const repo = new InboxRepo(session.db);
  const row = loadRow(repo, input.id);
  const hold = repo.holds(row.id).find((h) => h.id === input.holdId);
  if (!hold) throw notFound('Hold', input.holdId);
  const at = input.clearedAt ?? session.now().toISOString();
  if (hold.cleared_at) throw invalid({ holdId: problem('holdCleared', { at: hold.cleared_at }) });
  if (Date.parse(at) > session.now().getTime() + 5 * 60_000) throw invalid({ clearedAt: problem('future') });
  return session.tx(() => {
    repo.clearHold(hold.id, at);
    timeline(session, repo, row.id, 'hold', `Finally deleted after hold (${hold.kind}): ${hold.description}${input.note ? ` — ${input.note}` : ''}`, at, { action: 'inbox.clearHold', params: { kind: hold.kind, description: hold.description, note: input.note ?? '' } });
    return write(session, repo, row, { action: 'inbox.clearHold', summary: `Request ${row.ref}: ${hold.kind} hold cleared`, details: input });
  });
}

/**
 * The reply was sent (the notice studio dispatched it, or the DPO says so): the reply clocks are
 * met, and the request moves to answered or refused per its decision. Runs inside the caller's tx.
 */
export function markReplySent(session: Session, id: string, sent: { at: string; via: string }): void {
  const repo = new InboxRepo(session.db);
  const row = repo.get(id);
  if (!row) throw notFound('Request', id);
  const decision = row.decision_outcome as DecisionOutcome | null;
  // Minors Regulations Art. 34(3): a refusal of a minor's or guardian's request is given in writing.
  if (writtenRefusal(session, row) && /\b(phone|push)\b/.test(sent.via)) {
    throw invalid({ channel: problem('minorRefusalWritten') });
  }
  if (!row.reply_sent_at) repo.updateRequest(row.id, { reply_sent_at: sent.at });
  row.reply_sent_at ??= sent.at;
  timeline(session, repo, row.id, 'reply', `Reply sent (${sent.via})`, sent.at, { action: 'inbox.replySent', params: { via: sent.via } });
  if (decision && OPEN_STATES.includes(row.state as RequestState)) {
    applyState(session, repo, row, stateAfterReply(decision), sent.at, 'reply sent');
  } else if (!decision) {
    timeline(session, repo, row.id, 'reply', 'No decision was recorded before the reply: record it to close the request', sent.at, { action: 'inbox.replyWithoutDecision' });
  }
  write(session, repo, row, { action: 'inbox.replySent', summary: `Request ${row.ref}: reply sent (${sent.via})`, details: sent });
}
