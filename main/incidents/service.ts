import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CreateIncident, Incident, IncidentFacts, MarkObligation, OverrideGrade, OverrideObligation, RecordFollowUp, UpdateIncident } from '../../preload/contract/incidents';
import { index } from './search-entry';
import { conflict, invalid, problem, type Problem } from '../shared/errors';
import { refuseIfVoided } from '../shared/record-ports';
import type { Session } from '../shared/session';
import { DEFAULT_FACTS, GRADE_NAMES, OBLIGATION_KEYS, OBLIGATION_LABELS, REFERENCE_EXPECTED, type ObligationKey } from './model';
import { IncidentsRepo, NO_DUE, type IncidentRow } from './repo';
import { addTimeline, evaluate, FOLLOW_UPS, load, settle, toDto, touch, type Loaded } from './record';
import { must, periodText } from '../rules/resolve';
import { gdprLateReasonRequired } from './rules';
import { changedFacts, factChanges, factProblems } from './validate';
import { eventText, type TimelineEvent } from './timeline';
import { fieldMap } from '../shared/input-guard';

// Use-cases of the incident register: validate → one transaction writing the change, its
// timeline entry, its clocks, its search entry and its audit entry → the incident as the DPO sees it.

export { getIncident, listIncidents } from './queries';

/** PRC references count by the Beijing calendar year (UTC+8, no daylight saving). */
const beijingYear = (d: Date): number => new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear();

const jurisdictionKey = (f: IncidentFacts): string => `,${f.jurisdictions.join(',')},`;

function checkFacts(facts: IncidentFacts, now: Date): void {
  const problems = factProblems(facts, now);
  if (Object.keys(problems).length) throw invalid(problems);
}



const requiredKeys = (session: Session, l: Loaded): string[] =>
  evaluate(session, l).obligations.filter((o) => o.required).map((o) => o.plan.key);

export function createIncident(session: Session, input: z.output<typeof CreateIncident>): Incident {
  const facts: IncidentFacts = { ...DEFAULT_FACTS, ...input } as IncidentFacts;
  const now = session.now();
  checkFacts(facts, now);
  return session.tx(() => {
    const repo = new IncidentsRepo(session.db);
    const year = beijingYear(now);
    const seq = repo.nextSeq(year);
    const at = now.toISOString();
    const row: IncidentRow = {
      id: randomUUID(),
      ref: `INC-${year}-${String(seq).padStart(4, '0')}`,
      ref_year: year,
      ref_seq: seq,
      title: facts.title,
      state: 'detected',
      discovered_at: facts.discoveredAt,
      grade: 'general',
      grade_override: null,
      jurisdictions: jurisdictionKey(facts),
      individuals_affected: facts.individualsAffected,
      next_due_at: NO_DUE,
      next_due_immediate: 0,
      overdue_from: NO_DUE,
      facts: JSON.stringify(facts),
      version: 1,
      created_at: at,
      updated_at: at,
      closed_at: null,
    };
    const l: Loaded = { row, facts, gradeOverride: null, overrides: new Map(), done: new Map() };
    row.grade = evaluate(session, l).gradeInForce;
    repo.insert(row);
    addTimeline(session, row.id, 'created', { action: 'created', params: { title: facts.title } }, at);
    index(session, row, facts);
    const dto = settle(session, l);
    session.audit.append({
      action: 'incidents.create',
      entity: 'incident',
      entityId: row.id,
      summary: `Incident ${row.ref} logged: ${facts.title} (${GRADE_NAMES[dto.grade.value].en})`,
      details: { facts, grade: dto.grade.value, obligations: dto.obligations.filter((o) => o.required).map((o) => o.key) },
    });
    return dto;
  });
}

export function updateIncident(session: Session, input: z.output<typeof UpdateIncident>): Incident {
  return session.tx(() => {
    const l = load(session, input.id);
    refuseIfVoided(l.row, l.row.ref);
    if (input.expectedVersion !== undefined && input.expectedVersion !== l.row.version) {
      throw conflict(problem('changedSinceOpened', { ref: l.row.ref, version: l.row.version }));
    }
    const before = l.facts;
    const after: IncidentFacts = { ...before, ...input.facts } as IncidentFacts;
    checkFacts(after, session.now());
    const keys = changedFacts(before, after);
    if (keys.length === 0) return toDto(session, l, evaluate(session, l));
    const requiredBefore = requiredKeys(session, l);
    const at = session.now().toISOString();
    const next: Loaded = { ...l, facts: after, row: { ...l.row } };
    Object.assign(next.row, {
      title: after.title,
      discovered_at: after.discoveredAt,
      jurisdictions: jurisdictionKey(after),
      individuals_affected: after.individualsAffected,
      facts: JSON.stringify(after),
      grade: evaluate(session, next).gradeInForce,
      version: l.row.version + 1,
      updated_at: at,
    });
    const repo = new IncidentsRepo(session.db);
    repo.update(next.row);
    const change: TimelineEvent = { action: 'factsChanged', params: { changes: factChanges(before, after, keys) } };
    addTimeline(session, l.row.id, 'facts', change, at);
    index(session, next.row, after);
    const dto = settle(session, next);
    const requiredAfter = dto.obligations.filter((o) => o.required).map((o) => o.key);
    session.audit.append({
      action: 'incidents.update',
      entity: 'incident',
      entityId: l.row.id,
      summary: `Incident ${l.row.ref} facts changed: ${eventText(session, change).en}`,
      details: {
        changed: keys,
        before: Object.fromEntries(keys.map((k) => [k, before[k]])),
        after: Object.fromEntries(keys.map((k) => [k, after[k]])),
        obligationsAdded: requiredAfter.filter((k) => !requiredBefore.includes(k)),
        obligationsDropped: requiredBefore.filter((k) => !requiredAfter.includes(k)),
        grade: dto.grade.value,
      },
    });
    return dto;
  });
}

function obligationKey(key: string): ObligationKey {
  if (!(OBLIGATION_KEYS as readonly string[]).includes(key)) throw invalid({ key: problem('unknownObligation', { key }) });
  return key as ObligationKey;
}

export function markObligation(session: Session, input: z.output<typeof MarkObligation>): Incident {
  const key = obligationKey(input.key);
  const label = OBLIGATION_LABELS[key];
  return session.tx(() => {
    const l = load(session, input.id);
    const repo = new IncidentsRepo(session.db);
    const prev = l.done.get(key) ?? null;
    if (input.state === 'pending') {
      if (!prev) throw conflict(problem('notMarkedDone', { obligation: label }));
      l.done.delete(key);
      repo.saveObligation(l.row.id, { key, override: json(l.overrides.get(key)), done: null });
      addTimeline(session, l.row.id, 'obligation', { action: 'obligationWithdrawn', params: { key, reason: input.reason } });
    } else {
      const problems = fieldMap<Problem>();
      if (Date.parse(input.doneAt) > session.now().getTime() + 5 * 60_000) problems.doneAt = problem('future');
      if (Date.parse(input.doneAt) < Date.parse(l.facts.discoveredAt)) problems.doneAt = problem('beforeDiscovery');
      if (REFERENCE_EXPECTED.has(key) && !input.reference) {
        problems.reference = problem('authorityReference');
      }
      // GDPR Art. 33(1): a notification after the period (72 hours) is accompanied by reasons for the delay.
      const gdprRule = must(evaluate(session, l).rules, 'gdpr33.authority.72h');
      if (key === 'gdpr33.authority' && gdprLateReasonRequired(l.facts.discoveredAt, input.doneAt, gdprRule) && !input.lateReason) {
        problems.lateReason = problem('lateReasons', { period: periodText(gdprRule) });
      }
      if (input.firstReport && key !== 'cac.report') problems.firstReport = problem('firstReportCacOnly');
      if (Object.keys(problems).length) throw invalid(problems);
      const mark = { at: input.doneAt, reference: input.reference, note: input.note, lateReason: input.lateReason, by: session.actor(), via: 'manual', ...(input.firstReport ? { firstReport: true } : {}) };
      l.done.set(key, mark);
      repo.saveObligation(l.row.id, { key, override: json(l.overrides.get(key)), done: JSON.stringify(mark) });
      // Issue 13 (3): the note typed when marking done is part of the record: timeline, audit, search.
      const params = { key, reference: input.reference, firstReport: input.firstReport === true, note: input.note };
      addTimeline(session, l.row.id, 'obligation', { action: 'obligationDone', params }, input.doneAt);
    }
    touch(session, l);
    index(session, l.row, l.facts);
    const dto = settle(session, l);
    session.audit.append({
      action: 'incidents.markObligation',
      entity: 'incident',
      entityId: l.row.id,
      summary: input.state === 'done' ? `${l.row.ref}: ${label.en} done${input.reference ? ` (${input.reference})` : ''}${input.note ? ` — ${input.note}` : ''}` : `${l.row.ref}: ${label.en} done mark withdrawn — ${input.reason}`,
      details: { ref: l.row.ref, key, state: input.state, before: prev, after: l.done.get(key) ?? null, reason: input.state === 'pending' ? input.reason : null },
    });
    return dto;
  });
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export function overrideObligation(session: Session, input: z.output<typeof OverrideObligation>): Incident {
  const key = obligationKey(input.key);
  const label = OBLIGATION_LABELS[key];
  return session.tx(() => {
    const l = load(session, input.id);
    const computed = evaluate(session, { ...l, overrides: new Map() }).obligations.find((o) => o.plan.key === key)!.plan.required;
    const prev = l.overrides.get(key) ?? null;
    if (input.required === null && !prev) throw conflict(problem('noOverride', { obligation: label }));
    const next = input.required === null ? null : { required: input.required, reason: input.reason, at: session.now().toISOString(), by: session.actor() };
    if (next) l.overrides.set(key, next);
    else l.overrides.delete(key);
    new IncidentsRepo(session.db).saveObligation(l.row.id, { key, override: json(next), done: json(l.done.get(key)) });
    const what = next
      ? { en: next.required ? 'required' : 'not required', zh: next.required ? '需要履行' : '无须履行' }
      : { en: 'back to the computed result', zh: '恢复为计算结果' };
    addTimeline(session, l.row.id, 'override', { action: 'obligationOverride', params: { key, required: next ? next.required : null, reason: input.reason } });
    touch(session, l);
    const dto = settle(session, l);
    session.audit.append({
      action: 'incidents.overrideObligation',
      entity: 'incident',
      entityId: l.row.id,
      summary: `${l.row.ref}: ${label.en} overridden (${what.en}) — ${input.reason}`,
      details: { key, computedRequired: computed, before: prev, after: next, reason: input.reason },
    });
    return dto;
  });
}

/** A follow-up report to the cyberspace administration (CAC Measures Art. 7): on the timeline and in the report sequence. */
export function recordFollowUp(session: Session, input: z.output<typeof RecordFollowUp>): Incident {
  return session.tx(() => {
    const l = load(session, input.id);
    const problems: Record<string, Problem> = {};
    if (!l.done.has('cac.report')) problems.at = problem('cacReportFirst');
    if (Date.parse(input.at) > session.now().getTime() + 5 * 60_000) problems.at = problem('future');
    if (Object.keys(problems).length) throw invalid(problems);
    const list = [...(l.followUps ?? []), { at: input.at, reference: input.reference, note: input.note, by: session.actor() }];
    new IncidentsRepo(session.db).saveObligation(l.row.id, { key: FOLLOW_UPS, override: null, done: JSON.stringify(list) });
    l.followUps = list;
    const ref = input.reference ? ` (${input.reference})` : '';
    addTimeline(session, l.row.id, 'obligation', { action: 'followUp', params: { reference: input.reference, note: input.note } }, input.at);
    touch(session, l);
    const dto = settle(session, l);
    session.audit.append({ action: 'incidents.recordFollowUp', entity: 'incident', entityId: l.row.id, summary: `${l.row.ref}: CAC follow-up report${ref}`, details: input });
    return dto;
  });
}

export function overrideGrade(session: Session, input: z.output<typeof OverrideGrade>): Incident {
  return session.tx(() => {
    const l = load(session, input.id);
    const prev = l.gradeOverride;
    if (input.grade === null && !prev) throw conflict(problem('noGradeOverride'));
    l.gradeOverride = input.grade === null ? null : { grade: input.grade, reason: input.reason, at: session.now().toISOString(), by: session.actor() };
    l.row.grade_override = json(l.gradeOverride);
    const ev = evaluate(session, l);
    l.row.grade = ev.gradeInForce;
    const name = GRADE_NAMES[ev.gradeInForce];
    addTimeline(session, l.row.id, 'override', {
      action: 'gradeOverride',
      params: { grade: ev.gradeInForce, computed: ev.grade.grade, removed: input.grade === null, reason: input.reason },
    });
    touch(session, l);
    const dto = settle(session, l);
    session.audit.append({
      action: 'incidents.overrideGrade',
      entity: 'incident',
      entityId: l.row.id,
      summary: `${l.row.ref}: grade ${input.grade === null ? 'override removed' : `overridden to ${name.en}`} — ${input.reason}`,
      details: { computed: ev.grade.grade, before: prev, after: l.gradeOverride, reason: input.reason },
    });
    return dto;
  });
}

export { addNote, transitionIncident } from './workflow';
