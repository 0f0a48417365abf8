import type { LocalizedText } from '../../../preload/contract/common';
import type { ParamSpec, Period, RuleSource, ScalarSpec } from '../../../preload/contract/rules';
import { t, type RuleDefinition, type ShippedRule, type ShippedVersion } from '../model';

// PRC clocks and the privacy policy's promises (RULES.md §§2, 4, 5, 6, 7). Each is a deadline
// rule: the period is a parameter, the name and basis say "{period}" so the number lives once.

export const SHANGHAI = 'Asia/Shanghai';

export const PERIOD: ParamSpec = { type: 'period', label: t('Period', '期限') };
export const people = (en: string, zh: string): ScalarSpec => ({ type: 'int', label: t(en, zh), min: 0, max: 10_000_000_000, unit: 'people' });

export const official = (instrument: LocalizedText, article: string, note?: LocalizedText): RuleSource => ({ instrument, article, kind: 'official', ...(note ? { note } : {}) });
export const commentary = (instrument: LocalizedText, article: string, note: LocalizedText): RuleSource => ({ instrument, article, kind: 'commentary', note });

export const v = (
  name: LocalizedText,
  basis: LocalizedText,
  source: RuleSource,
  params: ShippedVersion['params'],
  dates: { from?: string; to?: string } = {},
): ShippedVersion => ({ effectiveFrom: dates.from ?? null, effectiveTo: dates.to ?? null, name, basis, source, params });

type DeadlineDef = Omit<RuleDefinition, 'kind' | 'params'> & { params?: Record<string, ParamSpec> };
export const deadline = (def: DeadlineDef, versions: ShippedVersion[]): ShippedRule => ({
  def: { ...def, kind: 'deadline', params: { period: PERIOD, ...def.params } },
  versions,
});

const p = (period: Period, extra: Record<string, number | boolean> = {}) => ({ period, ...extra });

export const PIPL = t('Personal Information Protection Law', '《个人信息保护法》');
export const CAC_MEASURES = t('Administrative Measures for Reporting Cybersecurity Incidents (CAC, in force 2025-11-01)', '《国家网络安全事件报告管理办法》（国家网信办，2025年11月1日施行）');
const SCC_MEASURES = t('Measures on the Standard Contract for Outbound Transfer of Personal Information (CAC, 2023)', '《个人信息出境标准合同办法》（国家网信办，2023年）');
const MINORS_REGS = t('Regulations on the Protection of Minors Online', '《未成年人网络保护条例》');
const CSL_2016 = t('Cybersecurity Law (2016 text)', '《网络安全法》（2016年文本）');
const CSL_2025 = t('Cybersecurity Law as amended (adopted 2025-10-28, in force 2026-01-01)', '《网络安全法》（2025年10月28日修正，2026年1月1日施行）');
const POLICY = t('Company privacy policy (2024-02-23)', '公司隐私政策（2024年2月23日版）');
const NDSM = t('Network Data Security Management Regulations (in force 2025-01-01)', '《网络数据安全管理条例》（2025年1月1日施行）');
const PIO_NOTICE = t('CAC notice of 2025-07-18 on reporting the PI protection officer', '国家网信办2025年7月18日关于报送个人信息保护负责人信息的公告');
const CERT_MEASURES = t('Measures for the Certification of Outbound Transfer of Personal Information (CAC & SAMR Order No. 20, in force 2026-01-01)', '《个人信息出境认证办法》（国家网信办、市场监管总局令第20号，2026年1月1日施行）');

const cn = (key: string, country: string | null = null) => ({ key, regime: 'CN' as const, zone: SHANGHAI, country });

export const CN_DEADLINES: ShippedRule[] = [
  deadline({ ...cn('pipl57.authority'), usedBy: ['incidents'] }, [
    v(t('Notify the PI protection authority ({period})', '通知履行个人信息保护职责的部门（{period}）'), t('PIPL Art. 57', '《个人信息保护法》第五十七条'), official(PIPL, 'Art. 57'), p({ kind: 'immediate' })),
  ]),
  deadline({ ...cn('pipl57.individuals'), usedBy: ['incidents'] }, [
    v(
      t('Notify affected individuals ({period})', '通知受影响的个人（{period}）'),
      t('PIPL Art. 57 (not needed where measures effectively avoid harm)', '《个人信息保护法》第五十七条（采取措施能够有效避免危害的可不通知）'),
      official(PIPL, 'Art. 57(1)–(2)'),
      p({ kind: 'immediate' }),
    ),
  ]),
  deadline({ ...cn('cac.report.4h'), usedBy: ['incidents'] }, [
    v(t('Report to the provincial cyberspace administration ({period})', '向省级网信部门报告（{period}）'), CAC_MEASURES, official(CAC_MEASURES, 'Art. 7'), p({ kind: 'hours', hours: 4 })),
  ]),
  deadline({ ...cn('cac.report.cii.1h'), usedBy: ['incidents'] }, [
    v(
      t('CII operator: report to the protection department and police ({period})', '关键信息基础设施运营者向保护工作部门和公安机关报告（{period}）'),
      CAC_MEASURES,
      official(CAC_MEASURES, 'Art. 7'),
      p({ kind: 'hours', hours: 1 }),
    ),
  ]),
  deadline({ ...cn('cac.supplement'), usedBy: ['incidents'] }, [
    v(
      t('Supplement the first CAC report ({period})', '补报网络安全事件报告其余内容（{period}）'),
      t('CAC Incident Reporting Measures Art. 7(2): items (1) and (2) may go first, the rest is supplemented promptly', '《国家网络安全事件报告管理办法》第七条第二款：可先报告第（一）（二）项，其余内容及时补报'),
      official(CAC_MEASURES, 'Art. 7(2)'),
      p({ kind: 'immediate' }),
    ),
  ]),
  deadline({ ...cn('cac.summary.30d', 'CN'), usedBy: ['incidents'] }, [
    v(
      t('Summary report after handling ends ({period})', '事件处置结束后提交总结报告（{period}）'),
      t('CAC Incident Reporting Measures Art. 8', '《国家网络安全事件报告管理办法》第八条'),
      official(CAC_MEASURES, 'Art. 8'),
      p({ kind: 'calendarDays', days: 30, rollOver: true }),
    ),
  ]),
  deadline({ ...cn('minors.report'), usedBy: ['incidents'] }, [
    v(
      t("Report an incident involving minors' PI ({period})", '涉及未成年人个人信息的事件报告（{period}）'),
      t('Minors Online Protection Regulations Art. 35', '《未成年人网络保护条例》第三十五条'),
      official(MINORS_REGS, 'Art. 35'),
      p({ kind: 'immediate' }),
    ),
  ]),
  deadline({ ...cn('scc.filing.10wd', 'CN'), usedBy: ['transfers'] }, [
    v(t('File the standard contract ({period})', '标准合同备案（{period}）'), t('Standard Contract Measures Art. 7', '《个人信息出境标准合同办法》第七条'), official(SCC_MEASURES, 'Art. 7'), p({ kind: 'workingDays', days: 10 })),
  ]),
  deadline({ ...cn('scc.supplement.10wd', 'CN'), usedBy: ['transfers'] }, [
    v(
      t('Send the supplements requested ({period})', '补充提交材料（{period}）'),
      t('Standard Contract Measures; CAC filing guide', '《个人信息出境标准合同办法》；备案指南'),
      commentary(t('CAC Standard Contract Filing Guide', '《个人信息出境标准合同备案指南》'), '§4', t('The period comes from the filing guide, not from the Measures themselves.', '期限来自备案指南，而非办法正文。')),
      p({ kind: 'workingDays', days: 10 }),
    ),
  ]),
  deadline({ ...cn('scc.refiling.10wd', 'CN'), usedBy: ['transfers'] }, [
    v(
      t('Re-assess and re-file after a change ({period}, target)', '变更后重新评估并重新备案（{period}，目标）'),
      t('Standard Contract Measures Art. 8', '《个人信息出境标准合同办法》第八条'),
      commentary(SCC_MEASURES, 'Art. 8', t('Art. 8 sets no period; the target and the full list of changes follow commentary.', '第八条未规定期限；目标期限及变更情形的完整列表参照解读。')),
      p({ kind: 'workingDays', days: 10 }),
    ),
  ]),
  deadline({ ...cn('pipia.retention.3y'), usedBy: ['transfers'] }, [
    v(t('Keep the PIPIA report (at least {period})', '保存个人信息保护影响评估报告（至少{period}）'), t('PIPL Art. 56', '《个人信息保护法》第五十六条'), official(PIPL, 'Art. 56'), p({ kind: 'years', years: 3, rollOver: false })),
  ]),
  deadline({ ...cn('records.provision'), usedBy: ['transfers'] }, [
    v(
      t('Keep the records of providing PI (at least {period} after the last transfer)', '保存向他人提供个人信息的记录（最后一次提供后至少{period}）'),
      t('Network Data Security Management Regulations Art. 12', '《网络数据安全管理条例》第十二条'),
      official(NDSM, 'Art. 12'),
      p({ kind: 'years', years: 3, rollOver: false }),
      { from: '2025-01-01' },
    ),
  ]),
  deadline({ ...cn('cert.validity'), usedBy: ['transfers'] }, [
    v(
      t('Renew the PI protection certificate (valid {period})', '个人信息保护认证证书续期（有效期{period}）'),
      t('PI Protection Certification Implementation Rules (2022): a certificate is valid for 3 years', '《个人信息保护认证实施规则》（2022年）：认证证书有效期为3年'),
      official(t('PI Protection Certification Implementation Rules (SAMR & CAC, 2022)', '《个人信息保护认证实施规则》（市场监管总局、国家网信办，2022年）'), '§6'),
      p({ kind: 'years', years: 3, rollOver: false }),
      { to: '2025-12-31' },
    ),
    v(
      t('Renew the PI protection certificate (valid {period})', '个人信息保护认证证书续期（有效期{period}）'),
      t('Outbound Certification Measures: a certificate is valid for 3 years', '《个人信息出境认证办法》：认证证书有效期为3年'),
      official(CERT_MEASURES, 'certificate validity'),
      p({ kind: 'years', years: 3, rollOver: false }),
      { from: '2026-01-01' },
    ),
  ]),
  deadline({ ...cn('scc.expiry'), usedBy: ['transfers'] }, [
    v(t('Standard contract term ends', '标准合同期限届满'), t('Standard contract: the term the parties agreed', '标准合同：双方约定的期限'), official(SCC_MEASURES, 'Annex (contract term)'), p({ kind: 'fixedDate' })),
  ]),
  deadline({ ...cn('request.rights.15wd', 'CN'), regime: 'policy', usedBy: ['inbox'], params: { clockStops: { type: 'bool', label: t('The clock stops while clarification or ID is awaited', '等待澄清或身份证明期间停止计时') } } }, [
    v(
      t('Reply to the rights request ({period})', '答复个人权利请求（{period}）'),
      t('Privacy policy §V; PIPL Art. 50', '隐私政策第五部分；《个人信息保护法》第五十条'),
      official(POLICY, '§V'),
      p({ kind: 'workingDays', days: 15 }, { clockStops: false }),
    ),
  ]),
  deadline({ ...cn('request.complaint.15d', 'CN'), regime: 'policy', usedBy: ['inbox'] }, [
    v(t('Reply to the complaint ({period})', '答复投诉（{period}）'), t('Privacy policy §IX', '隐私政策第九部分'), official(POLICY, '§IX'), p({ kind: 'calendarDays', days: 15, rollOver: true })),
  ]),
  // RULES.md §7: the 6-month log duty moved from Art. 21 to Art. 23(3) on 2026-01-01; earlier records keep the old article.
  deadline({ ...cn('hold.networkLogs.6m'), usedBy: ['inbox'] }, [
    v(t('Keep network logs (at least {period})', '留存网络日志（不少于{period}）'), t('Cybersecurity Law (2016) Art. 21: network logs kept at least {period}', '《网络安全法》（2016年）第二十一条：网络日志留存不少于{period}'), official(CSL_2016, 'Art. 21'), p({ kind: 'months', months: 6, rollOver: false }), { to: '2025-12-31' }),
    v(t('Keep network logs (at least {period})', '留存网络日志（不少于{period}）'), t('Cybersecurity Law (amended 2025) Art. 23(3): network logs kept at least {period}', '《网络安全法》（2025年修正）第二十三条第三款：网络日志留存不少于{period}'), official(CSL_2025, 'Art. 23(3)'), p({ kind: 'months', months: 6, rollOver: false }), { from: '2026-01-01' }),
  ]),
  deadline({ ...cn('hold.transactions.3y'), usedBy: ['inbox'] }, [
    v(
      t('Keep transaction records (at least {period} from completion)', '保存交易信息（自交易完成之日起不少于{period}）'),
      t('E-Commerce Law Art. 31: transaction records kept ≥ {period} from completion', '《电子商务法》第三十一条：交易信息自交易完成之日起保存不少于{period}'),
      official(t('E-Commerce Law', '《电子商务法》'), 'Art. 31'),
      p({ kind: 'years', years: 3, rollOver: false }),
    ),
  ]),
  deadline({ ...cn('hold.until'), usedBy: ['inbox'] }, [
    v(
      t('Retention hold clears', '留存期限届满'),
      t('PIPL Art. 47 (stop all processing but storage and security while retention runs)', '《个人信息保护法》第四十七条（保存期限未届满的，停止除存储和安全保护以外的处理）'),
      official(PIPL, 'Art. 47'),
      p({ kind: 'fixedDate' }),
    ),
  ]),
  deadline({ ...cn('target.until'), regime: 'policy', usedBy: ['inbox'] }, [
    v(t('Internal target', '内部目标期限'), t("The DPO's own target (no legal period)", '个人信息保护负责人设定的内部目标（无法定期限）'), official(POLICY, 'internal target'), p({ kind: 'fixedDate' })),
  ]),
  deadline({ ...cn('pio.report', 'CN'), usedBy: ['governance'], params: { atLeastIndividuals: people('Individuals (reaching the number opens the clock)', '个人信息人数（达到该数量时起算）') } }, [
    v(
      t('Report the PI protection officer to the city-level cyberspace administration ({period})', '向设区的市级网信部门报送个人信息保护负责人信息（{period}）'),
      t('CAC notice of 2025-07-18; Compliance Audit Measures Art. 12 (from {atLeastIndividuals} individuals)', '国家网信办2025年7月18日公告；《个人信息保护合规审计管理办法》第十二条（{atLeastIndividuals}人以上）'),
      official(PIO_NOTICE, '§2'),
      p({ kind: 'workingDays', days: 30 }, { atLeastIndividuals: 1_000_000 }),
    ),
  ]),
];
