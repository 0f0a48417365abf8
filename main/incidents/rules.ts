import * as B from './basis';
import {
  AUDIT_ORDER_PEOPLE,
  AUDIT_ORDER_SENSITIVE_PEOPLE,
  CA_AG_MORE_THAN,
  CAC_GRADE_THRESHOLDS,
  GDPR33_HOURS,
  GRADE_NAMES,
  GRADE_ORDER,
  type CacGrade,
  type IncidentFacts,
  type Localized,
  type ObligationPlan,
} from './model';

// Pure rules of the incident register (RULES.md §2): no I/O, no clock. Each result carries the
// rule and the legal basis that produced it.

export interface Finding extends B.RuleText {
  explanation: Localized;
}

const n = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export type GradeFacts = Pick<IncidentFacts, 'individualsAffected' | 'individualsEstimated' | 'directLossRmb'>;

/** CAC grade: the highest grade whose people or loss bound is reached (Civil Code Art. 1259: "以上" includes the number). */
export function gradeIncident(f: GradeFacts): Finding & { grade: CacGrade } {
  const estimate: Localized = f.individualsEstimated
    ? { en: ' The count is an estimate: re-grade when it is firm.', zh: '人数为估计值，确定后请重新定级。' }
    : { en: '', zh: '' };
  for (const t of CAC_GRADE_THRESHOLDS) {
    const byPeople = f.individualsAffected >= t.people;
    const byLoss = f.directLossRmb >= t.lossRmb;
    if (!byPeople && !byLoss) continue;
    const name = GRADE_NAMES[t.grade];
    const en = byPeople
      ? `${n(f.individualsAffected)} people affected (≥ ${n(t.people)})`
      : `direct loss RMB ${n(f.directLossRmb)} (≥ RMB ${n(t.lossRmb)})`;
    const zh = byPeople
      ? `受影响 ${n(f.individualsAffected)} 人（${n(t.people)} 人以上）`
      : `直接经济损失 ${n(f.directLossRmb)} 元（${n(t.lossRmb)} 元以上）`;
    return {
      ...B.CAC_GRADE,
      grade: t.grade,
      explanation: { en: `${en} → ${name.en}.${estimate.en}`, zh: `${zh} → ${name.zh}。${estimate.zh}` },
    };
  }
  const lowest = CAC_GRADE_THRESHOLDS[CAC_GRADE_THRESHOLDS.length - 1];
  return {
    ...B.CAC_GRADE,
    grade: 'general',
    explanation: {
      en: `${n(f.individualsAffected)} people (< ${n(lowest.people)}) and loss RMB ${n(f.directLossRmb)} (< RMB ${n(lowest.lossRmb)}) → General.${estimate.en}`,
      zh: `受影响 ${n(f.individualsAffected)} 人（不满 ${n(lowest.people)} 人），直接经济损失 ${n(f.directLossRmb)} 元（不满 ${n(lowest.lossRmb)} 元）→ 一般。${estimate.zh}`,
    },
  };
}

/** Reporting is required from "relatively major" upward. */
export const cacReportRequired = (grade: CacGrade): boolean => GRADE_ORDER.indexOf(grade) >= GRADE_ORDER.indexOf('relativelyMajor');

/** People whose sensitive PI is involved: the stated number, else everyone when sensitive categories are listed. */
export function sensitivePeople(f: Pick<IncidentFacts, 'sensitivePiCategories' | 'sensitiveIndividualsAffected' | 'individualsAffected'>): number {
  if (f.sensitiveIndividualsAffected !== null) return f.sensitiveIndividualsAffected;
  return f.sensitivePiCategories.length > 0 ? f.individualsAffected : 0;
}

export function auditOrderFlag(
  f: Pick<IncidentFacts, 'individualsAffected' | 'sensitivePiCategories' | 'sensitiveIndividualsAffected'>,
): Finding & { flagged: boolean } {
  const sensitive = sensitivePeople(f);
  const byPeople = f.individualsAffected >= AUDIT_ORDER_PEOPLE;
  const bySensitive = sensitive >= AUDIT_ORDER_SENSITIVE_PEOPLE;
  const explanation: Localized = byPeople
    ? { en: `${n(f.individualsAffected)} people (≥ 1,000,000): the regulator may order an external compliance audit.`, zh: `涉及 ${n(f.individualsAffected)} 人（100万人以上）：监管部门可能要求开展外部合规审计。` }
    : bySensitive
      ? { en: `${n(sensitive)} people’s sensitive PI (≥ 100,000): the regulator may order an external compliance audit.`, zh: `涉及 ${n(sensitive)} 人的敏感个人信息（10万人以上）：监管部门可能要求开展外部合规审计。` }
      : { en: `${n(f.individualsAffected)} people, ${n(sensitive)} with sensitive PI: below both audit-order thresholds.`, zh: `涉及 ${n(f.individualsAffected)} 人，其中敏感个人信息 ${n(sensitive)} 人：未达审计阈值。` };
  return { ...B.AUDIT_ORDER, flagged: byPeople || bySensitive, explanation };
}

/** GDPR Art. 33(1): a notice given more than 72 hours after awareness must give reasons for the delay. */
export function gdprLateReasonRequired(awareAt: string, notifiedAt: string): boolean {
  return Date.parse(notifiedAt) - Date.parse(awareAt) > GDPR33_HOURS * 3_600_000;
}

export interface ObligationContext {
  facts: IncidentFacts;
  /** The grade in force (the DPO's override if any). */
  grade: CacGrade;
  ciiOperator: boolean;
  /** When the California resident notice was given: starts the Attorney General clock. */
  caResidentsNotifiedAt: string | null;
}

const plan = (p: Omit<ObligationPlan, 'rule' | 'basis'>, text: B.RuleText): ObligationPlan => ({ ...p, ...text });
const why = (en: string, zh: string): Localized => ({ en, zh });

/** Every obligation an incident can carry: whether it applies, its clock's start, and why. */
export function computeObligations(ctx: ObligationContext): ObligationPlan[] {
  const f = ctx.facts;
  const found = f.discoveredAt;
  const eu = f.jurisdictions.includes('EU');
  const ca = f.jurisdictions.includes('US-CA');
  const cacNeeded = cacReportRequired(ctx.grade);
  const gradeName = GRADE_NAMES[ctx.grade];
  const caPeople = f.californiaResidentsAffected ?? f.individualsAffected;
  const out: ObligationPlan[] = [];

  // PIPL Art. 57: no exception for the authority; PIPL applies to processing in China (Art. 3) whoever the people are.
  out.push(plan({ key: 'pipl57.authority', ruleKey: 'pipl57.authority', required: true, start: found,
    explanation: why('PI was or may have been leaked, tampered with or lost: notify the authority immediately. There is no exception for the authority.',
      '个人信息已经或者可能泄露、篡改、丢失：应当立即通知履行个人信息保护职责的部门，对部门的通知没有例外。') }, B.PIPL57_AUTHORITY));

  out.push(plan({ key: 'pipl57.individuals', ruleKey: 'pipl57.individuals', required: !f.harmAvoided, start: found,
    explanation: f.harmAvoided
      ? why(`Measures effectively avoided harm ("${f.harmAvoidedReason}"): individuals need not be told, but the authority may still order it.`,
        `采取措施能够有效避免危害（“${f.harmAvoidedReason}”）：可以不通知个人，但职责部门认为可能造成危害的，有权要求通知。`)
      : why('Harm has not been shown to be effectively avoided: tell the individuals what happened, the harm, the measures and what they can do.',
        '未能证明已有效避免危害：应通知个人事件情况、可能的危害、补救措施及个人可采取的措施。') }, B.PIPL57_INDIVIDUALS));

  const cacText = ctx.ciiOperator ? B.CAC_REPORT_CII : B.CAC_REPORT;
  out.push(plan({ key: 'cac.report', ruleKey: ctx.ciiOperator ? 'cac.report.cii.1h' : 'cac.report.4h', required: cacNeeded, start: found,
    explanation: !cacNeeded
      ? why(`Grade ${gradeName.en}: reporting is required from relatively major upward.`, `定级为${gradeName.zh}：较大及以上事件才须报告。`)
      : ctx.ciiOperator
        ? why(`Grade ${gradeName.en}, critical information infrastructure operator: report to the protection department and the public security organ within 1 hour of discovery.`,
          `定级为${gradeName.zh}，关键信息基础设施运营者：发现后1小时内向保护工作部门和公安机关报告。`)
        : why(`Grade ${gradeName.en}: report to the provincial cyberspace administration where the company is based within 4 hours of discovery.`,
          `定级为${gradeName.zh}：发现后4小时内向所在地省级网信部门报告。`) }, cacText));

  out.push(plan({ key: 'cac.summary', ruleKey: 'cac.summary.30d', required: cacNeeded, start: cacNeeded ? f.handlingEndedAt : null,
    explanation: !cacNeeded
      ? why(`Grade ${gradeName.en}: no CAC report, so no summary report.`, `定级为${gradeName.zh}：无须报告，因此无须总结报告。`)
      : f.handlingEndedAt
        ? why('Handling has ended: the summary report is due within 30 days.', '处置已结束：应在30日内提交总结报告。')
        : why('The 30-day clock starts when handling ends (record it, or move the incident to monitoring).', '30日期限自处置结束时起算（请记录处置结束时间，或将事件转入监测阶段）。') }, B.CAC_SUMMARY));

  for (const key of ['minors.authority', 'minors.guardians'] as const) {
    out.push(plan({ key, ruleKey: 'minors.report', required: f.minorsInvolved, start: found,
      explanation: f.minorsInvolved
        ? key === 'minors.authority'
          ? why('Minors’ PI is involved: report to the cyberspace administration.', '涉及未成年人个人信息：应向网信部门报告。')
          : why('Minors’ PI is involved: inform the minors and their guardians (e-mail, letter, phone or push; a public warning where individual notice is impractical).',
            '涉及未成年人个人信息：应以邮件、信函、电话、推送等方式告知未成年人及其监护人，难以逐一告知的发布警示信息。')
        : why('No minors’ PI is recorded as involved.', '未记录涉及未成年人个人信息。') }, B.MINORS));
  }

  const gdpr33Needed = eu && f.gdprRisk !== 'none';
  out.push(plan({ key: 'gdpr33.authority', ruleKey: 'gdpr33.authority.72h', required: gdpr33Needed, start: found,
    explanation: !eu
      ? why('No people in the EU are affected.', '未涉及欧盟境内的个人。')
      : f.gdprRisk === 'none'
        ? why('Assessed as unlikely to result in a risk: no notice, but document the breach (Art. 33(5)).', '评估为不太可能产生风险：无须通知，但应记录该事件（第33条第5款）。')
        : f.gdprRisk === null
          ? why('EU people affected and the risk is not yet assessed: the notice is due unless the breach is unlikely to result in a risk.', '涉及欧盟个人且尚未评估风险：除非不太可能产生风险，否则须通知。')
          : why('EU people affected and the breach may result in a risk: notify within 72 hours of awareness; a later notice gives reasons for the delay.', '涉及欧盟个人且可能产生风险：知悉后72小时内通知，逾期须说明理由。') }, B.GDPR33));

  const exception = f.gdpr34Exception;
  const gdpr34Needed = eu && f.gdprRisk === 'high' && exception !== 'unintelligible' && exception !== 'riskRemoved';
  out.push(plan({ key: 'gdpr34.individuals', ruleKey: 'gdpr34.individuals', required: gdpr34Needed, start: found,
    explanation: !eu
      ? why('No people in the EU are affected.', '未涉及欧盟境内的个人。')
      : f.gdprRisk !== 'high'
        ? why('The risk to people is not assessed as high.', '对个人的风险未被评估为高风险。')
        : exception === 'unintelligible'
          ? why('Exception recorded: the data was unintelligible to others (e.g. encrypted) — Art. 34(3)(a).', '已记录例外：数据对他人不可读（如已加密）——第34条第3款(a)项。')
          : exception === 'riskRemoved'
            ? why('Exception recorded: later measures removed the high risk — Art. 34(3)(b).', '已记录例外：后续措施已消除高风险——第34条第3款(b)项。')
            : exception === 'disproportionate'
              ? why('High risk; individual notice would take disproportionate effort: communicate publicly instead — Art. 34(3)(c).', '高风险；逐一告知需付出不成比例的努力：改为公开告知——第34条第3款(c)项。')
              : why('High risk to people in the EU: tell them without undue delay in clear and plain language.', '对欧盟个人有高风险：应以清晰平实的语言毫不迟延地告知。') }, B.GDPR34));

  out.push(plan({ key: 'ca.residents', ruleKey: 'ca.residents.30d', required: ca && caPeople > 0, start: found,
    explanation: !ca
      ? why('No California residents are affected.', '未涉及加州居民。')
      : caPeople > 0
        ? why(`${n(caPeople)} California residents affected: send the "Notice of Data Breach" within 30 calendar days of discovery.`, `涉及 ${n(caPeople)} 名加州居民：发现后30个日历日内发送“数据泄露通知”。`)
        : why('No California residents are counted as affected.', '受影响的加州居民人数为零。') }, B.CA_RESIDENTS));

  const agNeeded = ca && caPeople > CA_AG_MORE_THAN;
  out.push(plan({ key: 'ca.ag', ruleKey: 'ca.ag.15d', required: agNeeded, start: agNeeded ? ctx.caResidentsNotifiedAt : null,
    explanation: !agNeeded
      ? why(`${ca ? n(caPeople) : 'No'} California residents: the Attorney General sample is needed only for more than 500.`, `加州居民 ${ca ? n(caPeople) : 0} 名：超过500名才须向总检察长提交样本。`)
      : ctx.caResidentsNotifiedAt
        ? why(`${n(caPeople)} California residents (> 500): the sample is due within 15 days of the resident notice.`, `加州居民 ${n(caPeople)} 名（超过500名）：居民通知后15日内提交样本。`)
        : why(`${n(caPeople)} California residents (> 500): the 15-day clock starts when the resident notice is sent.`, `加州居民 ${n(caPeople)} 名（超过500名）：15日期限自居民通知发出时起算。`) }, B.CA_AG));

  return out;
}
