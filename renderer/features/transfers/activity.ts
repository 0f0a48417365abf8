import type { Language } from '../../../preload/contract/common';
import { registerActivity, type ActivityMessage } from '../../components/activity';
import { transfersText } from './i18n';

// The transfer register's audit lines in both languages, from the stored action and parameters.

const w = (lang: Language, key: string): string => (transfersText[lang] as Record<string, string>)[key] ?? key;
const both = (en: ActivityMessage, zh: ActivityMessage) => ({ en, 'zh-CN': zh });

registerActivity({
  'transfers.create': both(
    (p, h) => `Transfer ${h.ref} registered: ${String((p.recipient as { name?: string } | undefined)?.name ?? '')}`,
    (p, h) => `登记出境记录 ${h.ref}：${String((p.recipient as { name?: string } | undefined)?.name ?? '')}`,
  ),
  'transfers.update': both(
    (p, h) => `Transfer ${h.ref} updated${(p.change as { triggersRefiling?: boolean } | null)?.triggersRefiling ? ': re-filing required' : ''}`,
    (p, h) => `出境记录 ${h.ref} 已更新${(p.change as { triggersRefiling?: boolean } | null)?.triggersRefiling ? '：须重新备案' : ''}`,
  ),
  'transfers.recordVolumes': both(
    (p, h) => `Transfer ${h.ref}, ${h.s('year')}: ${h.n((p.after as { nonSensitiveIndividuals?: number })?.nonSensitiveIndividuals)} individuals (non-sensitive PI), ${h.n((p.after as { sensitiveIndividuals?: number })?.sensitiveIndividuals)} (sensitive PI)`,
    (p, h) => `出境记录 ${h.ref}，${h.s('year')} 年：${h.n((p.after as { nonSensitiveIndividuals?: number })?.nonSensitiveIndividuals)} 人（不含敏感个人信息），敏感个人信息 ${h.n((p.after as { sensitiveIndividuals?: number })?.sensitiveIndividuals)} 人`,
  ),
  'transfers.recordFiling': both(
    (p, h) => `Transfer ${h.ref} filing: ${w('en', `k_${h.s('kind')}`)} on ${h.s('date')}${p.filingNumber ? ` (No. ${h.s('filingNumber')})` : ''}`,
    (p, h) => `出境记录 ${h.ref} 备案：${h.s('date')} ${w('zh-CN', `k_${h.s('kind')}`)}${p.filingNumber ? `（编号 ${h.s('filingNumber')}）` : ''}`,
  ),
  'transfers.recordChange': both(
    (p, h) => `Transfer ${h.ref}: change recorded on ${h.s('date')}${p.triggersRefiling ? ' — re-filing required' : ''}`,
    (p, h) => `出境记录 ${h.ref}：记录 ${h.s('date')} 的变更${p.triggersRefiling ? '——须重新备案' : ''}`,
  ),
  'transfers.recordReview': both(
    (_p, h) => `Transfer ${h.ref}: re-assessment after ${h.s('incidentRef')} — ${w('en', `ro_${h.s('outcome')}`)}`,
    (_p, h) => `出境记录 ${h.ref}：事件 ${h.s('incidentRef')} 后重新评估——${w('zh-CN', `ro_${h.s('outcome')}`)}`,
  ),
  'transfers.recordCompanyYear': both((_p, h) => `Cross-border totals ${h.s('year')} recorded`, (_p, h) => `已记录 ${h.s('year')} 年出境总数`),
  'transfers.noticeDispatched': both((_p, h) => `Transfer ${h.ref}: separate notice (PIPL Art. 39) sent`, (_p, h) => `出境记录 ${h.ref}：单独告知（第三十九条）已发出`),
});
