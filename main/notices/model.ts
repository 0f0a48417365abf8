import type { LocalizedText } from '../../preload/contract/common';
import type { LinkModule, NoticeCondition, NoticeKind } from '../../preload/contract/notices';

/** One legally required element of a notice: one section of the draft. */
export interface ElementSpec {
  key: string;
  label: LocalizedText;
  basis: LocalizedText;
  /** Required only when this condition is on (e.g. sensitive PI). */
  when?: NoticeCondition;
  /** Printed above the section when the kind uses headings (CA's statutory headings). */
  heading?: LocalizedText;
}

export interface KindSpec {
  kind: NoticeKind;
  label: LocalizedText;
  basis: LocalizedText;
  /** Whether sections print under their headings (reports and the CA notice do). */
  headings: boolean;
  elements: ElementSpec[];
}

export const CONDITIONS: Record<NoticeCondition, { label: LocalizedText; basis: LocalizedText }> = {
  sensitivePi: {
    label: { en: 'Sensitive personal information is transferred', zh: '涉及敏感个人信息' },
    basis: { en: 'PIPL Art. 30 (notice of necessity and effect)', zh: '《个人信息保护法》第三十条（告知必要性及影响）' },
  },
  lateNotice: {
    label: { en: 'Sent later than 72 hours after becoming aware', zh: '知悉后超过72小时才通知' },
    basis: { en: 'GDPR Art. 33(1): a late notice gives the reasons for the delay', zh: 'GDPR第33条第1款：迟延通知须说明理由' },
  },
  refusal: {
    label: { en: 'The request is refused (in whole or in part)', zh: '拒绝（全部或部分）请求' },
    basis: { en: 'PIPL Art. 50: a refusal gives reasons; the individual may sue', zh: '《个人信息保护法》第五十条：拒绝须说明理由，个人可依法起诉' },
  },
  ssnOrId: {
    label: { en: 'SSN, driver’s licence or ID number involved', zh: '涉及社会安全号、驾照或身份证号' },
    basis: { en: 'Cal. Civ. Code §1798.82(d)(2)(G)', zh: '《加州民法典》第1798.82条(d)(2)(G)' },
  },
};

const L = (en: string, zh: string): LocalizedText => ({ en, zh });
const PIPL57 = L('PIPL Art. 57', '《个人信息保护法》第五十七条');
const POLICY = L('Privacy policy: incident notice promise', '隐私政策：安全事件告知承诺');
const CAC = L('CAC Measures for Reporting Cybersecurity Incidents (2025) — report contents (verify)', '《网络安全事件报告管理办法》（2025）报告内容（待核实）');
const G33 = (p: string) => L(`GDPR Art. 33(3)(${p})`, `GDPR第33条第3款(${p})项`);
const G34 = L('GDPR Art. 34(2) (by reference to Art. 33(3)(b)–(d))', 'GDPR第34条第2款（援引第33条第3款(b)–(d)项）');
const CA = (p: string) => L(`Cal. Civ. Code §1798.82(d)${p}`, `《加州民法典》第1798.82条(d)${p}`);
const PIPL39 = L('PIPL Art. 39; privacy policy §III', '《个人信息保护法》第三十九条；隐私政策第三部分');
const PIPL30 = L('PIPL Art. 30', '《个人信息保护法》第三十条');
const POLICY2 = L('Privacy policy §II (entrusted processing)', '隐私政策第二部分（委托处理）');
const POLICY7 = L('Privacy policy §VII (changes to the policy)', '隐私政策第七部分（政策变更）');
const PIPL50 = L('PIPL Art. 50; privacy policy §V', '《个人信息保护法》第五十条；隐私政策第五部分');

const gdprCore = (basis: (p: string) => LocalizedText): ElementSpec[] => [
  { key: 'nature', label: L('Nature of the breach (categories and approximate numbers of people and records)', '泄露的性质（涉及人员与记录的类别及大致数量）'), basis: basis('a') },
  { key: 'dpoContact', label: L('Name and contact of the DPO', '数据保护官姓名及联系方式'), basis: basis('b') },
  { key: 'consequences', label: L('Likely consequences', '可能的后果'), basis: basis('c') },
  { key: 'measures', label: L('Measures taken or proposed, incl. to mitigate effects', '已采取或拟采取的措施（含减轻影响的措施）'), basis: basis('d') },
];

export const KINDS: Record<NoticeKind, KindSpec> = {
  'incident.individuals': {
    kind: 'incident.individuals',
    label: L('Incident notice to individuals', '个人信息安全事件告知（致个人）'),
    basis: L('PIPL Art. 57; privacy policy incident promise', '《个人信息保护法》第五十七条；隐私政策安全事件承诺'),
    headings: false,
    elements: [
      { key: 'basicSituation', label: L('Basic situation of the incident', '事件的基本情况'), basis: POLICY },
      { key: 'piCategories', label: L('Categories of personal information involved', '涉及的个人信息种类'), basis: PIPL57 },
      { key: 'cause', label: L('Cause of the incident', '事件发生的原因'), basis: PIPL57 },
      { key: 'possibleHarm', label: L('Possible harm and impact', '可能造成的危害与影响'), basis: L('PIPL Art. 57; privacy policy', '《个人信息保护法》第五十七条；隐私政策') },
      { key: 'measuresTaken', label: L('Remedial measures taken or to be taken', '已采取或将要采取的补救措施'), basis: L('PIPL Art. 57; privacy policy', '《个人信息保护法》第五十七条；隐私政策') },
      { key: 'selfProtection', label: L('What individuals can do to reduce the harm', '个人可采取的减轻危害的措施'), basis: L('PIPL Art. 57; privacy policy', '《个人信息保护法》第五十七条；隐私政策') },
      { key: 'remedies', label: L('Remedies available to individuals', '对个人的补救措施'), basis: POLICY },
      { key: 'contact', label: L('Contact details of the handler', '个人信息处理者的联系方式'), basis: PIPL57 },
    ],
  },
  'incident.cac': {
    kind: 'incident.cac',
    label: L('Incident report to the cyberspace administration', '网络安全事件报告（致网信部门）'),
    basis: CAC,
    headings: true,
    elements: [
      { key: 'entitySystem', label: L('Reporting entity and affected system', '报告单位及受影响系统'), basis: CAC },
      { key: 'timePlaceTypeGrade', label: L('Time, place, type and grade of the incident', '事件发生的时间、地点、类型和级别'), basis: CAC },
      { key: 'impactHarm', label: L('Impact and harm caused', '已造成的影响和危害'), basis: CAC },
      { key: 'measuresEffect', label: L('Measures taken and their effect', '已采取的措施及效果'), basis: CAC },
      { key: 'ransom', label: L('Ransom demand, if any', '勒索情况（如有）'), basis: CAC },
      { key: 'likelyDevelopment', label: L('Likely development', '事态发展趋势'), basis: CAC },
      { key: 'preliminaryCause', label: L('Preliminary cause', '初步原因分析'), basis: CAC },
      { key: 'nextSteps', label: L('Next steps and help needed', '下一步工作及需要的支持'), basis: CAC },
      { key: 'evidence', label: L('How evidence was preserved', '证据保全情况'), basis: CAC },
    ],
  },
  'gdpr.art33': {
    kind: 'gdpr.art33',
    label: L('GDPR Art. 33 notice to the supervisory authority', 'GDPR第33条监管机构通知'),
    basis: L('GDPR Art. 33', 'GDPR第33条'),
    headings: true,
    elements: [
      ...gdprCore(G33),
      { key: 'delayReasons', label: L('Reasons for the delay', '迟延理由'), basis: L('GDPR Art. 33(1)', 'GDPR第33条第1款'), when: 'lateNotice' },
    ],
  },
  'gdpr.art34': {
    kind: 'gdpr.art34',
    label: L('GDPR Art. 34 notice to data subjects', 'GDPR第34条数据主体通知'),
    basis: L('GDPR Art. 34', 'GDPR第34条'),
    headings: false,
    elements: gdprCore(() => G34),
  },
  'ca.breach': {
    kind: 'ca.breach',
    label: L('California Notice of Data Breach', '加州数据泄露通知'),
    basis: CA(''),
    headings: true,
    elements: [
      { key: 'whatHappened', label: L('What Happened (general description)', '发生了什么（事件概述）'), basis: CA('(1), (2)(E)'), heading: L('What Happened', 'What Happened（发生了什么）') },
      { key: 'breachDate', label: L('Date, estimated date or date range of the breach', '泄露发生的日期、估计日期或日期范围'), basis: CA('(2)(C)') },
      { key: 'whatInformation', label: L('What Information Was Involved', '涉及哪些信息'), basis: CA('(1), (2)(B)'), heading: L('What Information Was Involved', 'What Information Was Involved（涉及哪些信息）') },
      { key: 'whatWeAreDoing', label: L('What We Are Doing', '我们正在采取的措施'), basis: CA('(1)'), heading: L('What We Are Doing', 'What We Are Doing（我们正在做什么）') },
      { key: 'whatYouCanDo', label: L('What You Can Do', '您可以采取的措施'), basis: CA('(1)'), heading: L('What You Can Do', 'What You Can Do（您可以做什么）') },
      { key: 'lawEnforcementDelay', label: L('Whether notice was delayed by a law-enforcement investigation', '是否因执法调查而推迟通知'), basis: CA('(2)(D)') },
      { key: 'creditAgencies', label: L('Toll-free numbers and addresses of the major credit reporting agencies', '主要征信机构的免费电话和地址'), basis: CA('(2)(G)'), when: 'ssnOrId' },
      { key: 'moreInformation', label: L('For More Information (business name and contact)', '更多信息（企业名称及联系方式）'), basis: CA('(1), (2)(A)'), heading: L('For More Information', 'For More Information（更多信息）') },
    ],
  },
  'transfer.separateConsent': {
    kind: 'transfer.separateConsent',
    label: L('Cross-border transfer: separate notice and consent request', '个人信息出境单独告知及单独同意'),
    basis: PIPL39,
    headings: true,
    elements: [
      { key: 'recipientIdentity', label: L('Overseas recipient’s name and contact', '境外接收方的名称及联系方式'), basis: PIPL39 },
      { key: 'purpose', label: L('Purpose of processing', '处理目的'), basis: PIPL39 },
      { key: 'processingMethod', label: L('Processing method', '处理方式'), basis: PIPL39 },
      { key: 'piCategories', label: L('Categories of personal information', '个人信息的种类'), basis: PIPL39 },
      { key: 'rightsExercise', label: L('How and where to exercise rights against the recipient', '向境外接收方行使权利的方式和程序'), basis: PIPL39 },
      { key: 'necessity', label: L('Necessity of processing the sensitive PI', '处理敏感个人信息的必要性'), basis: PIPL30, when: 'sensitivePi' },
      { key: 'effectOnIndividual', label: L('Effect on the individual’s rights and interests', '对个人权益的影响'), basis: PIPL30, when: 'sensitivePi' },
      { key: 'consentRequest', label: L('Request for separate consent', '单独同意的请求'), basis: PIPL39 },
    ],
  },
  'entrusted.processing': {
    kind: 'entrusted.processing',
    label: L('Entrusted-processing notice', '委托处理告知'),
    basis: POLICY2,
    headings: true,
    elements: [
      { key: 'supplier', label: L('Supplier’s name and contact', '受托方名称及联系方式'), basis: POLICY2 },
      { key: 'purpose', label: L('Purpose of processing', '处理目的'), basis: POLICY2 },
      { key: 'method', label: L('Processing method', '处理方式'), basis: POLICY2 },
      { key: 'piTypes', label: L('Types of personal information', '个人信息种类'), basis: POLICY2 },
    ],
  },
  'policy.change': {
    kind: 'policy.change',
    label: L('Privacy-policy change notice', '隐私政策变更通知'),
    basis: POLICY7,
    headings: true,
    elements: [
      { key: 'whatChanged', label: L('What changed', '变更内容'), basis: POLICY7 },
      { key: 'criticalChange', label: L('Whether it is a critical change (functions, purposes, DPO contact…)', '是否属于重大变更（业务功能、使用目的、负责人联系方式等）'), basis: POLICY7 },
      { key: 'effectiveDate', label: L('Effective date', '生效日期'), basis: POLICY7 },
      { key: 'channel', label: L('Prominent channel (e-mail or SMS for critical changes)', '显著方式（重大变更以邮件或短信通知）'), basis: POLICY7 },
    ],
  },
  reply: {
    kind: 'reply',
    label: L('Reply to a complaint or rights request', '投诉或权利请求答复'),
    basis: PIPL50,
    headings: false,
    elements: [
      { key: 'decision', label: L('The decision', '处理决定'), basis: PIPL50 },
      { key: 'refusalGround', label: L('Ground for refusal (one of the policy’s grounds)', '拒绝的依据（隐私政策所列情形之一）'), basis: L('Privacy policy §V', '隐私政策第五部分'), when: 'refusal' },
      { key: 'refusalReasons', label: L('Reasons for the refusal', '拒绝的理由'), basis: L('PIPL Art. 50', '《个人信息保护法》第五十条'), when: 'refusal' },
      { key: 'rightToComplain', label: L('Right to complain to the authority or go to court', '向主管部门投诉或向法院起诉的权利'), basis: L('PIPL Art. 50', '《个人信息保护法》第五十条'), when: 'refusal' },
    ],
  },
};

/** Free text around the required elements; never required. */
export const OPENING: { key: string; label: LocalizedText } = { key: 'opening', label: L('Opening', '开头') };
export const CLOSING: { key: string; label: LocalizedText } = { key: 'closing', label: L('Closing', '结尾') };

/** Which conditions each kind can have (derived from its elements). */
export const conditionsOf = (kind: NoticeKind): NoticeCondition[] => [
  ...new Set(KINDS[kind].elements.flatMap((e) => (e.when ? [e.when] : []))),
];

/** Merge-field prefix each linked module's fields go under. */
export const LINK_PREFIX: Record<LinkModule, string> = { incidents: 'incident', transfers: 'transfer', inbox: 'request' };

/** Organisation merge fields (from the settings profile). */
export const ORG_FIELDS = ['org.legalName', 'org.address', 'org.dpoName', 'org.dpoEmail', 'org.phone'] as const;

/** Shortest waiver reason accepted: a waiver must say why (RULES.md §3). */
export const MIN_WAIVER_REASON = 5;

export const REF_PREFIX = 'NTC';

/** Names of the states and dispatch channels, for exports and evidence packs. */
export const NOTICE_STATE_NAMES: Record<string, LocalizedText> = {
  draft: { en: 'draft', zh: '草稿' },
  inReview: { en: 'in review', zh: '审核中' },
  approved: { en: 'approved', zh: '已批准' },
  dispatched: { en: 'dispatched', zh: '已发出' },
};
export const DISPATCH_CHANNEL_NAMES: Record<string, LocalizedText> = {
  email: { en: 'e-mail', zh: '电子邮件' },
  letter: { en: 'letter', zh: '信函' },
  sms: { en: 'SMS', zh: '短信' },
  push: { en: 'push notification', zh: '推送' },
  announcement: { en: 'public announcement', zh: '公告' },
  portal: { en: 'regulator portal', zh: '监管平台' },
  phone: { en: 'phone', zh: '电话' },
};
