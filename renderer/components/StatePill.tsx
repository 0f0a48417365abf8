import type { DeadlineState } from '../../preload/contract/deadlines';
import { useT } from '../i18n';
import { commonText } from './i18n';

const KEY = { open: 'stateOpen', dueSoon: 'stateDueSoon', overdue: 'stateOverdue', met: 'stateMet', waived: 'stateWaived' } as const;

/** A deadline's state as a coloured pill; the word is always there, colour is never alone. */
export function DeadlineStatePill({ state }: { state: DeadlineState }) {
  const t = useT(commonText);
  return <span className={`pill pill--${state}`}>{t(KEY[state])}</span>;
}

/** Any other status word (incident state, grade...), already translated by the caller. */
export function Pill({ children, tone = 'neutral' }: { children: string; tone?: 'neutral' | 'info' | 'warn' | 'danger' | 'ok' }) {
  return <span className={`pill pill--${tone}`}>{children}</span>;
}
