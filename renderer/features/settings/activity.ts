import { registerActivity, type ActivityMessage } from '../../components/activity';
import { settingsText } from './i18n';

// Settings and vault lines of the audit log.

const both = (en: ActivityMessage, zh: ActivityMessage) => ({ en, 'zh-CN': zh });
const label = (lang: 'en' | 'zh-CN', path: string) => {
  const key = ({ ciiOperator: 'cii', dueSoonHours: 'dueSoon', autoLockMinutes: 'autoLock', pauseClockForIdentity: 'pauseClock' } as Record<string, string>)[path] ?? path.replace(/^profile\./, '');
  return (settingsText[lang] as Record<string, string>)[key] ?? key;
};

registerActivity({
  'settings.init': both((p) => `Vault created for ${String((p.profile as { legalName?: string } | undefined)?.legalName ?? '')}`, (p) => `为 ${String((p.profile as { legalName?: string } | undefined)?.legalName ?? '')} 创建保险库`),
  'settings.update': both(
    (p) => `Settings changed: ${((p.changed as string[]) ?? []).map((c) => label('en', c)).join(', ')}`,
    (p) => `设置已更改：${((p.changed as string[]) ?? []).map((c) => label('zh-CN', c)).join('、')}`,
  ),
  'vault.changePassphrase': both(() => 'Passphrase changed', () => '已更改口令'),
  'vault.unlock': both(() => 'Vault unlocked', () => '保险库已解锁'),
});
