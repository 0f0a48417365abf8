import { asTranslatable } from '../../preload/contract/common';
import { CAC_GRADE_NAMES, INCIDENT_STATE_NAMES } from '../../preload/contract/incident-timeline';
import { INCIDENT_FACT_LABELS, INCIDENT_OBLIGATION_LABELS, TRANSLATABLE_FACTS, type CacGrade, type IncidentFacts, type IncidentState } from '../../preload/contract/incidents';
import type { RuleKey } from '../deadlines/model';

export type { CacGrade, IncidentFacts, IncidentState };

export interface Localized {
  en: string;
  zh: string;
}

/** Workflow order; a later state may be reached directly, an earlier one needs a reason. */
export const STATE_ORDER: readonly IncidentState[] = ['detected', 'assessing', 'contained', 'notifying', 'monitoring', 'closed'];

export const GRADE_ORDER: readonly CacGrade[] = ['general', 'relativelyMajor', 'major', 'particularlyMajor'];

export const GRADE_NAMES: Record<CacGrade, Localized> = CAC_GRADE_NAMES;

/** The US states with their own breach clocks (RULES.md §7), their rules and regulators. */
export type UsState = 'US-NY' | 'US-TX' | 'US-CO' | 'US-WA' | 'US-FL';
export const US_STATES: readonly {
  code: UsState;
  name: Localized;
  residents: ObligationKey & RuleKey;
  regulators: { ruleKey: ObligationKey & RuleKey; name: Localized; dfs?: boolean }[];
}[] = [
  {
    code: 'US-NY',
    name: { en: 'New York', zh: '纽约州' },
    residents: 'ny.residents',
    regulators: [
      { ruleKey: 'ny.regulators', name: { en: 'the Attorney General, the Department of State and the State Police', zh: '州总检察长、州务院和州警察局' } },
      { ruleKey: 'ny.dfs', name: { en: 'the Department of Financial Services', zh: '州金融服务局' }, dfs: true },
    ],
  },
  { code: 'US-TX', name: { en: 'Texas', zh: '得克萨斯州' }, residents: 'tx.residents', regulators: [{ ruleKey: 'tx.ag', name: { en: 'the Texas Attorney General', zh: '得州总检察长' } }] },
  { code: 'US-CO', name: { en: 'Colorado', zh: '科罗拉多州' }, residents: 'co.residents', regulators: [{ ruleKey: 'co.ag', name: { en: 'the Colorado Attorney General', zh: '科罗拉多州总检察长' } }] },
  { code: 'US-WA', name: { en: 'Washington', zh: '华盛顿州' }, residents: 'wa.residents', regulators: [{ ruleKey: 'wa.ag', name: { en: 'the Washington Attorney General', zh: '华盛顿州总检察长' } }] },
  { code: 'US-FL', name: { en: 'Florida', zh: '佛罗里达州' }, residents: 'fl.residents', regulators: [{ ruleKey: 'fl.dla', name: { en: 'the Department of Legal Affairs', zh: '佛州法律事务部' } }] },
];

/** The obligations an incident can carry; `key` is stable within the record (upserts match on it). */
export type ObligationKey =
  | 'pipl57.authority'
  | 'pipl57.individuals'
  | 'cac.report'
  | 'cac.supplement'
  | 'cac.summary'
  | 'minors.authority'
  | 'minors.guardians'
  | 'gdpr33.authority'
  | 'gdpr34.individuals'
  | 'ca.residents'
  | 'ca.ag'
  | 'uk.ico'
  | 'ny.residents'
  | 'ny.regulators'
  | 'ny.dfs'
  | 'tx.residents'
  | 'tx.ag'
  | 'co.residents'
  | 'co.ag'
  | 'wa.residents'
  | 'wa.ag'
  | 'fl.residents'
  | 'fl.dla';

export const OBLIGATION_KEYS: readonly ObligationKey[] = [
  'pipl57.authority',
  'pipl57.individuals',
  'cac.report',
  'cac.supplement',
  'cac.summary',
  'minors.authority',
  'minors.guardians',
  'gdpr33.authority',
  'gdpr34.individuals',
  'ca.residents',
  'ca.ag',
  'uk.ico',
  'ny.residents',
  'ny.regulators',
  'ny.dfs',
  'tx.residents',
  'tx.ag',
  'co.residents',
  'co.ag',
  'wa.residents',
  'wa.ag',
  'fl.residents',
  'fl.dla',
];

/** The obligations in the DPO's words (shared with the renderer through the contract). */
export const OBLIGATION_LABELS: Record<ObligationKey, Localized> = INCIDENT_OBLIGATION_LABELS;

/** Obligations to an authority: the DPO records the receipt or case number when done. */
export const REFERENCE_EXPECTED: ReadonlySet<ObligationKey> = new Set<ObligationKey>([
  'pipl57.authority',
  'cac.report',
  'cac.supplement',
  'cac.summary',
  'minors.authority',
  'gdpr33.authority',
  'ca.ag',
  'uk.ico',
  'ny.regulators',
  'ny.dfs',
  'tx.ag',
  'co.ag',
  'wa.ag',
  'fl.dla',
]);

/** Notice kinds of the notice studio and the obligation a dispatch of each meets. */
export const NOTICE_KIND_MEETS: Record<string, ObligationKey> = {
  'incident.individuals': 'pipl57.individuals',
  'incident.cac': 'cac.report',
  'gdpr.art33': 'gdpr33.authority',
  'gdpr.art34': 'gdpr34.individuals',
  'ca.breach': 'ca.residents',
};

const NO_TEXT = Object.freeze({ zh: '', en: '' });

/**
 * The free-text facts as {zh, en} pairs, whatever was stored: facts written before issue 13 hold
 * plain strings (filed by their script, as migration 230 does), so no rule ever sees a string.
 */
export function withTextPairs<T extends Record<string, unknown>>(facts: T): T {
  const out: Record<string, unknown> = { ...facts };
  for (const k of TRANSLATABLE_FACTS) if (k in out) out[k] = asTranslatable(out[k]);
  return out as T;
}

/** Facts a new record starts with when the create form leaves them out. */
export const DEFAULT_FACTS: Omit<IncidentFacts, 'title' | 'discoveredAt' | 'individualsAffected' | 'jurisdictions'> = {
  description: NO_TEXT,
  occurredAt: null,
  containedAt: null,
  handlingEndedAt: null,
  cause: NO_TEXT,
  affectedSystems: [],
  piCategories: [],
  sensitivePiCategories: [],
  minorsInvolved: false,
  individualsEstimated: false,
  sensitiveIndividualsAffected: null,
  californiaResidentsAffected: null,
  stateResidentsAffected: {},
  nyDfsCovered: false,
  recordsAffected: null,
  ciiOperator: null,
  directLossRmb: 0,
  gdprRisk: null,
  gdprRiskReason: '',
  gdpr34Exception: null,
  gdpr34ExceptionReason: '',
  harmAssessment: NO_TEXT,
  measuresTaken: NO_TEXT,
  measuresPlanned: NO_TEXT,
  adviceToIndividuals: NO_TEXT,
  remediesOffered: NO_TEXT,
  harmAvoided: false,
  harmAvoidedReason: NO_TEXT,
  owner: '',
};

/** One obligation as the rules see it: whether it applies, when its clock starts, and why. */
export interface ObligationPlan {
  key: ObligationKey;
  ruleKey: RuleKey;
  required: boolean;
  /** null: applies but the clock has not started yet (e.g. handling not ended). */
  start: string | null;
  /**
   * Set when whether the duty applies turns on a question not yet answered: the duty is "to be
   * assessed" (never silently "not required") until the fact that answers it is recorded.
   */
  question?: { text: Localized; fact: keyof IncidentFacts };
  rule: Localized;
  basis: Localized;
  explanation: Localized;
}

/** A done mark as stored. */
export interface ObligationDone {
  at: string;
  /** CAC report: a first report with items (1) and (2) only (CAC Measures Art. 7(2)). */
  firstReport?: boolean;
  reference: string;
  note: string;
  lateReason: string;
  by: string;
  via: string;
}

/** A follow-up report when new important facts arise (CAC Measures Art. 7). */
export interface FollowUpReport {
  at: string;
  reference: string;
  note: string;
  by: string;
}

export interface ObligationOverride {
  required: boolean;
  reason: string;
  at: string;
  by: string;
}

/** Names of the facts (shared with the renderer through the contract). */
export const FACT_LABELS = INCIDENT_FACT_LABELS;

export const STATE_NAMES: Record<IncidentState, Localized> = INCIDENT_STATE_NAMES;
