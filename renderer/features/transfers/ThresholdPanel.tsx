import { useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { useLocalized, useT } from '../../i18n';
import { transfersText } from './i18n';
import './transfers.css';

/** Dashboard: shown only when the company's cross-border totals are within 10% of a threshold. */
export function ThresholdPanel() {
  const t = useT(transfersText);
  const L = useLocalized();
  const navigate = useApp((s) => s.navigate);
  const q = useQuery('transfers.classify', {}, []);
  const v = q.data?.verdict;
  if (!v?.warning) return null;
  return (
    <section className="card banner banner--warn" aria-labelledby="threshold-panel-title">
      <h2 id="threshold-panel-title">{t('panelTitle')}</h2>
      <p>{L(v.warning)}</p>
      <p className="muted">
        {t('verdict', { route: t(`rec_${v.route}`) })} · {L(v.basis)}
      </p>
      <button type="button" className="link" onClick={() => navigate({ page: 'transfers' })}>{t('panelOpen')}</button>
    </section>
  );
}
