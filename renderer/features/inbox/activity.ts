import type { Language } from '../../../preload/contract/common';
import { RefusalGround } from '../../../preload/contract/inbox';
import { registerActivity, type ActivityHelpers } from '../../components/activity';
import { inboxText } from './i18n';

// The inbox's history and audit lines, in both languages, from the stored action and parameters.

/** The ground's number in the policy's list (the contract keeps them in the policy's order). */
const ground = (code: unknown) => RefusalGround.options.indexOf(code as RefusalGround) + 1;
type Key = keyof (typeof inboxText)['en'];
const w = (lang: Language, key: string): string => (inboxText[lang] as Record<string, string>)[key] ?? (inboxText.en as Record<string, string>)[key] ?? key;
const state = (lang: Language, s: unknown) => w(lang, `s_${String(s)}` as Key);
const type = (lang: Language, s: unknown) => w(lang, `t_${String(s)}` as Key);
const both = (en: (p: Record<string, unknown>, h: ActivityHelpers) => string, zh: (p: Record<string, unknown>, h: ActivityHelpers) => string) => ({ en, 'zh-CN': zh });
const refEn = (h: ActivityHelpers) => (h.ref ? `Request ${h.ref}: ` : '');
const refZh = (h: ActivityHelpers) => (h.ref ? `请求 ${h.ref}：` : '');

registerActivity({
  'inbox.create': both(
    (p, h) => `${refEn(h)}logged by hand (${type('en', p.type ?? '')}${p.channel ? `, by ${w('en', `c_${String(p.channel)}`)}` : ''})`.replace(' ()', ''),
    (p, h) => `${refZh(h)}手工登记（${type('zh-CN', p.type ?? '')}${p.channel ? `，${w('zh-CN', `c_${String(p.channel)}`)}` : ''}）`.replace('（）', ''),
  ),
  'inbox.importEml': both(
    (_p, h) => `${refEn(h)}imported from ${h.s('fileName')}; it counts as a complaint until classified`,
    (_p, h) => `${refZh(h)}由 ${h.s('fileName')} 导入；分类前按投诉计时`,
  ),
  'inbox.update': both(
    (p, h) => (p.typeFrom && p.typeTo && p.typeFrom !== p.typeTo ? `${refEn(h)}classified as ${type('en', p.typeTo)} (was ${type('en', p.typeFrom)})` : `${refEn(h)}details changed`),
    (p, h) => (p.typeFrom && p.typeTo && p.typeFrom !== p.typeTo ? `${refZh(h)}分类为“${type('zh-CN', p.typeTo)}”（原为“${type('zh-CN', p.typeFrom)}”）` : `${refZh(h)}信息已修改`),
  ),
  'inbox.transition': both(
    (p, h) => `${refEn(h)}${state('en', p.from)} → ${state('en', p.to)}${h.dash(p.reason)}`,
    (p, h) => `${refZh(h)}${state('zh-CN', p.from)} → ${state('zh-CN', p.to)}${h.dash(p.reason)}`,
  ),
  'inbox.clockPaused': both((_p, h) => `${refEn(h)}reply clock paused while proof of identity is awaited`, (_p, h) => `${refZh(h)}等待身份证明期间答复计时暂停`),
  'inbox.clockResumed': both((_p, h) => `${refEn(h)}reply clock resumed`, (_p, h) => `${refZh(h)}答复计时恢复`),
  'inbox.extend': both(
    (p, h) => `${refEn(h)}reply time extended by two months (GDPR Art. 12(3))${h.dash(p.reasons)}`,
    (p, h) => `${refZh(h)}答复期限延长两个月（GDPR第12条第3款）${h.dash(p.reasons)}`,
  ),
  'inbox.verifyIdentity': both(
    (p, h) => `${refEn(h)}identity check (${w('en', `m_${String(p.method)}`)}) by ${h.s('verifiedBy')}: ${w('en', `o_${String(p.outcome)}`)}`,
    (p, h) => `${refZh(h)}身份核验（${w('zh-CN', `m_${String(p.method)}`)}，${h.s('verifiedBy')}）：${w('zh-CN', `o_${String(p.outcome)}`)}`,
  ),
  'inbox.decide': both(
    (p, h) => `${refEn(h)}decision: ${w('en', `d_${String(p.outcome)}`)}${p.refusalGround ? ` on ground (${ground(p.refusalGround)}) of the privacy policy §V` : ''}`,
    (p, h) => `${refZh(h)}处理决定：${w('zh-CN', `d_${String(p.outcome)}`)}${p.refusalGround ? `，依据隐私政策第五部分第（${ground(p.refusalGround)}）项` : ''}`,
  ),
  'inbox.addMessage': both(
    (p, h) => `${refEn(h)}${p.direction === 'in' ? 'message from the requester added' : 'message to the requester added'}`,
    (p, h) => `${refZh(h)}${p.direction === 'in' ? '添加了请求人的来信' : '添加了致请求人的去信'}`,
  ),
  'inbox.recordHold': both(
    (p, h) => `${refEn(h)}kept after deletion (${w('en', `h_${String(p.kind)}`)}): ${h.s('description')}`,
    (p, h) => `${refZh(h)}删除后仍保留（${w('zh-CN', `h_${String(p.kind)}`)}）：${h.s('description')}`,
  ),
  'inbox.clearHold': both(
    (p, h) => `${refEn(h)}finally deleted after the hold${h.s('description') ? `: ${h.s('description')}` : ''}${h.dash(p.note)}`,
    (p, h) => `${refZh(h)}保留期满后已最终删除${h.s('description') ? `：${h.s('description')}` : ''}${h.dash(p.note)}`,
  ),
  'inbox.replySent': both((_p, h) => `${refEn(h)}reply sent`, (_p, h) => `${refZh(h)}答复已发出`),
  'inbox.replyWithoutDecision': both(
    (_p, h) => `${refEn(h)}no decision was recorded before the reply: record it to close the request`,
    (_p, h) => `${refZh(h)}答复前未记录处理决定：请记录后结案`,
  ),
  'inbox.stopClock': both(
    (p, h) => `${refEn(h)}clock stopped while waiting${h.dash(p.reason)}`,
    (p, h) => `${refZh(h)}等待期间已暂停计时${h.dash(p.reason)}`,
  ),
  'inbox.resumeClock': both(
    (p, h) => `${refEn(h)}clock resumed (stopped since ${h.instant(p.stoppedAt)})${h.dash(p.note)}`,
    (p, h) => `${refZh(h)}已恢复计时（自 ${h.instant(p.stoppedAt)} 起暂停）${h.dash(p.note)}`,
  ),
});
