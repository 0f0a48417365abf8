import { textIn } from '../../preload/contract/common';
import type { LocalizedText } from '../../preload/contract/common';
import { formatCount as n } from '../rules/format';
import { must, num, periodText, type RuleAt, type RulesAt } from '../rules/resolve';
import { GRADE_NAMES, GRADE_ORDER, US_STATES, type CacGrade, type IncidentFacts, type Localized, type ObligationPlan, type UsState } from './model';

// Pure rules of the incident register (RULES.md §§2, 7): no I/O, no clock. Every number comes
// from the rule catalogue version in force at discovery (`rules`), and each result carries the
// rule and the legal basis that produced it.

export interface Finding {
  rule: Localized;
  basis: Localized;
  explanation: Localized;
}

export type GradeFacts = Pick<IncidentFacts, 'individualsAffected' | 'individualsEstimated' | 'directLossRmb'>;

export interface Band {
  grade: CacGrade;
  people: number;
  peopleSource: 'official' | 'commentary';
  lossRmb: number;
  lossSource: 'official' | 'commentary';
}

const SOURCE: Record<Band['peopleSource'], Localized> = {
  official: { en: 'official text', zh: '正式文本' },
  commentary: { en: 'commentary', zh: '解读' },
};

export const bandsOf = (rule: RuleAt): Band[] => rule.params.bands as unknown as Band[];

/**
 * CAC grade: the highest grade whose people or loss bound is reached (Civil Code Art. 1259:
 * "以上" includes the number). The bands say where each threshold comes from.
 */
export function gradeIncident(f: GradeFacts, rule: RuleAt): Finding & { grade: CacGrade; bands: Band[] } {
  const bands = bandsOf(rule);
  const estimate: Localized = f.individualsEstimated
    ? { en: ' The count is an estimate: re-grade when it is firm.', zh: '人数为估计值，确定后请重新定级。' }
    : { en: '', zh: '' };
  const base = { rule: rule.name, basis: rule.basis, bands };
  for (const t of bands) {
    const byPeople = f.individualsAffected >= t.people;
    const byLoss = f.directLossRmb >= t.lossRmb;
    if (!byPeople && !byLoss) continue;
    const name = GRADE_NAMES[t.grade];
    const src = SOURCE[byPeople ? t.peopleSource : t.lossSource];
    const en = byPeople
      ? `${n(f.individualsAffected)} people affected (≥ ${n(t.people)}, ${src.en})`
      : `direct loss RMB ${n(f.directLossRmb)} (≥ RMB ${n(t.lossRmb)}, ${src.en})`;
    const zh = byPeople
      ? `受影响 ${n(f.individualsAffected)} 人（${n(t.people)} 人以上，${src.zh}）`
      : `直接经济损失 ${n(f.directLossRmb)} 元（${n(t.lossRmb)} 元以上，${src.zh}）`;
    return { ...base, grade: t.grade, explanation: { en: `${en} → ${name.en}.${estimate.en}`, zh: `${zh} → ${name.zh}。${estimate.zh}` } };
  }
  const lowest = bands[bands.length - 1];
  return {
    ...base,
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
  rule: RuleAt,
): Finding & { flagged: boolean } {
  const people = num(rule, 'people');
  const sensitiveAt = num(rule, 'sensitivePeople');
  const sensitive = sensitivePeople(f);
  const byPeople = f.individualsAffected >= people;
  const bySensitive = sensitive >= sensitiveAt;
  const explanation: Localized = byPeople
    ? { en: `${n(f.individualsAffected)} people (≥ ${n(people)}): the regulator may order an external compliance audit.`, zh: `涉及 ${n(f.individualsAffected)} 人（${n(people)}人以上）：监管部门可能要求开展外部合规审计。` }
    : bySensitive
      ? { en: `${n(sensitive)} people’s sensitive PI (≥ ${n(sensitiveAt)}): the regulator may order an external compliance audit.`, zh: `涉及 ${n(sensitive)} 人的敏感个人信息（${n(sensitiveAt)}人以上）：监管部门可能要求开展外部合规审计。` }
      : { en: `${n(f.individualsAffected)} people, ${n(sensitive)} with sensitive PI: below both audit-order thresholds.`, zh: `涉及 ${n(f.individualsAffected)} 人，其中敏感个人信息 ${n(sensitive)} 人：未达审计阈值。` };
  return { rule: rule.name, basis: rule.basis, flagged: byPeople || bySensitive, explanation };
}

/** GDPR Art. 33(1): a notice given later than the period after awareness must give reasons for the delay. */
export function gdprLateReasonRequired(awareAt: string, notifiedAt: string, rule: RuleAt): boolean {
  const p = rule.params.period as { kind: string; hours?: number };
  return p.kind === 'hours' && Date.parse(notifiedAt) - Date.parse(awareAt) > (p.hours ?? 0) * 3_600_000;
}

export interface ObligationContext {
  facts: IncidentFacts;
  /** The grade in force (the DPO's override if any). */
  grade: CacGrade;
  ciiOperator: boolean;
  /** When the California resident notice was given: starts the Attorney General clock. */
  caResidentsNotifiedAt: string | null;
  /** The CAC report was a first report (items (1) and (2) only): the rest is to be supplemented. */
  cacFirstReportAt: string | null;
  /** The catalogue versions in force at discovery. */
  rules: RulesAt;
}

const why = (en: string, zh: string): Localized => ({ en, zh });

/** People of a US state: its stated number, else everyone affected (the state is listed). */
const residentsOf = (f: IncidentFacts, state: UsState): number => f.stateResidentsAffected?.[state] ?? f.individualsAffected;

/** A rule's threshold on residents: "more than" or "at least", whichever the version holds. */
function threshold(rule: RuleAt, residents: number): { met: boolean; text: LocalizedText } {
  if (typeof rule.params.moreThanResidents === 'number') {
    const limit = rule.params.moreThanResidents;
    return { met: residents > limit, text: { en: `more than ${n(limit)}`, zh: `超过${n(limit)}名` } };
  }
  const limit = (rule.params.atLeastResidents as number | undefined) ?? 1;
  return { met: residents >= limit, text: { en: `at least ${n(limit)}`, zh: `${n(limit)}名以上` } };
}

/** Every obligation an incident can carry: whether it applies, its clock's start, and why. */
export function computeObligations(ctx: ObligationContext): ObligationPlan[] {
  const f = ctx.facts;
  const found = f.discoveredAt;
  const rules = ctx.rules;
  const out: ObligationPlan[] = [];
  const push = (p: Omit<ObligationPlan, 'rule' | 'basis'>) => {
    const r = must(rules, p.ruleKey);
    out.push({ ...p, rule: r.name, basis: r.basis });
  };
  const eu = f.jurisdictions.includes('EU');
  const uk = f.jurisdictions.includes('UK');
  const ca = f.jurisdictions.includes('US-CA');
  const cacNeeded = cacReportRequired(ctx.grade);
  const gradeName = GRADE_NAMES[ctx.grade];
  const caPeople = f.californiaResidentsAffected ?? f.individualsAffected;

  // PIPL Art. 57: no exception for the authority; PIPL applies to processing in China (Art. 3) whoever the people are.
  push({ key: 'pipl57.authority', ruleKey: 'pipl57.authority', required: true, start: found,
    explanation: why('PI was or may have been leaked, tampered with or lost: notify the authority immediately. There is no exception for the authority.',
      '个人信息已经或者可能泄露、篡改、丢失：应当立即通知履行个人信息保护职责的部门，对部门的通知没有例外。') });

  push({ key: 'pipl57.individuals', ruleKey: 'pipl57.individuals', required: !f.harmAvoided, start: found,
    explanation: f.harmAvoided
      ? why(`Measures effectively avoided harm ("${textIn(f.harmAvoidedReason, 'en').text}"): individuals need not be told, but the authority may still order it.`,
        `采取措施能够有效避免危害（“${textIn(f.harmAvoidedReason, 'zh-CN').text}”）：可以不通知个人，但职责部门认为可能造成危害的，有权要求通知。`)
      : why('Harm has not been shown to be effectively avoided: tell the individuals what happened, the harm, the measures and what they can do.',
        '未能证明已有效避免危害：应通知个人事件情况、可能的危害、补救措施及个人可采取的措施。') });

  const reportKey = ctx.ciiOperator ? 'cac.report.cii.1h' : 'cac.report.4h';
  const within = periodText(must(rules, reportKey));
  push({ key: 'cac.report', ruleKey: reportKey, required: cacNeeded, start: found,
    explanation: !cacNeeded
      ? why(`Grade ${gradeName.en}: reporting is required from relatively major upward.`, `定级为${gradeName.zh}：较大及以上事件才须报告。`)
      : ctx.ciiOperator
        ? why(`Grade ${gradeName.en}, critical information infrastructure operator: report to the protection department and the public security organ within ${within.en} of discovery. Where the cause or impact cannot yet be determined, items (1) and (2) may go first.`,
          `定级为${gradeName.zh}，关键信息基础设施运营者：发现后${within.zh}内向保护工作部门和公安机关报告；原因或影响暂无法确定的，可先报告第（一）（二）项。`)
        : why(`Grade ${gradeName.en}: report to the provincial cyberspace administration where the company is based within ${within.en} of discovery. Where the cause or impact cannot yet be determined, items (1) and (2) may go first.`,
          `定级为${gradeName.zh}：发现后${within.zh}内向所在地省级网信部门报告；原因或影响暂无法确定的，可先报告第（一）（二）项。`) });

  // CAC Measures Art. 7(2): after a first report with items (1) and (2), the rest is supplemented promptly.
  push({ key: 'cac.supplement', ruleKey: 'cac.supplement', required: cacNeeded && ctx.cacFirstReportAt !== null, start: cacNeeded ? ctx.cacFirstReportAt : null,
    explanation: ctx.cacFirstReportAt
      ? why('A first report with items (1) and (2) was made: supplement the rest of the report promptly.', '已先行报告第（一）（二）项：应及时补报其余内容。')
      : why('Needed only after a first report that carried items (1) and (2) alone.', '仅在先行报告第（一）（二）项后才需补报。') });

  const summary = periodText(must(rules, 'cac.summary.30d'));
  push({ key: 'cac.summary', ruleKey: 'cac.summary.30d', required: cacNeeded, start: cacNeeded ? f.handlingEndedAt : null,
    explanation: !cacNeeded
      ? why(`Grade ${gradeName.en}: no CAC report, so no summary report.`, `定级为${gradeName.zh}：无须报告，因此无须总结报告。`)
      : f.handlingEndedAt
        ? why(`Handling has ended: the summary report (cause, response, harm, accountability, remediation, lessons) is due within ${summary.en}.`, `处置已结束：应在${summary.zh}内提交总结报告（原因、处置、危害、责任、整改、教训）。`)
        : why(`The ${summary.en} clock starts when handling ends (record it, or move the incident to monitoring).`, `${summary.zh}期限自处置结束时起算（请记录处置结束时间，或将事件转入监测阶段）。`) });

  for (const key of ['minors.authority', 'minors.guardians'] as const) {
    push({ key, ruleKey: 'minors.report', required: f.minorsInvolved, start: found,
      explanation: f.minorsInvolved
        ? key === 'minors.authority'
          ? why('Minors’ PI is involved: report to the cyberspace administration.', '涉及未成年人个人信息：应向网信部门报告。')
          : why('Minors’ PI is involved: inform the minors and their guardians (e-mail, letter, phone or push; a public warning where individual notice is impractical).',
            '涉及未成年人个人信息：应以邮件、信函、电话、推送等方式告知未成年人及其监护人，难以逐一告知的发布警示信息。')
        : why('No minors’ PI is recorded as involved.', '未记录涉及未成年人个人信息。') });
  }

  for (const [region, key, ruleKey, authority] of [
    [eu, 'gdpr33.authority', 'gdpr33.authority.72h', { en: 'EU', zh: '欧盟' }],
    [uk, 'uk.ico', 'uk.ico', { en: 'UK', zh: '英国' }],
  ] as const) {
    const hours = periodText(must(rules, ruleKey));
    const needed = region && f.gdprRisk !== 'none';
    push({ key, ruleKey, required: needed, start: found,
      explanation: !region
        ? why(`No people in the ${authority.en} are affected.`, `未涉及${authority.zh}境内的个人。`)
        : f.gdprRisk === 'none'
          ? why('Assessed as unlikely to result in a risk: no notice, but document the breach (Art. 33(5)).', '评估为不太可能产生风险：无须通知，但应记录该事件（第33条第5款）。')
          : f.gdprRisk === null
            ? why(`${authority.en} people affected and the risk is not yet assessed: the notice is due unless the breach is unlikely to result in a risk.`, `涉及${authority.zh}个人且尚未评估风险：除非不太可能产生风险，否则须通知。`)
            : why(`${authority.en} people affected and the breach may result in a risk: notify within ${hours.en} of awareness; a later notice gives reasons for the delay.`, `涉及${authority.zh}个人且可能产生风险：知悉后${hours.zh}内通知，逾期须说明理由。`) });
  }

  const exception = f.gdpr34Exception;
  const gdpr34Needed = eu && f.gdprRisk === 'high' && exception !== 'unintelligible' && exception !== 'riskRemoved';
  // Issue 13 (5): until the risk is assessed, Art. 34 is "to be assessed" with its question, not
  // "not required"; "not required" is said only with the DPO's recorded reason.
  const riskReason = f.gdprRiskReason.trim() ? ` ("${f.gdprRiskReason.trim()}")` : '';
  push({ key: 'gdpr34.individuals', ruleKey: 'gdpr34.individuals', required: gdpr34Needed, start: found,
    ...(eu && f.gdprRisk === null
      ? { question: { text: why('Is the breach likely to result in a high risk to people’s rights and freedoms? Record the GDPR risk (and, if not high, why).', '该泄露是否可能对个人的权利和自由造成高风险？请记录 GDPR 风险等级（如非高风险，请说明理由）。'), fact: 'gdprRisk' as const } }
      : {}),
    explanation: !eu
      ? why('Not required: no people in the EU are affected (Jurisdictions).', '无须履行：未涉及欧盟境内的个人（涉及法域）。')
      : f.gdprRisk === null
        ? why('To be assessed: if the risk to people is high, they must be told without undue delay (Art. 34(1)).', '待评估：如对个人有高风险，须毫不迟延地告知（第34条第1款）。')
        : f.gdprRisk !== 'high'
          ? why(`Not required: the DPO assessed the risk as ${f.gdprRisk === 'none' ? 'unlikely to result in a risk' : 'a risk, but not high'}${riskReason}.`, `无须履行：DPO 评估为${f.gdprRisk === 'none' ? '不太可能产生风险' : '有风险但非高风险'}${riskReason ? `（“${f.gdprRiskReason.trim()}”）` : ''}。`)
          : exception === 'unintelligible'
            ? why('Not required: exception recorded — the data was unintelligible to others (e.g. encrypted), Art. 34(3)(a).', '无须履行：已记录例外——数据对他人不可读（如已加密），第34条第3款(a)项。')
            : exception === 'riskRemoved'
              ? why('Not required: exception recorded — later measures removed the high risk, Art. 34(3)(b).', '无须履行：已记录例外——后续措施已消除高风险，第34条第3款(b)项。')
              : exception === 'disproportionate'
                ? why('High risk; individual notice would take disproportionate effort: communicate publicly instead — Art. 34(3)(c).', '高风险；逐一告知需付出不成比例的努力：改为公开告知——第34条第3款(c)项。')
                : why('High risk to people in the EU: tell them without undue delay in clear and plain language.', '对欧盟个人有高风险：应以清晰平实的语言毫不迟延地告知。') });

  const caWithin = periodText(must(rules, 'ca.residents.30d'));
  push({ key: 'ca.residents', ruleKey: 'ca.residents.30d', required: ca && caPeople > 0, start: found,
    explanation: !ca
      ? why('No California residents are affected.', '未涉及加州居民。')
      : caPeople > 0
        ? why(`${n(caPeople)} California residents affected: send the "Notice of Data Breach" ${caWithin.en === 'immediately' ? 'in the most expedient time possible' : `within ${caWithin.en} of discovery`}.`, `涉及 ${n(caPeople)} 名加州居民：${caWithin.en === 'immediately' ? '以最快的时间' : `发现后${caWithin.zh}内`}发送“数据泄露通知”。`)
        : why('No California residents are counted as affected.', '受影响的加州居民人数为零。') });

  const agRule = must(rules, 'ca.ag.15d');
  const ag = threshold(agRule, caPeople);
  const agNeeded = ca && ag.met;
  const agWithin = periodText(agRule);
  push({ key: 'ca.ag', ruleKey: 'ca.ag.15d', required: agNeeded, start: agNeeded ? ctx.caResidentsNotifiedAt : null,
    explanation: !agNeeded
      ? why(`${ca ? n(caPeople) : 'No'} California residents: the Attorney General sample is needed only for ${ag.text.en}.`, `加州居民 ${ca ? n(caPeople) : 0} 名：${ag.text.zh}才须向总检察长提交样本。`)
      : ctx.caResidentsNotifiedAt
        ? why(`${n(caPeople)} California residents (${ag.text.en}): the sample is due within ${agWithin.en} of the resident notice.`, `加州居民 ${n(caPeople)} 名（${ag.text.zh}）：居民通知后${agWithin.zh}内提交样本。`)
        : why(`${n(caPeople)} California residents (${ag.text.en}): the ${agWithin.en} clock starts when the resident notice is sent.`, `加州居民 ${n(caPeople)} 名（${ag.text.zh}）：${agWithin.zh}期限自居民通知发出时起算。`) });

  for (const state of US_STATES) {
    const listed = f.jurisdictions.includes(state.code);
    const people = listed ? residentsOf(f, state.code) : 0;
    const residentsRule = must(rules, state.residents);
    const within = periodText(residentsRule);
    push({ key: state.residents, ruleKey: state.residents, required: listed && people > 0, start: found,
      explanation: !listed
        ? why(`No ${state.name.en} residents are affected.`, `未涉及${state.name.zh}居民。`)
        : people > 0
          ? why(`${n(people)} ${state.name.en} residents affected: notify them within ${within.en} of discovery.`, `涉及 ${n(people)} 名${state.name.zh}居民：发现后${within.zh}内通知。`)
          : why(`No ${state.name.en} residents are counted as affected.`, `受影响的${state.name.zh}居民人数为零。`) });
    for (const reg of state.regulators) {
      const r = must(rules, reg.ruleKey);
      const regWithin = periodText(r);
      if (reg.dfs) {
        push({ key: reg.ruleKey, ruleKey: reg.ruleKey, required: listed && f.nyDfsCovered, start: found,
          explanation: listed && f.nyDfsCovered
            ? why(`A covered entity under 23 NYCRR Part 500: notify the Department of Financial Services within ${regWithin.en}.`, `属于23 NYCRR第500部分的受监管主体：${regWithin.zh}内通知纽约州金融服务局。`)
            : why('Only for a covered entity under the NYDFS Cybersecurity Regulation.', '仅适用于纽约州金融服务局网络安全条例下的受监管主体。') });
        continue;
      }
      const t = threshold(r, people);
      const needed = listed && people > 0 && t.met;
      push({ key: reg.ruleKey, ruleKey: reg.ruleKey, required: needed, start: found,
        explanation: needed
          ? why(`${n(people)} ${state.name.en} residents (${t.text.en}): notify ${reg.name.en} within ${regWithin.en}.`, `${state.name.zh}居民 ${n(people)} 名（${t.text.zh}）：${regWithin.zh}内通知${reg.name.zh}。`)
          : why(`${listed ? n(people) : 'No'} ${state.name.en} residents: ${reg.name.en} is notified only for ${t.text.en}.`, `${state.name.zh}居民 ${listed ? n(people) : 0} 名：${t.text.zh}才须通知${reg.name.zh}。`) });
    }
  }
  return out;
}
