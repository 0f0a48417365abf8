import { useState } from 'react';
import type { AppErrorDto } from '../../preload/contract/result';
import { TextField } from '../components/Field';
import { useT } from '../i18n';
import { api } from './api';
import { shellText } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { useApp } from './store';

export function LockScreen() {
  const t = useT(shellText);
  const setVaultState = useApp((s) => s.setVaultState);
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<AppErrorDto | undefined>();
  const [busy, setBusy] = useState(false);

  return (
    <main className="auth-card" aria-labelledby="lock-title">
      <div className="auth-card__top"><LanguageSwitch /></div>
      <h1 id="lock-title">{t('lockTitle')}</h1>
      <p>{mode === 'passphrase' ? t('lockIntro') : t('lockIntroRecovery')}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(undefined);
          const r = await api.call('vault.unlock', mode === 'passphrase' ? { passphrase: secret } : { recoveryCode: secret });
          setBusy(false);
          if (!r.ok) return setError(r.error);
          setSecret('');
          setVaultState('unlocked');
        }}
      >
        <TextField
          key={mode}
          label={mode === 'passphrase' ? t('passphrase') : t('recoveryCode')}
          type={mode === 'passphrase' ? 'password' : 'text'}
          value={secret}
          onChange={setSecret}
          autoComplete={mode === 'passphrase' ? 'current-password' : 'off'}
          autoFocus
          required
          error={error?.message}
        />
        <div className="form-actions">
          <button
            type="button"
            className="link"
            onClick={() => {
              setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
              setSecret('');
              setError(undefined);
            }}
          >
            {mode === 'passphrase' ? t('useRecovery') : t('usePassphrase')}
          </button>
          <button type="submit" className="primary" disabled={busy || !secret}>
            {busy ? t('unlocking') : t('unlock')}
          </button>
        </div>
      </form>
    </main>
  );
}
