import { useEffect } from 'react';
import { I18nProvider } from 'react-aria-components';
import { LOCALE } from '../components/format';
import { useT } from '../i18n';
import { api } from './api';
import { shellText } from './i18n';
import { LockScreen } from './LockScreen';
import { RecoveryReset } from './RecoveryReset';
import { SetupWizard } from './SetupWizard';
import { Shell } from './Shell';
import { useApp } from './store';
import { useIdleLock } from './useIdleLock';

export function App() {
  const t = useT(shellText);
  const vaultState = useApp((s) => s.vaultState);
  const setVaultState = useApp((s) => s.setVaultState);
  const language = useApp((s) => s.language);
  const theme = useApp((s) => s.theme);
  const toast = useApp((s) => s.toast);
  const recoveryPending = useApp((s) => s.recoveryPending);
  const setRecoveryPending = useApp((s) => s.setRecoveryPending);

  useEffect(() => {
    void api.call('vault.status', {}).then((r) => {
      setRecoveryPending(r.ok && Boolean(r.value.recoveryPending));
      setVaultState(r.ok ? r.value.state : 'locked');
    });
    return api.onEvent((event) => {
      if (event.type === 'locked') {
        setVaultState('locked');
        toast(t('lockedToast'));
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('appName');
  }, [language, t]);

  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);

  useIdleLock(vaultState === 'unlocked');

  if (vaultState === 'unknown') return null;
  // Date fields, numbers and calendars follow the UI language (English: day-month-year).
  const screen = vaultState === 'none' ? <SetupWizard /> : vaultState === 'locked' ? <LockScreen /> : recoveryPending ? <RecoveryReset /> : <Shell />;
  return <I18nProvider locale={LOCALE[language]}>{screen}</I18nProvider>;
}
