import { INCIDENT_FACT_LABELS, type CacGrade, type IncidentFacts, type IncidentState } from '../../preload/contract/incidents';
import type { RuleKey } from '../deadlines/model';

export type { CacGrade, IncidentFacts, IncidentState };

export interface Localized {
  en: string;
  zh: string;
}

/** Workflow order; a later state may be reached directly, an earlier one needs a reason. */
export const STATE_ORDER: readonly IncidentState[] = ['detected', 'assessing', 'contained', 'notifying', 'monitoring', 'closed'];

export const GRADE_ORDER: readonly CacGrade[] = ['general', 'relativelyMajor', 'major', 'particularlyMajor'];

export const GRADE_NAMES: Record<CacGrade, Localized> = {
  general: { en: 'General', zh: '一般' },
  relativelyMajor: { en: 'Relatively major', zh: '较大' },
  major: { en: 'Major', zh: '重大' },
  particularlyMajor: { en: 'Particularly major', zh: '特别重大' },
};

/**
 * CAC Administrative Measures for Reporting Cybersecurity Incidents (2025), grading of PI
 * leaks (*verify*: from commentary on the grading guide, RULES.md §2). "以上" includes the
 * number (Civil Code Art. 1259), so every bound is ≥. Highest grade first.
 */
export const CAC_GRADE_THRESHOLDS: readonly { grade: CacGrade; people: number; lossRmb: number }[] = [
  { grade: 'particularlyMajor', people: 100_000_000, lossRmb: 100_000_000 },
  { grade: 'major', people: 10_000_000, lossRmb: 20_000_000 },
  { grade: 'relativelyMajor', people: 1_000_000, lossRmb: 5_000_000 },
];

/** PI Protection Compliance Audit Measures Art. 5 (*verify*): the regulator may order an audit. */
export const AUDIT_ORDER_PEOPLE = 1_000_000;
export const AUDIT_ORDER_SENSITIVE_PEOPLE = 100_000;

/** Cal. Civ. Code §1798.82(f): a sample copy to the Attorney General when more than 500 residents. */
export const CA_AG_MORE_THAN = 500;

/** GDPR Art. 33(1): where feasible within 72 hours of becoming aware. */
export const GDPR33_HOURS = 72;

/** The obligations an incident can carry; `key` is stable within the record (upserts match on it). */
export type ObligationKey =
  | 'pipl57.authority'
  | 'pipl57.individuals'
  | 'cac.report'
  | 'cac.summary'
  | 'minors.authority'
  | 'minors.guardians'
  | 'gdpr33.authority'
  | 'gdpr34.individuals'
  | 'ca.residents'
  | 'ca.ag';

export const OBLIGATION_KEYS: readonly ObligationKey[] = [
  'pipl57.authority',
  'pipl57.individuals',
  'cac.report',
  'cac.summary',
  'minors.authority',
  'minors.guardians',
  'gdpr33.authority',
  'gdpr34.individuals',
  'ca.residents',
  'ca.ag',
];

export const OBLIGATION_LABELS: Record<ObligationKey, Localized> = {
  'pipl57.authority': { en: 'Notify the PI protection authority', zh: '通知个人信息保护职责部门' },
  'pipl57.individuals': { en: 'Notify the individuals', zh: '通知个人' },
  'cac.report': { en: 'Report to the cyberspace administration', zh: '向网信部门报告' },
  'cac.summary': { en: 'CAC summary report', zh: '网信部门总结报告' },
  'minors.authority': { en: 'Report the minors’ PI incident', zh: '报告未成年人个人信息事件' },
  'minors.guardians': { en: 'Inform minors and their guardians', zh: '告知未成年人及其监护人' },
  'gdpr33.authority': { en: 'GDPR notice to the supervisory authority', zh: 'GDPR 向监管机构通知' },
  'gdpr34.individuals': { en: 'GDPR communication to data subjects', zh: 'GDPR 告知数据主体' },
  'ca.residents': { en: 'Notice of Data Breach to California residents', zh: '向加州居民发送数据泄露通知' },
  'ca.ag': { en: 'Sample notice to the California Attorney General', zh: '向加州总检察长提交通知样本' },
};

/** Obligations to an authority: the DPO records the receipt or case number when done. */
export const REFERENCE_EXPECTED: ReadonlySet<ObligationKey> = new Set<ObligationKey>([
  'pipl57.authority',
  'cac.report',
  'cac.summary',
  'minors.authority',
  'gdpr33.authority',
  'ca.ag',
]);

/** Notice kinds of the notice studio and the obligation a dispatch of each meets. */
export const NOTICE_KIND_MEETS: Record<string, ObligationKey> = {
  'incident.individuals': 'pipl57.individuals',
  'incident.cac': 'cac.report',
  'gdpr.art33': 'gdpr33.authority',
  'gdpr.art34': 'gdpr34.individuals',
  'ca.breach': 'ca.residents',
};

/** Facts a new record starts with when the create form leaves them out. */
export const DEFAULT_FACTS: Omit<IncidentFacts, 'title' | 'discoveredAt' | 'individualsAffected' | 'jurisdictions'> = {
  description: '',
  occurredAt: null,
  containedAt: null,
  handlingEndedAt: null,
  cause: '',
  affectedSystems: [],
  piCategories: [],
  sensitivePiCategories: [],
  minorsInvolved: false,
  individualsEstimated: false,
  sensitiveIndividualsAffected: null,
  californiaResidentsAffected: null,
  recordsAffected: null,
  ciiOperator: null,
  directLossRmb: 0,
  gdprRisk: null,
  gdpr34Exception: null,
  gdpr34ExceptionReason: '',
  harmAssessment: '',
  measuresTaken: '',
  measuresPlanned: '',
  adviceToIndividuals: '',
  remediesOffered: '',
  harmAvoided: false,
  harmAvoidedReason: '',
  owner: '',
};

/** One obligation as the rules see it: whether it applies, when its clock starts, and why. */
export interface ObligationPlan {
  key: ObligationKey;
  ruleKey: RuleKey;
  required: boolean;
  /** null: applies but the clock has not started yet (e.g. handling not ended). */
  start: string | null;
  rule: Localized;
  basis: Localized;
  explanation: Localized;
}

/** A done mark as stored. */
export interface ObligationDone {
  at: string;
  reference: string;
  note: string;
  lateReason: string;
  by: string;
  via: string;
}

export interface ObligationOverride {
  required: boolean;
  reason: string;
  at: string;
  by: string;
}

/** Names of the facts (shared with the renderer through the contract). */
export const FACT_LABELS = INCIDENT_FACT_LABELS;

export const STATE_NAMES: Record<IncidentState, Localized> = {
  detected: { en: 'Detected', zh: '已发现' },
  assessing: { en: 'Assessing', zh: '评估中' },
  contained: { en: 'Contained', zh: '已控制' },
  notifying: { en: 'Notifying', zh: '通知中' },
  monitoring: { en: 'Monitoring', zh: '监测中' },
  closed: { en: 'Closed', zh: '已关闭' },
};
