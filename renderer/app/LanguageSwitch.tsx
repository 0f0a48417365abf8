import { useT } from '../i18n';
import { shellText } from './i18n';
import { useApp } from './store';

/** Each option is written in its own language, so anyone can find theirs. */
export function LanguageSwitch() {
  const t = useT(shellText);
  const language = useApp((s) => s.language);
  const setLanguage = useApp((s) => s.setLanguage);
  return (
    <label className="inline-select">
      <span>{t('language')}</span>
      <select value={language} onChange={(e) => setLanguage(e.target.value as 'en' | 'zh-CN')}>
        <option value="zh-CN" lang="zh-CN">中文</option>
        <option value="en" lang="en">English</option>
      </select>
    </label>
  );
}
