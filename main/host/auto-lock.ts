import { getSettings } from '../settings/service';
import type { VaultManager } from '../vault/service';

/**
 * Main enforces the idle lock itself, so a renderer that died or was left open cannot keep the
 * key in memory. The renderer also locks on its own idle timer for a prompt UI.
 */
export function startAutoLock(vault: VaultManager, tickMs = 15_000): () => void {
  const timer = setInterval(() => {
    if (vault.status() !== 'unlocked') return;
    const minutes = getSettings(vault.hostSession()).autoLockMinutes;
    if (minutes > 0 && vault.idleMs() >= minutes * 60_000) vault.lock('idle');
  }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
