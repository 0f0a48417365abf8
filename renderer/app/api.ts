import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, DpoClient, Input, Output } from '../../preload/contract';
import type { AppErrorDto, Result } from '../../preload/contract/result';
import { createHttpClient } from '../../preload/http-client';
import { useApp } from './store';

declare global {
  interface Window {
    dpo?: DpoClient;
  }
}

const client: DpoClient = window.dpo ?? createHttpClient();

/**
 * Electron's preload put `window.dpo` there; under the HTTP host we make the same client. Main
 * marks every result that wrote to the vault (`wrote`); the app then bumps its data epoch, so the
 * alert banner, the counts and the lists follow every write, wherever it was made.
 */
export const api: DpoClient = {
  host: client.host,
  onEvent: (listener) => client.onEvent(listener),
  call: (async (channel: Channel, input: unknown) => {
    const r = await client.call(channel, input as never);
    if (r.ok && r.wrote) useApp.getState().bumpData();
    return r;
  }) as DpoClient['call'],
};

export interface Query<T> {
  data: T | undefined;
  error: AppErrorDto | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads a channel's value and reloads when `deps` change. Pass `skip` to wait. */
export function useQuery<C extends Channel>(channel: C, input: Input<C>, deps: unknown[], skip = false): Query<Output<C>> {
  const [state, setState] = useState<{ data?: Output<C>; error?: AppErrorDto; loading: boolean }>({ loading: !skip });
  const [tick, setTick] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void api.call(channel, inputRef.current).then((r: Result<Output<C>>) => {
      if (!live) return;
      setState(r.ok ? { data: r.value, loading: false } : { error: r.error, loading: false, data: undefined });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, tick, skip, ...deps]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** For actions: runs the call, tracks busy and the last error (with its field messages). */
export function useMutation<C extends Channel>(channel: C) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorDto | undefined>();
  const run = useCallback(
    async (input: Input<C>): Promise<Output<C> | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        const r = await api.call(channel, input);
        if (r.ok) return r.value;
        setError(r.error);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [channel],
  );
  return { run, busy, error, setError };
}
