import { useState } from 'react';
import type { HoldKind } from '../../../preload/contract/inbox';
import { api, useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { formatInstant } from '../../components/format';
import { DeadlineStatePill } from '../../components/StatePill';
import { commonText } from '../../components/i18n';
import { useLocalized, useT } from '../../i18n';
import type { AppErrorDto } from '../../../preload/contract/result';
import type { CardProps } from './Detail';
import { inboxText } from './i18n';
import { HOLD_KINDS } from './options';

/** What is kept after a deletion or account closure, and until when (each end is a final-deletion deadline). */
export function HoldsCard({ request, onChange }: CardProps) {
  const t = useT(inboxText);
  const c = useT(commonText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const record = useMutation('inbox.recordHold');
  const [kind, setKind] = useState<HoldKind>('transactions');
  const [description, setDescription] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [clearing, setClearing] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorDto>();
  const statutory = kind === 'networkLogs' || kind === 'transactions';

  const add = async () => {
    const next = await record.run({ id: request.id, kind, description, ...(from ? { from } : {}), ...(until ? { until } : {}) });
    if (next) {
      onChange(next);
      setDescription('');
      setFrom('');
      setUntil('');
    }
  };

  const clear = async (holdId: string) => {
    const r = await api.call('inbox.clearHold', { id: request.id, holdId });
    setClearing(null);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    onChange(r.value);
  };

  return (
    <section className="card" aria-labelledby="inbox-holds-h">
      <h2 id="inbox-holds-h">{t('holds')}</h2>
      <p className="muted">{t('holdsIntro')}</p>
      <ErrorBanner error={error} />
      {request.holds.length ? (
        <ul className="inbox-deadlines">
          {request.holds.map((h) => (
            <li key={h.id} className="inbox-deadline" aria-label={h.description}>
              <div className="inbox-deadline__head">
                <strong>{h.description}</strong> <span className="muted">{t(`h_${h.kind}`)}</span> {h.deadline ? <DeadlineStatePill state={h.deadline.state} /> : null}
              </div>
              <div className="muted">
                {h.deadline ? t('finalDeletion', { t: formatInstant(h.deadline.dueAt, language) }) : null}
                {h.clearedAt ? <> · {t('deletedAt', { t: formatInstant(h.clearedAt, language) })}</> : null}
              </div>
              <details className="inbox-why">
                <summary>{c('why')}</summary>
                {h.deadline ? <p>{L(h.deadline.explanation)}</p> : null}
                <p className="muted">{c('basis')}: {L(h.basis)}</p>
              </details>
              {!h.clearedAt ? (
                <button type="button" onClick={() => setClearing(h.id)}>{t('markDeleted')}</button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('noHolds')}</p>
      )}
      <fieldset className="inbox-fieldset">
        <legend>{t('recordHold')}</legend>
        <ErrorBanner error={record.error} />
        <div className="form-grid">
          <SelectField<HoldKind> label={t('holdKind')} value={kind} onChange={setKind} options={HOLD_KINDS.map((k) => ({ value: k, label: t(`h_${k}`) }))} />
          <TextField label={t('holdDescription')} value={description} onChange={setDescription} error={fieldError(record.error, 'description')} required />
          {statutory ? (
            <TextField type="date" label={t('holdFrom')} hint={t('holdFromHint')} value={from} onChange={setFrom} error={fieldError(record.error, 'from')} required />
          ) : (
            <TextField type="date" label={t('holdUntil')} value={until} onChange={setUntil} error={fieldError(record.error, 'until')} required />
          )}
        </div>
        <button type="button" disabled={record.busy} onClick={() => void add()}>{t('recordHold')}</button>
      </fieldset>
      <ConfirmDialog open={clearing !== null} title={t('markDeletedTitle')} onConfirm={() => clearing && void clear(clearing)} onCancel={() => setClearing(null)} />
    </section>
  );
}
