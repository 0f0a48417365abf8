import { useState } from 'react';
import type { Jurisdiction } from '../../../preload/contract/common';
import type { CacGrade, IncidentState } from '../../../preload/contract/incidents';
import { useApp } from '../../app/store';
import { EmptyState } from '../../components/EmptyState';
import { ExportButton } from '../../components/ExportButton';
import { exportsText } from '../../components/exports-i18n';
import { CheckboxField, ErrorBanner, SelectField, TextField } from '../../components/Field';
import { formatInstant, formatNumber } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { Pill } from '../../components/StatePill';
import { useHandedFilter } from '../../components/HandedFilter';
import { ShowVoidedField, VoidedTag, voidedRowClass } from '../../components/ShowVoided';
import { useKeysetList } from '../../components/useKeysetList';
import { VirtualList } from '../../components/VirtualList';
import { useT } from '../../i18n';
import { GRADES, JURISDICTIONS, STATES, gradeTone } from './options';
import { incidentsText } from './i18n';

type StateFilter = '' | 'open' | IncidentState;

export function List() {
  const t = useT(incidentsText);
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const handed = useHandedFilter();
  const [state, setState] = useState<StateFilter>('');
  const [grade, setGrade] = useState<'' | CacGrade>((handed.values.grade as CacGrade | undefined) ?? '');
  const [jurisdiction, setJurisdiction] = useState<'' | Jurisdiction>('');
  const [overdue, setOverdue] = useState(false);
  const [sort, setSort] = useState<'discovered' | 'nextDue'>('discovered');
  const [search, setSearch] = useState('');
  const [showVoided, setShowVoided] = useState(false);
  const filter = {
    ...(state === 'open' ? { openOnly: true } : state ? { state } : {}),
    ...(grade ? { grade } : {}),
    ...(jurisdiction ? { jurisdiction } : {}),
    ...(overdue ? { hasOverdue: true } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
    sort,
    ...(handed.values.discoveredFrom ? { discoveredFrom: String(handed.values.discoveredFrom), discoveredBefore: String(handed.values.discoveredBefore) } : {}),
  };
  const list = useKeysetList('incidents.list', showVoided ? { ...filter, showVoided } : filter, { debounceMs: search ? 200 : 0 });
  const tx = useT(exportsText);
  const { items, loaded, error } = list;
  const total = list.page?.total ?? 0;
  const capped = list.page?.totalCapped ?? false;
  const onEnd = list.loadMore;

  const filtered = state || grade || jurisdiction || overdue || search;
  const newButton = (
    <button className="primary" onClick={() => navigate({ page: 'incidents', id: 'new' })}>
      {t('newIncident')}
    </button>
  );

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <ExportButton register="incidents" filter={filter} what={tx('whatIncidents')} baseName="incidents" disabled={!loaded || total === 0} />
            <button onClick={() => navigate({ page: 'incidents', id: 'assess' })}>{t('assess')}</button>
            {newButton}
          </>
        }
      />
      {handed.notice}
      <div className="incident-filters" role="search">
        <TextField type="search" label={t('searchLabel')} value={search} onChange={setSearch} />
        <SelectField<StateFilter>
          label={t('filterState')}
          value={state}
          onChange={setState}
          options={[{ value: '', label: t('all') }, { value: 'open', label: t('openOnly') }, ...STATES.map((s) => ({ value: s, label: t(`s_${s}`) }))]}
        />
        <SelectField<'' | CacGrade> label={t('filterGrade')} value={grade} onChange={setGrade} options={[{ value: '', label: t('all') }, ...GRADES.map((g) => ({ value: g, label: t(`g_${g}`) }))]} />
        <SelectField<'' | Jurisdiction>
          label={t('filterJurisdiction')}
          value={jurisdiction}
          onChange={setJurisdiction}
          options={[{ value: '', label: t('all') }, ...JURISDICTIONS.map((j) => ({ value: j, label: t(`j_${j}`) }))]}
        />
        <SelectField<'discovered' | 'nextDue'>
          label={t('sortBy')}
          value={sort}
          onChange={setSort}
          options={[{ value: 'discovered', label: t('sortDiscovered') }, { value: 'nextDue', label: t('sortNextDue') }]}
        />
        <CheckboxField label={t('filterOverdue')} checked={overdue} onChange={setOverdue} />
        <ShowVoidedField checked={showVoided} onChange={setShowVoided} />
      </div>
      <ErrorBanner error={error} />
      {loaded && items.length === 0 ? (
        filtered ? (
          <EmptyState title={t('emptyFiltered')} />
        ) : (
          <EmptyState title={t('emptyTitle')} action={newButton}>
            {t('emptyText')}
          </EmptyState>
        )
      ) : (
        <>
          <p className="muted" aria-live="polite">{t('total', { n: `${formatNumber(total, language)}${capped ? '+' : ''}` })}</p>
          <div className="incident-row incident-row--head" aria-hidden="true">
            <span>{t('colRef')}</span>
            <span>{t('colTitle')}</span>
            <span>{t('colState')}</span>
            <span>{t('colGrade')}</span>
            <span>{t('colDiscovered')}</span>
            <span>{t('colNextDue')}</span>
          </div>
          <VirtualList
            label={t('listLabel')}
            items={items}
            rowHeight={52}
            getKey={(i) => i.id}
            onEndReached={onEnd}
            renderRow={(i) => (
              <button type="button" className={`incident-row${voidedRowClass(i.voided)}`} onClick={() => navigate({ page: 'incidents', id: i.id })}>
                <span className="mono">{i.ref}</span>
                <span className="incident-row__title">
                  {i.title}
                  <span className="muted"> · {t('people', { n: formatNumber(i.individualsAffected, language) })} · {i.jurisdictions.map((j) => t(`j_${j}`)).join(', ')}</span>
                  <VoidedTag voided={i.voided} />
                </span>
                <span>{t(`s_${i.state}`)}</span>
                <span><Pill tone={gradeTone(i.grade)}>{t(`g_${i.grade}`)}</Pill></span>
                <span>{formatInstant(i.discoveredAt, language)}</span>
                <span>
                  {i.nextDueImmediate ? (
                    <Pill tone="warn">{t('dueImmediately', { since: formatInstant(i.nextDueAt, language) })}</Pill>
                  ) : i.nextDueAt ? (
                    formatInstant(i.nextDueAt, language)
                  ) : (
                    <span className="muted">{t('noClock')}</span>
                  )}
                  {i.hasOverdue ? <> <Pill tone="danger">{t('overdue')}</Pill></> : null}
                </span>
              </button>
            )}
          />
        </>
      )}
    </div>
  );
}
