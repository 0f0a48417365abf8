import { useEffect, useState } from 'react';
import type { AppErrorDto } from '../../preload/contract/result';
import { ErrorBanner, fieldError, TextField } from '../components/Field';
import { useT } from '../i18n';
import { api } from './api';
import { shellText } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { RestoreFlow } from '../features/backup/RestoreFlow';
import { RecoveryCodeShown } from './RecoveryCodeShown';
import { useApp } from './store';

type Step = 'passphrase' | 'profile' | 'recovery' | 'restore';

/** First run: passphrase twice with a strength hint → organisation profile → recovery code once. */
export function SetupWizard() {
  const t = useT(shellText);
  const setVaultState = useApp((s) => s.setVaultState);
  const [step, setStep] = useState<Step>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [strength, setStrength] = useState<{ score: number; hints: string[] } | null>(null);
  const [profile, setProfile] = useState({ legalName: '', registeredAddress: '', dpoName: '', dpoEmail: '', phone: '' });
  const [error, setError] = useState<AppErrorDto | undefined>();
  const [busy, setBusy] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState('');

  useEffect(() => {
    if (!passphrase) return setStrength(null);
    const id = setTimeout(() => {
      void api.call('vault.passphraseStrength', { passphrase }).then((r) => r.ok && setStrength(r.value));
    }, 150);
    return () => clearTimeout(id);
  }, [passphrase]);

  const mismatch = again.length > 0 && again !== passphrase;

  if (step === 'restore') {
    return (
      <main className="auth-card auth-card--wide" aria-labelledby="restore-title">
        <RestoreFlow onBack={() => setStep('passphrase')} />
      </main>
    );
  }

  if (step === 'recovery') {
    return (
      <RecoveryCodeShown
        code={recoveryCode}
        title={t('recoveryTitle')}
        intro={t('recoveryIntro')}
        onDone={() => {
          setRecoveryCode('');
          setVaultState('unlocked');
        }}
      />
    );
  }

  if (step === 'profile') {
    const set = (k: keyof typeof profile) => (v: string) => setProfile({ ...profile, [k]: v });
    const fe = (k: string) => fieldError(error, `profile.${k}`);
    return (
      <main className="auth-card" aria-labelledby="profile-title">
        <div className="auth-card__top"><LanguageSwitch /></div>
        <h1 id="profile-title">{t('profileTitle')}</h1>
        <p>{t('profileIntro')}</p>
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(undefined);
            const r = await api.call('vault.create', { passphrase, profile });
            setBusy(false);
            if (!r.ok) {
              setError(r.error);
              if (r.error.fields?.passphrase) setStep('passphrase');
              return;
            }
            setPassphrase('');
            setAgain('');
            setRecoveryCode(r.value.recoveryCode);
            setStep('recovery');
          }}
        >
          <ErrorBanner error={error} labels={{ 'profile.legalName': t('legalName'), 'profile.registeredAddress': t('registeredAddress'), 'profile.dpoName': t('dpoName'), 'profile.dpoEmail': t('dpoEmail'), 'profile.phone': t('phone') }} />
          <TextField label={t('legalName')} value={profile.legalName} onChange={set('legalName')} required error={fe('legalName')} autoFocus />
          <TextField label={t('registeredAddress')} value={profile.registeredAddress} onChange={set('registeredAddress')} error={fe('registeredAddress')} />
          <TextField label={t('dpoName')} value={profile.dpoName} onChange={set('dpoName')} required error={fe('dpoName')} />
          <TextField label={t('dpoEmail')} type="email" value={profile.dpoEmail} onChange={set('dpoEmail')} required error={fe('dpoEmail')} />
          <TextField label={t('phone')} type="tel" value={profile.phone} onChange={set('phone')} error={fe('phone')} />
          <div className="form-actions">
            <button type="button" onClick={() => setStep('passphrase')}>{t('back')}</button>
            <button type="submit" className="primary" disabled={busy}>{busy ? t('creating') : t('createVault')}</button>
          </div>
        </form>
      </main>
    );
  }

  return (
    <main className="auth-card" aria-labelledby="setup-title">
        <div className="auth-card__top"><LanguageSwitch /></div>
      <h1 id="setup-title">{t('setupTitle')}</h1>
      <p>{t('setupIntro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (passphrase.length >= 12 && passphrase === again) setStep('profile');
        }}
      >
        <ErrorBanner error={error && !error.fields?.passphrase ? undefined : error} />
        <TextField
          label={t('passphrase')}
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          hint={t('passphraseHint')}
          autoComplete="new-password"
          required
          autoFocus
          error={fieldError(error, 'passphrase')}
        />
        {strength ? (
          <div className="strength" aria-live="polite">
            <meter min={0} max={4} value={strength.score} aria-label={t('strength', { s: t(`strength${strength.score}` as 'strength0') })} />
            <span>{t('strength', { s: t(`strength${strength.score}` as 'strength0') })}</span>
            {strength.hints.map((h) => (
              <div key={h} className="field__hint">{t(`hint_${h}` as 'hint_tooShort')}</div>
            ))}
          </div>
        ) : null}
        <TextField
          label={t('passphraseAgain')}
          type="password"
          value={again}
          onChange={setAgain}
          autoComplete="new-password"
          required
          error={mismatch ? t('passphraseMismatch') : undefined}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={passphrase.length < 12 || passphrase !== again}>
            {t('next')}
          </button>
        </div>
      </form>
      <p className="muted">
        {t('orRestore')} <button type="button" onClick={() => setStep('restore')}>{t('restoreFromBackup')}</button>
      </p>
    </main>
  );
}
