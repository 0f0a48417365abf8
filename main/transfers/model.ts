import type { LocalizedText } from '../../preload/contract/common';
import type { ExemptScenario, FilingState, RecommendedRoute } from '../../preload/contract/transfers';

export type { ChosenRoute, ExemptScenario, FilingEventKind, FilingState, RecommendedRoute, Regime } from '../../preload/contract/transfers';

/** PRC rules count in Beijing time (RULES.md §1). */
export const PRC_ZONE = 'Asia/Shanghai';

/** Within this share of a threshold the register and the dashboard warn (issue 6). */
export const WARNING_SHARE = 0.1;

/** Legal bases, quoted in every verdict so the DPO sees why. */
export const BASIS = {
  provisions: { en: 'Provisions on Promoting and Regulating Cross-Border Data Flows (CAC, 2024)', zh: '《促进和规范数据跨境流动规定》（2024）' },
  art3: { en: '2024 Provisions Art. 3', zh: '《促进和规范数据跨境流动规定》第三条' },
  art4: { en: '2024 Provisions Art. 4', zh: '《促进和规范数据跨境流动规定》第四条' },
  art5_1: { en: '2024 Provisions Art. 5(1)', zh: '《促进和规范数据跨境流动规定》第五条第（一）项' },
  art5_2: { en: '2024 Provisions Art. 5(2)', zh: '《促进和规范数据跨境流动规定》第五条第（二）项' },
  art5_3: { en: '2024 Provisions Art. 5(3)', zh: '《促进和规范数据跨境流动规定》第五条第（三）项' },
  art5_4: { en: '2024 Provisions Art. 5(4)', zh: '《促进和规范数据跨境流动规定》第五条第（四）项' },
  art6: { en: '2024 Provisions Art. 6 (free-trade-zone negative list)', zh: '《促进和规范数据跨境流动规定》第六条（自贸试验区负面清单）' },
  certification: { en: 'Outbound Certification Measures (in force 2026-01-01)', zh: '《个人信息出境认证办法》（2026年1月1日施行）' },
  ndsm12: { en: 'Network Data Security Management Regulations Art. 12 (records of providing PI kept ≥ 3 years)', zh: '《网络数据安全管理条例》第十二条（向他人提供个人信息的记录保存不少于3年）' },
  art7: { en: '2024 Provisions Art. 7', zh: '《促进和规范数据跨境流动规定》第七条' },
  art8: { en: '2024 Provisions Art. 8', zh: '《促进和规范数据跨境流动规定》第八条' },
  scm4: { en: 'Standard Contract Measures (2023) Art. 4', zh: '《个人信息出境标准合同办法》第四条' },
  sam4: { en: 'Security Assessment Measures (2022) Art. 4', zh: '《数据出境安全评估办法》第四条' },
  scm7: { en: 'Standard Contract Measures (2023) Art. 7 (file within 10 working days of effect)', zh: '《个人信息出境标准合同办法》第七条（生效之日起10个工作日内备案）' },
  scm8: { en: 'Standard Contract Measures (2023) Art. 8 (re-assess, supplement or re-sign, re-file)', zh: '《个人信息出境标准合同办法》第八条（重新评估、补充或重新订立、重新备案）' },
  pipl39: { en: 'PIPL Art. 39 (separate notice and consent)', zh: '《个人信息保护法》第三十九条（告知与单独同意）' },
  pipl30: { en: 'PIPL Art. 30 (sensitive PI: necessity and effect)', zh: '《个人信息保护法》第三十条（敏感个人信息的必要性及影响）' },
  pipl55: { en: 'PIPL Arts. 55–56 (PIPIA before export)', zh: '《个人信息保护法》第五十五条、第五十六条（个人信息保护影响评估）' },
  pipl38: { en: 'PIPL Art. 38 (legal route for export)', zh: '《个人信息保护法》第三十八条（出境条件）' },
} satisfies Record<string, LocalizedText>;

/** Filing states in the DPO's words (the list, the export, other records' links). */
export const FILING_STATE_NAME: Record<FilingState, LocalizedText> = {
  notRequired: { en: 'not required', zh: '无需备案' },
  awaitingContract: { en: 'awaiting effective contract', zh: '待合同生效' },
  due: { en: 'filing due', zh: '待备案' },
  underReview: { en: 'under review', zh: '审查中' },
  supplementsRequested: { en: 'supplements requested', zh: '待补充材料' },
  filed: { en: 'filed', zh: '已备案' },
  refused: { en: 'refused', zh: '未予备案' },
  refilingDue: { en: 're-filing due', zh: '待重新备案' },
};

export const ROUTE_NAME: Record<RecommendedRoute, LocalizedText> = {
  exempt: { en: 'exempt from all routes', zh: '免予申报安全评估、订立标准合同和认证' },
  standardContractOrCertification: { en: 'standard contract or certification', zh: '订立标准合同或通过个人信息保护认证' },
  securityAssessment: { en: 'security assessment', zh: '申报数据出境安全评估' },
};

export const SCENARIO_NAME: Record<ExemptScenario, LocalizedText> = {
  individualContract: { en: 'necessary for a contract with the individual', zh: '订立、履行个人作为一方当事人的合同所必需' },
  hrManagement: { en: 'cross-border HR management', zh: '实施跨境人力资源管理所必需' },
  emergency: { en: 'emergency protecting life, health or property', zh: '紧急情况下保护自然人生命健康和财产安全' },
  art3NonPersonal: { en: 'no PI and no important data (trade, transport, academic, manufacturing, marketing)', zh: '不包含个人信息或者重要数据的贸易、运输、学术、制造、营销等数据' },
  art4Reexport: { en: 'PI collected abroad, processed here and sent back', zh: '境外收集、境内处理后向境外提供且未引入境内个人信息' },
  belowThreshold: { en: 'below the standard-contract threshold (non-sensitive PI only)', zh: '未达标准合同门槛（仅非敏感个人信息）' },
  ftzNegativeList: { en: "not on the free-trade zone's negative list", zh: '不属于自贸试验区负面清单所列数据' },
};

export const SCENARIO_BASIS: Record<ExemptScenario, LocalizedText> = {
  individualContract: BASIS.art5_1,
  hrManagement: BASIS.art5_2,
  emergency: BASIS.art5_3,
  art3NonPersonal: BASIS.art3,
  art4Reexport: BASIS.art4,
  belowThreshold: BASIS.art5_4,
  ftzNegativeList: BASIS.art6,
};

/**
 * Scenario exemptions whose volumes do not count toward the cumulative thresholds (CAC's
 * 2024 Q&A on the Provisions, *verify*): only Art. 5(4) is itself a count.
 */
export const UNCOUNTED_SCENARIOS: ReadonlySet<ExemptScenario> = new Set([
  'individualContract',
  'hrManagement',
  'emergency',
  'art3NonPersonal',
  'art4Reexport',
  'ftzNegativeList',
]);

/** Annex 1 facts whose change during the term is a "change" (Standard Contract Measures Art. 8). */
export const CHANGE_KIND_NAME: Record<string, LocalizedText> = {
  purpose: { en: 'purpose', zh: '目的' },
  scope: { en: 'scope', zh: '范围' },
  categories: { en: 'PI categories', zh: '个人信息种类' },
  sensitivity: { en: 'sensitivity', zh: '敏感程度' },
  method: { en: 'method', zh: '方式' },
  storageLocation: { en: 'storage location', zh: '存储地点' },
  retentionExtended: { en: 'retention abroad extended', zh: '境外保存期限延长' },
  destinationLaw: { en: "destination's law", zh: '境外所在国家或者地区的个人信息保护政策法规变化' },
  recipientUse: { en: "recipient's use", zh: '境外接收方处理个人信息的用途、方式' },
  other: { en: 'other change affecting rights', zh: '其他可能影响个人信息权益的情形' },
};

export const ROUTE_RANK: Record<RecommendedRoute, number> = { exempt: 0, standardContractOrCertification: 1, securityAssessment: 2 };
