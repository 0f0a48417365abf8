import { useState } from 'react';
import { CheckboxField } from '../components/Field';
import { useT } from '../i18n';
import { shellText } from './i18n';

/** A recovery code shown once (at setup, after a recovery): the DPO confirms it is stored before going on. */
export function RecoveryCodeShown({ code, title, intro, onDone }: { code: string; title: string; intro: string; onDone(): void }) {
  const t = useT(shellText);
  const [stored, setStored] = useState(false);
  const [copied, setCopied] = useState(false);
  return (
    <main className="auth-card auth-card--recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{title}</h1>
      <p>{intro}</p>
      <output className="recovery-code" aria-label={t('recoveryCode')}>{code}</output>
      <div className="form-actions recovery-actions">
        <button
          type="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(code);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? t('recoveryCopied') : t('recoveryCopy')}
        </button>
        {/* Print shows only the code (print CSS): nothing else of the vault goes to the printer. */}
        <button type="button" onClick={() => window.print()}>{t('recoveryPrint')}</button>
      </div>
      <CheckboxField label={t('recoveryStored')} checked={stored} onChange={setStored} />
      <button className="primary" disabled={!stored} onClick={onDone}>
        {t('continue')}
      </button>
    </main>
  );
}
