import type { Jurisdiction, ModuleName } from '../../preload/contract/common';
import type { Localized } from './model';

// Names that several registers print; each module's own names stay in its model.

// Typed by the contract's enums, so a jurisdiction or module added there cannot export as a blank.
export const JURISDICTION_NAMES: Record<Jurisdiction, Localized> = {
  CN: { en: 'PRC', zh: '中国' },
  EU: { en: 'EU/EEA (GDPR)', zh: '欧盟/欧洲经济区（GDPR）' },
  UK: { en: 'United Kingdom (UK GDPR)', zh: '英国（UK GDPR）' },
  'US-CA': { en: 'California', zh: '美国加州' },
  'US-NY': { en: 'New York', zh: '美国纽约州' },
  'US-TX': { en: 'Texas', zh: '美国得克萨斯州' },
  'US-CO': { en: 'Colorado', zh: '美国科罗拉多州' },
  'US-WA': { en: 'Washington', zh: '美国华盛顿州' },
  'US-FL': { en: 'Florida', zh: '美国佛罗里达州' },
  OTHER: { en: 'Other', zh: '其他' },
};

export const MODULE_NAMES: Record<ModuleName, Localized> = {
  incidents: { en: 'Incident', zh: '安全事件' },
  notices: { en: 'Notice', zh: '通知' },
  transfers: { en: 'Transfer', zh: '出境' },
  inbox: { en: 'Request', zh: '请求' },
  governance: { en: 'Governance', zh: '治理' },
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
