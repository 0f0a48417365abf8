import { asTranslatable } from '../../../preload/contract/common';
import type { AssessmentAnswers } from '../../../preload/contract/assessment';
import type { Jurisdiction } from '../../../preload/contract/common';
import { Jurisdiction as Jurisdictions } from '../../../preload/contract/common';
import { isSensitiveCategory, PI_VOCABULARY } from '../../shared/pi-vocabulary';
import { fieldMap } from '../../shared/input-guard';
import { DEFAULT_FACTS, US_STATES, type IncidentFacts } from '../model';
import { factProblems } from '../validate';
import { problem, type Problem } from '../../shared/errors';

// Pure: the guided assessment's answers as the incident's facts (issue 17). One reading of the
// answers for the preview and for logging, so what the DPO saw is what is logged. No I/O.

/** The facts, with the title and discovery as given (possibly not yet). */
export type DraftFacts = Omit<IncidentFacts, 'discoveredAt'> & { discoveredAt: string | null };

const MINORS_UNDER_14 = PI_VOCABULARY.find((e) => e.en === 'personal information of minors under 14')!;

export function factsFromAnswers(a: AssessmentAnswers): DraftFacts {
  const sensitive: string[] = [];
  const other: string[] = [];
  for (const term of a.categories ?? []) (isSensitiveCategory(term) ? sensitive : other).push(term);
  for (const o of a.otherCategories ?? []) (o.sensitive ? sensitive : other).push(o.term);
  const people = a.people ?? {};
  // Each person is counted once, in the jurisdiction where they are; a jurisdiction with nobody is not involved.
  const jurisdictions = Jurisdictions.options.filter((j) => (people[j] ?? 0) > 0);
  const total = jurisdictions.reduce((s, j) => s + (people[j] ?? 0), 0);
  const stateResidentsAffected: IncidentFacts['stateResidentsAffected'] = {};
  for (const s of US_STATES) if ((people[s.code] ?? 0) > 0) stateResidentsAffected[s.code] = people[s.code];
  const unintelligible = a.unintelligible === 'yes';
  const minorsCategory = [...sensitive, ...other].some((t) => t === MINORS_UNDER_14.en || t === MINORS_UNDER_14.zh);
  return {
    ...DEFAULT_FACTS,
    title: a.title ?? '',
    description: asTranslatable(a.description ?? ''),
    discoveredAt: a.discoveredAt ?? null,
    occurredAt: a.occurredAt ?? null,
    containedAt: a.contained ? (a.containedAt ?? null) : null,
    piCategories: other,
    sensitivePiCategories: sensitive,
    minorsInvolved: (a.minors ?? 0) > 0 || minorsCategory,
    individualsAffected: total,
    individualsEstimated: a.estimated ?? false,
    sensitiveIndividualsAffected: a.sensitivePeople ?? null,
    californiaResidentsAffected: (people['US-CA'] ?? 0) > 0 ? people['US-CA']! : null,
    stateResidentsAffected,
    nyDfsCovered: (people['US-NY'] ?? 0) > 0 && (a.nyDfsCovered ?? false),
    jurisdictions,
    ciiOperator: a.ciiOperator === 'yes' ? true : a.ciiOperator === 'no' ? false : null,
    // GDPR Art. 34(3)(a): data unintelligible to anyone not authorised (e.g. encrypted) lifts the duty to tell people.
    gdpr34Exception: unintelligible ? 'unintelligible' : null,
    gdpr34ExceptionReason: unintelligible ? (a.unintelligibleHow ?? '') : '',
    measuresTaken: asTranslatable(a.measuresTaken ?? ''),
    harmAvoided: a.harmAvoided === true,
    harmAvoidedReason: asTranslatable(a.harmAvoided ? (a.harmAvoidedReason ?? '') : ''),
    gdprRisk: a.gdprRisk ?? null,
    gdprRiskReason: a.gdprRiskReason ?? '',
  };
}

/** Which answer each fact comes from: a fact's problem is shown on the question that gave it. */
const ANSWER_OF: Partial<Record<keyof IncidentFacts, keyof AssessmentAnswers>> = {
  title: 'title',
  discoveredAt: 'discoveredAt',
  occurredAt: 'occurredAt',
  containedAt: 'containedAt',
  sensitiveIndividualsAffected: 'sensitivePeople',
  californiaResidentsAffected: 'people',
  jurisdictions: 'people',
  individualsAffected: 'people',
  harmAvoidedReason: 'harmAvoidedReason',
  gdpr34ExceptionReason: 'unintelligibleHow',
  gdprRiskReason: 'gdprRiskReason',
};

/** What must still be answered or corrected before the incident can be logged (answer → message). */
export function missingAnswers(a: AssessmentAnswers, f: DraftFacts, now: Date): Record<string, Problem> {
  const out = fieldMap<Problem>();
  if (!f.title.trim()) out.title = problem('assessmentTitle');
  if (!f.discoveredAt) out.discoveredAt = problem('assessmentDiscovered');
  if (f.individualsAffected === 0) out.people = problem('assessmentPeople');
  if (a.contained && !a.containedAt) out.containedAt = problem('assessmentContained');
  if (f.discoveredAt) {
    for (const [fact, message] of Object.entries(factProblems(f as IncidentFacts, now))) out[ANSWER_OF[fact as keyof IncidentFacts] ?? fact] ??= message;
  }
  return out;
}

export const isJurisdiction = (j: string): j is Jurisdiction => (Jurisdictions.options as readonly string[]).includes(j);
