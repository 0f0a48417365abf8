import type { Language } from '../../../preload/contract/common';
import { registerActivity, type ActivityMessage } from '../../components/activity';
import { noticesText } from './i18n';

// The notice studio's audit lines in both languages, from the stored action and parameters.

const w = (lang: Language, key: string): string => (noticesText[lang] as Record<string, string>)[key] ?? key;
const both = (en: ActivityMessage, zh: ActivityMessage) => ({ en, 'zh-CN': zh });
const v = (p: Record<string, unknown>) => (typeof p.version === 'number' ? p.version : 1);

registerActivity({
  'notices.create': both((_p, h) => `Notice ${h.ref} drafted`, (_p, h) => `起草通知 ${h.ref}`),
  'notices.update': both((p, h) => `${h.ref} version ${v(p)} edited`, (p, h) => `${h.ref} 第 ${v(p)} 版已编辑`),
  'notices.submitForReview': both((p, h) => `${h.ref} version ${v(p)} submitted for review`, (p, h) => `${h.ref} 第 ${v(p)} 版已提交审核`),
  'notices.returnToDraft': both((p, h) => `${h.ref} version ${v(p)} returned to draft`, (p, h) => `${h.ref} 第 ${v(p)} 版退回草稿`),
  'notices.approve': both((p, h) => `${h.ref} version ${v(p)} approved`, (p, h) => `${h.ref} 第 ${v(p)} 版已批准`),
  'notices.markDispatched': both(
    (p, h) => `${h.ref} version ${v(p)} sent by ${w('en', `d_${h.s('channel')}`)} to ${h.n(p.recipientsCount)} ${p.recipientsCount === 1 ? 'recipient' : 'recipients'}`,
    (p, h) => `${h.ref} 第 ${v(p)} 版通知已通过${w('zh-CN', `d_${h.s('channel')}`)}发出，接收人 ${h.n(p.recipientsCount)} 位`,
  ),
  'notices.output': both(
    (p, h) => `${h.ref} version ${v(p)}: file ${h.s('fileName')} made (${h.n(p.messages)} ${p.messages === 1 ? 'message' : 'messages'})`,
    (p, h) => `${h.ref} 第 ${v(p)} 版：已生成文件 ${h.s('fileName')}（${h.n(p.messages)} 封）`,
  ),
  'notices.templateUpdate': both((_p) => 'Notice template edited', (_p) => '通知模板已编辑'),
});
