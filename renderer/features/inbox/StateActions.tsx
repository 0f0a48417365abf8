import { useState } from 'react';
import type { RequestState } from '../../../preload/contract/inbox';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api } from '../../app/api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/Field';
import { useT } from '../../i18n';
import type { CardProps } from './Detail';
import { inboxText } from './i18n';

const OPEN: RequestState[] = ['new', 'verifying', 'inProgress'];

/** The states main says are reachable from here; reopening and withdrawal ask for the reason. */
export function StateActions({ request, onChange }: CardProps) {
  const t = useT(inboxText);
  const [target, setTarget] = useState<RequestState | null>(null);
  const [error, setError] = useState<AppErrorDto>();
  const reopening = (to: RequestState) => to === 'inProgress' && !OPEN.includes(request.state);
  const label = (to: RequestState) => (reopening(to) ? t('go_reopen') : t(`go_${to}` as 'go_closed'));
  const needsReason = target ? reopening(target) || target === 'withdrawn' : false;

  const move = async (to: RequestState, reason: string) => {
    const r = await api.call('inbox.transition', { id: request.id, to, ...(reason ? { reason } : {}) });
    setTarget(null);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    onChange(r.value);
  };

  if (!request.nextStates.length) return null;
  return (
    <div className="inbox-state-actions" role="group" aria-label={t('stateActions')}>
      <span className="muted">{t('stateActions')}:</span>
      {request.nextStates.map((to) => (
        // Withdrawal is a normal step of the workflow, not a destructive one: an ordinary button (its dialog asks how).
        <button key={to} type="button" onClick={() => setTarget(to)}>
          {label(to)}
        </button>
      ))}
      <ErrorBanner error={error} />
      <ConfirmDialog
        open={target !== null}
        title={target ? t('confirmState', { ref: request.ref, state: t(`s_${target}`) }) : ''}
        reasonLabel={needsReason ? (target === 'withdrawn' ? t('reasonWithdrawn') : t('reasonReopen')) : undefined}
        danger={false}
        onConfirm={(reason) => target && void move(target, reason)}
        onCancel={() => setTarget(null)}
      />
    </div>
  );
}
