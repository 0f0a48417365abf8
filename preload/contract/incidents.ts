import { z } from 'zod';
import { Cursor, Id, IsoInstant, Jurisdiction, LocalizedText, LongText, PageLimit, RequiredText, ShortText, ShowVoided, TranslatableLongText, VoidMark, pageOf } from './common';
import { Deadline, DeadlineState } from './deadlines';

// Incident register (issue 4). Facts the DPO records; grade, obligations and clocks computed in
// main/incidents/rules.ts and the deadline engine, each with its rule and legal basis.

export const IncidentState = z.enum(['detected', 'assessing', 'contained', 'notifying', 'monitoring', 'closed']);
export type IncidentState = z.infer<typeof IncidentState>;

/** CAC Incident Reporting Measures (2025): the four grades, lowest first. */
export const CacGrade = z.enum(['general', 'relativelyMajor', 'major', 'particularlyMajor']);
export type CacGrade = z.infer<typeof CacGrade>;

export const GdprRisk = z.enum(['none', 'risk', 'high']);
/** GDPR Art. 34(3): when telling individuals is not required (or replaced by a public communication). */
export const Gdpr34Exception = z.enum(['unintelligible', 'riskRemoved', 'disproportionate']);

const Count = z.number().int('Whole number').min(0, 'Cannot be negative').max(10_000_000_000);
const Category = z.string().trim().min(1, 'Required').max(100);
const Categories = z.array(Category).max(100);

/** Every fact of the record. Create requires the few that start the clocks; the rest can follow. */
export const IncidentFactFields = z.object({
  title: RequiredText,
  description: TranslatableLongText,
  discoveredAt: IsoInstant,
  occurredAt: IsoInstant.nullable(),
  containedAt: IsoInstant.nullable(),
  /** When handling (emergency response) ended: starts the CAC 30-day summary report. */
  handlingEndedAt: IsoInstant.nullable(),
  cause: TranslatableLongText,
  affectedSystems: z.array(ShortText).max(100),
  piCategories: Categories,
  sensitivePiCategories: Categories,
  minorsInvolved: z.boolean(),
  individualsAffected: Count,
  individualsEstimated: z.boolean(),
  /** People whose sensitive PI is involved; null = take individualsAffected when sensitive categories are listed. */
  sensitiveIndividualsAffected: Count.nullable(),
  /** California residents among them; null = take individualsAffected. */
  californiaResidentsAffected: Count.nullable(),
  /** Residents of the other US states with their own breach clocks; a state left out = take individualsAffected. */
  stateResidentsAffected: z.object({ 'US-NY': Count, 'US-TX': Count, 'US-CO': Count, 'US-WA': Count, 'US-FL': Count }).partial().strict(),
  /** A covered entity under the NYDFS Cybersecurity Regulation (23 NYCRR Part 500). */
  nyDfsCovered: z.boolean(),
  recordsAffected: Count.nullable(),
  jurisdictions: z.array(Jurisdiction).min(1, 'Pick at least one').max(10),
  /** Critical information infrastructure operator for this incident; null = the Settings default. */
  ciiOperator: z.boolean().nullable(),
  directLossRmb: z.number().min(0, 'Cannot be negative').max(1e13),
  /** null = not yet assessed (GDPR Art. 33 then still applies: only "unlikely to result in a risk" lifts it). */
  gdprRisk: GdprRisk.nullable(),
  /** Why the risk was assessed as not high (or as unlikely to result in a risk): required with that answer. */
  gdprRiskReason: LongText,
  gdpr34Exception: Gdpr34Exception.nullable(),
  gdpr34ExceptionReason: LongText,
  harmAssessment: TranslatableLongText,
  measuresTaken: TranslatableLongText,
  measuresPlanned: TranslatableLongText,
  adviceToIndividuals: TranslatableLongText,
  remediesOffered: TranslatableLongText,
  harmAvoided: z.boolean(),
  harmAvoidedReason: TranslatableLongText,
  owner: ShortText,
});
export type IncidentFacts = z.infer<typeof IncidentFactFields>;

/** The free-text facts that flow into notices: each a {zh, en} pair, typed once with an optional translation. */
export const TRANSLATABLE_FACTS = [
  'description', 'cause', 'harmAssessment', 'measuresTaken', 'measuresPlanned', 'adviceToIndividuals', 'remediesOffered', 'harmAvoidedReason',
] as const satisfies readonly (keyof IncidentFacts)[];
export type TranslatableFact = (typeof TRANSLATABLE_FACTS)[number];

/** The DPO's names of the facts: the timeline, the audit summaries and the forms use them. */
export const INCIDENT_FACT_LABELS: Record<keyof IncidentFacts, LocalizedText> = {
  title: { en: 'Title', zh: '标题' },
  description: { en: 'Description', zh: '描述' },
  discoveredAt: { en: 'Discovered', zh: '发现时间' },
  occurredAt: { en: 'Occurred', zh: '发生时间' },
  containedAt: { en: 'Contained', zh: '控制时间' },
  handlingEndedAt: { en: 'Handling ended', zh: '处置结束时间' },
  cause: { en: 'Cause', zh: '原因' },
  affectedSystems: { en: 'Affected systems', zh: '受影响系统' },
  piCategories: { en: 'PI categories', zh: '个人信息种类' },
  sensitivePiCategories: { en: 'Sensitive PI categories', zh: '敏感个人信息种类' },
  minorsInvolved: { en: 'Minors’ PI involved', zh: '涉及未成年人个人信息' },
  individualsAffected: { en: 'People affected', zh: '受影响人数' },
  individualsEstimated: { en: 'Count is an estimate', zh: '人数为估计值' },
  sensitiveIndividualsAffected: { en: 'People with sensitive PI affected', zh: '涉及敏感个人信息的人数' },
  californiaResidentsAffected: { en: 'California residents affected', zh: '受影响的加州居民人数' },
  stateResidentsAffected: { en: 'Residents of other US states affected', zh: '受影响的美国其他州居民人数' },
  nyDfsCovered: { en: 'NYDFS covered entity (23 NYCRR 500)', zh: '纽约州金融服务局监管主体（23 NYCRR 500）' },
  recordsAffected: { en: 'Records affected', zh: '受影响记录数' },
  jurisdictions: { en: 'Jurisdictions', zh: '涉及法域' },
  ciiOperator: { en: 'CII operator', zh: '关键信息基础设施运营者' },
  directLossRmb: { en: 'Direct loss (RMB)', zh: '直接经济损失（元）' },
  gdprRisk: { en: 'GDPR risk', zh: 'GDPR 风险等级' },
  gdprRiskReason: { en: 'Why the risk is not high', zh: '风险并非高风险的理由' },
  gdpr34Exception: { en: 'GDPR Art. 34 exception', zh: 'GDPR 第34条例外' },
  gdpr34ExceptionReason: { en: 'Why the exception applies', zh: '例外理由' },
  harmAssessment: { en: 'Harm assessment', zh: '危害评估' },
  measuresTaken: { en: 'Measures taken', zh: '已采取的措施' },
  measuresPlanned: { en: 'Measures planned', zh: '拟采取的措施' },
  adviceToIndividuals: { en: 'Advice to individuals', zh: '给个人的建议' },
  remediesOffered: { en: 'Remedies offered', zh: '补救措施' },
  harmAvoided: { en: 'Harm effectively avoided', zh: '已有效避免危害' },
  harmAvoidedReason: { en: 'Why harm was avoided', zh: '避免危害的理由' },
  owner: { en: 'Owner', zh: '负责人' },
};

/** The obligations an incident can carry, by key: the forms, timelines and audit log name them so. */
export const INCIDENT_OBLIGATION_LABELS: Record<string, LocalizedText> = {
  'pipl57.authority': { en: 'Notify the PI protection authority', zh: '通知个人信息保护职责部门' },
  'pipl57.individuals': { en: 'Notify the individuals', zh: '通知个人' },
  'cac.report': { en: 'Report to the cyberspace administration', zh: '向网信部门报告' },
  'cac.supplement': { en: 'Supplement the first CAC report', zh: '补报网络安全事件报告' },
  'cac.summary': { en: 'CAC summary report', zh: '网信部门总结报告' },
  'minors.authority': { en: 'Report the minors’ PI incident', zh: '报告未成年人个人信息事件' },
  'minors.guardians': { en: 'Inform minors and their guardians', zh: '告知未成年人及其监护人' },
  'gdpr33.authority': { en: 'GDPR notice to the supervisory authority', zh: 'GDPR 向监管机构通知' },
  'gdpr34.individuals': { en: 'GDPR communication to data subjects', zh: 'GDPR 告知数据主体' },
  'ca.residents': { en: 'Notice of Data Breach to California residents', zh: '向加州居民发送数据泄露通知' },
  'ca.ag': { en: 'Sample notice to the California Attorney General', zh: '向加州总检察长提交通知样本' },
  'uk.ico': { en: 'UK GDPR notice to the ICO', zh: '向英国信息专员办公室通知' },
  'ny.residents': { en: 'Notice to New York residents', zh: '通知纽约州居民' },
  'ny.regulators': { en: 'Notice to the NY Attorney General, Department of State and State Police', zh: '通知纽约州总检察长、州务院和州警察局' },
  'ny.dfs': { en: 'Notice to the NY Department of Financial Services', zh: '通知纽约州金融服务局' },
  'tx.residents': { en: 'Notice to Texas residents', zh: '通知得克萨斯州居民' },
  'tx.ag': { en: 'Notice to the Texas Attorney General', zh: '通知得州总检察长' },
  'co.residents': { en: 'Notice to Colorado residents', zh: '通知科罗拉多州居民' },
  'co.ag': { en: 'Notice to the Colorado Attorney General', zh: '通知科罗拉多州总检察长' },
  'wa.residents': { en: 'Notice to Washington residents', zh: '通知华盛顿州居民' },
  'wa.ag': { en: 'Notice to the Washington Attorney General', zh: '通知华盛顿州总检察长' },
  'fl.residents': { en: 'Notice to Florida residents', zh: '通知佛罗里达州居民' },
  'fl.dla': { en: 'Notice to the Florida Department of Legal Affairs', zh: '通知佛州法律事务部' },
};

export const CreateIncident = IncidentFactFields.partial()
  .required({ title: true, discoveredAt: true, individualsAffected: true, jurisdictions: true })
  .strict();
export type CreateIncident = z.input<typeof CreateIncident>;

export const UpdateIncident = z
  .object({
    id: Id,
    facts: IncidentFactFields.partial().strict(),
    /** The version the DPO edited; a newer one on disk → CONFLICT instead of overwriting. */
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict();

export const IncidentSort = z.enum(['discovered', 'nextDue']);

export const ListIncidents = z
  .object({
    state: IncidentState.optional(),
    /** Open = every state but closed. */
    openOnly: z.boolean().optional(),
    grade: CacGrade.optional(),
    jurisdiction: Jurisdiction.optional(),
    hasOverdue: z.boolean().optional(),
    /** Discovered at or after / before these instants (a quarter of the overview). */
    discoveredFrom: IsoInstant.optional(),
    discoveredBefore: IsoInstant.optional(),
    sort: IncidentSort.default('discovered'),
    search: z.string().trim().max(200).optional(),
    showVoided: ShowVoided,
    cursor: Cursor,
    limit: PageLimit,
  })
  .strict();

export const TransitionIncident = z
  .object({
    id: Id,
    to: IncidentState,
    /** Required to reopen a closed incident or to step back. */
    reason: z.string().trim().max(2000).optional(),
    /** When it happened (defaults to now); also fills containedAt / handlingEndedAt if empty. */
    at: IsoInstant.optional(),
    /** Closing with obligations still pending needs this. */
    confirmPendingObligations: z.boolean().optional(),
  })
  .strict();

export const AddIncidentNote = z
  .object({ id: Id, text: z.string().trim().min(1, 'Required').max(10_000), at: IsoInstant.optional() })
  .strict();

export const MarkObligation = z.discriminatedUnion('state', [
  z
    .object({
      id: Id,
      key: z.string().min(1).max(64),
      state: z.literal('done'),
      doneAt: IsoInstant,
      /** The regulator's receipt number, the batch id of the sending, ... */
      reference: z.string().trim().max(200).default(''),
      note: z.string().trim().max(2000).default(''),
      /** GDPR Art. 33(1): a notice after 72 hours gives the reasons for the delay. */
      lateReason: z.string().trim().max(4000).default(''),
      /** CAC report only: a first report with items (1) and (2), the rest to be supplemented (CAC Measures Art. 7(2)). */
      firstReport: z.boolean().default(false),
    })
    .strict(),
  z
    .object({ id: Id, key: z.string().min(1).max(64), state: z.literal('pending'), reason: z.string().trim().min(1, 'Required').max(2000) })
    .strict(),
]);

/** A follow-up report to the cyberspace administration when new important facts arise (CAC Measures Art. 7). */
export const RecordFollowUp = z
  .object({ id: Id, at: IsoInstant, reference: z.string().trim().max(200).default(''), note: z.string().trim().min(1, 'Required').max(2000) })
  .strict();

export const OverrideObligation = z
  .object({
    id: Id,
    key: z.string().min(1).max(64),
    /** true/false replaces the computed presence; null returns to the computed result. */
    required: z.boolean().nullable(),
    reason: z.string().trim().min(1, 'Required').max(2000),
  })
  .strict();

export const OverrideGrade = z
  .object({ id: Id, grade: CacGrade.nullable(), reason: z.string().trim().min(1, 'Required').max(2000) })
  .strict();

const Override = z.object({ reason: z.string(), at: z.string(), by: z.string() });

/** toAssess: whether it applies depends on a question the DPO has not answered yet (e.g. is the risk high?). */
export const ObligationState = z.enum(['pending', 'waiting', 'toAssess', 'done', 'notRequired']);
export type ObligationState = z.infer<typeof ObligationState>;

export const IncidentObligation = z.object({
  key: z.string(),
  ruleKey: z.string(),
  label: LocalizedText,
  rule: LocalizedText,
  basis: LocalizedText,
  /** Why it applies (or not), in the DPO's words. */
  explanation: LocalizedText,
  /** pending: clock running; waiting: applies but its clock has not started; toAssess; done; notRequired. */
  state: ObligationState,
  /** For toAssess: the question to answer, and the fact that records the answer. */
  question: z.object({ text: LocalizedText, fact: z.string() }).nullable(),
  computedRequired: z.boolean(),
  required: z.boolean(),
  override: Override.extend({ required: z.boolean() }).nullable(),
  startAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  deadlineState: DeadlineState.nullable(),
  /** The engine's deadline (why this date), when a clock runs or ran. */
  deadline: Deadline.nullable(),
  done: z
    .object({ at: z.string(), reference: z.string(), note: z.string(), lateReason: z.string(), by: z.string(), via: z.string() })
    .nullable(),
  /** Where a reference number is expected when marking done (reports to an authority). */
  referenceExpected: z.boolean(),
  /** CAC report: the first report / supplement / follow-up sequence, in order. */
  reports: z.array(z.object({ kind: z.enum(['first', 'complete', 'supplement', 'followUp']), at: z.string(), reference: z.string(), note: z.string() })).nullable(),
});
export type IncidentObligation = z.infer<typeof IncidentObligation>;

export const TimelineKind = z.enum(['created', 'state', 'facts', 'obligation', 'override', 'note', 'notice']);
export const TimelineEntry = z.object({
  id: z.number().int(),
  /** When it happened (a note's own time) */
  at: z.string(),
  recordedAt: z.string(),
  actor: z.string(),
  kind: TimelineKind,
  /** What happened as data (incidentTimeline.<action>, preload/contract/incident-timeline.ts); null on an older entry kept as its stored sentence. */
  action: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).nullable(),
  /** What happened, in both languages: the data in words (a note carries the DPO's own words in both), else the stored sentence. */
  text: LocalizedText,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const RuleFinding = z.object({ rule: LocalizedText, basis: LocalizedText, explanation: LocalizedText });

export const Incident = z.object({
  id: z.string(),
  ref: z.string(),
  state: IncidentState,
  version: z.number().int(),
  facts: IncidentFactFields,
  ciiOperator: z.object({ effective: z.boolean(), fromSettings: z.boolean() }),
  grade: RuleFinding.extend({
    computed: CacGrade,
    value: CacGrade,
    override: Override.extend({ grade: CacGrade }).nullable(),
    cacReportRequired: z.boolean(),
    /** The bands applied, each threshold with where it comes from (official annex or commentary); edited on Settings → Rules. */
    bands: z.array(z.object({ grade: CacGrade, people: z.number(), peopleSource: z.enum(['official', 'commentary']), lossRmb: z.number(), lossSource: z.enum(['official', 'commentary']) })),
    ruleKey: z.string(),
  }),
  auditOrderFlag: RuleFinding.extend({ flagged: z.boolean() }),
  obligations: z.array(IncidentObligation),
  timeline: z.array(TimelineEntry),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Voided as created by mistake: kept and audited, out of counts and clocks. */
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type Incident = z.infer<typeof Incident>;

export const IncidentListItem = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  state: IncidentState,
  grade: CacGrade,
  discoveredAt: z.string(),
  individualsAffected: z.number(),
  jurisdictions: z.array(Jurisdiction),
  /** The earliest open clock, "immediately" duties included (then nextDueImmediate is true). */
  nextDueAt: z.string().nullable(),
  nextDueImmediate: z.boolean(),
  hasOverdue: z.boolean(),
  /** Set only on a voided incident listed with "Show voided". */
  voided: VoidMark.nullable(),
});
export type IncidentListItem = z.infer<typeof IncidentListItem>;

export const incidentsChannels = {
  'incidents.create': { input: CreateIncident, output: Incident },
  'incidents.update': { input: UpdateIncident, output: Incident },
  'incidents.get': { input: z.object({ id: Id }).strict(), output: Incident },
  /** `total` counts up to 1,000 matches; `totalCapped` says there are more. */
  'incidents.list': { input: ListIncidents, output: pageOf(IncidentListItem).extend({ totalCapped: z.boolean() }) },
  'incidents.transition': { input: TransitionIncident, output: Incident },
  'incidents.addNote': { input: AddIncidentNote, output: Incident },
  'incidents.markObligation': { input: MarkObligation, output: Incident },
  'incidents.overrideObligation': { input: OverrideObligation, output: Incident },
  'incidents.overrideGrade': { input: OverrideGrade, output: Incident },
  'incidents.recordFollowUp': { input: RecordFollowUp, output: Incident },
} as const;
