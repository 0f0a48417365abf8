import type { Channel, DpoClient, DpoEvent } from './contract';
import type { Result } from './contract/result';

/**
 * The renderer's client under the loopback HTTP host: same DpoClient as the Electron preload.
 * The token arrives once in the URL fragment (never sent to the server in a URL or logged),
 * is kept in sessionStorage for reloads, and is removed from the address bar.
 */
export function createHttpClient(win: Window = window): DpoClient {
  const fromHash = new URLSearchParams(win.location.hash.slice(1)).get('token');
  if (fromHash) {
    win.sessionStorage.setItem('dpo.token', fromHash);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
  }
  const token = fromHash ?? win.sessionStorage.getItem('dpo.token') ?? '';
  const listeners = new Set<(e: DpoEvent) => void>();
  let lastState: string | null = null;

  async function call(channel: Channel, input: unknown): Promise<Result<never>> {
    try {
      const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      if (res.status === 401) {
        return { ok: false, error: { code: 'LOCKED', message: 'This window has no valid session token. Open the address the app printed when it started.' } };
      }
      if (res.status === 413) return { ok: false, error: { code: 'VALIDATION', message: 'The request is too large.' } };
      const result = (await res.json()) as Result<never>;
      if (channel === 'vault.status' && result.ok) noteState((result.value as { state: string }).state);
      if (!result.ok && result.error.code === 'LOCKED') noteState('locked');
      return result;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'The app is not reachable. Is it still running?' } };
    }
  }

  function noteState(state: string): void {
    if (lastState === 'unlocked' && state === 'locked') for (const l of listeners) l({ type: 'locked', reason: 'idle' });
    lastState = state;
  }

  // Electron pushes lock events; over HTTP we notice them by polling the status.
  const poll = win.setInterval(() => {
    if (listeners.size > 0) void call('vault.status', {});
  }, 5000);
  win.addEventListener('beforeunload', () => win.clearInterval(poll));

  return {
    host: 'http',
    call: call as DpoClient['call'],
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
