import { useEffect, useState } from 'react';
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
  const dataEpoch = useApp((s) => s.dataEpoch);
  const navigate = useApp((s) => s.navigate);
  const [current, setCurrent] = useState<DeadlineAlert[]>([]);
  // Dismissed alerts stay hidden until their state changes (due soon → overdue shows again).
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const key = (a: DeadlineAlert) => `${a.deadline.id}:${a.state}`;

  // The banner shows what is alerting now, asked again after every write and every 30 s: a duty
  // met or dispatched leaves it at once (issue 13), not at the next lock.
  useEffect(() => {
    if (vaultState !== 'unlocked') {
      setCurrent([]);
      return;
    }
    let live = true;
    const poll = async () => {
      const r = await api.call('deadlines.alerts', {});
      if (!live || !r.ok) return;
      setCurrent([...r.value.items].sort((a, b) => a.deadline.dueAt.localeCompare(b.deadline.dueAt)));
    };
    void poll();
    const id = setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [vaultState, dataEpoch]);

  const alerts = current.filter((a) => !dismissed.has(key(a)));
  const dismissAll = () => setDismissed(new Set([...dismissed, ...current.map(key)]));
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
            dismissAll();
          }}
        >
          {t('showBoard')}
        </button>
        <button type="button" onClick={dismissAll}>
          {t('dismiss')}
        </button>
      </div>
    </section>
  );
}
