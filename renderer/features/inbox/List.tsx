import { useState } from 'react';
import type { Jurisdiction } from '../../../preload/contract/common';
import type { RequestState, RequestType } from '../../../preload/contract/inbox';
import { useApp } from '../../app/store';
import { EmptyState } from '../../components/EmptyState';
import { CheckboxField, ErrorBanner, SelectField, TextField } from '../../components/Field';
import { formatInstant, formatNumber } from '../../components/format';
import { ExportButton } from '../../components/ExportButton';
import { exportsText } from '../../components/exports-i18n';
import { PageHeader } from '../../components/PageHeader';
import { DeadlineStatePill, Pill } from '../../components/StatePill';
import { useHandedFilter } from '../../components/HandedFilter';
import { ShowVoidedField, VoidedTag, voidedRowClass } from '../../components/ShowVoided';
import { useKeysetList } from '../../components/useKeysetList';
import { VirtualList } from '../../components/VirtualList';
import { useT } from '../../i18n';
import { ImportZone } from './ImportZone';
import { inboxText } from './i18n';
import { JURISDICTIONS, STATES, TYPES, stateTone } from './options';

export function List() {
  const t = useT(inboxText);
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const handed = useHandedFilter();
  const [state, setState] = useState<'' | RequestState>('');
  const [type, setType] = useState<'' | RequestType>('');
  const [jurisdiction, setJurisdiction] = useState<'' | Jurisdiction>('');
  const [overdue, setOverdue] = useState(false);
  const [dueWithin, setDueWithin] = useState('');
  const [showVoided, setShowVoided] = useState(false);
  const within = dueWithin.trim() === '' ? undefined : Number(dueWithin);
  const filter = {
    ...(state ? { state } : {}),
    ...(type ? { type } : {}),
    ...(jurisdiction ? { jurisdiction } : {}),
    ...(overdue ? { overdue: true } : {}),
    ...(within !== undefined && Number.isInteger(within) ? { dueWithinDays: within } : {}),
    // A month of the overview: received or answered in [from, before).
    ...(handed.values.receivedFrom ? { receivedFrom: String(handed.values.receivedFrom), receivedBefore: String(handed.values.receivedBefore) } : {}),
    ...(handed.values.answeredFrom ? { answeredFrom: String(handed.values.answeredFrom), answeredBefore: String(handed.values.answeredBefore) } : {}),
  };
  const list = useKeysetList('inbox.list', showVoided ? { ...filter, showVoided } : filter);
  const tx = useT(exportsText);
  const { items, loaded, error } = list;
  const total = { n: list.page?.total ?? 0, atLeast: list.page?.totalIsAtLeast ?? false };
  const counts = list.page?.counts ?? null;
  const onEnd = list.loadMore;

  const filtered = state || type || jurisdiction || overdue || within !== undefined;
  const actions = (
    <>
      <ExportButton register="requests" filter={filter} what={tx('whatRequests')} baseName="requests" disabled={!loaded || total.n === 0} />
      <button type="button" onClick={() => navigate({ page: 'inbox', id: 'quarter' })}>{t('quarter')}</button>
      <button type="button" className="primary" onClick={() => navigate({ page: 'inbox', id: 'new' })}>{t('newRequest')}</button>
    </>
  );

  return (
    <div className="page">
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={actions} />
      {counts ? (
        <nav className="inbox-counts" aria-label={t('countsLabel')}>
          {STATES.map((s) => (
            <button key={s} type="button" aria-pressed={state === s} className="inbox-count" onClick={() => setState(state === s ? '' : s)}>
              <span className="inbox-count__n">{formatNumber(counts[s], language)}</span> {t(`s_${s}`)}
            </button>
          ))}
        </nav>
      ) : null}
      {handed.notice}
      <div className="inbox-filters" role="search" aria-label={t('filters')}>
        <SelectField<'' | RequestState> label={t('filterState')} value={state} onChange={setState} options={[{ value: '', label: t('all') }, ...STATES.map((s) => ({ value: s, label: t(`s_${s}`) }))]} />
        <SelectField<'' | RequestType> label={t('filterType')} value={type} onChange={setType} options={[{ value: '', label: t('all') }, ...TYPES.map((s) => ({ value: s, label: t(`t_${s}`) }))]} />
        <SelectField<'' | Jurisdiction> label={t('filterJurisdiction')} value={jurisdiction} onChange={setJurisdiction} options={[{ value: '', label: t('all') }, ...JURISDICTIONS.map((j) => ({ value: j, label: t(`j_${j}`) }))]} />
        <TextField type="number" label={t('filterDueWithin')} value={dueWithin} onChange={setDueWithin} min={0} max={366} />
        <CheckboxField label={t('filterOverdue')} checked={overdue} onChange={setOverdue} />
        <ShowVoidedField checked={showVoided} onChange={setShowVoided} />
      </div>
      <ErrorBanner error={error} />
      <ImportZone onImported={list.reload}>
        {loaded && items.length === 0 ? (
          filtered ? (
            <EmptyState title={t('emptyFiltered')} />
          ) : (
            <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>
          )
        ) : (
          <>
            <p className="muted" aria-live="polite">
              {total.atLeast ? t('totalAtLeast', { n: formatNumber(total.n, language) }) : t('total', { n: formatNumber(total.n, language) })}
            </p>
            <div className="inbox-row inbox-row--head" aria-hidden="true">
              <span>{t('colRef')}</span>
              <span>{t('colSubject')}</span>
              <span>{t('colType')}</span>
              <span>{t('colState')}</span>
              <span>{t('colReceived')}</span>
              <span>{t('colDue')}</span>
            </div>
            <VirtualList
              label={t('listLabel')}
              items={items}
              rowHeight={52}
              getKey={(i) => i.id}
              onEndReached={onEnd}
              height="calc(100vh - 420px)"
              renderRow={(i) => (
                <button type="button" className={`inbox-row${voidedRowClass(i.voided)}`} onClick={() => navigate({ page: 'inbox', id: i.id })}>
                  <span className="mono">{i.ref}</span>
                  <span className="inbox-row__subject">
                    <strong>{i.requesterName}</strong> · {i.subject}
                    <VoidedTag voided={i.voided} />
                  </span>
                  <span>{t(`t_${i.type}`)}</span>
                  <span><Pill tone={stateTone(i.state)}>{t(`s_${i.state}`)}</Pill></span>
                  <span>{formatInstant(i.receivedAt, language)}</span>
                  <span>
                    {formatInstant(i.dueAt, language)} <DeadlineStatePill state={i.dueState} />
                  </span>
                </button>
              )}
            />
          </>
        )}
      </ImportZone>
    </div>
  );
}
