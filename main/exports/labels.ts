import type { Localized } from './model';

// Names that several registers print; each module's own names stay in its model.

export const JURISDICTION_NAMES: Record<string, Localized> = {
  CN: { en: 'PRC', zh: '中国' },
  EU: { en: 'EU/EEA (GDPR)', zh: '欧盟/欧洲经济区（GDPR）' },
  'US-CA': { en: 'California', zh: '美国加州' },
  OTHER: { en: 'Other', zh: '其他' },
};

export const MODULE_NAMES: Record<string, Localized> = {
  incidents: { en: 'Incident', zh: '安全事件' },
  notices: { en: 'Notice', zh: '通知' },
  transfers: { en: 'Transfer', zh: '出境' },
  inbox: { en: 'Request', zh: '请求' },
};

export const DEADLINE_STATE_NAMES: Record<string, Localized> = {
  open: { en: 'open', zh: '进行中' },
  dueSoon: { en: 'due soon', zh: '即将到期' },
  overdue: { en: 'overdue', zh: '已逾期' },
  met: { en: 'met', zh: '已完成' },
  waived: { en: 'waived', zh: '已豁免' },
};

export const YES_NO: Record<'yes' | 'no', Localized> = { yes: { en: 'yes', zh: '是' }, no: { en: 'no', zh: '否' } };

export const joinList = (items: string[], language: string): string => items.join(language === 'zh-CN' ? '、' : '; ');
