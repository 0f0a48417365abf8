import { useState } from 'react';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { CheckboxField, ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { formatInstant, localInputToIso } from '../../components/format';
import { useT } from '../../i18n';
import type { CardProps } from './Detail';
import { inboxText } from './i18n';
import { IDENTITY_OUTCOMES, METHODS } from './options';

type Method = (typeof METHODS)[number];
type Outcome = (typeof IDENTITY_OUTCOMES)[number];

/** The identity step: every check recorded with method, who, when and outcome. */
export function IdentityCard({ request, onChange }: CardProps) {
  const t = useT(inboxText);
  const language = useApp((s) => s.language);
  const verify = useMutation('inbox.verifyIdentity');
  const [method, setMethod] = useState<Method>('idDocument');
  const [outcome, setOutcome] = useState<Outcome>('verified');
  const [verifiedBy, setVerifiedBy] = useState('');
  const [verifiedAt, setVerifiedAt] = useState('');
  const [accountChecked, setAccountChecked] = useState(false);
  const [note, setNote] = useState('');
  const open = ['new', 'verifying', 'inProgress'].includes(request.state);

  const record = async () => {
    const next = await verify.run({
      id: request.id,
      method,
      outcome,
      accountChecked,
      ...(verifiedBy.trim() ? { verifiedBy } : {}),
      ...(verifiedAt ? { verifiedAt: localInputToIso(verifiedAt) } : {}),
      ...(note.trim() ? { note } : {}),
    });
    if (next) {
      onChange(next);
      setNote('');
    }
  };

  return (
    <section className="card" aria-labelledby="inbox-identity-h">
      <h2 id="inbox-identity-h">{t('identity')}</h2>
      <p className="muted">{t('identityIntro')}</p>
      {request.identityChecks.length ? (
        <ul className="inbox-checks">
          {request.identityChecks.map((c) => (
            <li key={c.id}>
              {t('checkRow', { outcome: t(`o_${c.outcome}`), method: t(`m_${c.method}`), by: c.verifiedBy, at: formatInstant(c.verifiedAt, language) })}
              {c.accountChecked ? ` · ${t('accountShort')}` : ''}
              {c.note ? <span className="muted"> — {c.note}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('noChecks')}</p>
      )}
      {open ? (
        <fieldset className="inbox-fieldset">
          <legend>{t('recordCheck')}</legend>
          <ErrorBanner error={verify.error} />
          <div className="form-grid">
            <SelectField<Method> label={t('method')} value={method} onChange={setMethod} options={METHODS.map((m) => ({ value: m, label: t(`m_${m}`) }))} />
            <SelectField<Outcome> label={t('outcome')} value={outcome} onChange={setOutcome} options={IDENTITY_OUTCOMES.map((o) => ({ value: o, label: t(`o_${o}`) }))} />
            <TextField label={t('verifiedBy')} value={verifiedBy} onChange={setVerifiedBy} error={fieldError(verify.error, 'verifiedBy')} />
            <TextField type="datetime-local" label={t('verifiedAt')} value={verifiedAt} onChange={setVerifiedAt} error={fieldError(verify.error, 'verifiedAt')} />
          </div>
          {request.type === 'accountClosure' ? <CheckboxField label={t('accountChecked')} checked={accountChecked} onChange={setAccountChecked} /> : null}
          <TextField label={t('note')} value={note} onChange={setNote} />
          <button type="button" disabled={verify.busy} onClick={() => void record()}>{t('recordCheck')}</button>
        </fieldset>
      ) : null}
    </section>
  );
}
