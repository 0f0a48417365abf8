import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry, AuditVerification } from '../../../preload/contract/audit';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { EmptyState } from '../../components/EmptyState';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { VirtualList } from '../../components/VirtualList';
import { useT } from '../../i18n';
import { auditText } from './i18n';

export function AuditPage() {
  const t = useT(auditText);
  const language = useApp((s) => s.language);
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | 'busy' | null>(null);

  const loadMore = useCallback(async () => {
    if (loading || cursor === null) return;
    setLoading(true);
    const r = await api.call('audit.list', { cursor: cursor ?? null, limit: 100 });
    setLoading(false);
    if (!r.ok) return;
    setItems((prev) => [...prev, ...r.value.items]);
    setCursor(r.value.nextCursor);
    setTotal(r.value.total);
  }, [cursor, loading]);

  useEffect(() => {
    void loadMore();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
      {items.length === 0 && !loading ? (
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
            onEndReached={() => void loadMore()}
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
