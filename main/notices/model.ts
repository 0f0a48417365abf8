import type { LocalizedText } from '../../preload/contract/common';
import { NoticeKind as NoticeKindSchema, type LinkModule, type NoticeCondition, type NoticeKind } from '../../preload/contract/notices';
import type { Catalogue } from '../rules/catalogue';
import { KIND_HEADINGS } from '../rules/seed/notices';

/** One legally required element of a notice: one section of the draft. */
export interface ElementSpec {
  key: string;
  label: LocalizedText;
  basis: LocalizedText;
  /** Required only when this condition is on (e.g. sensitive PI). */
  when?: NoticeCondition;
  /** Not required when this condition is on (a CAC first report: items (1) and (2) only). */
  unless?: NoticeCondition;
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
  firstReport: {
    label: { en: 'First report: cause or impact not yet determined (items (1) and (2) go first)', zh: '首次报告：原因或影响尚无法确定（先报第（一）（二）项）' },
    basis: { en: 'CAC Incident Reporting Measures Art. 7(2): the rest is supplemented promptly', zh: '《国家网络安全事件报告管理办法》第七条第二款：其余内容及时补报' },
  },
};

/**
 * A kind's elements as the catalogue holds them today (rule `notice.elements.<kind>`): the
 * required elements are data the DPO can see and edit on Settings → Rules.
 */
export function kindSpecOf(catalogue: Catalogue, kind: NoticeKind, date: string): KindSpec {
  const v = catalogue.at(`notice.elements.${kind}`, date) ?? catalogue.versions(`notice.elements.${kind}`).at(-1)!;
  const rows = v.params.elements as unknown as { key: string; label: LocalizedText; basis: LocalizedText; when: string; unless: string; heading: LocalizedText }[];
  return {
    kind,
    label: v.name,
    basis: v.basis,
    headings: KIND_HEADINGS[kind],
    elements: rows.map((e) => ({
      key: e.key,
      label: e.label,
      basis: e.basis,
      ...(e.when ? { when: e.when as NoticeCondition } : {}),
      ...(e.unless ? { unless: e.unless as NoticeCondition } : {}),
      ...(e.heading.en || e.heading.zh ? { heading: e.heading } : {}),
    })),
  };
}

export const NOTICE_KINDS = NoticeKindSchema.options;

/** Free text around the required elements; never required. */
const L = (en: string, zh: string): LocalizedText => ({ en, zh });
export const OPENING: { key: string; label: LocalizedText } = { key: 'opening', label: L('Opening', '开头') };
export const CLOSING: { key: string; label: LocalizedText } = { key: 'closing', label: L('Closing', '结尾') };

/** Which conditions each kind can have (derived from its elements). */
export const conditionsOf = (spec: KindSpec): NoticeCondition[] => [
  ...new Set(spec.elements.flatMap((e) => [e.when, e.unless].filter((c): c is NoticeCondition => !!c))),
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
/** A notice state's name in both languages, for the problems that name it. */
export const noticeStateName = (state: string): LocalizedText => NOTICE_STATE_NAMES[state] ?? { en: state, zh: state };
export const noticeStatesOr = (states: readonly string[]): LocalizedText => ({
  en: states.map((s) => noticeStateName(s).en).join(' or '),
  zh: states.map((s) => noticeStateName(s).zh).join('或'),
});
export const DISPATCH_CHANNEL_NAMES: Record<string, LocalizedText> = {
  email: { en: 'e-mail', zh: '电子邮件' },
  letter: { en: 'letter', zh: '信函' },
  sms: { en: 'SMS', zh: '短信' },
  push: { en: 'push notification', zh: '推送' },
  announcement: { en: 'public announcement', zh: '公告' },
  portal: { en: 'regulator portal', zh: '监管平台' },
  phone: { en: 'phone', zh: '电话' },
};
