import { useState } from 'react';
import { useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, fieldError, TextField } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { useLocalized, useT } from '../../i18n';
import { transfersText } from './i18n';

/**
 * The company's year-to-date totals across all recipients (2024 Provisions: counted together,
 * splitting is forbidden), the verdict on them, and the manual adjustment for people counted
 * under two recipients.
 */
export function CompanyTotalsCard({ refreshKey, onSaved }: { refreshKey: unknown; onSaved(): void }) {
  const t = useT(transfersText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const toast = useApp((s) => s.toast);
  const [tick, setTick] = useState(0);
  const q = useQuery('transfers.classify', {}, [refreshKey, tick]);
  const save = useMutation('transfers.recordCompanyYear');
  const [form, setForm] = useState<{ dupNs: string; dupS: string; processed: string; note: string } | null>(null);
  const totals = q.data?.totals;
  const v = q.data?.verdict;
  if (!totals || !v) return null;
  const n = (x: number) => formatNumber(x, language);
  const f = form ?? { dupNs: String(totals.duplicateNonSensitive), dupS: String(totals.duplicateSensitive), processed: totals.processedTotal === null ? '' : String(totals.processedTotal), note: totals.note };
  const submit = async () => {
    const r = await save.run({ year: totals.year, duplicateNonSensitive: Number(f.dupNs || 0), duplicateSensitive: Number(f.dupS || 0), processedTotal: f.processed === '' ? null : Number(f.processed), note: f.note });
    if (r) {
      setForm(null);
      setTick((x) => x + 1);
      onSaved();
      toast(t('sectionSaved'));
    }
  };
  return (
    <section className={`card transfer-section verdict verdict--${v.route}`} aria-labelledby="company-totals-title">
      <h2 id="company-totals-title">{t('companyTitle', { year: totals.year })}</h2>
      <p>{t('companyTotal', { year: totals.year, ns: n(totals.nonSensitive), s: n(totals.sensitive) })}</p>
      <p>
        <strong>{t('verdict', { route: t(`rec_${v.route}`) })}</strong> — {L(v.reason)} <span className="muted">({L(v.basis)})</span>
      </p>
      {v.warning ? <p className="banner banner--warn">{L(v.warning)}</p> : null}
      <details>
        <summary>{t('adjustTitle')}</summary>
        <form className="volumes-form" onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
          <ErrorBanner error={save.error?.fields ? undefined : save.error} />
          <TextField type="number" min={0} label={t('dupNonSensitive')} value={f.dupNs} onChange={(x) => setForm({ ...f, dupNs: x })} error={fieldError(save.error, 'duplicateNonSensitive')} />
          <TextField type="number" min={0} label={t('dupSensitive')} value={f.dupS} onChange={(x) => setForm({ ...f, dupS: x })} error={fieldError(save.error, 'duplicateSensitive')} />
          <TextField type="number" min={0} label={t('processedTotal')} hint={t('processedTotalHint')} value={f.processed} onChange={(x) => setForm({ ...f, processed: x })} error={fieldError(save.error, 'processedTotal')} />
          <TextField label={t('volumeNote')} value={f.note} onChange={(x) => setForm({ ...f, note: x })} />
          <div className="form-actions"><button type="submit" className="primary" disabled={save.busy}>{t('saveAdjustment')}</button></div>
        </form>
      </details>
    </section>
  );
}
