import { useState } from 'react';
import type { Incident, IncidentObligation } from '../../../preload/contract/incidents';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Countdown } from '../../components/Countdown';
import { CheckboxField, ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { ProvisionalPill, RuleVersionLine } from '../../components/DeadlineProvenance';
import { formatInstant, isoToLocalInput, localInputToIso } from '../../components/format';
import { DeadlineStatePill, Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { incidentsText } from './i18n';

interface Props {
  incident: Incident;
  onChange(next: Incident): void;
}

const ORDER = { toAssess: 0, pending: 1, waiting: 2, done: 3, notRequired: 4 } as const;

/** Every obligation with its live clock, its "why" and the DPO's acts on it. */
export function ObligationsBoard({ incident, onChange }: Props) {
  const t = useT(incidentsText);
  const [showAll, setShowAll] = useState(false);
  const sorted = [...incident.obligations].sort((a, b) => ORDER[a.state] - ORDER[b.state] || (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~'));
  const notRequired = sorted.filter((o) => o.state === 'notRequired');
  const shown = showAll ? sorted : sorted.filter((o) => o.state !== 'notRequired');
  return (
    <section className="card" aria-labelledby="obligations-h">
      <h2 id="obligations-h">{t('obligations')}</h2>
      <p className="muted">{t('obligationsIntro')}</p>
      <ul className="obligations">
        {shown.map((o) => (
          <ObligationRow key={o.key} incident={incident} o={o} onChange={onChange} />
        ))}
      </ul>
      {notRequired.length ? (
        <button type="button" className="link" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? t('hideNotRequired') : t('showNotRequired', { n: notRequired.length })}
        </button>
      ) : null}
    </section>
  );
}

function ObligationRow({ incident, o, onChange }: Props & { o: IncidentObligation }) {
  const t = useT(incidentsText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const [dialog, setDialog] = useState<null | 'done' | 'undo' | 'override' | 'followUp'>(null);
  const [error, setError] = useState<AppErrorDto>();
  const label = L(o.label);
  const tone = o.state === 'done' ? 'ok' : o.state === 'pending' || o.state === 'toAssess' ? 'warn' : 'neutral';

  const call = async (p: Promise<{ ok: true; value: Incident } | { ok: false; error: AppErrorDto }>) => {
    const r = await p;
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    setError(undefined);
    setDialog(null);
    onChange(r.value);
    return true;
  };

  return (
    <li className={`obligation obligation--${o.state}`} aria-label={label}>
      <div className="obligation__head">
        <strong>{label}</strong>
        <Pill tone={tone}>{t(`ob_${o.state}`)}</Pill>
        {o.deadlineState && o.state === 'pending' ? <DeadlineStatePill state={o.deadlineState} /> : null}
        {o.state === 'pending' && o.deadline ? <Countdown dueAt={o.deadline.dueAt} startAt={o.deadline.startAt} clock={o.deadline.clock} /> : null}
        {o.deadline ? <ProvisionalPill deadline={o.deadline} /> : null}
      </div>
      <div className="obligation__when muted">
        {o.startAt ? <span>{t('startedAt', { t: formatInstant(o.startAt, language) })}</span> : null}
        {o.dueAt && o.deadline?.clock === 'due' ? <span>{t('dueAt', { t: formatInstant(o.dueAt, language) })}</span> : null}
        {o.done ? <span>{t('doneAt', { t: formatInstant(o.done.at, language) })}</span> : null}
        {o.done?.reference ? <span>{t('referenceShort', { r: o.done.reference })}</span> : null}
      </div>
      {o.done?.note ? <p className="obligation__note">{t('noteShort', { n: o.done.note })}</p> : null}
      {o.question ? (
        <p className="obligation__question" role="note">
          <strong>{t('questionToAnswer')}</strong> {L(o.question.text)}
        </p>
      ) : null}
      <details className="obligation__why">
        <summary>{t('why')}: {L(o.rule)}</summary>
        <p>{L(o.explanation)}</p>
        <p className="muted">{L(o.basis)}</p>
        {o.deadline ? <p className="muted">{L(o.deadline.explanation)}</p> : null}
        {o.deadline ? <RuleVersionLine deadline={o.deadline} /> : null}
        {o.override ? <p className="banner banner--warn">{t('overriddenBy', { by: o.override.by, reason: o.override.reason })}</p> : null}
      </details>
      {o.reports?.length ? (
        <ol className="obligation__reports" aria-label={t('reportSequence')}>
          {o.reports.map((r, i) => (
            <li key={i}>
              {t(`report_${r.kind}`)} · {formatInstant(r.at, language)}
              {r.reference ? ` · ${r.reference}` : ''}
              {r.note ? ` — ${r.note}` : ''}
            </li>
          ))}
        </ol>
      ) : null}
      <ErrorBanner error={dialog ? undefined : error} />
      <div className="obligation__actions">
        {o.state === 'pending' || o.state === 'waiting' || o.state === 'toAssess' ? (
          <button type="button" aria-label={`${t('markDone')}: ${label}`} onClick={() => setDialog('done')}>{t('markDone')}</button>
        ) : null}
        {o.state === 'done' ? <button type="button" aria-label={`${t('undoDone')}: ${label}`} onClick={() => setDialog('undo')}>{t('undoDone')}</button> : null}
        <button type="button" aria-label={`${t('override')}: ${label}`} onClick={() => setDialog('override')}>{t('override')}</button>
        {o.key === 'cac.report' && o.done ? <button type="button" onClick={() => setDialog('followUp')}>{t('followUp')}</button> : null}
      </div>
      {dialog === 'followUp' ? (
        <FollowUpDialog error={error} onCancel={() => (setDialog(null), setError(undefined))} onSubmit={(input) => call(api.call('incidents.recordFollowUp', { id: incident.id, ...input }))} />
      ) : null}
      {dialog === 'done' ? (
        <MarkDoneDialog o={o} label={label} error={error} onCancel={() => (setDialog(null), setError(undefined))} onSubmit={(input) => call(api.call('incidents.markObligation', { id: incident.id, key: o.key, state: 'done', ...input }))} />
      ) : null}
      {dialog === 'undo' ? (
        <ConfirmDialog open title={t('undoDone')} reasonLabel={t('undoReason')} danger onCancel={() => setDialog(null)} onConfirm={(reason) => void call(api.call('incidents.markObligation', { id: incident.id, key: o.key, state: 'pending', reason }))} />
      ) : null}
      {dialog === 'override' ? <OverrideDialog o={o} label={label} onCancel={() => setDialog(null)} onSubmit={(required, reason) => void call(api.call('incidents.overrideObligation', { id: incident.id, key: o.key, required, reason }))} /> : null}
    </li>
  );
}

function MarkDoneDialog(props: {
  o: IncidentObligation;
  label: string;
  error: AppErrorDto | undefined;
  onCancel(): void;
  onSubmit(input: { doneAt: string; reference: string; note: string; lateReason: string; firstReport: boolean }): Promise<boolean>;
}) {
  const t = useT(incidentsText);
  const [at, setAt] = useState(() => isoToLocalInput(new Date().toISOString()));
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [firstReport, setFirstReport] = useState(false);
  const err = (f: string) => fieldError(props.error, f);
  return (
    <ConfirmDialog open title={t('markDoneTitle', { label: props.label })} confirmLabel={t('markDone')} onCancel={props.onCancel} onConfirm={() => void props.onSubmit({ doneAt: localInputToIso(at), reference, note, lateReason, firstReport })}>
      <ErrorBanner error={props.error} />
      <TextField label={t('doneWhen')} type="datetime-local" value={at} onChange={setAt} required error={err('doneAt')} />
      <TextField label={props.o.referenceExpected ? t('reference') : t('referenceOptional')} value={reference} onChange={setReference} error={err('reference')} />
      <TextField label={t('note')} value={note} onChange={setNote} />
      {props.o.key === 'gdpr33.authority' ? <TextField label={t('lateReason')} value={lateReason} onChange={setLateReason} multiline rows={3} error={err('lateReason')} /> : null}
      {props.o.key === 'cac.report' ? <CheckboxField label={t('firstReport')} hint={t('firstReportHint')} checked={firstReport} onChange={setFirstReport} /> : null}
    </ConfirmDialog>
  );
}

/** A follow-up report to the cyberspace administration when new important facts arise (CAC Measures Art. 7). */
function FollowUpDialog(props: { error: AppErrorDto | undefined; onCancel(): void; onSubmit(input: { at: string; reference: string; note: string }): Promise<boolean> }) {
  const t = useT(incidentsText);
  const [at, setAt] = useState(() => isoToLocalInput(new Date().toISOString()));
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const err = (f: string) => fieldError(props.error, f);
  return (
    <ConfirmDialog open title={t('followUp')} confirmLabel={t('followUpRecord')} onCancel={props.onCancel} onConfirm={() => void props.onSubmit({ at: localInputToIso(at), reference, note })}>
      <ErrorBanner error={props.error} />
      <TextField label={t('doneWhen')} type="datetime-local" value={at} onChange={setAt} required error={err('at')} />
      <TextField label={t('referenceOptional')} value={reference} onChange={setReference} />
      <TextField label={t('followUpWhat')} value={note} onChange={setNote} multiline rows={3} required error={err('note')} />
    </ConfirmDialog>
  );
}

function OverrideDialog(props: { o: IncidentObligation; label: string; onCancel(): void; onSubmit(required: boolean | null, reason: string): void }) {
  const t = useT(incidentsText);
  const [choice, setChoice] = useState<'required' | 'notRequired' | 'clear'>(props.o.required ? 'notRequired' : 'required');
  return (
    <ConfirmDialog open title={t('overrideTitle', { label: props.label })} reasonLabel={t('reason')} onCancel={props.onCancel} onConfirm={(reason) => props.onSubmit(choice === 'clear' ? null : choice === 'required', reason)}>
      <SelectField<'required' | 'notRequired' | 'clear'>
        label={t('override')}
        value={choice}
        onChange={setChoice}
        options={[
          { value: 'required', label: t('overrideRequired') },
          { value: 'notRequired', label: t('overrideNotRequired') },
          ...(props.o.override ? [{ value: 'clear' as const, label: t('overrideClear') }] : []),
        ]}
      />
    </ConfirmDialog>
  );
}
