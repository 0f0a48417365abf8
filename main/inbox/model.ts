import type { LocalizedText } from '../../preload/contract/common';
import type { HoldKind, RequestState, RequestType } from '../../preload/contract/inbox';

export const MODULE = 'inbox' as const;

/** The right the requester keeps after any reply (PIPL Art. 50; GDPR Art. 12(4); UK GDPR Art. 12(4)). */
export const RIGHT_TO_COMPLAIN: Record<'CN' | 'EU' | 'UK', LocalizedText> = {
  CN: {
    zh: '如您对我们的答复不满意，您有权向履行个人信息保护职责的部门投诉、举报，或依法向人民法院提起诉讼（《个人信息保护法》第五十条）。',
    en: 'If you are not satisfied with our reply, you may complain to the authority responsible for personal information protection or bring a lawsuit before a people’s court (PIPL Art. 50).',
  },
  EU: {
    zh: '您有权向数据保护监管机构投诉，并寻求司法救济（《通用数据保护条例》第12条第4款）。',
    en: 'You have the right to lodge a complaint with a supervisory authority and to seek a judicial remedy (GDPR Art. 12(4)).',
  },
  UK: {
    zh: '您有权向英国信息专员办公室投诉，并寻求司法救济（英国GDPR第12条第4款）。',
    en: 'You have the right to complain to the Information Commissioner’s Office and to seek a judicial remedy (UK GDPR Art. 12(4)).',
  },
};

/** What each request type rests on, so the UI can say why the request is handled this way. */
export const REQUEST_TYPE_BASIS: Record<RequestType, LocalizedText> = {
  complaint: { en: 'Privacy policy §IX (complaints)', zh: '隐私政策第九条（投诉）' },
  access: { en: 'PIPL Art. 45 (access)', zh: '《个人信息保护法》第四十五条（查阅）' },
  copy: { en: 'PIPL Art. 45 (copy)', zh: '《个人信息保护法》第四十五条（复制）' },
  correction: { en: 'PIPL Art. 46 (correction)', zh: '《个人信息保护法》第四十六条（更正）' },
  supplement: { en: 'PIPL Art. 46 (completion)', zh: '《个人信息保护法》第四十六条（补充）' },
  deletion: { en: 'PIPL Art. 47 (deletion)', zh: '《个人信息保护法》第四十七条（删除）' },
  accountClosure: { en: 'Privacy policy §V; E-Commerce Law Art. 24 (account closure)', zh: '隐私政策第五条；《电子商务法》第二十四条（注销账户）' },
  consentWithdrawal: { en: 'PIPL Art. 15 (withdrawing consent)', zh: '《个人信息保护法》第十五条（撤回同意）' },
  portability: { en: 'PIPL Art. 45 para. 3 (portability, where the CAC conditions are met)', zh: '《个人信息保护法》第四十五条第三款（转移）' },
  rulesExplanation: { en: 'PIPL Art. 48 (explanation of processing rules)', zh: '《个人信息保护法》第四十八条（解释说明处理规则）' },
  automatedDecision: { en: 'PIPL Art. 24(3) (automated decisions)', zh: '《个人信息保护法》第二十四条第三款（自动化决策）' },
  deceasedPersonData: { en: 'PIPL Art. 49 (next of kin of a deceased person)', zh: '《个人信息保护法》第四十九条（近亲属）' },
  other: { en: 'PIPL Art. 44 and Art. 50 (other requests)', zh: '《个人信息保护法》第四十四条、第五十条（其他请求）' },
};

/** The bases of the holds without a catalogue rule; statutory holds take their rule's basis (main/inbox/grounds.ts). */
export const HOLD_BASIS: Record<HoldKind, LocalizedText> = {
  networkLogs: { en: 'Cybersecurity Law: network logs kept ≥ 6 months', zh: '《网络安全法》：网络日志留存不少于六个月' },
  transactions: { en: 'E-Commerce Law Art. 31: transaction records kept ≥ 3 years from completion', zh: '《电子商务法》第三十一条：交易信息自交易完成之日起保存不少于三年' },
  backup: { en: 'Privacy policy §V: data in backups isolated until the backup clears', zh: '隐私政策第五条：备份中的信息在备份清除前隔离' },
  other: { en: 'PIPL Art. 47: retention still required by law — only storage and security measures', zh: '《个人信息保护法》第四十七条：法定保存期未届满的，仅存储和采取安全保护措施' },
};

/** The states in the DPO's words, for other records' links to a request. */
export const REQUEST_STATE_NAMES: Record<RequestState, LocalizedText> = {
  new: { en: 'New', zh: '新收到' },
  verifying: { en: 'Verifying identity', zh: '身份核验中' },
  inProgress: { en: 'In progress', zh: '处理中' },
  answered: { en: 'Answered', zh: '已答复' },
  refused: { en: 'Refused', zh: '已拒绝' },
  withdrawn: { en: 'Withdrawn', zh: '已撤回' },
  closed: { en: 'Closed', zh: '已结案' },
};

/** States in which the reply clock runs. */
export const OPEN_STATES: readonly RequestState[] = ['new', 'verifying', 'inProgress'];

/**
 * The workflow: new → verifying → in progress → answered | refused | withdrawn → closed;
 * answered, refused, withdrawn and closed may be reopened (to in progress) with a reason.
 */
export const TRANSITIONS: Record<RequestState, readonly RequestState[]> = {
  new: ['verifying', 'inProgress', 'withdrawn'],
  verifying: ['inProgress', 'withdrawn'],
  inProgress: ['verifying', 'answered', 'refused', 'withdrawn'],
  answered: ['closed', 'inProgress'],
  refused: ['closed', 'inProgress'],
  withdrawn: ['closed', 'inProgress'],
  closed: ['inProgress'],
};

/** Largest .eml accepted (the raw message is kept in the vault); its one home is the contract. */
export { EML_MAX_BYTES as MAX_EML_BYTES } from '../../preload/contract/inbox';

/** Deadline keys within a request record. */
export const DEADLINE_KEYS = {
  reply: 'reply',
  gdprReply: 'gdpr.reply',
  gdprExtended: 'gdpr.extended',
  ukReply: 'uk.reply',
  ukExtended: 'uk.extended',
  ukComplaintAck: 'uk.complaintAck',
  ccpaAck: 'ccpa.ack',
  ccpaReply: 'ccpa.reply',
  ccpaExtended: 'ccpa.extended',
  ccpaOptOut: 'ccpa.optout',
  target: 'target',
  hold: (holdId: string) => `hold.${holdId}`,
} as const;

export interface RequestRow {
  id: string;
  ref: string;
  channel: string;
  received_at: string;
  received_at_reason: string;
  requester_name: string;
  requester_contact: string;
  requester_account: string;
  is_minor: number;
  guardian_name: string | null;
  guardian_contact: string | null;
  rep_kind: string | null;
  rep_name: string | null;
  rep_contact: string | null;
  rep_relationship: string | null;
  jurisdiction: string;
  type: string;
  subject: string;
  state: string;
  is_open: number;
  internal_target: string | null;
  message_id: string | null;
  decision_outcome: string | null;
  decision_actions: string | null;
  refusal_ground: string | null;
  refusal_reasons: string | null;
  decided_at: string | null;
  decided_by: string | null;
  extension_notice_at: string | null;
  extension_reasons: string | null;
  reply_sent_at: string | null;
  withdrawn_reason: string | null;
  due_at: string | null;
  gdpr_due_at: string | null;
  created_at: string;
  updated_at: string;
  /** Voided as created by mistake (migration 520); absent on rows built before insert. */
  voided_at?: string | null;
  voided_note?: string | null;
}

export interface HoldRow {
  id: string;
  request_id: string;
  kind: string;
  description: string;
  from_date: string | null;
  until_date: string | null;
  cleared_at: string | null;
  created_at: string;
}

export interface PauseRow {
  request_id: string;
  started_at: string;
  ended_at: string | null;
  reason: string;
  /** identity: the Settings pause while proof of ID is awaited; stopClock: a regime's stop-the-clock (UK). */
  kind: 'identity' | 'stopClock';
}

/** Names in the requester's words, for the reply's merge fields. */
export const REQUEST_TYPE_LABEL: Record<RequestType, LocalizedText> = {
  complaint: { en: 'complaint', zh: '投诉' },
  access: { en: 'access to your personal information', zh: '查阅个人信息' },
  copy: { en: 'a copy of your personal information', zh: '复制个人信息' },
  correction: { en: 'correction of your personal information', zh: '更正个人信息' },
  supplement: { en: 'completion of your personal information', zh: '补充个人信息' },
  deletion: { en: 'deletion of your personal information', zh: '删除个人信息' },
  accountClosure: { en: 'closure of your account', zh: '注销账户' },
  consentWithdrawal: { en: 'withdrawal of consent', zh: '撤回同意' },
  portability: { en: 'transfer of your personal information', zh: '转移个人信息' },
  rulesExplanation: { en: 'an explanation of our processing rules', zh: '解释说明个人信息处理规则' },
  automatedDecision: { en: 'an explanation or refusal of an automated decision', zh: '说明或拒绝自动化决策' },
  deceasedPersonData: { en: 'the personal information of a deceased relative', zh: '已故近亲属的个人信息' },
  other: { en: 'your request', zh: '您的请求' },
};

export const DECISION_LABEL: Record<'fulfilled' | 'partlyFulfilled' | 'refused', LocalizedText> = {
  fulfilled: { en: 'We have done what you asked.', zh: '我们已按您的请求处理完毕。' },
  partlyFulfilled: { en: 'We have done part of what you asked; the rest we cannot do, for the reasons below.', zh: '我们已部分按您的请求处理；其余部分因下述理由无法处理。' },
  refused: { en: 'We cannot do what you asked, for the reasons below.', zh: '我们无法按您的请求处理，理由如下。' },
};
