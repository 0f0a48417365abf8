import { FACT_LABELS, type IncidentFacts } from './model';
import { cutText, fieldMap } from '../shared/input-guard';
import { hasText } from '../../preload/contract/common';
import { problem, type Problem } from '../shared/errors';

// Pure checks the schema cannot express (cross-field) and the fact changes for the timeline. No I/O; `now` is a parameter.

/** Returns field → message for every cross-field problem; empty when the facts hold together. */
export function factProblems(f: IncidentFacts, now: Date): Record<string, Problem> {
  const problems = fieldMap<Problem>();
  const t = (s: string | null) => (s === null ? null : Date.parse(s));
  const found = t(f.discoveredAt)!;
  // A clock cannot start in the future; a few minutes' slack absorbs clock drift between machines.
  if (found > now.getTime() + 5 * 60_000) problems.discoveredAt = problem('future');
  if (f.occurredAt !== null && t(f.occurredAt)! > found) problems.occurredAt = problem('afterDiscovery');
  if (f.containedAt !== null && t(f.containedAt)! < found) problems.containedAt = problem('beforeDiscovery');
  if (f.handlingEndedAt !== null && t(f.handlingEndedAt)! < found) problems.handlingEndedAt = problem('beforeDiscovery');
  if (f.sensitiveIndividualsAffected !== null && f.sensitiveIndividualsAffected > f.individualsAffected) {
    problems.sensitiveIndividualsAffected = problem('exceedsAffected');
  }
  if (f.californiaResidentsAffected !== null && f.californiaResidentsAffected > f.individualsAffected) {
    problems.californiaResidentsAffected = problem('exceedsAffected');
  }
  if (f.californiaResidentsAffected !== null && f.californiaResidentsAffected > 0 && !f.jurisdictions.includes('US-CA')) {
    problems.jurisdictions = problem('addUsCa');
  }
  // PIPL Art. 57(2): skipping the notice to individuals needs the record of why harm was avoided.
  if (f.harmAvoided && !hasText(f.harmAvoidedReason)) problems.harmAvoidedReason = problem('harmAvoidedReason');
  if (f.gdpr34Exception !== null && !f.gdpr34ExceptionReason.trim()) problems.gdpr34ExceptionReason = problem('art34ExceptionReason');
  // GDPR Arts. 33(1), 34(1): a risk assessed as not high lifts a duty, so the reason is recorded with it.
  if (f.jurisdictions.includes('EU') && (f.gdprRisk === 'none' || f.gdprRisk === 'risk') && !f.gdprRiskReason.trim()) {
    problems.gdprRiskReason = problem('riskNotHighReason');
  }
  if (new Set(f.jurisdictions).size !== f.jurisdictions.length) problems.jurisdictions = problem('listedTwice');
  return problems;
}

/** A long text is kept on the timeline as its first 80 characters, cut between characters (each version of a pair). */
const cut = (s: string): string => (s.length > 80 ? `${cutText(s, 77)}…` : s);
const isPair = (v: unknown): v is { zh: string; en: string } => !!v && typeof v === 'object' && !Array.isArray(v) && 'zh' in v && 'en' in v;
const kept = (v: unknown): unknown => (typeof v === 'string' ? cut(v) : isPair(v) ? { zh: cut(v.zh), en: cut(v.en) } : v);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The facts that differ between two versions, in the order of the record. */
export function changedFacts(before: IncidentFacts, after: IncidentFacts): (keyof IncidentFacts)[] {
  return (Object.keys(FACT_LABELS) as (keyof IncidentFacts)[]).filter((k) => !same(before[k], after[k]));
}

/** Each change as data for the timeline ("People affected: 1,000 → 1,200,000" once put in words). */
export function factChanges(before: IncidentFacts, after: IncidentFacts, keys: (keyof IncidentFacts)[]): { key: keyof IncidentFacts; from: unknown; to: unknown }[] {
  return keys.map((key) => ({ key, from: kept(before[key]), to: kept(after[key]) }));
}
