import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, Input, Output } from '../../preload/contract';
import type { AppErrorDto } from '../../preload/contract/result';
import { api } from '../app/api';
import { useApp } from '../app/store';

type ListChannel = {
  [C in Channel]: Output<C> extends { items: unknown[]; nextCursor: string | null } ? C : never;
}[Channel];

type ItemOf<C extends ListChannel> = Output<C>['items'][number];
type FilterOf<C extends ListChannel> = Omit<Input<C>, 'cursor' | 'limit'>;

export interface KeysetList<C extends ListChannel> {
  items: ItemOf<C>[];
  /** The last page's whole value, for totals and flags a list may carry (total, totalCapped...). */
  page: Output<C> | undefined;
  loaded: boolean;
  error: AppErrorDto | undefined;
  /** Give to VirtualList's onEndReached: loads the next keyset page once. */
  loadMore(): void;
  reload(): void;
}

/**
 * The paging every register list needs: the first page on each filter change (debounced for
 * typing), the next keyset page when the end scrolls into view, never two loads at once, and a
 * stale answer for an old filter dropped.
 */
export function useKeysetList<C extends ListChannel>(channel: C, filter: FilterOf<C>, options: { limit?: number; debounceMs?: number } = {}): KeysetList<C> {
  const { limit = 50, debounceMs = 0 } = options;
  const [items, setItems] = useState<ItemOf<C>[]>([]);
  const [page, setPage] = useState<Output<C>>();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<AppErrorDto>();
  const [tick, setTick] = useState(0);
  const busy = useRef(false);
  const filterKey = JSON.stringify(filter);
  const generation = useRef(0);
  // A write anywhere (a board override, a Settings change) can move this list's columns: reload.
  const dataEpoch = useApp((s) => s.dataEpoch);

  const load = useCallback(
    async (cursor: string | null) => {
      const mine = generation.current;
      busy.current = true;
      const r = await api.call(channel, { ...(filter as object), cursor, limit } as Input<C>);
      busy.current = false;
      if (mine !== generation.current) return;
      if (!r.ok) return setError(r.error);
      const value = r.value as Output<C>;
      setError(undefined);
      setItems((prev) => (cursor ? [...prev, ...(value.items as ItemOf<C>[])] : (value.items as ItemOf<C>[])));
      setPage(value);
      setLoaded(true);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [channel, filterKey, limit],
  );

  useEffect(() => {
    generation.current++;
    const timer = setTimeout(() => void load(null), debounceMs);
    return () => clearTimeout(timer);
  }, [load, debounceMs, tick, dataEpoch]);

  const loadMore = useCallback(() => {
    const cursor = (page as { nextCursor: string | null } | undefined)?.nextCursor;
    if (cursor && !busy.current) void load(cursor);
  }, [page, load]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { items, page, loaded, error, loadMore, reload };
}
