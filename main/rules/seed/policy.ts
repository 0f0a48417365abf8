import { RefusalGround } from '../../../preload/contract/inbox';
import { t, type ShippedRule } from '../model';
import { official } from './deadlines-cn';

// The privacy policy's refusal grounds, the statutory holidays the provisional PRC calendar is
// computed from, and the US federal holidays CCPA business days count on.

const POLICY = t('Company privacy policy (2024-02-23)', '公司隐私政策（2024年2月23日版）');

/** The nine grounds the contract names (privacy policy §V); their wording is the catalogue's. */
export const GROUND_CODES: string[] = [...RefusalGround.options];

const days = (en: string, zh: string) => ({ type: 'int' as const, label: t(en, zh), min: 0, max: 30, unit: 'days' as const });

export const POLICY_RULES: ShippedRule[] = [
  {
    def: {
      key: 'policy.refusalGrounds',
      kind: 'grounds',
      regime: 'policy',
      usedBy: ['inbox', 'notices'],
      params: {
        grounds: {
          type: 'list',
          label: t('The lawful grounds, in the policy’s order', '可依法拒绝的情形（按隐私政策顺序）'),
          keyField: 'ground',
          fixedKeys: true,
          item: {
            ground: { type: 'enum', label: t('Ground', '情形'), values: GROUND_CODES },
            n: { type: 'int', label: t('Number in the policy', '政策中的序号'), min: 1, max: 99 },
            text: { type: 'text', label: t('Wording', '表述') },
          },
        },
      },
    },
    versions: [
      {
        effectiveFrom: null,
        effectiveTo: null,
        name: t('Lawful refusal grounds of the privacy policy', '隐私政策规定的可拒绝情形'),
        basis: t('Privacy policy §V (the nine grounds); PIPL Art. 50 (a refusal gives reasons)', '隐私政策第五条（九种情形）；《个人信息保护法》第五十条（拒绝应说明理由）'),
        source: official(POLICY, '§V', t('The zh wording follows GB/T 35273-2020 §8.7, which the policy reproduces; compare it with the published policy.', '中文表述沿用隐私政策所引GB/T 35273-2020第8.7条，请与已发布的政策文本核对。')),
        params: {
          grounds: [
            { ground: 'legalObligation', n: 1, text: t('It relates to our performance of obligations under laws and regulations', '与我们履行法律法规规定的义务相关的') },
            { ground: 'nationalSecurity', n: 2, text: t('It directly relates to national security or national defence', '与国家安全、国防安全直接相关的') },
            { ground: 'publicInterest', n: 3, text: t('It directly relates to public security, public health or vital public interests', '与公共安全、公共卫生、重大公共利益直接相关的') },
            { ground: 'criminalProceedings', n: 4, text: t('It directly relates to criminal investigation, prosecution, trial or enforcement of judgments', '与刑事侦查、起诉、审判和执行判决等直接相关的') },
            { ground: 'abuseOfRights', n: 5, text: t('There is sufficient evidence of subjective malice or abuse of rights by the person', '有充分证据表明个人信息主体存在主观恶意或滥用权利的') },
            {
              ground: 'vitalInterests',
              n: 6,
              text: t('It protects vital lawful rights (such as life or property) of the person or others and consent is hard to obtain', '出于维护个人信息主体或其他个人的生命、财产等重大合法权益但又很难得到本人同意的'),
            },
            {
              ground: 'harmToOthers',
              n: 7,
              text: t('Responding would seriously harm the lawful rights of the person or of other individuals or organisations', '响应个人信息主体的请求将导致个人信息主体或其他个人、组织的合法权益受到严重损害的'),
            },
            { ground: 'tradeSecrets', n: 8, text: t('It involves trade secrets', '涉及商业秘密的') },
            { ground: 'otherLegal', n: 9, text: t('Other circumstances provided by laws and regulations', '法律法规规定的其他情形') },
          ],
        },
      },
    ],
  },
  {
    // Holiday Measures Art. 2 (2024 revision): the statutory days a year without its State Council schedule is counted on.
    def: {
      key: 'cn.holidayMeasures',
      kind: 'holidays',
      regime: 'CN',
      usedBy: ['incidents', 'transfers', 'inbox', 'governance'],
      params: {
        newYear: days("New Year's Day (Jan 1 on)", '元旦（1月1日起）'),
        springFestival: days("Spring Festival (from Lunar New Year's Eve)", '春节（自农历除夕起）'),
        qingming: days('Qingming (on its solar term)', '清明节（清明节气当日起）'),
        labourDay: days('Labour Day (May 1 on)', '劳动节（5月1日起）'),
        dragonBoat: days('Dragon Boat (5th day of the 5th lunar month)', '端午节（农历五月初五起）'),
        midAutumn: days('Mid-Autumn (15th day of the 8th lunar month)', '中秋节（农历八月十五起）'),
        nationalDay: days('National Day (Oct 1 on)', '国庆节（10月1日起）'),
      },
    },
    versions: [
      {
        effectiveFrom: '2025-01-01',
        effectiveTo: null,
        name: t('Statutory public holidays (for years without the State Council schedule)', '全体公民放假的节日（用于尚未公布国务院安排的年份）'),
        basis: t('National Holidays and Memorial Days Measures (2024 revision) Art. 2', '《全国年节及纪念日放假办法》（2024年修订）第二条'),
        source: official(
          t('National Holidays and Memorial Days Measures (State Council, 2024 revision)', '《全国年节及纪念日放假办法》（国务院，2024年修订）'),
          'Art. 2',
          t('Which weekends become working days and how the days are joined into longer breaks is only in the yearly notice.', '调休安排及假期的连休方式仅见于每年的放假通知。'),
        ),
        params: { newYear: 1, springFestival: 4, qingming: 1, labourDay: 2, dragonBoat: 1, midAutumn: 1, nationalDay: 3 },
      },
    ],
  },
  {
    // 5 U.S.C. §6103(a)-(b): the federal holidays; one on a Saturday is observed the Friday before, on a Sunday the Monday after.
    def: {
      key: 'us.federalHolidays',
      kind: 'holidays',
      regime: 'US',
      usedBy: ['inbox'],
      params: {
        holidays: {
          type: 'list',
          label: t('Federal holidays (a fixed day, or the n-th weekday of the month; n = -1 is the last)', '联邦假日（固定日期，或当月第n个星期几；n = -1 为最后一个）'),
          keyField: 'key',
          minItems: 1,
          item: {
            key: { type: 'string', label: t('Key', '键'), max: 40, pattern: '^[a-z][A-Za-z]*$' },
            name: { type: 'text', label: t('Holiday', '假日') },
            month: { type: 'int', label: t('Month', '月'), min: 1, max: 12 },
            day: { type: 'int', label: t('Day of the month (0: by weekday)', '日（0：按星期）'), min: 0, max: 31 },
            weekday: { type: 'int', label: t('Weekday (1 Monday … 7 Sunday; 0: fixed day)', '星期（1周一……7周日；0：固定日期）'), min: 0, max: 7 },
            nth: { type: 'int', label: t('Which one (1–4, -1 last)', '第几个（1–4，-1为最后一个）'), min: -1, max: 5 },
          },
        },
        observedOnWeekday: { type: 'bool', label: t('A holiday on a Saturday is observed Friday, on a Sunday Monday', '逢周六的假日于周五补休，逢周日的于周一补休') },
      },
    },
    versions: [
      {
        effectiveFrom: null,
        effectiveTo: null,
        name: t('US federal holidays (CCPA business days)', '美国联邦假日（CCPA工作日）'),
        basis: t('5 U.S.C. §6103; Executive Order 11582 (observed days)', '《美国法典》第5编第6103条；第11582号行政令（补休日）'),
        source: official(t('United States Code, Title 5', '《美国法典》第5编'), '§6103'),
        params: {
          observedOnWeekday: true,
          holidays: [
            { key: 'newYear', name: t("New Year's Day", '元旦'), month: 1, day: 1, weekday: 0, nth: 0 },
            { key: 'mlk', name: t('Birthday of Martin Luther King, Jr.', '马丁·路德·金纪念日'), month: 1, day: 0, weekday: 1, nth: 3 },
            { key: 'washington', name: t("Washington's Birthday", '华盛顿诞辰纪念日'), month: 2, day: 0, weekday: 1, nth: 3 },
            { key: 'memorial', name: t('Memorial Day', '阵亡将士纪念日'), month: 5, day: 0, weekday: 1, nth: -1 },
            { key: 'juneteenth', name: t('Juneteenth National Independence Day', '六月节'), month: 6, day: 19, weekday: 0, nth: 0 },
            { key: 'independence', name: t('Independence Day', '独立日'), month: 7, day: 4, weekday: 0, nth: 0 },
            { key: 'labor', name: t('Labor Day', '劳动节'), month: 9, day: 0, weekday: 1, nth: 1 },
            { key: 'columbus', name: t('Columbus Day', '哥伦布日'), month: 10, day: 0, weekday: 1, nth: 2 },
            { key: 'veterans', name: t('Veterans Day', '退伍军人节'), month: 11, day: 11, weekday: 0, nth: 0 },
            { key: 'thanksgiving', name: t('Thanksgiving Day', '感恩节'), month: 11, day: 0, weekday: 4, nth: 4 },
            { key: 'christmas', name: t('Christmas Day', '圣诞节'), month: 12, day: 25, weekday: 0, nth: 0 },
          ],
        },
      },
    ],
  },
];
