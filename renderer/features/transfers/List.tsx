import { useState } from 'react';
import type { AppErrorDto } from '../../../preload/contract/result';
import type { ChosenRoute, FilingState } from '../../../preload/contract/transfers';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { saveFile } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { CheckboxField, ErrorBanner, SelectField } from '../../components/Field';
import { formatInstant, formatNumber } from '../../components/format';
import { ExportButton } from '../../components/ExportButton';
import { exportsText } from '../../components/exports-i18n';
import { PageHeader } from '../../components/PageHeader';
import { Pill } from '../../components/StatePill';
import { useHandedFilter } from '../../components/HandedFilter';
import { ShowVoidedField, VoidedTag, voidedRowClass } from '../../components/ShowVoided';
import { useKeysetList } from '../../components/useKeysetList';
import { VirtualList } from '../../components/VirtualList';
import { useT } from '../../i18n';
import { transfersText } from './i18n';
import { CompanyTotalsCard } from './CompanyTotalsCard';
import { countryName, useCountryOptions } from './SectionFields';

export const ROUTES: ChosenRoute[] = ['undecided', 'standardContract', 'certification', 'securityAssessment', 'exempt'];
export const FILING_STATES: FilingState[] = ['notRequired', 'awaitingContract', 'due', 'underReview', 'supplementsRequested', 'filed', 'refused', 'refilingDue'];
export const filingTone = (s: FilingState) => (s === 'filed' || s === 'notRequired' ? 'ok' : s === 'refused' || s === 'refilingDue' ? 'danger' : s === 'due' || s === 'supplementsRequested' ? 'warn' : 'info');

export function List() {
  const t = useT(transfersText);
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const toast = useApp((s) => s.toast);
  const countries = useCountryOptions(t('all'));
  const handed = useHandedFilter();
  const [route, setRoute] = useState<'' | ChosenRoute>((handed.values.route as ChosenRoute | undefined) ?? '');
  const [country, setCountry] = useState('');
  const [filingState, setFilingState] = useState<'' | FilingState>((handed.values.filingState as FilingState | undefined) ?? '');
  const [overdue, setOverdue] = useState(false);
  const [showVoided, setShowVoided] = useState(false);
  const filter = { ...(route ? { route } : {}), ...(country ? { country } : {}), ...(filingState ? { filingState } : {}), ...(overdue ? { overdue: true } : {}) };
  const list = useKeysetList('transfers.list', showVoided ? { ...filter, showVoided } : filter);
  const tx = useT(exportsText);
  const { items, loaded } = list;
  const total = list.page?.total ?? 0;
  const onEnd = list.loadMore;
  const [exportError, setExportError] = useState<AppErrorDto>();
  const error = exportError ?? list.error;

  const exportCsv = async () => {
    const r = await api.call('transfers.exportCsv', { ...filter, language });
    if (!r.ok) return setExportError(r.error);
    setExportError(undefined);
    saveFile(r.value.filename, r.value.csv, 'text/csv;charset=utf-8');
    toast(t('exported', { n: r.value.rows }));
  };

  const newButton = (
    <button className="primary" onClick={() => navigate({ page: 'transfers', id: 'new' })}>
      {t('newTransfer')}
    </button>
  );
  const filtered = route || country || filingState || overdue;
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <button onClick={() => void exportCsv()} disabled={!loaded || total === 0}>
              {t('exportCsv')}
            </button>
            <ExportButton register="transfers" filter={filter} what={tx('whatTransfers')} baseName="transfers" disabled={!loaded || total === 0} />
            {newButton}
          </>
        }
      />
      {total > 0 || filtered ? <CompanyTotalsCard refreshKey={total} onSaved={list.reload} /> : null}
      {handed.notice}
      <div className="transfer-filters" role="search">
        <SelectField<'' | ChosenRoute> label={t('filterRoute')} value={route} onChange={setRoute} options={[{ value: '', label: t('all') }, ...ROUTES.map((r) => ({ value: r, label: t(`r_${r}`) }))]} />
        <SelectField label={t('filterCountry')} value={country} onChange={setCountry} options={countries} />
        <SelectField<'' | FilingState> label={t('filterFiling')} value={filingState} onChange={setFilingState} options={[{ value: '', label: t('all') }, ...FILING_STATES.map((s) => ({ value: s, label: t(`fs_${s}`) }))]} />
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
          <p className="muted" aria-live="polite">{t('total', { n: formatNumber(total, language) })}</p>
          <div className="transfer-row transfer-row--head" aria-hidden="true">
            <span>{t('colRef')}</span>
            <span>{t('colRecipient')}</span>
            <span>{t('colRoute')}</span>
            <span>{t('colFiling')}</span>
            <span>{t('colNextDue')}</span>
          </div>
          <VirtualList
            label={t('listLabel')}
            items={items}
            rowHeight={52}
            getKey={(i) => i.id}
            onEndReached={onEnd}
            renderRow={(i) => (
              <button type="button" className={`transfer-row${voidedRowClass(i.voided)}`} onClick={() => navigate({ page: 'transfers', id: i.id })}>
                <span className="mono">{i.ref}</span>
                <span className="transfer-row__name">
                  {i.recipientName}
                  <span className="muted"> · {countryName(i.country, language)}</span>
                  {i.gapCount ? <Pill tone="warn">{t('gaps', { n: i.gapCount })}</Pill> : null}
                  <VoidedTag voided={i.voided} />
                </span>
                <span>
                  {t(`r_${i.chosenRoute}`)} <span className="muted">/ {t(`rec_${i.recommendedRoute}`)}</span>
                  {i.mismatch ? <Pill tone="danger">{t('mismatch')}</Pill> : null}
                </span>
                <span>
                  <Pill tone={filingTone(i.filingState)}>{t(`fs_${i.filingState}`)}</Pill>
                </span>
                <span>
                  {i.nextDueAt ? formatInstant(i.nextDueAt, language) : '—'}
                  {i.overdue ? <Pill tone="danger">{t('overdue')}</Pill> : null}
                </span>
              </button>
            )}
          />
        </>
      )}
    </div>
  );
}
