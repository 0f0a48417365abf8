import type { Language } from '../../preload/contract/common';
import { registerActivity, type ActivityMessage } from './activity';
import { attachmentsText } from './attachments/i18n';

// Files attached to records and removed from them, in the audit log (both languages).

const both = (en: ActivityMessage, zh: ActivityMessage) => ({ en, 'zh-CN': zh });
const role = (lang: Language, code: unknown) => (attachmentsText[lang] as Record<string, string>)[`r_${String(code)}`] ?? String(code ?? '');
const mb = (bytes: unknown) => (typeof bytes === 'number' ? (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`) : '');

registerActivity({
  'attachments.add': both(
    (p, h) => `${h.ref ? `${h.ref}: ` : ''}file ${h.s('name')} attached as ${role('en', p.role).toLowerCase()} (${mb(p.size)})`,
    (p, h) => `${h.ref ? `${h.ref}：` : ''}已附加文件 ${h.s('name')}，类别“${role('zh-CN', p.role)}”（${mb(p.size)}）`,
  ),
  'attachments.remove': both(
    (_p, h) => `${h.ref ? `${h.ref}: ` : ''}file ${h.s('name')} removed${h.dash(h.s('reason'))}`,
    (_p, h) => `${h.ref ? `${h.ref}：` : ''}已移除文件 ${h.s('name')}${h.dash(h.s('reason'))}`,
  ),
});
