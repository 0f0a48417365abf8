import { useState } from 'react';
import type { NoticeKind, NoticeState } from '../../../preload/contract/notices';
import { useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner, SelectField } from '../../components/Field';
import { formatInstant, formatNumber } from '../../components/format';
import { ExportButton } from '../../components/ExportButton';
import { exportsText } from '../../components/exports-i18n';
import { PageHeader } from '../../components/PageHeader';
import { Pill } from '../../components/StatePill';
import { ShowVoidedField, VoidedTag, voidedRowClass } from '../../components/ShowVoided';
import { useKeysetList } from '../../components/useKeysetList';
import { VirtualList } from '../../components/VirtualList';
import { useLocalized, useT } from '../../i18n';
import { noticesText } from './i18n';

export const STATES: NoticeState[] = ['draft', 'inReview', 'approved', 'dispatched'];
export const stateTone = (s: NoticeState) => (s === 'dispatched' ? 'ok' : s === 'approved' ? 'info' : s === 'inReview' ? 'warn' : 'neutral');

export function List() {
  const t = useT(noticesText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const kinds = useQuery('notices.kinds', {}, []);
  const [state, setState] = useState<'' | NoticeState>('');
  const [kind, setKind] = useState<'' | NoticeKind>('');
  const [showVoided, setShowVoided] = useState(false);
  const filter = { ...(state ? { state } : {}), ...(kind ? { kind } : {}) };
  const list = useKeysetList('notices.list', showVoided ? { ...filter, showVoided } : filter);
  const tx = useT(exportsText);
  const { items, loaded, error } = list;
  const total = list.page?.total ?? 0;
  const onEnd = list.loadMore;

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <ExportButton register="notices" filter={filter} what={tx('whatNotices')} baseName="notices" disabled={!loaded || total === 0} />
            <button type="button" onClick={() => navigate({ page: 'notices', id: 'templates' })}>{t('templates')}</button>
            <button type="button" className="primary" onClick={() => navigate({ page: 'notices', id: 'new' })}>{t('newNotice')}</button>
          </>
        }
      />
      <div className="notices-filters" role="search">
        <SelectField<'' | NoticeState> label={t('filterState')} value={state} onChange={setState} options={[{ value: '', label: t('all') }, ...STATES.map((s) => ({ value: s, label: t(`s_${s}`) }))]} />
        <SelectField<'' | NoticeKind>
          label={t('filterKind')}
          value={kind}
          onChange={setKind}
          options={[{ value: '', label: t('all') }, ...(kinds.data ?? []).map((k) => ({ value: k.kind, label: L(k.label) }))]}
        />
        <ShowVoidedField checked={showVoided} onChange={setShowVoided} />
      </div>
      <ErrorBanner error={error} />
      {loaded && items.length === 0 ? (
        state || kind ? (
          <EmptyState title={t('emptyFiltered')} />
        ) : (
          <EmptyState title={t('emptyTitle')} action={<button type="button" className="primary" onClick={() => navigate({ page: 'notices', id: 'new' })}>{t('newNotice')}</button>}>
            {t('emptyText')}
          </EmptyState>
        )
      ) : (
        <>
          <p className="muted" aria-live="polite">{t('count', { n: formatNumber(total, language) })}</p>
          <VirtualList
            label={t('listLabel')}
            items={items}
            rowHeight={52}
            getKey={(i) => i.id}
            onEndReached={onEnd}
            height="calc(100vh - 330px)"
            renderRow={(i) => (
              <button type="button" className={`notice-row${voidedRowClass(i.voided)}`} onClick={() => navigate({ page: 'notices', id: i.id })}>
                <span className="mono">{i.ref}</span>
                <span className="notice-row__subject">
                  <strong>{i.subject || '—'}</strong> · {L(i.kindLabel)}
                  <VoidedTag voided={i.voided} />
                </span>
                <span><Pill tone={stateTone(i.state)}>{t(`s_${i.state}`)}</Pill></span>
                <span className="muted">v{i.version}</span>
                <span>{formatInstant(i.updatedAt, language)}</span>
              </button>
            )}
          />
        </>
      )}
    </div>
  );
}
