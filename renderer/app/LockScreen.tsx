import { useState } from 'react';
import type { AppErrorDto } from '../../preload/contract/result';
import { TextField } from '../components/Field';
import { useT } from '../i18n';
import { api } from './api';
import { shellText } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { RestoreFlow } from '../features/backup/RestoreFlow';
import { useApp } from './store';
import { errorMessage } from '../components/problems';

/** Codes that mean the vault's files cannot be opened as they are: the way on is a restore. */
const DAMAGED = new Set(['VAULT_DB_MISSING', 'VAULT_DB_DAMAGED', 'VAULT_DB_FOREIGN', 'VAULT_KEY_MALFORMED', 'VAULT_KEY_PARAMS']);

export function LockScreen() {
  const t = useT(shellText);
  const language = useApp((s) => s.language);
  const setVaultState = useApp((s) => s.setVaultState);
  const setRecoveryPending = useApp((s) => s.setRecoveryPending);
  const setUnlockNotice = useApp((s) => s.setUnlockNotice);
  const [mode, setMode] = useState<'passphrase' | 'recovery' | 'restore'>('passphrase');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<AppErrorDto | undefined>();
  const [busy, setBusy] = useState(false);

  if (mode === 'restore') {
    return (
      <main className="auth-card auth-card--wide" aria-labelledby="restore-title">
        <div className="auth-card__top"><LanguageSwitch /></div>
        <RestoreFlow onBack={() => setMode('passphrase')} />
      </main>
    );
  }
  const damaged = error && DAMAGED.has(error.code);
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
          setUnlockNotice(r.value.failedUnlocks ?? null);
          setRecoveryPending(Boolean(r.value.recoveryPending));
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
          error={damaged || !error ? undefined : errorMessage(error, language)}
        />
        {damaged ? (
          <div className="banner banner--error" role="alert">
            <p>{errorMessage(error, language)}</p>
            <p>{t('damagedHint')} <button type="button" onClick={() => setMode('restore')}>{t('restoreFromBackup')}</button></p>
          </div>
        ) : null}
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
      <p className="muted">
        <button type="button" className="link" onClick={() => { setMode('restore'); setError(undefined); }}>{t('restoreFromBackup')}</button>
      </p>
    </main>
  );
}
