import { randomUUID } from 'node:crypto';
import type { LinkDto, LinkRole, RecordKey } from '../../preload/contract/links';
import { noticeSourceLinks } from '../notices/port';
import { conflict, invalid, notFound, problem } from '../shared/errors';
import { recordPort, type RecordSummary } from '../shared/record-ports';
import type { Session } from '../shared/session';
import { RecordsRepo, type LinkRow } from './repo';

// Links between any two records (issue 13). The other record is always read through its module's
// port (main/shared/record-ports.ts), never through its tables, so each side shows the other's
// state and next due as that module computes them.

const MODULES = ['incidents', 'inbox', 'transfers', 'notices'] as const;
/** References of the register: INC-2026-0001, REQ-…, XB-…, NTC-…. */
const REF = /\b(?:INC|REQ|XB|NTC)-\d{4}-\d{4,}\b/g;

const summaryOf = (session: Session, key: { module: string; recordId: string }): RecordSummary | null =>
  recordPort(key.module)?.summary?.(session, key.recordId) ?? null;

function mustExist(session: Session, key: RecordKey, field: string): RecordSummary {
  const s = summaryOf(session, key);
  if (!s) throw invalid({ [field]: problem('noSuchRecord') });
  return s;
}

/** An incident and a transfer are linked because the incident happened at the recipient. */
const defaultRole = (a: string, b: string): LinkRole => ([a, b].sort().join() === 'incidents,transfers' ? 'incidentAtRecipient' : 'related');

const ordered = (x: RecordKey, y: RecordKey): [RecordKey, RecordKey] =>
  `${x.module}/${x.recordId}` <= `${y.module}/${y.recordId}` ? [x, y] : [y, x];

const otherSide = (row: LinkRow, me: RecordKey): RecordKey =>
  row.a_module === me.module && row.a_id === me.recordId ? { module: row.b_module as RecordKey['module'], recordId: row.b_id } : { module: row.a_module as RecordKey['module'], recordId: row.a_id };

export function listLinks(session: Session, me: RecordKey): { items: LinkDto[]; suggestions: { ref: string; other: RecordSummary; role: LinkRole }[] } {
  mustExist(session, me, 'recordId');
  const items: LinkDto[] = [];
  for (const row of new RecordsRepo(session.db).of(me.module, me.recordId)) {
    const other = summaryOf(session, otherSide(row, me));
    if (other) items.push({ id: row.id, role: row.role as LinkRole, source: 'link', other, createdAt: row.created_at, createdBy: row.created_by });
  }
  // A notice drafted from a record is linked to it by the studio (its merge source).
  for (const s of noticeSourceLinks(session, me.module, me.recordId)) {
    const key = me.module === 'notices' ? { module: s.module, recordId: s.recordId } : { module: 'notices', recordId: s.noticeId };
    const other = summaryOf(session, key);
    if (other) items.push({ id: `notice:${s.noticeId}:${s.module}:${s.recordId}`, role: 'related', source: 'notice', other, createdAt: '', createdBy: '' });
  }
  const linked = new Set(items.map((i) => `${i.other.module}/${i.other.recordId}`));
  const suggestions: { ref: string; other: RecordSummary; role: LinkRole }[] = [];
  const text = recordPort(me.module)?.citingText?.(session, me.recordId) ?? '';
  for (const ref of new Set(text.match(REF) ?? [])) {
    const other = findByRef(session, ref);
    if (!other || (other.module === me.module && other.recordId === me.recordId) || linked.has(`${other.module}/${other.recordId}`)) continue;
    suggestions.push({ ref, other, role: defaultRole(me.module, other.module) });
  }
  return { items, suggestions };
}

function findByRef(session: Session, ref: string): RecordSummary | null {
  for (const module of MODULES) {
    const id = recordPort(module)?.findByRef?.(session, ref);
    if (id) return summaryOf(session, { module, recordId: id });
  }
  return null;
}

export function createLink(session: Session, input: { from: RecordKey; to: RecordKey | { ref: string }; role?: LinkRole }) {
  const from = mustExist(session, input.from, 'from.recordId');
  const to = 'ref' in input.to ? findByRef(session, input.to.ref.trim().toUpperCase()) : summaryOf(session, input.to);
  if (!to) throw invalid({ [('ref' in input.to ? 'to.ref' : 'to.recordId')]: problem('noRecordWithRef') });
  if (to.module === from.module && to.recordId === from.recordId) throw invalid({ to: problem('linkToSelf') });
  const role = input.role ?? defaultRole(from.module, to.module);
  if (role === 'incidentAtRecipient' && defaultRole(from.module, to.module) !== role) throw invalid({ role: problem('linkRoleIncidentTransfer') });
  const [a, b] = ordered({ module: from.module, recordId: from.recordId }, { module: to.module, recordId: to.recordId });
  const repo = new RecordsRepo(session.db);
  if (repo.pair({ module: a.module, id: a.recordId }, { module: b.module, id: b.recordId })) throw conflict(problem('alreadyLinked', { from: from.ref, to: to.ref }));
  session.tx(() => {
    const id = randomUUID();
    repo.insert({ id, a_module: a.module, a_id: a.recordId, b_module: b.module, b_id: b.recordId, role, created_at: session.now().toISOString(), created_by: session.actor() });
    session.audit.append({
      action: 'links.create',
      entity: 'link',
      entityId: id,
      summary: `${from.ref} linked to ${to.ref}${role === 'incidentAtRecipient' ? ' (incident at the overseas recipient)' : ''}`,
      details: { role, from: { module: from.module, recordId: from.recordId, ref: from.ref }, to: { module: to.module, recordId: to.recordId, ref: to.ref } },
    });
    recordPort(from.module)?.onLinked?.(session, from.recordId, { linkId: id, role, other: to });
    recordPort(to.module)?.onLinked?.(session, to.recordId, { linkId: id, role, other: from });
  });
  return listLinks(session, input.from);
}

export function removeLink(session: Session, input: { id: string; from: RecordKey }) {
  const repo = new RecordsRepo(session.db);
  const row = repo.byId(input.id);
  if (!row) throw notFound('Link', input.id);
  const a = summaryOf(session, { module: row.a_module, recordId: row.a_id });
  const b = summaryOf(session, { module: row.b_module, recordId: row.b_id });
  session.tx(() => {
    repo.remove(row.id);
    session.audit.append({
      action: 'links.remove',
      entity: 'link',
      entityId: row.id,
      summary: `${a?.ref ?? row.a_id} unlinked from ${b?.ref ?? row.b_id}`,
      details: { role: row.role, from: { module: row.a_module, recordId: row.a_id, ref: a?.ref ?? null }, to: { module: row.b_module, recordId: row.b_id, ref: b?.ref ?? null } },
    });
    if (a && b) {
      recordPort(a.module)?.onUnlinked?.(session, a.recordId, { linkId: row.id, role: row.role, other: b });
      recordPort(b.module)?.onUnlinked?.(session, b.recordId, { linkId: row.id, role: row.role, other: a });
    }
  });
  return listLinks(session, input.from);
}

/** Which audit entity a module's records are. */
const ENTITY: Record<string, string> = { incidents: 'incident', inbox: 'request', transfers: 'transfer', notices: 'notice' };

/**
 * Voids a record created by mistake (issue 13): it stays (and stays audited and searchable),
 * greyed, and its module takes it out of its counts and its clocks off the board. Restoring
 * puts it back. Both need a reason and are audited.
 */
export function setVoided(session: Session, input: { module: RecordKey['module']; recordId: string; reason: string }, voiding: boolean): RecordSummary {
  const port = recordPort(input.module);
  const before = summaryOf(session, input);
  if (!before || !port?.setVoided) throw notFound('Record', input.recordId);
  if (voiding && before.voided) throw conflict(problem('alreadyVoid', { ref: before.ref }));
  if (!voiding && !before.voided) throw conflict(problem('notVoid', { ref: before.ref }));
  session.tx(() => {
    const mark = voiding ? { at: session.now().toISOString(), by: session.actor(), reason: input.reason } : null;
    port.setVoided!(session, input.recordId, mark);
    session.audit.append({
      action: voiding ? 'records.void' : 'records.restore',
      entity: ENTITY[input.module] ?? input.module,
      entityId: input.recordId,
      summary: `${before.ref} ${voiding ? 'voided as created by mistake' : 'restored'} — ${input.reason}`,
      details: { ref: before.ref, module: input.module, reason: input.reason },
    });
  });
  return summaryOf(session, input)!;
}
