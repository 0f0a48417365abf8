import { randomUUID } from 'node:crypto';
import type { AssessmentAnswers, AssessmentDraft, AssessmentPreview, AssessmentStep } from '../../../preload/contract/assessment';
import type { Incident } from '../../../preload/contract/incidents';
import { previewRecordDeadlines } from '../../deadlines/service';
import { JURISDICTION_NAMES } from '../../exports/labels';
import { loadCatalogue } from '../../rules/load';
import { must, rulesAt } from '../../rules/resolve';
import { getSettings } from '../../settings/service';
import { conflict, invalid, notFound, problem } from '../../shared/errors';
import { PI_VOCABULARY } from '../../shared/pi-vocabulary';
import type { Session } from '../../shared/session';
import type { IncidentFacts } from '../model';
import { deadlineRequests } from '../obligations';
import { evaluate, toDto } from '../record';
import { NO_DUE, type IncidentRow } from '../repo';
import { createIncident, getIncident } from '../service';
import { DraftsRepo, type DraftRow } from './repo';
import { factsFromAnswers, missingAnswers } from './rules';

// The guided breach assessment (issue 17). The preview runs the incident rules and the deadline
// engine on the answers exactly as logging would, and writes nothing; drafts are saved (and
// audited) as the DPO goes; logging creates the incident through the register's own use-case,
// so its clocks start at the discovery time the DPO gave, not when it is logged.

const PREVIEW_ID = 'assessment-preview';

function previewRow(facts: IncidentFacts): IncidentRow {
  const at = facts.discoveredAt;
  return {
    id: PREVIEW_ID, ref: '—', ref_year: 0, ref_seq: 0, title: facts.title, state: 'detected', discovered_at: at, grade: 'general', grade_override: null,
    jurisdictions: `,${facts.jurisdictions.join(',')},`, individuals_affected: facts.individualsAffected, next_due_at: NO_DUE, next_due_immediate: 0, overdue_from: NO_DUE,
    facts: '{}', version: 0, created_at: at, updated_at: at, closed_at: null,
  };
}

/** Grade, obligations and clocks as main would compute them if the incident were logged now. Writes nothing. */
export function previewAssessment(session: Session, answers: AssessmentAnswers): AssessmentPreview {
  const draft = factsFromAnswers(answers);
  const now = session.now();
  const started = draft.discoveredAt !== null;
  // Before the discovery time is known the rules in force today decide which duties apply; no clock starts.
  const facts = { ...draft, discoveredAt: draft.discoveredAt ?? now.toISOString() } as IncidentFacts;
  const loaded = { row: previewRow(facts), facts, gradeOverride: null, overrides: new Map(), done: new Map() };
  const ev = evaluate(session, loaded);
  const deadlines = started ? previewRecordDeadlines(session, { module: 'incidents', recordId: PREVIEW_ID, recordRef: '—', recordTitle: facts.title || '—' }, deadlineRequests(ev.obligations)) : [];
  const dto = toDto(session, loaded, ev, deadlines);
  const obligations = started ? dto.obligations : dto.obligations.map((o) => ({ ...o, state: o.state === 'pending' ? ('waiting' as const) : o.state, startAt: null }));
  return { facts: draft, grade: dto.grade, auditOrderFlag: dto.auditOrderFlag, ciiOperator: dto.ciiOperator, obligations, clocksStarted: started, missing: missingAnswers(answers, draft, now) };
}

const toDraft = (r: DraftRow): AssessmentDraft => ({
  id: r.id,
  title: r.title,
  step: r.step as AssessmentStep,
  answers: JSON.parse(r.answers) as AssessmentAnswers,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  incident: r.incident_id ? { id: r.incident_id, ref: r.incident_ref ?? '', at: r.logged_at ?? r.updated_at } : null,
});

function loadDraft(repo: DraftsRepo, id: string): DraftRow {
  const row = repo.get(id);
  if (!row) throw notFound('Assessment draft', id);
  return row;
}

const refuseLogged = (row: DraftRow) => {
  if (row.incident_id) throw conflict(problem('assessmentLogged', { ref: row.incident_ref ?? '' }));
};

const changedKeys = (before: AssessmentAnswers, after: AssessmentAnswers): string[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k as keyof AssessmentAnswers]) !== JSON.stringify(after[k as keyof AssessmentAnswers])).sort();

export function saveDraft(session: Session, input: { id?: string; step: AssessmentStep; answers: AssessmentAnswers }): AssessmentDraft {
  const repo = new DraftsRepo(session.db);
  const at = session.now().toISOString();
  const title = (input.answers.title ?? '').trim();
  return session.tx(() => {
    if (!input.id) {
      const id = randomUUID();
      repo.insert({ id, title, step: input.step, answers: JSON.stringify(input.answers), created_at: at, created_by: session.actor(), updated_at: at, incident_id: null, logged_at: null });
      session.audit.append({ action: 'assessment.saveDraft', entity: 'assessmentDraft', entityId: id, summary: `Breach assessment started${title ? `: ${title}` : ''}`, details: { title, step: input.step, changed: Object.keys(input.answers).sort(), created: true } });
      return toDraft(loadDraft(repo, id));
    }
    const row = loadDraft(repo, input.id);
    refuseLogged(row);
    const changed = changedKeys(JSON.parse(row.answers) as AssessmentAnswers, input.answers);
    if (changed.length === 0 && row.step === input.step) return toDraft(row);
    repo.update(row.id, { title, step: input.step, answers: JSON.stringify(input.answers), updated_at: at });
    session.audit.append({ action: 'assessment.saveDraft', entity: 'assessmentDraft', entityId: row.id, summary: `Breach assessment saved at "${input.step}"${title ? `: ${title}` : ''}`, details: { title, step: input.step, changed } });
    return toDraft(loadDraft(repo, row.id));
  });
}

export const listDrafts = (session: Session) => ({ items: new DraftsRepo(session.db).open(200).map((r) => { const { answers: _a, ...rest } = toDraft(r); return rest; }) });

export const getDraft = (session: Session, id: string): AssessmentDraft => toDraft(loadDraft(new DraftsRepo(session.db), id));

/** Removes a draft not logged; its last answers stay in the audit entry, so nothing is lost unseen. */
export function discardDraft(session: Session, id: string): { discarded: true } {
  const repo = new DraftsRepo(session.db);
  return session.tx(() => {
    const row = loadDraft(repo, id);
    refuseLogged(row);
    repo.remove(id);
    session.audit.append({ action: 'assessment.discard', entity: 'assessmentDraft', entityId: id, summary: `Breach assessment discarded${row.title ? `: ${row.title}` : ''}`, details: { title: row.title, step: row.step, answers: JSON.parse(row.answers) } });
    return { discarded: true as const };
  });
}

/** "Log the incident": every fact from the answers; the clocks start at the discovery time. */
export function logAssessment(session: Session, id: string): Incident {
  const repo = new DraftsRepo(session.db);
  return session.tx(() => {
    const row = loadDraft(repo, id);
    refuseLogged(row);
    const answers = JSON.parse(row.answers) as AssessmentAnswers;
    const facts = factsFromAnswers(answers);
    const missing = missingAnswers(answers, facts, session.now());
    if (Object.keys(missing).length) throw invalid(missing);
    const incident = createIncident(session, facts as IncidentFacts);
    const at = session.now().toISOString();
    repo.markLogged(row.id, incident.id, at);
    session.audit.append({
      action: 'assessment.log',
      entity: 'incident',
      entityId: incident.id,
      summary: `Breach assessment logged as ${incident.ref}: ${facts.title}`,
      details: { ref: incident.ref, draftId: row.id, startedAt: row.created_at, discoveredAt: facts.discoveredAt },
    });
    return getIncident(session, incident.id);
  });
}

/** Which rules stand behind each question: the catalogue's names and bases in force today. */
const STEP_RULES: Record<AssessmentStep, string[]> = {
  what: ['pipl57.authority', 'cac.report.4h', 'gdpr33.authority.72h'],
  categories: ['audit.order', 'pipl57.individuals'],
  people: ['cac.grade.bands', 'minors.report', 'ca.residents.30d', 'ca.ag.15d', 'uk.ico', 'ny.residents', 'tx.ag', 'co.ag', 'wa.ag', 'fl.dla'],
  protection: ['gdpr34.individuals'],
  containment: ['pipl57.harmAvoided', 'pipl57.individuals', 'gdpr33.authority.72h', 'gdpr34.individuals'],
  cii: ['cac.report.cii.1h', 'cac.report.4h'],
  review: ['cac.summary.30d'],
};

const SENSITIVE_BASIS = {
  rule: { en: 'Sensitive personal information', zh: '敏感个人信息' },
  basis: { en: 'PIPL Art. 28; GB/T 45574-2025 (security requirements for processing sensitive personal information)', zh: '《个人信息保护法》第二十八条；GB/T 45574-2025《数据安全技术 敏感个人信息处理安全要求》' },
};

export function assessmentGuide(session: Session) {
  const rules = rulesAt(loadCatalogue(session), session.now().toISOString());
  return {
    steps: (Object.keys(STEP_RULES) as AssessmentStep[]).map((step) => ({
      step,
      basis: [
        ...(step === 'categories' ? [SENSITIVE_BASIS] : []),
        ...STEP_RULES[step].map((k) => rules(k)).filter((r) => r !== null).map((r) => ({ rule: must(rules, r!.key).name, basis: r!.basis })),
      ],
    })),
    vocabulary: PI_VOCABULARY.map((e) => ({ en: e.en, zh: e.zh, sensitive: e.sensitive })),
    jurisdictions: (Object.keys(JURISDICTION_NAMES) as (keyof typeof JURISDICTION_NAMES)[]).map((code) => ({ code, name: JURISDICTION_NAMES[code] })),
    ciiDefault: getSettings(session).ciiOperator,
  };
}
