import type { z } from 'zod';
import type { RuleKeyName } from '../../preload/contract/deadlines';
import type { LocalizedText } from '../../preload/contract/common';
import type { RuleKey } from './model';

/**
 * How a rule's period is counted.
 * - hours: from the instant of the event; nights and holidays do not stop it (Civil Code Art. 201).
 * - immediate: the law says "immediately" with no hour limit; the clock runs from the event.
 * - calendarDays / months / years: the start day is not counted (Art. 201); months and years
 *   end on the same-numbered day or the month's last day (Art. 202); with `rollOver`, a last
 *   day that is a rest day moves to the next working day (Art. 203).
 * - workingDays: counted on the country's calendar (holidays off, declared weekend workdays on).
 * - fixedDate: the record names the date (a contract's expiry, a hold's end, a DPO target).
 */
export type Period =
  | { kind: 'hours'; hours: number }
  | { kind: 'immediate' }
  | { kind: 'calendarDays'; days: number; rollOver: boolean }
  | { kind: 'workingDays'; days: number }
  | { kind: 'months'; months: number; rollOver: boolean }
  | { kind: 'years'; years: number; rollOver: boolean }
  | { kind: 'fixedDate' };

export interface DeadlineRule {
  key: RuleKey;
  name: LocalizedText;
  basis: LocalizedText;
  period: Period;
  /**
   * Zone the days are counted in. PRC rules: Asia/Shanghai (RULES.md §1). GDPR: Europe/Brussels
   * (the Union's institutional zone; the lead authority is not known to the engine — an hour
   * clock is the same instant in any zone, a month clock can move by at most the offset).
   * California: America/Los_Angeles.
   */
  zone: string;
  /** Country calendar for working days and roll-over; null where no calendar is applied. */
  country: string | null;
}

const SHANGHAI = 'Asia/Shanghai';
const BRUSSELS = 'Europe/Brussels';
const LOS_ANGELES = 'America/Los_Angeles';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

const CAC_MEASURES = t(
  'Administrative Measures for Reporting Cybersecurity Incidents (CAC, in force 2025-11-01)',
  '《国家网络安全事件报告管理办法》（国家网信办，2025年11月1日施行）',
);

// GDPR and California periods are counted without roll-over (no EU or US holiday calendar is
// loaded): the date shown is never later than the law's, so relying on it is never late.
const rules: DeadlineRule[] = [
  {
    key: 'pipl57.authority',
    name: t('Notify the PI protection authority (immediately)', '通知履行个人信息保护职责的部门（立即）'),
    basis: t('PIPL Art. 57', '《个人信息保护法》第五十七条'),
    period: { kind: 'immediate' },
    zone: SHANGHAI,
    country: null,
  },
  {
    key: 'pipl57.individuals',
    name: t('Notify affected individuals (immediately)', '通知受影响的个人（立即）'),
    basis: t('PIPL Art. 57 (not needed where measures effectively avoid harm)', '《个人信息保护法》第五十七条（采取措施能够有效避免危害的可不通知）'),
    period: { kind: 'immediate' },
    zone: SHANGHAI,
    country: null,
  },
  {
    key: 'cac.report.4h',
    name: t('Report to the provincial cyberspace administration (4 hours)', '向省级网信部门报告（4小时）'),
    basis: CAC_MEASURES,
    period: { kind: 'hours', hours: 4 },
    zone: SHANGHAI,
    country: null,
  },
  {
    key: 'cac.report.cii.1h',
    name: t('CII operator: report to the protection department and police (1 hour)', '关键信息基础设施运营者向保护工作部门和公安机关报告（1小时）'),
    basis: CAC_MEASURES,
    period: { kind: 'hours', hours: 1 },
    zone: SHANGHAI,
    country: null,
  },
  {
    key: 'cac.summary.30d',
    name: t('Summary report after handling ends (30 days)', '事件处置结束后提交总结报告（30日）'),
    basis: CAC_MEASURES,
    period: { kind: 'calendarDays', days: 30, rollOver: true },
    zone: SHANGHAI,
    country: 'CN',
  },
  {
    key: 'minors.report',
    name: t("Report an incident involving minors' PI (immediately)", '涉及未成年人个人信息的事件报告（立即）'),
    basis: t('Minors Online Protection Regulations Art. 35', '《未成年人网络保护条例》第三十五条'),
    period: { kind: 'immediate' },
    zone: SHANGHAI,
    country: null,
  },
  {
    key: 'gdpr33.authority.72h',
    name: t('Notify the supervisory authority (72 hours)', '通知监管机构（72小时）'),
    basis: t('GDPR Art. 33(1)', '《通用数据保护条例》第33条第1款'),
    period: { kind: 'hours', hours: 72 },
    zone: BRUSSELS,
    country: null,
  },
  {
    key: 'gdpr34.individuals',
    name: t('Tell data subjects of a high-risk breach (without undue delay)', '向数据主体告知高风险泄露（不得无故拖延）'),
    basis: t('GDPR Art. 34(1)', '《通用数据保护条例》第34条第1款'),
    period: { kind: 'immediate' },
    zone: BRUSSELS,
    country: null,
  },
  {
    key: 'ca.residents.30d',
    name: t('Notify California residents (30 calendar days)', '通知加州居民（30个自然日）'),
    basis: t('Cal. Civ. Code §1798.82 (from 2026-01-01)', '《加州民法典》第1798.82条（2026年1月1日起）'),
    period: { kind: 'calendarDays', days: 30, rollOver: false },
    zone: LOS_ANGELES,
    country: null,
  },
  {
    key: 'ca.ag.15d',
    name: t('Send the Attorney General a sample notice (15 days)', '向加州总检察长提交通知样本（15日）'),
    basis: t('Cal. Civ. Code §1798.82 (more than 500 residents)', '《加州民法典》第1798.82条（超过500名居民）'),
    period: { kind: 'calendarDays', days: 15, rollOver: false },
    zone: LOS_ANGELES,
    country: null,
  },
  {
    key: 'scc.filing.10wd',
    name: t('File the standard contract (10 working days)', '标准合同备案（10个工作日）'),
    basis: t('Standard Contract Measures Art. 7', '《个人信息出境标准合同办法》第七条'),
    period: { kind: 'workingDays', days: 10 },
    zone: SHANGHAI,
    country: 'CN',
  },
  {
    key: 'scc.supplement.10wd',
    name: t('Send the supplements requested (10 working days)', '补充提交材料（10个工作日）'),
    basis: t('Standard Contract Measures; CAC filing guide (*verify*)', '《个人信息出境标准合同办法》；备案指南（*待核实*）'),
    period: { kind: 'workingDays', days: 10 },
    zone: SHANGHAI,
    country: 'CN',
  },
  {
    key: 'scc.refiling.10wd',
    name: t('Re-assess and re-file after a change (10 working days, target)', '变更后重新评估并重新备案（10个工作日，目标）'),
    basis: t('Standard Contract Measures Art. 8 (*verify*)', '《个人信息出境标准合同办法》第八条（*待核实*）'),
    period: { kind: 'workingDays', days: 10 },
    zone: SHANGHAI,
    country: 'CN',
  },
  {
    key: 'pipia.retention.3y',
    name: t('Keep the PIPIA report (at least 3 years)', '保存个人信息保护影响评估报告（至少3年）'),
    basis: t('PIPL Art. 56', '《个人信息保护法》第五十六条'),
    period: { kind: 'years', years: 3, rollOver: false },
    zone: SHANGHAI,
    country: null,
  },
  {
    key: 'scc.expiry',
    name: t('Standard contract term ends', '标准合同期限届满'),
    basis: t('Standard contract: the term the parties agreed', '标准合同：双方约定的期限'),
    period: { kind: 'fixedDate' },
    zone: SHANGHAI,
    country: null,
  },
  {
    key: 'request.rights.15wd',
    name: t('Reply to the rights request (15 working days)', '答复个人权利请求（15个工作日）'),
    basis: t('Privacy policy §V; PIPL Art. 50', '隐私政策第五部分；《个人信息保护法》第五十条'),
    period: { kind: 'workingDays', days: 15 },
    zone: SHANGHAI,
    country: 'CN',
  },
  {
    key: 'request.complaint.15d',
    name: t('Reply to the complaint (15 days)', '答复投诉（15日）'),
    basis: t('Privacy policy §IX', '隐私政策第九部分'),
    period: { kind: 'calendarDays', days: 15, rollOver: true },
    zone: SHANGHAI,
    country: 'CN',
  },
  {
    key: 'gdpr12.response.1m',
    name: t('Answer the data subject request (one month)', '答复数据主体请求（一个月）'),
    basis: t('GDPR Art. 12(3)', '《通用数据保护条例》第12条第3款'),
    period: { kind: 'months', months: 1, rollOver: false },
    zone: BRUSSELS,
    country: null,
  },
  {
    key: 'gdpr12.extended.3m',
    name: t('Answer the extended request (one month + two months)', '答复延期的请求（一个月另加两个月）'),
    basis: t('GDPR Art. 12(3) (extension told with reasons within the first month)', '《通用数据保护条例》第12条第3款（须在第一个月内告知延期及理由）'),
    period: { kind: 'months', months: 3, rollOver: false },
    zone: BRUSSELS,
    country: null,
  },
  {
    key: 'hold.networkLogs.6m',
    name: t('Keep network logs (at least 6 months)', '留存网络日志（不少于六个月）'),
    basis: t('Cybersecurity Law (2016) Art. 21', '《网络安全法》（2016年）第二十一条'),
    period: { kind: 'months', months: 6, rollOver: false },
    zone: SHANGHAI,
    country: null,
  },
  {
    key: 'hold.transactions.3y',
    name: t('Keep transaction records (at least 3 years from completion)', '保存交易信息（自交易完成之日起不少于三年）'),
    basis: t('E-Commerce Law Art. 31', '《电子商务法》第三十一条'),
    period: { kind: 'years', years: 3, rollOver: false },
    zone: SHANGHAI,
    country: null,
  },
  {
    key: 'hold.until',
    name: t('Retention hold clears', '留存期限届满'),
    basis: t('PIPL Art. 47 (stop all processing but storage and security while retention runs)', '《个人信息保护法》第四十七条（保存期限未届满的，停止除存储和安全保护以外的处理）'),
    period: { kind: 'fixedDate' },
    zone: SHANGHAI,
    country: null,
  },
  {
    key: 'target.until',
    name: t('Internal target', '内部目标期限'),
    basis: t("The DPO's own target (no legal period)", '个人信息保护负责人设定的内部目标（无法定期限）'),
    period: { kind: 'fixedDate' },
    zone: SHANGHAI,
    country: null,
  },
];

export const RULES: ReadonlyMap<RuleKey, DeadlineRule> = new Map(rules.map((r) => [r.key, r]));
export const RULE_KEYS = rules.map((r) => r.key) as [RuleKey, ...RuleKey[]];

export function ruleOf(key: string): DeadlineRule | undefined {
  return RULES.get(key as RuleKey);
}

// The contract's rule enum and the engine's RuleKey must name the same rules.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CONTRACT_NAMES_EVERY_RULE: Same<RuleKey, z.infer<typeof RuleKeyName>> = true;
