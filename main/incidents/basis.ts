import type { Localized } from './model';

// The rule names and legal bases every computed incident result carries (RULES.md §2), so the
// board can answer "why". Article numbers are given only where the official text fixes them.

export interface RuleText {
  rule: Localized;
  basis: Localized;
}

export const PIPL57_AUTHORITY: RuleText = {
  rule: { en: 'Notify the PI protection authority immediately', zh: '立即通知履行个人信息保护职责的部门' },
  basis: { en: 'Personal Information Protection Law Art. 57', zh: '《个人信息保护法》第五十七条' },
};

export const PIPL57_INDIVIDUALS: RuleText = {
  rule: { en: 'Notify the individuals unless harm was effectively avoided', zh: '通知个人（采取措施能够有效避免危害的除外）' },
  basis: { en: 'Personal Information Protection Law Art. 57(1)–(2)', zh: '《个人信息保护法》第五十七条第一款、第二款' },
};

export const CAC_REPORTING: Localized = {
  en: 'Administrative Measures for Reporting Cybersecurity Incidents (CAC, in force 2025-11-01)',
  zh: '《国家网络安全事件报告管理办法》（国家网信办，2025年11月1日起施行）',
};

export const CAC_GRADE: RuleText = {
  rule: { en: 'CAC incident grade from people affected and direct loss (*verify* thresholds)', zh: '按受影响人数和直接经济损失定级（阈值待核实）' },
  basis: { en: `${CAC_REPORTING.en}; "or more" includes the number (Civil Code Art. 1259)`, zh: `${CAC_REPORTING.zh}；“以上”含本数（《民法典》第一千二百五十九条）` },
};

export const CAC_REPORT: RuleText = {
  rule: { en: 'Report relatively major and higher incidents: 4 hours from discovery', zh: '较大及以上事件：发现后4小时内报告' },
  basis: CAC_REPORTING,
};

export const CAC_REPORT_CII: RuleText = {
  rule: {
    en: 'CII operator: report to the protection department and the police within 1 hour',
    zh: '关键信息基础设施运营者：1小时内向保护工作部门和公安机关报告',
  },
  basis: CAC_REPORTING,
};

export const CAC_SUMMARY: RuleText = {
  rule: { en: 'Summary report within 30 days after handling ends', zh: '处置结束后30日内提交总结报告' },
  basis: CAC_REPORTING,
};

export const MINORS: RuleText = {
  rule: {
    en: 'Minors’ PI incident: report to the cyberspace administration, inform minors and guardians',
    zh: '涉及未成年人个人信息的事件：向网信部门报告并告知未成年人及其监护人',
  },
  basis: { en: 'Regulations on the Protection of Minors Online Art. 35', zh: '《未成年人网络保护条例》第三十五条' },
};

export const AUDIT_ORDER: RuleText = {
  rule: {
    en: 'A compliance audit may be ordered (≥ 1,000,000 people, or ≥ 100,000 people’s sensitive PI; *verify*)',
    zh: '可能被要求开展合规审计（100万人以上，或10万人以上敏感个人信息；待核实）',
  },
  basis: { en: 'Measures for PI Protection Compliance Audits Art. 5', zh: '《个人信息保护合规审计管理办法》第五条' },
};

export const GDPR33: RuleText = {
  rule: { en: 'Notify the supervisory authority within 72 hours of awareness', zh: '知悉后72小时内通知监管机构' },
  basis: { en: 'GDPR Art. 33(1)', zh: '《通用数据保护条例》第33条第1款' },
};

export const GDPR34: RuleText = {
  rule: { en: 'High risk: tell data subjects without undue delay', zh: '高风险：毫不迟延地告知数据主体' },
  basis: { en: 'GDPR Art. 34(1) and (3)', zh: '《通用数据保护条例》第34条第1款、第3款' },
};

export const CA_RESIDENTS: RuleText = {
  rule: { en: 'Notice of Data Breach to residents within 30 calendar days of discovery', zh: '发现后30个日历日内向居民发送数据泄露通知' },
  basis: { en: 'California Civil Code §1798.82(a)', zh: '《加利福尼亚州民法典》第1798.82条(a)款' },
};

export const CA_AG: RuleText = {
  rule: {
    en: 'More than 500 residents: sample notice to the Attorney General within 15 days of the resident notice',
    zh: '超过500名居民：居民通知后15日内向总检察长提交通知样本',
  },
  basis: { en: 'California Civil Code §1798.82(f)', zh: '《加利福尼亚州民法典》第1798.82条(f)款' },
};

export const GDPR_LATE: RuleText = {
  rule: { en: 'A notice after 72 hours gives the reasons for the delay', zh: '超过72小时的通知须说明迟延理由' },
  basis: { en: 'GDPR Art. 33(1)', zh: '《通用数据保护条例》第33条第1款' },
};
