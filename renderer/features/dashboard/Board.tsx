import { useCallback, useEffect, useRef, useState } from 'react';
import type { ModuleName } from '../../../preload/contract/common';
import type { BoardBounds, BucketCounts, Deadline, DeadlineState } from '../../../preload/contract/deadlines';
import type { RegimeCode } from '../../../preload/contract/rules';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner, TextField, fieldError } from '../../components/Field';
import { isoToLocalInput, localInputToIso } from '../../components/format';
import { VirtualList } from '../../components/VirtualList';
import { useT } from '../../i18n';
import type { AppErrorDto } from '../../../preload/contract/result';
import { DeadlineRow } from './DeadlineRow';
import { dashboardText } from './i18n';

type Bucket = keyof BucketCounts;
/** Each row comes with its bucket from main (boardBucket), the same definition as the counts. */
type BoardDeadline = Deadline & { bucket: Bucket };
type Entry = { kind: 'group'; bucket: Bucket } | { kind: 'row'; deadline: BoardDeadline };

/** The part of deadlines.list's filter a link may hand the board. */
export type HandedBoardFilter = { regime?: RegimeCode; state?: DeadlineState; dueAfter?: string; dueBefore?: string };

export function handedBoardFilter(values: Record<string, string | boolean>): HandedBoardFilter | undefined {
  const f: Record<string, string> = {};
  for (const k of ['regime', 'state', 'dueAfter', 'dueBefore'] as const) if (typeof values[k] === 'string') f[k] = values[k] as string;
  return Object.keys(f).length ? (f as HandedBoardFilter) : undefined;
}

interface Props {
  module: ModuleName | '';
  filter?: HandedBoardFilter;
  zone: string;
  counts: BucketCounts | undefined;
  onChanged(): void;
  version: number;
}

export function Board({ module, filter, zone, counts, onChanged, version }: Props) {
  const t = useT(dashboardText);
  const toast = useApp((s) => s.toast);
  const [items, setItems] = useState<BoardDeadline[]>([]);
  const [bounds, setBounds] = useState<BoardBounds>();
  const [error, setError] = useState<AppErrorDto>();
  const cursor = useRef<string | null>(null);
  const loading = useRef(false);
  const [loaded, setLoaded] = useState(false);
  const [waiving, setWaiving] = useState<Deadline>();
  const [overriding, setOverriding] = useState<Deadline>();
  const [newDue, setNewDue] = useState('');
  const [actionError, setActionError] = useState<AppErrorDto>();

  const load = useCallback(
    async (reset: boolean) => {
      if (loading.current || (!reset && cursor.current === null)) return;
      loading.current = true;
      const r = await api.call('deadlines.list', { limit: 50, zone, ...(module ? { module } : {}), ...(filter ?? {}), ...(reset ? {} : { cursor: cursor.current }) });
      loading.current = false;
      if (!r.ok) return setError(r.error);
      setError(undefined);
      cursor.current = r.value.nextCursor;
      setBounds(r.value.bounds);
      setItems((prev) => (reset ? r.value.items : [...prev, ...r.value.items]));
      setLoaded(true);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter by value: a new object each render
    [module, zone, JSON.stringify(filter ?? null)],
  );

  useEffect(() => {
    cursor.current = null;
    void load(true);
  }, [load, version]);

  const entries: Entry[] = [];
  if (bounds) {
    let current: Bucket | null = null;
    for (const d of items) {
      const b = d.bucket;
      if (b !== current) entries.push({ kind: 'group', bucket: (current = b) });
      entries.push({ kind: 'row', deadline: d });
    }
  }

  if (error) return <ErrorBanner error={error} />;
  if (!loaded) return null;
  if (items.length === 0) {
    return (
      <EmptyState title={t('emptyTitle')}>
        <p>{module || filter ? t('emptyFiltered') : t('emptyText')}</p>
      </EmptyState>
    );
  }

  return (
    <>
      <VirtualList
        items={entries}
        rowHeight={76}
        label={t('boardLabel')}
        getKey={(e) => (e.kind === 'group' ? `group-${e.bucket}` : e.deadline.id)}
        onEndReached={() => void load(false)}
        renderRow={(e) =>
          e.kind === 'group' ? (
            <h2 className={`board-group board-group--${e.bucket}`}>
              {t(e.bucket)}
              {counts ? <span className="muted"> · {t('groupCount', { n: counts[e.bucket] })}</span> : null}
            </h2>
          ) : (
            <DeadlineRow
              deadline={e.deadline}
              onWaive={(d) => {
                setActionError(undefined);
                setWaiving(d);
              }}
              onOverride={(d) => {
                setActionError(undefined);
                setNewDue(isoToLocalInput(d.dueAt));
                setOverriding(d);
              }}
            />
          )
        }
      />
      {waiving ? (
      <ConfirmDialog
        open
        title={t('waiveTitle')}
        reasonLabel={t('waiveReason')}
        confirmLabel={t('waive')}
        danger
        onCancel={() => setWaiving(undefined)}
        onConfirm={async (reason) => {
          const r = await api.call('deadlines.waive', { id: waiving!.id, reason });
          if (!r.ok) return setActionError(r.error);
          setWaiving(undefined);
          toast(t('waived'));
          onChanged();
        }}
      >
        <ErrorBanner error={actionError} />
      </ConfirmDialog>
      ) : null}
      {overriding ? (
      <ConfirmDialog
        open
        title={t('overrideTitle')}
        reasonLabel={t('overrideReason')}
        confirmLabel={t('override')}
        onCancel={() => setOverriding(undefined)}
        onConfirm={async (reason) => {
          const r = await api.call('deadlines.override', { id: overriding!.id, dueAt: localInputToIso(newDue), reason });
          if (!r.ok) return setActionError(r.error);
          setOverriding(undefined);
          toast(t('overridden_toast'));
          onChanged();
        }}
      >
        <ErrorBanner error={actionError} />
        <TextField label={t('overrideDue')} type="datetime-local" value={newDue} onChange={setNewDue} required error={fieldError(actionError, 'dueAt')} />
      </ConfirmDialog>
      ) : null}
    </>
  );
}
