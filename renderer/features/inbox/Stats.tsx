import { useState } from 'react';
import { useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, SelectField } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useLocalized, useT } from '../../i18n';
import { inboxText } from './i18n';

/** The last eight quarters, newest first, counted back from today (display only; main draws the bounds). */
function quarters(now: Date): string[] {
  const out: string[] = [];
  let y = now.getFullYear();
  let q = Math.floor(now.getMonth() / 3) + 1;
  for (let i = 0; i < 8; i++) {
    out.push(`${y}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  return out;
}

export function Stats() {
  const t = useT(inboxText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const options = quarters(new Date());
  const [quarter, setQuarter] = useState(options[0]);
  const stats = useQuery('inbox.stats', { quarter }, [quarter]);
  const s = stats.data;
  const n = (x: number) => formatNumber(x, language);
  return (
    <div className="page">
      <PageHeader title={t('statsTitle')} actions={<button type="button" onClick={() => navigate({ page: 'inbox' })}>{t('back')}</button>} />
      <div className="inbox-quarter">
        <SelectField label={t('statsQuarter')} value={quarter} onChange={setQuarter} options={options.map((q) => ({ value: q, label: q }))} />
      </div>
      <ErrorBanner error={stats.error} />
      {s ? (
        <>
          <dl className="inbox-figures" aria-label={t('statsTitle')}>
            <div><dt>{t('received')}</dt><dd>{n(s.received)}</dd></div>
            <div><dt>{t('replied')}</dt><dd>{n(s.replied)}</dd></div>
            <div><dt>{t('onTime')}</dt><dd>{s.onTimePercent === null ? t('noReplies') : `${s.onTimePercent}% (${n(s.repliedOnTime)})`}</dd></div>
            <div><dt>{t('stillOpen')}</dt><dd>{n(s.stillOpen)}</dd></div>
          </dl>
          <div className="inbox-columns">
            <section className="card" aria-labelledby="inbox-grounds-h">
              <h2 id="inbox-grounds-h">{t('refusedByGround')}</h2>
              <table className="data">
                <thead><tr><th scope="col">{t('ground')}</th><th scope="col">{t('count')}</th></tr></thead>
                <tbody>
                  {s.refusedByGround.map((g, i) => (
                    <tr key={g.ground}><td>({i + 1}) {L(g.text)}</td><td>{n(g.count)}</td></tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="card" aria-labelledby="inbox-bytype-h">
              <h2 id="inbox-bytype-h">{t('byType')}</h2>
              <table className="data">
                <thead><tr><th scope="col">{t('type')}</th><th scope="col">{t('count')}</th></tr></thead>
                <tbody>
                  {s.byType.map((x) => (
                    <tr key={x.type}><td>{t(`t_${x.type}`)}</td><td>{n(x.count)}</td></tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </>
      ) : null}
    </div>
  );
}
