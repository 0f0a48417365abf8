import { useEffect } from 'react';
import { api } from './api';
import { useApp } from './store';

/**
 * Locks after the idle time from Settings. Main enforces it too (main/host/auto-lock.ts); this
 * one reacts to the DPO's own keyboard and mouse, which main cannot see.
 */
export function useIdleLock(active: boolean): void {
  const setVaultState = useApp((s) => s.setVaultState);
  useEffect(() => {
    if (!active) return;
    let minutes = 0;
    let last = Date.now();
    void api.call('settings.get', {}).then((r) => {
      if (r.ok) minutes = r.value.autoLockMinutes;
    });
    const bump = () => {
      last = Date.now();
    };
    const events = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, bump, { passive: true });
    const timer = setInterval(() => {
      if (minutes > 0 && Date.now() - last >= minutes * 60_000) {
        void api.call('vault.lock', {}).then(() => setVaultState('locked'));
      }
    }, 10_000);
    const onSettings = (e: Event) => {
      minutes = (e as CustomEvent<number>).detail;
    };
    window.addEventListener('dpo:autolock-minutes', onSettings);
    return () => {
      for (const e of events) window.removeEventListener(e, bump);
      window.removeEventListener('dpo:autolock-minutes', onSettings);
      clearInterval(timer);
    };
  }, [active, setVaultState]);
}
