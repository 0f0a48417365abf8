import type { ScalarSpec } from '../../../preload/contract/rules';
import { t, type ShippedRule } from '../model';
import { CAC_MEASURES, commentary, official, people, PIPL, v } from './deadlines-cn';

// Grade bands, audit-order and route thresholds, and the requirements without a clock.

const sourceKind = (en: string, zh: string): ScalarSpec => ({ type: 'sourceKind', label: t(en, zh) });
const rmb = (en: string, zh: string): ScalarSpec => ({ type: 'int', label: t(en, zh), min: 0, max: 10_000_000_000_000, unit: 'rmb' });
const flag = (en: string, zh: string): ScalarSpec => ({ type: 'bool', label: t(en, zh) });

const PROVISIONS = t('Provisions on Promoting and Regulating Cross-Border Data Flows (CAC, in force 2024-03-22)', '《促进和规范数据跨境流动规定》（国家网信办，2024年3月22日施行）');
const SCC_MEASURES = t('Measures on the Standard Contract for Outbound Transfer of Personal Information (CAC, 2023)', '《个人信息出境标准合同办法》（国家网信办，2023年）');
const AUDIT_MEASURES = t('Measures for PI Protection Compliance Audits (in force 2025-05-01)', '《个人信息保护合规审计管理办法》（2025年5月1日施行）');
const MINORS_REGS = t('Regulations on the Protection of Minors Online', '《未成年人网络保护条例》');
const CERT_MEASURES = t('Measures for the Certification of Outbound Transfer of Personal Information (in force 2026-01-01)', '《个人信息出境认证办法》（2026年1月1日施行）');

export const THRESHOLD_RULES: ShippedRule[] = [
  {
    // RULES.md §7: people counts confirmed from the final annex; RMB 5M / 20M only in the 2023 draft; RMB 100M in the final text.
    def: {
      key: 'cac.grade.bands',
      kind: 'bands',
      regime: 'CN',
      usedBy: ['incidents'],
      params: {
        bands: {
          type: 'list',
          label: t('Grades, highest first (a grade is reached at its people count or its loss)', '级别（自高至低；达到人数或损失之一即为该级别）'),
          keyField: 'grade',
          fixedKeys: true,
          item: {
            grade: { type: 'enum', label: t('Grade', '级别'), values: ['particularlyMajor', 'major', 'relativelyMajor'] },
            people: people('People affected (at least)', '受影响人数（以上）'),
            peopleSource: sourceKind('Source of the people count', '人数门槛来源'),
            lossRmb: rmb('Direct loss in RMB (at least)', '直接经济损失（元，以上）'),
            lossSource: sourceKind('Source of the loss amount', '损失门槛来源'),
          },
        },
      },
    },
    versions: [
      v(
        t('CAC incident grade from people affected and direct loss', '按受影响人数和直接经济损失定级'),
        t('CAC Incident Reporting Measures, annex (grading); "or more" includes the number (Civil Code Art. 1259); the annex has catch-all clauses, so the DPO may grade up with a reason', '《国家网络安全事件报告管理办法》附件（分级）；“以上”含本数（《民法典》第一千二百五十九条）；附件含兜底条款，DPO可说明理由后上调级别'),
        official(CAC_MEASURES, 'Annex (grading)', t('People counts are from the final annex; the RMB 5M and 20M loss amounts were found only in the 2023 draft.', '人数门槛来自正式附件；500万元和2000万元的损失门槛仅见于2023年征求意见稿。')),
        {
          bands: [
            { grade: 'particularlyMajor', people: 100_000_000, peopleSource: 'official', lossRmb: 100_000_000, lossSource: 'official' },
            { grade: 'major', people: 10_000_000, peopleSource: 'official', lossRmb: 20_000_000, lossSource: 'commentary' },
            { grade: 'relativelyMajor', people: 1_000_000, peopleSource: 'official', lossRmb: 5_000_000, lossSource: 'commentary' },
          ],
        },
      ),
    ],
  },
  {
    def: {
      key: 'audit.order',
      kind: 'threshold',
      regime: 'CN',
      usedBy: ['incidents'],
      params: { people: people('People whose PI is involved (at least)', '涉及个人信息人数（以上）'), sensitivePeople: people("People whose sensitive PI is involved (at least)", '涉及敏感个人信息人数（以上）') },
    },
    versions: [
      v(
        t('A compliance audit may be ordered after an incident', '事件发生后可能被要求开展合规审计'),
        t('Compliance Audit Measures Art. 5 (leaks, tampering, loss or damage of the PI of {people} people or the sensitive PI of {sensitivePeople})', '《个人信息保护合规审计管理办法》第五条（{people}人以上个人信息或{sensitivePeople}人以上敏感个人信息泄露、篡改、丢失、毁损）'),
        official(AUDIT_MEASURES, 'Art. 5'),
        { people: 1_000_000, sensitivePeople: 100_000 },
      ),
    ],
  },
  {
    def: {
      key: 'transfer.routes.2024',
      kind: 'bands',
      regime: 'CN',
      usedBy: ['transfers'],
      params: {
        contractNonSensitive: people('Standard contract or certification from (individuals, non-sensitive PI)', '订立标准合同或认证的起点（个人信息，不含敏感）'),
        assessmentNonSensitive: people('Security assessment from (individuals, non-sensitive PI)', '申报安全评估的起点（个人信息，不含敏感）'),
        contractSensitive: people('Standard contract or certification from (individuals, sensitive PI)', '订立标准合同或认证的起点（敏感个人信息）'),
        assessmentSensitive: people('Security assessment from (individuals, sensitive PI)', '申报安全评估的起点（敏感个人信息）'),
        priorRouteVolumesCount: flag('Volumes already exported under a contract or certification count toward the assessment band', '已通过标准合同或认证出境的数量计入安全评估门槛'),
        priorRouteVolumesSource: sourceKind('Source of that counting rule', '该计数规则的来源'),
      },
    },
    versions: [
      v(
        t('Route for exporting personal information (2024 Provisions)', '个人信息出境路径（2024年《规定》）'),
        t('2024 Provisions Arts. 7–8, counting since 1 January of the current year; exports under a contract or certification count toward the assessment band once it is reached (commentary)', '《促进和规范数据跨境流动规定》第七条、第八条，自当年1月1日起累计；已通过标准合同或认证出境的数量在达到安全评估门槛时一并计入（解读）'),
        official(PROVISIONS, 'Arts. 7–8'),
        { contractNonSensitive: 100_000, assessmentNonSensitive: 1_000_000, contractSensitive: 1, assessmentSensitive: 10_000, priorRouteVolumesCount: true, priorRouteVolumesSource: 'commentary' },
        { from: '2024-03-22' },
      ),
    ],
  },
  {
    def: {
      key: 'transfer.routes.2023',
      kind: 'bands',
      regime: 'CN',
      usedBy: ['transfers'],
      params: {
        processedTotal: people('Security assessment from (individuals processed in total)', '申报安全评估的起点（处理个人信息总人数）'),
        assessmentAll: people('Security assessment from (individuals exported since 1 January of the previous year)', '申报安全评估的起点（自上年1月1日起累计出境人数）'),
        assessmentSensitive: people('Security assessment from (individuals, sensitive PI)', '申报安全评估的起点（敏感个人信息）'),
      },
    },
    versions: [
      v(
        t('Route for exporting personal information (2023 Standard Contract Measures basis)', '个人信息出境路径（2023年《标准合同办法》口径）'),
        t('Standard Contract Measures (2023) Art. 4; Security Assessment Measures (2022) Art. 4', '《个人信息出境标准合同办法》第四条；《数据出境安全评估办法》第四条'),
        official(SCC_MEASURES, 'Art. 4'),
        { processedTotal: 1_000_000, assessmentAll: 100_000, assessmentSensitive: 10_000 },
      ),
    ],
  },
  {
    def: { key: 'cert.route', kind: 'requirement', regime: 'CN', usedBy: ['transfers'], params: { noImportantData: flag('Only where no important data is exported', '仅适用于不出境重要数据的情形') } },
    versions: [
      v(
        t('PI protection certification as a route of its own', '个人信息保护认证作为独立出境路径'),
        t('Outbound Certification Measures: certification by a professional body, for the standard-contract volume band, where no important data is exported', '《个人信息出境认证办法》：由专业认证机构认证，适用于标准合同数量区间，且不出境重要数据'),
        official(CERT_MEASURES, 'Arts. 3–4'),
        { noImportantData: true },
        { from: '2026-01-01' },
      ),
    ],
  },
  {
    def: { key: 'ftz.negativeList', kind: 'requirement', regime: 'CN', usedBy: ['transfers'], params: { stillNeedsNotice: flag('The Art. 39 notice, separate consent and the PIPIA still apply', '第三十九条告知、单独同意及影响评估仍然适用') } },
    versions: [
      v(
        t("Free-trade-zone exemption: data not on the zone's negative list", '自由贸易试验区豁免：负面清单以外的数据'),
        t('2024 Provisions Art. 6 (a processor registered in the pilot free-trade zone; e.g. Beijing’s list covers AI training data)', '《促进和规范数据跨境流动规定》第六条（在自贸试验区内注册的处理者；如北京清单涵盖人工智能训练数据）'),
        official(PROVISIONS, 'Art. 6'),
        { stillNeedsNotice: true },
      ),
    ],
  },
  {
    def: { key: 'minors.refusal', kind: 'requirement', regime: 'CN', usedBy: ['inbox'], params: { inWriting: flag('The refusal is given in writing with reasons', '拒绝应以书面形式并说明理由') } },
    versions: [
      v(
        t("A refusal of a minor's or guardian's request is given in writing with reasons", '拒绝未成年人或其监护人的请求，应以书面形式并说明理由'),
        t('Minors Online Protection Regulations Art. 34(3)', '《未成年人网络保护条例》第三十四条第三款'),
        official(MINORS_REGS, 'Art. 34(3)'),
        { inWriting: true },
      ),
    ],
  },
  {
    def: { key: 'pipl57.harmAvoided', kind: 'requirement', regime: 'CN', usedBy: ['incidents'], params: { authorityStillNotified: flag('The authority is notified even when harm is avoided', '即使已避免危害，仍须通知职责部门') } },
    versions: [
      v(
        t('Individuals need not be told where measures effectively avoid harm', '采取措施能够有效避免危害的可不通知个人'),
        t('PIPL Art. 57(2); no such exception for the authority', '《个人信息保护法》第五十七条第二款；对职责部门的通知无此例外'),
        official(PIPL, 'Art. 57(2)'),
        { authorityStillNotified: true },
      ),
    ],
  },
  {
    def: { key: 'scc.changeRefiling', kind: 'requirement', regime: 'CN', usedBy: ['transfers'], params: { duringTermOnly: flag('Only changes during the contract term re-open the filing', '仅合同有效期内的变更须重新备案') } },
    versions: [
      v(
        t('Changes that re-open the standard-contract filing', '须重新备案的标准合同变更'),
        t('Standard Contract Measures Art. 8 (purpose, scope, categories, sensitivity, method, storage location, longer retention, destination law, recipient use)', '《个人信息出境标准合同办法》第八条（目的、范围、种类、敏感程度、方式、存储地点、延长保存期限、境外法律变化、接收方用途）'),
        commentary(SCC_MEASURES, 'Art. 8', t('The full list of changes follows commentary on Art. 8.', '变更情形的完整列表参照对第八条的解读。')),
        { duringTermOnly: true },
      ),
    ],
  },
];


