import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ProvisionalPill, RuleVersionLine } from '../../components/DeadlineProvenance';
import { ErrorBanner, TextField, fieldError } from '../../components/Field';
import { formatInstant, formatNumber } from '../../components/format';
import { DeadlineStatePill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { settingsText } from './i18n';

/**
 * The PI protection officer (CAC notice of 2025-07-18): the company's count of individuals, the
 * officer, and the 30-working-day reports that reaching the threshold and each change open.
 */
export function PioCard() {
  const t = useT(settingsText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const toast = useApp((s) => s.toast);
  const [version, setVersion] = useState(0);
  const g = useQuery('governance.get', {}, [version]);
  const update = useMutation('governance.update');
  const report = useMutation('governance.recordReport');
  const [total, setTotal] = useState('');
  const [asOf, setAsOf] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [reportDate, setReportDate] = useState('');
  const [reference, setReference] = useState('');
  useEffect(() => {
    if (!g.data) return;
    setTotal(g.data.individualsTotal === null ? '' : String(g.data.individualsTotal));
    setAsOf(g.data.asOf ?? '');
    setName(g.data.officerName);
    setContact(g.data.officerContact);
  }, [g.data]);
  if (!g.data) return null;
  const d = g.data;
  const open = d.deadlines.some((x) => x.state !== 'met' && x.state !== 'waived');
  return (
    <section className="card" aria-labelledby="pio-title">
      <h2 id="pio-title">{t('pioTitle')}</h2>
      <p className="muted">
        {L(d.rule)} — {L(d.basis)}
      </p>
      <p>{d.reached ? t('pioReached', { n: formatNumber(d.threshold, language) }) : t('pioNotReached', { n: formatNumber(d.threshold, language) })}</p>
      <ErrorBanner error={update.error ?? report.error} />
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const next = await update.run({ individualsTotal: total.trim() === '' ? null : Number(total), ...(asOf ? { asOf } : {}), officerName: name, officerContact: contact });
          if (next) {
            toast(t('pioSaved'));
            setVersion((v) => v + 1);
          }
        }}
      >
        <div className="form-grid">
          <TextField label={t('pioTotal')} hint={t('pioTotalHint')} type="number" min={0} value={total} onChange={setTotal} error={fieldError(update.error, 'individualsTotal')} />
          <TextField label={t('pioAsOf')} type="date" value={asOf} onChange={setAsOf} error={fieldError(update.error, 'asOf')} />
          <TextField label={t('pioName')} value={name} onChange={setName} error={fieldError(update.error, 'officerName')} />
          <TextField label={t('pioContact')} value={contact} onChange={setContact} error={fieldError(update.error, 'officerContact')} />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={update.busy}>
            {t('pioSave')}
          </button>
        </div>
      </form>
      {d.deadlines.length ? (
        <ul className="inbox-deadlines">
          {d.deadlines.map((x) => (
            <li key={x.id}>
              <strong>{L(x.rule)}</strong> <DeadlineStatePill state={x.state} /> <ProvisionalPill deadline={x} /> · {formatInstant(x.dueAt, language)}
              <details>
                <summary>{t('why')}</summary>
                <p>{L(x.explanation)}</p>
                <RuleVersionLine deadline={x} />
              </details>
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (await report.run({ date: reportDate, reference })) {
              setReportDate('');
              setReference('');
              setVersion((v) => v + 1);
            }
          }}
        >
          <h3>{t('pioReport')}</h3>
          <div className="form-grid">
            <TextField label={t('pioReportDate')} type="date" value={reportDate} onChange={setReportDate} required error={fieldError(report.error, 'date')} />
            <TextField label={t('pioReference')} value={reference} onChange={setReference} required error={fieldError(report.error, 'reference')} />
          </div>
          <div className="form-actions">
            <button type="submit" disabled={report.busy}>
              {t('pioRecordReport')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
