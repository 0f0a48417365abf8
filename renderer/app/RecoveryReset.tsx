import { useState } from 'react';
import type { AppErrorDto } from '../../preload/contract/result';
import { ErrorBanner, fieldError, TextField } from '../components/Field';
import { useT } from '../i18n';
import { api } from './api';
import { shellText } from './i18n';
import { RecoveryCodeShown } from './RecoveryCodeShown';
import { useApp } from './store';

/** After a recovery-code unlock: a new passphrase first, then the new recovery code, shown once. */
export function RecoveryReset() {
  const t = useT(shellText);
  const setRecoveryPending = useApp((s) => s.setRecoveryPending);
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<AppErrorDto>();
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const mismatch = again.length > 0 && again !== next;

  if (code) {
    return <RecoveryCodeShown code={code} title={t('newCodeTitle')} intro={t('newCodeIntro')} onDone={() => setRecoveryPending(false)} />;
  }
  return (
    <main className="auth-card" aria-labelledby="recover-title">
      <h1 id="recover-title">{t('recoverTitle')}</h1>
      <p>{t('recoverIntro')}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (mismatch || !next) return;
          setBusy(true);
          const r = await api.call('vault.completeRecovery', { next });
          setBusy(false);
          if (!r.ok) return setError(r.error);
          setNext('');
          setAgain('');
          setCode(r.value.recoveryCode);
        }}
      >
        <ErrorBanner error={error && !error.fields ? error : undefined} />
        <TextField label={t('recoverNewPassphrase')} type="password" autoComplete="new-password" value={next} onChange={setNext} hint={t('passphraseHint')} required autoFocus error={fieldError(error, 'next')} />
        <TextField label={t('recoverAgain')} type="password" autoComplete="new-password" value={again} onChange={setAgain} required error={mismatch ? t('passphraseMismatch') : undefined} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy || !next || next !== again}>{busy ? t('recoverSaving') : t('recoverSave')}</button>
        </div>
      </form>
    </main>
  );
}
