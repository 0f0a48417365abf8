import { useState } from 'react';
import type { Transfer } from '../../../preload/contract/transfers';
import { useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, fieldError, SelectField, TextField } from '../../components/Field';
import { formatDate, formatInstant } from '../../components/format';
import { ProvisionalPill, RuleVersionLine } from '../../components/DeadlineProvenance';
import { DeadlineStatePill, Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { transfersText } from './i18n';

type StepKind = Transfer['filingEvents'][number]['kind'];
const STEPS: StepKind[] = ['submitted', 'supplementsRequested', 'supplementsSubmitted', 'accepted', 'refused'];

/** The date a due instant falls on in its rule's zone (display only; the engine computed it). */
const dueDateIn = (iso: string, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/** Clocks from the deadline engine with their explanation, the filing steps, and the changes. */
export function FilingTimeline({ transfer, onChange }: { transfer: Transfer; onChange(t: Transfer): void }) {
  const t = useT(transfersText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const toast = useApp((s) => s.toast);
  const [step, setStep] = useState({ kind: 'submitted' as StepKind, date: '', filingNumber: '', reasons: '' });
  const [change, setChange] = useState({ kind: 'destinationLaw' as 'destinationLaw' | 'recipientUse' | 'other', date: '', description: '' });
  const recordFiling = useMutation('transfers.recordFiling');
  const recordChange = useMutation('transfers.recordChange');
  const changes = useQuery('transfers.changes', { id: transfer.id }, [transfer.updatedAt]);

  const saveStep = async () => {
    const next = await recordFiling.run({ id: transfer.id, kind: step.kind, date: step.date, ...(step.filingNumber ? { filingNumber: step.filingNumber } : {}), ...(step.reasons ? { reasons: step.reasons } : {}) });
    if (next) {
      onChange(next);
      setStep({ kind: 'accepted', date: '', filingNumber: '', reasons: '' });
      toast(t('stepSaved'));
    }
  };
  const saveChange = async () => {
    const next = await recordChange.run({ id: transfer.id, ...change });
    if (next) {
      onChange(next);
      setChange({ kind: 'destinationLaw', date: '', description: '' });
      toast(t('changeSaved'));
    }
  };
  return (
    <section className="card transfer-section" aria-labelledby="filing-title">
      <h2 id="filing-title">{t('filingTitle')}</h2>
      <p>
        <Pill tone={transfer.filingState === 'filed' ? 'ok' : transfer.filingState === 'refilingDue' || transfer.filingState === 'refused' ? 'danger' : 'info'}>{t(`fs_${transfer.filingState}`)}</Pill>
        {transfer.filingNumber ? <> {t('filingNumber')}: <strong className="mono">{transfer.filingNumber}</strong></> : null}
      </p>
      <h3>{t('deadlines')}</h3>
      {transfer.deadlines.length === 0 ? <p className="muted">{t('noDeadlines')}</p> : null}
      <ul className="clock-list">
        {transfer.deadlines.map((d) => (
          <li key={d.id} className={`clock--${d.state}`}>
            <div className="clock__head">
              <strong>{L(d.rule)}</strong>
              <span>{t('due', { date: dueDateIn(d.dueAt, d.zone) })}</span>
              <DeadlineStatePill state={d.state} />
              <ProvisionalPill deadline={d} />
            </div>
            <p className="muted">{L(d.explanation)}</p>
            <p className="muted">{L(d.basis)}</p>
            <RuleVersionLine deadline={d} />
          </li>
        ))}
      </ul>
      <ol className="event-list" aria-label={t('filingTitle')}>
        {transfer.filingEvents.length === 0 ? <li className="muted">{t('noEvents')}</li> : null}
        {transfer.filingEvents.map((e) => (
          <li key={e.id}>
            <strong>{formatDate(e.date, language)}</strong> — {t(`k_${e.kind}`)}
            {e.filingNumber ? <> · <span className="mono">{e.filingNumber}</span></> : null}
            {e.reasons ? <> · {e.reasons}</> : null}
            <span className="muted"> · {formatInstant(e.recordedAt, language)}</span>
          </li>
        ))}
      </ol>
      <form onSubmit={(e) => { e.preventDefault(); void saveStep(); }} noValidate aria-label={t('recordFiling')}>
        <h3>{t('recordFiling')}</h3>
        <ErrorBanner error={recordFiling.error} />
        <div className="filing-form">
          <SelectField<StepKind> label={t('kind')} value={step.kind} onChange={(kind) => setStep({ ...step, kind })} error={fieldError(recordFiling.error, 'kind')} options={STEPS.map((k) => ({ value: k, label: t(`k_${k}`) }))} />
          <TextField type="date" label={t('date')} value={step.date} onChange={(date) => setStep({ ...step, date })} error={fieldError(recordFiling.error, 'date')} />
          {step.kind === 'accepted' ? <TextField label={t('filingNumber')} value={step.filingNumber} onChange={(filingNumber) => setStep({ ...step, filingNumber })} error={fieldError(recordFiling.error, 'filingNumber')} /> : null}
          {step.kind === 'refused' ? <TextField label={t('reasons')} value={step.reasons} onChange={(reasons) => setStep({ ...step, reasons })} error={fieldError(recordFiling.error, 'reasons')} /> : null}
          <div className="form-actions"><button type="submit" className="primary" disabled={recordFiling.busy}>{t('saveStep')}</button></div>
        </div>
      </form>
      <h3>{t('changesTitle')}</h3>
      <ul className="event-list">
        {changes.data?.items.length === 0 ? <li className="muted">{t('noChanges')}</li> : null}
        {changes.data?.items.map((c) => (
          <li key={c.id}>
            <strong>{formatDate(c.date, language)}</strong> — {c.summary}
            {c.triggersRefiling ? <> <Pill tone="warn">{t('refiling')}</Pill></> : null}
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => { e.preventDefault(); void saveChange(); }} noValidate aria-label={t('recordLawChange')}>
        <details>
          <summary>{t('recordLawChange')}</summary>
          <ErrorBanner error={recordChange.error} />
          <div className="filing-form">
            <SelectField label={t('changeKind')} value={change.kind} onChange={(kind) => setChange({ ...change, kind })} options={(['destinationLaw', 'recipientUse', 'other'] as const).map((k) => ({ value: k, label: t(`ck_${k}`) }))} />
            <TextField type="date" label={t('date')} value={change.date} onChange={(date) => setChange({ ...change, date })} error={fieldError(recordChange.error, 'date')} />
            <TextField label={t('description')} value={change.description} onChange={(description) => setChange({ ...change, description })} error={fieldError(recordChange.error, 'description')} />
            <div className="form-actions"><button type="submit" disabled={recordChange.busy}>{t('saveChange')}</button></div>
          </div>
        </details>
      </form>
    </section>
  );
}
