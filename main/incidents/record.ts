import type { Deadline } from '../../preload/contract/deadlines';
import type { CacGrade, Incident, IncidentObligation, IncidentState } from '../../preload/contract/incidents';
import { listRecordDeadlines, syncRecordDeadlines } from '../deadlines/service';
import type { RecordRef } from '../deadlines/model';
import { getSettings } from '../settings/service';
import { notFound } from '../shared/errors';
import { refuseIfVoided, voidMarkOf } from '../shared/record-ports';
import type { Session } from '../shared/session';
import {
  DEFAULT_FACTS,
  OBLIGATION_LABELS,
  REFERENCE_EXPECTED,
  type FollowUpReport,
  type IncidentFacts,
  type ObligationDone,
  type ObligationOverride,
  withTextPairs,
} from './model';
import { deadlineRequests, effectiveObligations, type EffectiveObligation } from './obligations';
import { IncidentsRepo, NO_DUE, type IncidentRow } from './repo';
import { loadCatalogue } from '../rules/load';
import { must, rulesAt, type RulesAt } from '../rules/resolve';
import { auditOrderFlag, computeObligations, gradeIncident } from './rules';
import { timelineEntries } from './timeline';

export { addTimeline } from './timeline';

// One incident as the service works on it: the stored row and marks, what the rules make of
// them, and the DTO. Shared by the use-cases in service.ts and the notice source.

/** The obligations-table key the follow-up reports are kept under. */
export const FOLLOW_UPS = 'cac.followUps';

export interface GradeOverride {
  grade: CacGrade;
  reason: string;
  at: string;
  by: string;
}

export interface Loaded {
  row: IncidentRow;
  facts: IncidentFacts;
  followUps?: FollowUpReport[];
  gradeOverride: GradeOverride | null;
  overrides: Map<string, ObligationOverride>;
  done: Map<string, ObligationDone>;
}

export interface Evaluation {
  /** The catalogue versions in force at discovery. */
  rules: RulesAt;
  cii: { effective: boolean; fromSettings: boolean };
  grade: ReturnType<typeof gradeIncident>;
  gradeInForce: CacGrade;
  audit: ReturnType<typeof auditOrderFlag>;
  obligations: EffectiveObligation[];
}

export function load(session: Session, id: string): Loaded {
  const repo = new IncidentsRepo(session.db);
  const row = repo.get(id);
  if (!row) throw notFound('Incident', id);
  const overrides = new Map<string, ObligationOverride>();
  const done = new Map<string, ObligationDone>();
  let followUps: FollowUpReport[] = [];
  for (const o of repo.obligations(id)) {
    // Follow-up reports are kept beside the obligations, as one list (no clock of their own).
    if (o.key === FOLLOW_UPS) followUps = o.done ? JSON.parse(o.done) : [];
    else {
      if (o.override) overrides.set(o.key, JSON.parse(o.override));
      if (o.done) done.set(o.key, JSON.parse(o.done));
    }
  }
  // Facts stored before issue 14 lack the US-state and NYDFS fields; facts added since (gdprRiskReason) read as their defaults.
  // Issue 13: the free-text facts are read as {zh, en} pairs even where an older write left a string.
  const facts = withTextPairs({ ...DEFAULT_FACTS, stateResidentsAffected: {}, nyDfsCovered: false, ...JSON.parse(row.facts) }) as IncidentFacts;
  return { row, facts, followUps, gradeOverride: row.grade_override ? JSON.parse(row.grade_override) : null, overrides, done };
}

export function evaluate(session: Session, l: Pick<Loaded, 'facts' | 'gradeOverride' | 'overrides' | 'done'>): Evaluation {
  const fromSettings = l.facts.ciiOperator === null;
  const cii = fromSettings ? getSettings(session).ciiOperator : (l.facts.ciiOperator as boolean);
  // The rules in force when the incident was discovered apply (one found on 2025-12-31 keeps the old version).
  const rules = rulesAt(loadCatalogue(session), l.facts.discoveredAt);
  const grade = gradeIncident(l.facts, must(rules, 'cac.grade.bands'));
  const gradeInForce = l.gradeOverride?.grade ?? grade.grade;
  const cacMark = l.done.get('cac.report');
  const plans = computeObligations({
    facts: l.facts,
    grade: gradeInForce,
    ciiOperator: cii,
    caResidentsNotifiedAt: l.done.get('ca.residents')?.at ?? null,
    cacFirstReportAt: cacMark?.firstReport ? cacMark.at : null,
    rules,
  });
  return {
    rules,
    cii: { effective: cii, fromSettings },
    grade,
    gradeInForce,
    audit: auditOrderFlag(l.facts, must(rules, 'audit.order')),
    obligations: effectiveObligations(plans, l.overrides, l.done),
  };
}

const recordRef = (row: Pick<IncidentRow, 'id' | 'ref' | 'title'>): RecordRef => ({
  module: 'incidents',
  recordId: row.id,
  recordRef: row.ref,
  recordTitle: row.title,
});

/**
 * The list's "next due": the earliest open clock, "immediately" duties included (PIPL Art. 57
 * writes no hour limit, so they are due from the discovery and sort first); and, apart, the
 * earliest fixed due time, the only kind that turns overdue.
 */
export function nextDue(deadlines: Deadline[]): Pick<IncidentRow, 'next_due_at' | 'next_due_immediate' | 'overdue_from'> {
  const open = deadlines.filter((d) => d.state === 'open' || d.state === 'dueSoon' || d.state === 'overdue');
  const first = open.reduce<Deadline | null>((min, d) => (!min || d.dueAt < min.dueAt ? d : min), null);
  const fixed = open.filter((d) => d.clock === 'due').reduce((min, d) => (d.dueAt < min ? d.dueAt : min), NO_DUE);
  return { next_due_at: first?.dueAt ?? NO_DUE, next_due_immediate: first?.clock === 'immediate' ? 1 : 0, overdue_from: fixed };
}

/** Keeps the list's sort key in step with the stored clocks (inside the caller's transaction). */
export function storeNextDue(session: Session, row: IncidentRow, deadlines: Deadline[]): void {
  const due = nextDue(deadlines);
  if (due.next_due_at !== row.next_due_at || due.next_due_immediate !== row.next_due_immediate || due.overdue_from !== row.overdue_from) {
    new IncidentsRepo(session.db).setNextDue(row.id, due);
    Object.assign(row, due);
  }
}

/** Stores the clocks on the board (inside the caller's transaction) and keeps the list's sort key in step. */
export function syncClocks(session: Session, row: IncidentRow, ev: Evaluation): Deadline[] {
  const deadlines = syncRecordDeadlines(session, recordRef(row), deadlineRequests(ev.obligations));
  storeNextDue(session, row, deadlines);
  return deadlines;
}

/** The CAC report sequence: first report (or a complete one), supplement, follow-ups, in time order. */
function reportsOf(l: Pick<Loaded, 'done' | 'followUps'>): IncidentObligation['reports'] {
  const report = l.done.get('cac.report');
  const supplement = l.done.get('cac.supplement');
  const out: NonNullable<IncidentObligation['reports']> = [];
  if (report) out.push({ kind: report.firstReport ? 'first' : 'complete', at: report.at, reference: report.reference, note: report.note });
  if (supplement) out.push({ kind: 'supplement', at: supplement.at, reference: supplement.reference, note: supplement.note });
  for (const f of l.followUps ?? []) out.push({ kind: 'followUp', at: f.at, reference: f.reference, note: f.note });
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

export function obligationDto(o: EffectiveObligation, deadline: Deadline | undefined, reports: IncidentObligation['reports']): IncidentObligation {
  return {
    key: o.plan.key,
    ruleKey: o.plan.ruleKey,
    label: OBLIGATION_LABELS[o.plan.key],
    rule: o.plan.rule,
    basis: o.plan.basis,
    explanation: o.plan.explanation,
    state: o.state,
    question: o.state === 'toAssess' && o.plan.question ? { text: o.plan.question.text, fact: o.plan.question.fact } : null,
    computedRequired: o.plan.required,
    required: o.required,
    override: o.override,
    startAt: deadline?.startAt ?? o.clockStart,
    dueAt: deadline?.dueAt ?? null,
    deadlineState: deadline?.state ?? null,
    deadline: deadline ?? null,
    done: o.done,
    referenceExpected: REFERENCE_EXPECTED.has(o.plan.key),
    reports: o.plan.key === 'cac.report' ? reports : null,
  };
}

export function toDto(session: Session, l: Loaded, ev: Evaluation, deadlines?: Deadline[]): Incident {
  const byKey = new Map((deadlines ?? listRecordDeadlines(session, 'incidents', l.row.id)).map((d) => [d.key, d]));
  return {
    id: l.row.id,
    ref: l.row.ref,
    state: l.row.state as IncidentState,
    version: l.row.version,
    facts: l.facts,
    ciiOperator: ev.cii,
    grade: {
      rule: ev.grade.rule,
      basis: ev.grade.basis,
      explanation: ev.grade.explanation,
      computed: ev.grade.grade,
      value: ev.gradeInForce,
      override: l.gradeOverride,
      cacReportRequired: ev.obligations.find((o) => o.plan.key === 'cac.report')!.plan.required,
      bands: ev.grade.bands,
      ruleKey: 'cac.grade.bands',
    },
    auditOrderFlag: { rule: ev.audit.rule, basis: ev.audit.basis, explanation: ev.audit.explanation, flagged: ev.audit.flagged },
    obligations: ev.obligations.map((o) => obligationDto(o, byKey.get(o.plan.key), reportsOf(l))),
    timeline: timelineEntries(session, l.row.id),
    createdAt: l.row.created_at,
    updatedAt: l.row.updated_at,
    closedAt: l.row.closed_at,
    voided: voidMarkOf(l.row),
  };
}

/** Recomputes obligations and clocks from the stored state (inside the caller's tx) and returns the DTO. */
export function settle(session: Session, l: Loaded): Incident {
  const ev = evaluate(session, l);
  const deadlines = syncClocks(session, l.row, ev);
  return toDto(session, l, ev, deadlines);
}

/**
 * Re-evaluates an incident with the catalogue as it now is (inside the caller's tx): the grade in
 * force and the clocks. Not a change of the record, so its version stays.
 */
export function refreshIncident(session: Session, id: string): void {
  const l = load(session, id);
  const ev = evaluate(session, l);
  if (l.row.grade !== ev.gradeInForce) {
    l.row.grade = ev.gradeInForce;
    new IncidentsRepo(session.db).update(l.row);
  }
  syncClocks(session, l.row, ev);
}

/** Bumps the version of a record changed by a use-case other than a fact edit. */
export function touch(session: Session, l: Loaded): void {
  refuseIfVoided(l.row, l.row.ref);
  l.row.version += 1;
  l.row.updated_at = session.now().toISOString();
  new IncidentsRepo(session.db).update(l.row);
}
