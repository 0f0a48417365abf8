import type { LocalizedText } from '../../../preload/contract/common';
import type { NoticeCondition, NoticeKind } from '../../../preload/contract/notices';
import type { ParamSpec } from '../../../preload/contract/rules';
import { t, type ShippedRule } from '../model';
import { commentary, official } from './deadlines-cn';

// The required elements of every notice the studio drafts (RULES.md §3), one rule per kind:
// a draft cannot be approved until each element is covered or waived with a reason.

interface Element {
  key: string;
  label: LocalizedText;
  basis: LocalizedText;
  /** Required only when this condition is on. */
  when?: NoticeCondition;
  /** Not required when this condition is on (a CAC first report carries items (1) and (2) only). */
  unless?: NoticeCondition;
  /** Printed above the section (the CA statutory headings). */
  heading?: LocalizedText;
}
interface ShippedKind {
  label: LocalizedText;
  basis: LocalizedText;
  headings: boolean;
  elements: Element[];
}

const L = t;
const PIPL57 = L('PIPL Art. 57', '《个人信息保护法》第五十七条');
const POLICY = L('Privacy policy: incident notice promise', '隐私政策：安全事件告知承诺');
const CAC = L('CAC Incident Reporting Measures Art. 7 — report contents', '《国家网络安全事件报告管理办法》第七条——报告内容');
const G33 = (p: string) => L(`GDPR Art. 33(3)(${p})`, `GDPR第33条第3款(${p})项`);
const G34 = L('GDPR Art. 34(2) (by reference to Art. 33(3)(b)–(d))', 'GDPR第34条第2款（援引第33条第3款(b)–(d)项）');
const CA = (p: string) => L(`Cal. Civ. Code §1798.82(d)${p}`, `《加州民法典》第1798.82条(d)${p}`);
const PIPL39 = L('PIPL Art. 39; privacy policy §III', '《个人信息保护法》第三十九条；隐私政策第三部分');
const PIPL30 = L('PIPL Art. 30', '《个人信息保护法》第三十条');
const POLICY2 = L('Privacy policy §II (entrusted processing)', '隐私政策第二部分（委托处理）');
const POLICY7 = L('Privacy policy §VII (changes to the policy)', '隐私政策第七部分（政策变更）');
const PIPL50 = L('PIPL Art. 50; privacy policy §V', '《个人信息保护法》第五十条；隐私政策第五部分');

const gdprCore = (basis: (p: string) => LocalizedText): Element[] => [
  { key: 'nature', label: L('Nature of the breach (categories and approximate numbers of people and records)', '泄露的性质（涉及人员与记录的类别及大致数量）'), basis: basis('a') },
  { key: 'dpoContact', label: L('Name and contact of the DPO', '数据保护官姓名及联系方式'), basis: basis('b') },
  { key: 'consequences', label: L('Likely consequences', '可能的后果'), basis: basis('c') },
  { key: 'measures', label: L('Measures taken or proposed, incl. to mitigate effects', '已采取或拟采取的措施（含减轻影响的措施）'), basis: basis('d') },
];

const SHIPPED_KINDS: Record<NoticeKind, ShippedKind> = {
  'incident.individuals': {
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
    label: L('Incident report to the cyberspace administration', '网络安全事件报告（致网信部门）'),
    basis: CAC,
    headings: true,
    elements: [
      { key: 'entitySystem', label: L('Reporting entity and affected system', '报告单位及受影响系统'), basis: CAC },
      { key: 'timePlaceTypeGrade', label: L('Time, place, type and grade of the incident', '事件发生的时间、地点、类型和级别'), basis: CAC },
      { key: 'impactHarm', label: L('Impact and harm caused', '已造成的影响和危害'), basis: CAC, unless: 'firstReport' },
      { key: 'measuresEffect', label: L('Measures taken and their effect', '已采取的措施及效果'), basis: CAC, unless: 'firstReport' },
      { key: 'ransom', label: L('Ransom demand, if any', '勒索情况（如有）'), basis: CAC, unless: 'firstReport' },
      { key: 'likelyDevelopment', label: L('Likely development', '事态发展趋势'), basis: CAC, unless: 'firstReport' },
      { key: 'preliminaryCause', label: L('Preliminary cause', '初步原因分析'), basis: CAC, unless: 'firstReport' },
      { key: 'nextSteps', label: L('Next steps and help needed', '下一步工作及需要的支持'), basis: CAC, unless: 'firstReport' },
      { key: 'evidence', label: L('How evidence was preserved', '证据保全情况'), basis: CAC, unless: 'firstReport' },
    ],
  },
  'gdpr.art33': {
    label: L('GDPR Art. 33 notice to the supervisory authority', 'GDPR第33条监管机构通知'),
    basis: L('GDPR Art. 33', 'GDPR第33条'),
    headings: true,
    elements: [
      ...gdprCore(G33),
      { key: 'delayReasons', label: L('Reasons for the delay', '迟延理由'), basis: L('GDPR Art. 33(1)', 'GDPR第33条第1款'), when: 'lateNotice' },
    ],
  },
  'gdpr.art34': {
    label: L('GDPR Art. 34 notice to data subjects', 'GDPR第34条数据主体通知'),
    basis: L('GDPR Art. 34', 'GDPR第34条'),
    headings: false,
    elements: gdprCore(() => G34),
  },
  'ca.breach': {
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


const CONDITION_VALUES = ['', 'sensitivePi', 'lateNotice', 'refusal', 'ssnOrId', 'firstReport'];

/** The shape of a notice kind's elements; `headings` (how the kind prints) stays with the studio. */
export const ELEMENT_FIELDS: Record<string, ParamSpec> = {
  elements: {
    type: 'list',
    label: t('Required elements, in the order the notice prints them', '必备内容（按通知中的顺序）'),
    keyField: 'key',
    minItems: 1,
    item: {
      key: { type: 'string', label: t('Section key', '段落键'), max: 60, pattern: '^[A-Za-z][A-Za-z0-9]*$' },
      label: { type: 'text', label: t('Element', '内容') },
      basis: { type: 'text', label: t('Basis', '依据') },
      when: { type: 'enum', label: t('Required only when', '仅在以下情形必备'), values: CONDITION_VALUES },
      unless: { type: 'enum', label: t('Not required when', '以下情形不必备'), values: CONDITION_VALUES },
      heading: { type: 'text', label: t('Printed heading (empty: none)', '打印标题（留空则无）') },
    },
  },
};

const EMPTY = { en: '', zh: '' };
const SOURCES: Partial<Record<NoticeKind, ReturnType<typeof official>>> = {
  'incident.cac': commentary(
    t('Administrative Measures for Reporting Cybersecurity Incidents (CAC, in force 2025-11-01)', '《国家网络安全事件报告管理办法》（国家网信办，2025年11月1日施行）'),
    'Art. 7',
    t('The item list follows commentary on Art. 7; Art. 7(2) lets items (1) and (2) go first.', '报告内容列表参照对第七条的解读；第七条第二款允许先报第（一）（二）项。'),
  ),
};

export const NOTICE_RULES: ShippedRule[] = (Object.keys(SHIPPED_KINDS) as NoticeKind[]).map((kind) => {
  const k = SHIPPED_KINDS[kind];
  return {
    def: { key: `notice.elements.${kind}`, kind: 'elements', regime: kind.startsWith('gdpr') ? 'EU' : kind === 'ca.breach' ? 'US-CA' : kind === 'reply' || kind.startsWith('policy') || kind.startsWith('entrusted') ? 'policy' : 'CN', usedBy: ['notices'], params: ELEMENT_FIELDS },
    versions: [
      {
        effectiveFrom: null,
        effectiveTo: null,
        name: k.label,
        basis: k.basis,
        source: SOURCES[kind] ?? official(k.basis, ''),
        params: {
          elements: k.elements.map((e) => ({ key: e.key, label: e.label, basis: e.basis, when: e.when ?? '', unless: e.unless ?? '', heading: e.heading ?? EMPTY })),
        },
      },
    ],
  };
});

/** How each kind prints: reports and the CA notice print their sections under headings. */
export const KIND_HEADINGS: Record<NoticeKind, boolean> = Object.fromEntries(
  (Object.keys(SHIPPED_KINDS) as NoticeKind[]).map((k) => [k, SHIPPED_KINDS[k].headings]),
) as Record<NoticeKind, boolean>;
