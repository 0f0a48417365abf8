import type { ParamSpec } from '../../../preload/contract/rules';
import { t } from '../model';
import type { ShippedRule } from '../model';
import { deadline, official, people, v } from './deadlines-cn';

// Clocks of the comparison regimes a Beijing company serving users abroad also meets
// (RULES.md §§2, 5, 7): GDPR, UK GDPR and the Data (Use and Access) Act 2025, the US states.

const BRUSSELS = 'Europe/Brussels';
const LONDON = 'Europe/London';
const LOS_ANGELES = 'America/Los_Angeles';
const NEW_YORK = 'America/New_York';
const CHICAGO = 'America/Chicago';
const DENVER = 'America/Denver';

const GDPR = t('General Data Protection Regulation (EU) 2016/679', '《通用数据保护条例》（欧盟2016/679号条例）');
const UK_GDPR = t('UK GDPR and Data Protection Act 2018', '英国《通用数据保护条例》及《2018年数据保护法》');
const DUAA = t('Data (Use and Access) Act 2025 (UK)', '英国《2025年数据（使用和访问）法》');
const CA_CODE = t('California Civil Code', '《加利福尼亚州民法典》');
const CCPA_REGS = t('CCPA Regulations, Cal. Code Regs. tit. 11 (as amended, in force 2026-01-01)', '《加州消费者隐私法实施条例》（加州法规第11编，2026年1月1日起修订施行）');

const CLOCK_STOPS: Record<string, ParamSpec> = {
  clockStops: { type: 'bool', label: t('The clock stops while clarification or ID is awaited', '等待澄清或身份证明期间停止计时') },
};
const MORE_THAN: Record<string, ParamSpec> = { moreThanResidents: people('Residents (more than)', '居民人数（超过）') };
const AT_LEAST: Record<string, ParamSpec> = { atLeastResidents: people('Residents (at least)', '居民人数（达到）') };

const days = (n: number) => ({ kind: 'calendarDays' as const, days: n, rollOver: false });

export const ABROAD_DEADLINES: ShippedRule[] = [
  // GDPR and the US periods are counted without roll-over: the date shown is never later than the law's.
  deadline({ key: 'gdpr33.authority.72h', regime: 'EU', zone: BRUSSELS, country: null, usedBy: ['incidents', 'notices'] }, [
    v(
      t('Notify the supervisory authority ({period})', '通知监管机构（{period}）'),
      t('GDPR Art. 33(1); a later notice gives reasons for the delay', '《通用数据保护条例》第33条第1款；逾期通知须说明迟延理由'),
      official(GDPR, 'Art. 33(1)', t('The Digital Omnibus proposal COM(2025) 837 would move this to 96 hours for high-risk breaches only; it is not law.', '“数字综合”提案COM(2025) 837拟将其改为仅高风险泄露、96小时；尚未成为法律。')),
      { period: { kind: 'hours', hours: 72 } },
    ),
  ]),
  deadline({ key: 'gdpr34.individuals', regime: 'EU', zone: BRUSSELS, country: null, usedBy: ['incidents'] }, [
    v(t('Tell data subjects of a high-risk breach ({period})', '向数据主体告知高风险泄露（{period}）'), t('GDPR Art. 34(1)', '《通用数据保护条例》第34条第1款'), official(GDPR, 'Art. 34(1)'), { period: { kind: 'immediate' } }),
  ]),
  deadline({ key: 'gdpr12.response.1m', regime: 'EU', zone: BRUSSELS, country: null, usedBy: ['inbox'], params: CLOCK_STOPS }, [
    v(
      t('Answer the data subject request ({period})', '答复数据主体请求（{period}）'),
      t('GDPR Art. 12(3)', '《通用数据保护条例》第12条第3款'),
      official(GDPR, 'Art. 12(3)'),
      { period: { kind: 'months', months: 1, rollOver: false }, clockStops: false },
    ),
  ]),
  deadline({ key: 'gdpr12.extended.3m', regime: 'EU', zone: BRUSSELS, country: null, usedBy: ['inbox'], params: CLOCK_STOPS }, [
    v(
      t('Answer the extended request ({period} from receipt)', '答复延期的请求（自收到起{period}）'),
      t('GDPR Art. 12(3) (extension told with reasons within the first month)', '《通用数据保护条例》第12条第3款（须在第一个月内告知延期及理由）'),
      official(GDPR, 'Art. 12(3)'),
      { period: { kind: 'months', months: 3, rollOver: false }, clockStops: false },
    ),
  ]),
  deadline({ key: 'uk.ico', regime: 'UK', zone: LONDON, country: null, usedBy: ['incidents'] }, [
    v(t('Notify the ICO ({period})', '通知英国信息专员办公室（{period}）'), t('UK GDPR Art. 33(1)', '英国GDPR第33条第1款'), official(UK_GDPR, 'Art. 33(1)'), { period: { kind: 'hours', hours: 72 } }),
  ]),
  // RULES.md §7: from 2026-02-05 the clock stops while the controller waits for clarification or ID.
  deadline({ key: 'uk.response', regime: 'UK', zone: LONDON, country: null, usedBy: ['inbox'], params: CLOCK_STOPS }, [
    v(t('Answer the UK request ({period})', '答复英国数据主体请求（{period}）'), t('UK GDPR Art. 12(3)', '英国GDPR第12条第3款'), official(UK_GDPR, 'Art. 12(3)'), { period: { kind: 'months', months: 1, rollOver: false }, clockStops: false }, { to: '2026-02-04' }),
    v(
      t('Answer the UK request ({period}; the clock stops while clarification or ID is awaited)', '答复英国数据主体请求（{period}；等待澄清或身份证明期间停止计时）'),
      t('UK GDPR Art. 12(3) as amended by the Data (Use and Access) Act 2025', '经英国《2025年数据（使用和访问）法》修订的英国GDPR第12条第3款'),
      official(DUAA, 'Part 5 (amending UK GDPR Art. 12)'),
      { period: { kind: 'months', months: 1, rollOver: false }, clockStops: true },
      { from: '2026-02-05' },
    ),
  ]),
  deadline({ key: 'uk.extended', regime: 'UK', zone: LONDON, country: null, usedBy: ['inbox'], params: CLOCK_STOPS }, [
    v(t('Answer the extended UK request ({period} from receipt)', '答复延期的英国请求（自收到起{period}）'), t('UK GDPR Art. 12(3)', '英国GDPR第12条第3款'), official(UK_GDPR, 'Art. 12(3)'), { period: { kind: 'months', months: 3, rollOver: false }, clockStops: false }, { to: '2026-02-04' }),
    v(
      t('Answer the extended UK request ({period} from receipt; the clock stops while clarification or ID is awaited)', '答复延期的英国请求（自收到起{period}；等待澄清或身份证明期间停止计时）'),
      t('UK GDPR Art. 12(3) as amended by the Data (Use and Access) Act 2025', '经英国《2025年数据（使用和访问）法》修订的英国GDPR第12条第3款'),
      official(DUAA, 'Part 5 (amending UK GDPR Art. 12)'),
      { period: { kind: 'months', months: 3, rollOver: false }, clockStops: true },
      { from: '2026-02-05' },
    ),
  ]),
  deadline({ key: 'uk.complaint.ack', regime: 'UK', zone: LONDON, country: null, usedBy: ['inbox'] }, [
    v(
      t('Acknowledge the UK complaint ({period})', '确认收到英国投诉（{period}）'),
      t('Data Protection Act 2018 s. 164A (inserted by the Data (Use and Access) Act 2025)', '英国《2018年数据保护法》第164A条（由《2025年数据（使用和访问）法》增订）'),
      official(DUAA, 's. 103 (DPA 2018 s. 164A)'),
      { period: days(30) },
      { from: '2026-06-19' },
    ),
  ]),
  // Cal. Civ. Code §1798.82 before 2026: "the most expedient time possible and without unreasonable delay".
  deadline({ key: 'ca.residents.30d', regime: 'US-CA', zone: LOS_ANGELES, country: null, usedBy: ['incidents'] }, [
    v(t('Notify California residents ({period})', '通知加州居民（{period}）'), t('Cal. Civ. Code §1798.82(a) (most expedient time possible)', '《加州民法典》第1798.82条(a)款（以最快的时间）'), official(CA_CODE, '§1798.82(a)'), { period: { kind: 'immediate' } }, { to: '2025-12-31' }),
    v(t('Notify California residents ({period})', '通知加州居民（{period}）'), t('Cal. Civ. Code §1798.82(a) (from 2026-01-01)', '《加州民法典》第1798.82条(a)款（2026年1月1日起）'), official(CA_CODE, '§1798.82(a)'), { period: days(30) }, { from: '2026-01-01' }),
  ]),
  deadline({ key: 'ca.ag.15d', regime: 'US-CA', zone: LOS_ANGELES, country: null, usedBy: ['incidents'], params: MORE_THAN }, [
    v(
      t('Send the Attorney General a sample notice ({period})', '向加州总检察长提交通知样本（{period}）'),
      t('Cal. Civ. Code §1798.82(f) (more than {moreThanResidents} residents)', '《加州民法典》第1798.82条(f)款（超过{moreThanResidents}名居民）'),
      official(CA_CODE, '§1798.82(f)'),
      { period: days(15), moreThanResidents: 500 },
    ),
  ]),
  deadline({ key: 'ny.residents', regime: 'US-NY', zone: NEW_YORK, country: null, usedBy: ['incidents'] }, [
    v(t('Notify New York residents ({period})', '通知纽约州居民（{period}）'), t('N.Y. Gen. Bus. Law §899-aa(2)', '《纽约州一般商业法》第899-aa条第2款'), official(t('New York General Business Law', '《纽约州一般商业法》'), '§899-aa(2)'), { period: days(30) }),
  ]),
  deadline({ key: 'ny.regulators', regime: 'US-NY', zone: NEW_YORK, country: null, usedBy: ['incidents'] }, [
    v(
      t('Notify the NY Attorney General, Department of State and State Police ({period})', '通知纽约州总检察长、州务院和州警察局（{period}）'),
      t('N.Y. Gen. Bus. Law §899-aa(8)(a)', '《纽约州一般商业法》第899-aa条第8款(a)项'),
      official(t('New York General Business Law', '《纽约州一般商业法》'), '§899-aa(8)(a)', t('Given with the resident notice: the same period is applied.', '与居民通知同时发出：适用相同期限。')),
      { period: days(30) },
    ),
  ]),
  deadline({ key: 'ny.dfs', regime: 'US-NY', zone: NEW_YORK, country: null, usedBy: ['incidents'] }, [
    v(
      t('Covered entity: notify the NY Department of Financial Services ({period})', '受监管主体：通知纽约州金融服务局（{period}）'),
      t('23 NYCRR §500.17(a)', '《纽约州法规汇编》第23编第500.17条(a)款'),
      official(t('NYDFS Cybersecurity Regulation (23 NYCRR Part 500)', '纽约州金融服务局网络安全条例（23 NYCRR 第500部分）'), '§500.17(a)'),
      { period: { kind: 'hours', hours: 72 } },
    ),
  ]),
  deadline({ key: 'tx.residents', regime: 'US-TX', zone: CHICAGO, country: null, usedBy: ['incidents'] }, [
    v(t('Notify Texas residents ({period})', '通知得克萨斯州居民（{period}）'), t('Tex. Bus. & Com. Code §521.053(b)', '《得克萨斯州商业法典》第521.053条(b)款'), official(t('Texas Business and Commerce Code', '《得克萨斯州商业法典》'), '§521.053(b)'), { period: days(60) }),
  ]),
  deadline({ key: 'tx.ag', regime: 'US-TX', zone: CHICAGO, country: null, usedBy: ['incidents'], params: AT_LEAST }, [
    v(
      t('Notify the Texas Attorney General ({period})', '通知得克萨斯州总检察长（{period}）'),
      t('Tex. Bus. & Com. Code §521.053(i) (at least {atLeastResidents} Texans)', '《得克萨斯州商业法典》第521.053条(i)款（{atLeastResidents}名以上得州居民）'),
      official(t('Texas Business and Commerce Code', '《得克萨斯州商业法典》'), '§521.053(i)'),
      { period: days(30), atLeastResidents: 250 },
    ),
  ]),
  deadline({ key: 'co.residents', regime: 'US-CO', zone: DENVER, country: null, usedBy: ['incidents'] }, [
    v(t('Notify Colorado residents ({period})', '通知科罗拉多州居民（{period}）'), t('C.R.S. §6-1-716(2)', '《科罗拉多州修订法规》第6-1-716条第2款'), official(t('Colorado Revised Statutes', '《科罗拉多州修订法规》'), '§6-1-716(2)'), { period: days(30) }),
  ]),
  deadline({ key: 'co.ag', regime: 'US-CO', zone: DENVER, country: null, usedBy: ['incidents'], params: AT_LEAST }, [
    v(
      t('Notify the Colorado Attorney General ({period})', '通知科罗拉多州总检察长（{period}）'),
      t('C.R.S. §6-1-716(2)(f) (at least {atLeastResidents} residents)', '《科罗拉多州修订法规》第6-1-716条第2款(f)项（{atLeastResidents}名以上居民）'),
      official(t('Colorado Revised Statutes', '《科罗拉多州修订法规》'), '§6-1-716(2)(f)'),
      { period: days(30), atLeastResidents: 500 },
    ),
  ]),
  deadline({ key: 'wa.residents', regime: 'US-WA', zone: LOS_ANGELES, country: null, usedBy: ['incidents'] }, [
    v(t('Notify Washington residents ({period})', '通知华盛顿州居民（{period}）'), t('RCW 19.255.010(8)', '《华盛顿州修订法典》第19.255.010条第8款'), official(t('Revised Code of Washington', '《华盛顿州修订法典》'), '19.255.010(8)'), { period: days(30) }),
  ]),
  deadline({ key: 'wa.ag', regime: 'US-WA', zone: LOS_ANGELES, country: null, usedBy: ['incidents'], params: MORE_THAN }, [
    v(
      t('Notify the Washington Attorney General ({period})', '通知华盛顿州总检察长（{period}）'),
      t('RCW 19.255.010(7) (more than {moreThanResidents} residents)', '《华盛顿州修订法典》第19.255.010条第7款（超过{moreThanResidents}名居民）'),
      official(t('Revised Code of Washington', '《华盛顿州修订法典》'), '19.255.010(7)'),
      { period: days(30), moreThanResidents: 500 },
    ),
  ]),
  deadline(
    {
      key: 'fl.residents',
      regime: 'US-FL',
      zone: NEW_YORK,
      country: null,
      usedBy: ['incidents'],
      params: { goodCauseExtensionDays: { type: 'int', label: t('Extra days for good cause (written to the Department)', '有正当理由可延长的天数（书面告知该部门）'), min: 0, max: 365, unit: 'days' } },
    },
    [
      v(
        t('Notify Florida residents ({period})', '通知佛罗里达州居民（{period}）'),
        t('Fla. Stat. §501.171(4)(a) (+{goodCauseExtensionDays} days for good cause)', '《佛罗里达州法规》第501.171条第4款(a)项（有正当理由可延长{goodCauseExtensionDays}日）'),
        official(t('Florida Statutes', '《佛罗里达州法规》'), '§501.171(4)(a)'),
        { period: days(30), goodCauseExtensionDays: 15 },
      ),
    ],
  ),
  deadline({ key: 'fl.dla', regime: 'US-FL', zone: NEW_YORK, country: null, usedBy: ['incidents'], params: AT_LEAST }, [
    v(
      t('Notify the Florida Department of Legal Affairs ({period})', '通知佛罗里达州法律事务部（{period}）'),
      t('Fla. Stat. §501.171(3)(a) (at least {atLeastResidents} residents)', '《佛罗里达州法规》第501.171条第3款(a)项（{atLeastResidents}名以上居民）'),
      official(t('Florida Statutes', '《佛罗里达州法规》'), '§501.171(3)(a)'),
      { period: days(30), atLeastResidents: 500 },
    ),
  ]),
  // CCPA request clocks (§7021, §7026): business days on the US federal-holiday calendar.
  deadline({ key: 'ccpa.ack', regime: 'US-CA', zone: LOS_ANGELES, country: 'US', usedBy: ['inbox'] }, [
    v(t('Confirm receipt of the CCPA request ({period})', '确认收到CCPA请求（{period}）'), t('CCPA Regulations §7021(a)', '《加州消费者隐私法实施条例》第7021条(a)款'), official(CCPA_REGS, '§7021(a)'), { period: { kind: 'businessDays', days: 10 } }),
  ]),
  deadline({ key: 'ccpa.response', regime: 'US-CA', zone: LOS_ANGELES, country: null, usedBy: ['inbox'] }, [
    v(t('Answer the CCPA request ({period})', '答复CCPA请求（{period}）'), t('CCPA Regulations §7021(b)', '《加州消费者隐私法实施条例》第7021条(b)款'), official(CCPA_REGS, '§7021(b)'), { period: days(45) }),
  ]),
  deadline({ key: 'ccpa.extended', regime: 'US-CA', zone: LOS_ANGELES, country: null, usedBy: ['inbox'] }, [
    v(
      t('Answer the extended CCPA request ({period} from receipt)', '答复延期的CCPA请求（自收到起{period}）'),
      t('CCPA Regulations §7021(b) (extension told with reasons within the first 45 days)', '《加州消费者隐私法实施条例》第7021条(b)款（须在45日内告知延期及理由）'),
      official(CCPA_REGS, '§7021(b)'),
      { period: days(90) },
    ),
  ]),
  deadline({ key: 'ccpa.optout', regime: 'US-CA', zone: LOS_ANGELES, country: 'US', usedBy: ['inbox'] }, [
    v(t('Act on the opt-out of sale or sharing ({period})', '处理退出出售或共享的请求（{period}）'), t('CCPA Regulations §7026(f)', '《加州消费者隐私法实施条例》第7026条(f)款'), official(CCPA_REGS, '§7026(f)'), { period: { kind: 'businessDays', days: 15 } }),
  ]),
];
