import { useState } from 'react';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, fieldError, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { settingsText } from './i18n';

export function PassphraseForm() {
  const t = useT(settingsText);
  const toast = useApp((s) => s.toast);
  const change = useMutation('vault.changePassphrase');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again.length > 0 && again !== next;
  return (
    <form
      noValidate
      className="card"
      aria-labelledby="settings-security"
      onSubmit={async (e) => {
        e.preventDefault();
        if (mismatch) return;
        if (await change.run({ current, next })) {
          setCurrent('');
          setNext('');
          setAgain('');
          toast(t('passphraseChanged'));
        }
      }}
    >
      <h2 id="settings-security">{t('security')}</h2>
      <ErrorBanner error={change.error && !change.error.fields ? change.error : undefined} />
      <TextField label={t('currentPassphrase')} type="password" autoComplete="current-password" value={current} onChange={setCurrent} required error={fieldError(change.error, 'current')} />
      <TextField label={t('newPassphrase')} type="password" autoComplete="new-password" value={next} onChange={setNext} required error={fieldError(change.error, 'next')} />
      <TextField label={t('newPassphraseAgain')} type="password" autoComplete="new-password" value={again} onChange={setAgain} required error={mismatch ? t('mismatch') : undefined} />
      <div className="form-actions">
        <button type="submit" disabled={change.busy || mismatch || !current || !next}>{t('changePassphrase')}</button>
      </div>
    </form>
  );
}
