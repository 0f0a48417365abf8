import { useState } from 'react';
import type { AuditVerification } from '../../../preload/contract/audit';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { EmptyState } from '../../components/EmptyState';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useKeysetList } from '../../components/useKeysetList';
import { VirtualList } from '../../components/VirtualList';
import { useT } from '../../i18n';
import { auditText } from './i18n';

export function AuditPage() {
  const t = useT(auditText);
  const language = useApp((s) => s.language);
  const list = useKeysetList('audit.list', {}, { limit: 100 });
  const { items, loaded } = list;
  const total = list.page?.total ?? 0;
  const [verification, setVerification] = useState<AuditVerification | 'busy' | null>(null);

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <button
            className="primary"
            disabled={verification === 'busy'}
            onClick={async () => {
              setVerification('busy');
              const r = await api.call('audit.verify', {});
              setVerification(r.ok ? r.value : null);
            }}
          >
            {verification === 'busy' ? t('verifying') : t('verify')}
          </button>
        }
      />
      {verification && verification !== 'busy' ? (
        <div className={`banner ${verification.ok ? 'banner--ok' : 'banner--error'}`} role="status">
          {verification.ok
            ? t('verifiedOk', { n: verification.entries, head: (verification.head ?? '').slice(0, 16) })
            : t('verifiedBroken', {
                seq: verification.firstBroken?.seq ?? '?',
                reason: t(`reason_${verification.firstBroken?.reason ?? 'hash'}` as 'reason_hash'),
              })}
        </div>
      ) : null}
      <p className="muted">{t('total', { n: total })}</p>
      {items.length === 0 && loaded ? (
        <EmptyState title={t('empty')} />
      ) : (
        <>
          <div className="audit-row audit-row--head" aria-hidden="true">
            <span>#</span>
            <span>{t('at')}</span>
            <span>{t('actor')}</span>
            <span>{t('action')}</span>
            <span>{t('summary')}</span>
          </div>
          <VirtualList
            label={t('list')}
            items={items}
            rowHeight={36}
            getKey={(e) => String(e.seq)}
            onEndReached={list.loadMore}
            renderRow={(e) => (
              <div className="audit-row">
                <span className="mono">{e.seq}</span>
                <span>{formatInstant(e.at, language)}</span>
                <span>{e.actor}</span>
                <span className="mono">{e.action}</span>
                <span>{e.summary}</span>
              </div>
            )}
          />
        </>
      )}
    </div>
  );
}
