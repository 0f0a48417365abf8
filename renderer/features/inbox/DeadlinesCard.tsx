import { useState } from 'react';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { Countdown } from '../../components/Countdown';
import { ProvisionalPill, RuleVersionLine } from '../../components/DeadlineProvenance';
import { ErrorBanner, TextField, fieldError } from '../../components/Field';
import { formatInstant, localInputToIso } from '../../components/format';
import { DeadlineStatePill } from '../../components/StatePill';
import { commonText } from '../../components/i18n';
import { useLocalized, useT } from '../../i18n';
import type { CardProps } from './Detail';
import { inboxText } from './i18n';

/** The request's clocks from the engine, each with its rule, basis and explanation. */
export function DeadlinesCard({ request, onChange }: CardProps) {
  const t = useT(inboxText);
  const c = useT(commonText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const extend = useMutation('inbox.extend');
  const [reasons, setReasons] = useState('');
  const [sentAt, setSentAt] = useState('');
  const reply = request.deadlines.filter((d) => !d.key.startsWith('hold.'));
  const openPause = request.pauses.find((p) => !p.endedAt && p.kind === 'identity');
  const canExtend = request.extendable !== null;
  const stop = useMutation('inbox.stopClock');
  const resume = useMutation('inbox.resumeClock');
  const [stopReason, setStopReason] = useState('');

  return (
    <section className="card" aria-labelledby="inbox-deadlines-h">
      <h2 id="inbox-deadlines-h">{t('deadlines')}</h2>
      <p className="muted">{t('deadlinesIntro')}</p>
      {openPause ? <p className="banner banner--warn">{t('paused')}</p> : null}
      <ul className="inbox-deadlines">
        {reply.map((d) => (
          <li key={d.id} className={`inbox-deadline inbox-deadline--${d.state}`} aria-label={L(d.rule)}>
            <div className="inbox-deadline__head">
              <strong>{L(d.rule)}</strong> <DeadlineStatePill state={d.state} /> <ProvisionalPill deadline={d} />
              {d.state === 'open' || d.state === 'dueSoon' || d.state === 'overdue' ? <Countdown dueAt={d.dueAt} startAt={d.startAt} clock={d.clock} /> : null}
            </div>
            <div className="muted">
              {t('dueAt', { t: formatInstant(d.dueAt, language) })}
              {d.metAt ? <> · {t('metAt', { t: formatInstant(d.metAt, language) })}</> : null}
              {d.waivedReason ? <> · {t('waivedBecause', { r: d.waivedReason })}</> : null}
            </div>
            <details className="inbox-why">
              <summary>{c('why')}</summary>
              <p>{L(d.explanation)}</p>
              <p className="muted">{c('basis')}: {L(d.basis)}</p>
              <RuleVersionLine deadline={d} />
            </details>
          </li>
        ))}
      </ul>
      <p className="muted">{request.pauseClockForIdentity ? t('pauseSettingOn') : t('pauseSettingOff')}</p>
      {request.pauses.length ? (
        <>
          <h3>{t('pausesTitle')}</h3>
          <ul>
            {request.pauses.map((p, i) => (
              <li key={i}>{t('pauseRow', { from: formatInstant(p.startedAt, language), to: p.endedAt ? formatInstant(p.endedAt, language) : t('pauseOpen'), reason: p.reason })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {request.clockStop.open ? (
        <div className="banner banner--warn" role="status">
          <p>{t('clockStopped', { t: formatInstant(request.clockStop.open.startedAt, language), r: request.clockStop.open.reason })}</p>
          <ErrorBanner error={resume.error} />
          <button
            type="button"
            disabled={resume.busy}
            onClick={async () => {
              const next = await resume.run({ id: request.id });
              if (next) onChange(next);
            }}
          >
            {t('resumeClock')}
          </button>
        </div>
      ) : request.clockStop.allowed && ['new', 'verifying', 'inProgress'].includes(request.state) ? (
        <details>
          <summary>{t('stopClock')}</summary>
          <p className="muted">{t('stopClockHint')}</p>
          <ErrorBanner error={stop.error} />
          <TextField label={t('stopClockReason')} value={stopReason} onChange={setStopReason} required error={fieldError(stop.error, 'reason') ?? fieldError(stop.error, 'id')} />
          <button
            type="button"
            disabled={stop.busy}
            onClick={async () => {
              const next = await stop.run({ id: request.id, reason: stopReason });
              if (next) (onChange(next), setStopReason(''));
            }}
          >
            {t('stopClock')}
          </button>
        </details>
      ) : null}
      {request.extension ? <p>{t('extended', { t: formatInstant(request.extension.noticeSentAt, language) })}: {request.extension.reasons}</p> : null}
      {canExtend ? (
        <details>
          <summary>{t('extend')}</summary>
          <ErrorBanner error={extend.error} />
          <TextField label={t('extendReasons')} value={reasons} onChange={setReasons} multiline rows={2} error={fieldError(extend.error, 'reasons')} required />
          <TextField type="datetime-local" label={t('extendSentAt')} value={sentAt} onChange={setSentAt} error={fieldError(extend.error, 'noticeSentAt') ?? fieldError(extend.error, 'id')} />
          <button
            type="button"
            disabled={extend.busy}
            onClick={async () => {
              const next = await extend.run({ id: request.id, reasons, ...(sentAt ? { noticeSentAt: localInputToIso(sentAt) } : {}) });
              if (next) onChange(next);
            }}
          >
            {t('extend')}
          </button>
        </details>
      ) : null}
    </section>
  );
}
