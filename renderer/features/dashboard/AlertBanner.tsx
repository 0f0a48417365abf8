import { useEffect, useRef, useState } from 'react';
import type { DeadlineAlert } from '../../../preload/contract/deadlines';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { useLocalized, useT } from '../../i18n';
import { dashboardText } from './i18n';
import './dashboard.css';

const POLL_MS = 30_000;
const SHOWN = 3;

/**
 * Under the top bar on every page: deadlines that became due soon or overdue since the last poll
 * (main decides which; the first poll after unlock shows every one currently alerting).
 */
export function AlertBanner() {
  const t = useT(dashboardText);
  const L = useLocalized();
  const vaultState = useApp((s) => s.vaultState);
  const navigate = useApp((s) => s.navigate);
  const [alerts, setAlerts] = useState<DeadlineAlert[]>([]);
  const since = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (vaultState !== 'unlocked') {
      setAlerts([]);
      since.current = undefined;
      return;
    }
    let live = true;
    const poll = async () => {
      const r = await api.call('deadlines.alerts', since.current ? { since: since.current } : {});
      if (!live || !r.ok) return;
      since.current = r.value.now;
      if (r.value.items.length === 0) return;
      setAlerts((prev) => {
        // The newest state of a deadline replaces an older alert about it.
        const byId = new Map(prev.map((a) => [a.deadline.id, a]));
        for (const a of r.value.items) byId.set(a.deadline.id, a);
        return [...byId.values()].sort((a, b) => a.deadline.dueAt.localeCompare(b.deadline.dueAt));
      });
    };
    void poll();
    const id = setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [vaultState]);

  if (alerts.length === 0) return null;
  const overdue = alerts.some((a) => a.state === 'overdue');
  return (
    <section className={`banner alert-banner ${overdue ? 'banner--error' : 'banner--warn'}`} role="status" aria-label={t('alertsLabel')}>
      <ul>
        {alerts.slice(0, SHOWN).map((a) => (
          <li key={a.deadline.id}>
            {t(a.state === 'overdue' ? 'alertOverdue' : 'alertDueSoon', { rule: L(a.deadline.rule), ref: a.deadline.recordRef })}
          </li>
        ))}
        {alerts.length > SHOWN ? <li>{t('alertMore', { n: alerts.length - SHOWN })}</li> : null}
      </ul>
      <div className="alert-banner__actions">
        <button
          type="button"
          onClick={() => {
            navigate({ page: 'dashboard' });
            setAlerts([]);
          }}
        >
          {t('showBoard')}
        </button>
        <button type="button" onClick={() => setAlerts([])}>
          {t('dismiss')}
        </button>
      </div>
    </section>
  );
}
