import { useState } from 'react';
import { useMutation } from '../../app/api';
import { CheckboxField, ErrorBanner, fieldError, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { settingsText } from './i18n';

/** Settings → Create a new recovery code: needs the passphrase; the old code stops working. */
export function RecoveryCodeCard() {
  const t = useT(settingsText);
  const create = useMutation('vault.newRecoveryCode');
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  const [stored, setStored] = useState(false);
  return (
    <section className="card" aria-labelledby="settings-recovery">
      <h2 id="settings-recovery">{t('recoveryTitle')}</h2>
      <p className="muted">{t('recoveryIntro')}</p>
      {code ? (
        <div>
          <p>{t('recoveryNew')}</p>
          <output className="recovery-code" aria-label={t('recoveryTitle')}>{code}</output>
          <CheckboxField label={t('recoveryStored')} checked={stored} onChange={setStored} />
          <button type="button" className="primary" disabled={!stored} onClick={() => { setCode(''); setStored(false); }}>{t('recoveryDone')}</button>
        </div>
      ) : (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await create.run({ passphrase });
            if (r) {
              setPassphrase('');
              setCode(r.recoveryCode);
            }
          }}
        >
          <ErrorBanner error={create.error && !create.error.fields ? create.error : undefined} />
          <TextField label={t('recoveryPassphrase')} type="password" autoComplete="current-password" value={passphrase} onChange={setPassphrase} required error={fieldError(create.error, 'passphrase')} />
          <div className="form-actions">
            <button type="submit" disabled={create.busy || !passphrase}>{t('recoveryCreate')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
