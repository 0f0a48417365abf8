import { useState } from 'react';
import type { Transfer } from '../../../preload/contract/transfers';
import { useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, fieldError, TextField } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { transfersText } from './i18n';

/** Volumes per year and the classifier's verdict on the company's totals, with its reason and basis. */
export function VolumesPanel({ transfer, onChange }: { transfer: Transfer; onChange(t: Transfer): void }) {
  const t = useT(transfersText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const toast = useApp((s) => s.toast);
  const v = transfer.verdict;
  const year = Number(v.countingWindow.to.slice(0, 4));
  const existing = transfer.volumes.find((x) => x.year === year);
  const [form, setForm] = useState({ year: String(year), ns: existing ? String(existing.nonSensitive) : '', s: existing ? String(existing.sensitive) : '', note: existing?.note ?? '' });
  const record = useMutation('transfers.recordVolumes');
  const company = useQuery('transfers.classify', {}, [transfer.updatedAt, transfer.volumes.length, JSON.stringify(transfer.volumes)]);
  const n = (x: number) => formatNumber(x, language);

  const save = async () => {
    const next = await record.run({ id: transfer.id, year: Number(form.year), nonSensitiveIndividuals: form.ns === '' ? 0 : Number(form.ns), sensitiveIndividuals: form.s === '' ? 0 : Number(form.s), note: form.note });
    if (next) {
      onChange(next);
      toast(t('volumesSaved'));
    }
  };
  return (
    <section className="card transfer-section" aria-labelledby="volumes-title">
      <h2 id="volumes-title">{t('volumesTitle')}</h2>
      <div className={`verdict verdict--${v.route}`} role="status">
        <h3>{t('verdict', { route: t(`rec_${v.route}`) })}</h3>
        <p>{L(v.reason)}</p>
        <p className="muted">
          {t('countingWindow', { from: v.countingWindow.from, to: v.countingWindow.to })} · {L(v.basis)}
        </p>
        {v.warning ? <p className="banner banner--warn">{L(v.warning)}</p> : null}
        <p>
          <strong>{t('routeCheck')}:</strong>{' '}
          <Pill tone={transfer.routeCheck.status === 'mismatch' ? 'danger' : transfer.routeCheck.status === 'matches' ? 'ok' : 'info'}>{t(`rc_${transfer.routeCheck.status}`)}</Pill>{' '}
          {L(transfer.routeCheck.message)}
        </p>
        <details>
          <summary>{t('thresholds')}</summary>
          <ul className="thresholds">
            {v.thresholds.map((th) => (
              <li key={th.key}>
                <span>{L(th.label)}</span>
                <span className="mono">{t('thCount', { count: n(th.count), limit: n(th.limit) })}</span>
                <span>{th.reached ? t('thReached') : t('thRemaining', { n: n(th.remaining) })} → {t(`rec_${th.routeAtLimit}`)}</span>
                <span className="muted">{L(th.basis)}</span>
              </li>
            ))}
          </ul>
          <p>{v.nextThreshold ? t('nextThreshold', { n: n(v.nextThreshold.remaining), route: t(`rec_${v.nextThreshold.routeAtLimit}`) }) : t('noNext')}</p>
        </details>
        {company.data ? <p className="muted">{t('companyTotal', { year: company.data.totals.year, ns: n(company.data.totals.nonSensitive), s: n(company.data.totals.sensitive) })}</p> : null}
      </div>
      <form className="volumes-form" onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <TextField type="number" label={t('year')} value={form.year} onChange={(x) => setForm({ ...form, year: x })} error={fieldError(record.error, 'year')} />
        <TextField type="number" min={0} label={t('nonSensitive')} value={form.ns} onChange={(x) => setForm({ ...form, ns: x })} error={fieldError(record.error, 'nonSensitiveIndividuals')} />
        <TextField type="number" min={0} label={t('sensitive')} value={form.s} onChange={(x) => setForm({ ...form, s: x })} error={fieldError(record.error, 'sensitiveIndividuals')} />
        <TextField label={t('volumeNote')} value={form.note} onChange={(x) => setForm({ ...form, note: x })} />
        <div className="form-actions"><button type="submit" className="primary" disabled={record.busy}>{t('saveVolumes')}</button></div>
      </form>
      {record.error && !record.error.fields ? <ErrorBanner error={record.error} /> : null}
      {transfer.volumes.length ? (
        <table className="data">
          <caption className="visually-hidden">{t('yearVolumes')}</caption>
          <thead><tr><th scope="col">{t('year')}</th><th scope="col">{t('nonSensitive')}</th><th scope="col">{t('sensitive')}</th><th scope="col">{t('volumeNote')}</th></tr></thead>
          <tbody>
            {transfer.volumes.map((x) => (
              <tr key={x.year}><td>{x.year}</td><td>{n(x.nonSensitive)}</td><td>{n(x.sensitive)}</td><td>{x.note}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
