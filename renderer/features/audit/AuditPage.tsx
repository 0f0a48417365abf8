import { useState } from 'react';
import type { AuditVerification } from '../../../preload/contract/audit';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { EmptyState } from '../../components/EmptyState';
import { ExportButton } from '../../components/ExportButton';
import { exportsText } from '../../components/exports-i18n';
import { ErrorBanner, fieldError, TextField } from '../../components/Field';
import { renderActivity } from '../../components/activity';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useKeysetList } from '../../components/useKeysetList';
import { VirtualList } from '../../components/VirtualList';
import { useT } from '../../i18n';
import { auditText } from './i18n';
import { IntegrityBanner, useAnchorText } from './Integrity';
import { EvidenceExport, Receipt, VerifyExport } from './Tools';

export function AuditPage() {
  const t = useT(auditText);
  const tx = useT(exportsText);
  const language = useApp((s) => s.language);
  const list = useKeysetList('audit.list', {}, { limit: 100 });
  const { items, loaded } = list;
  const total = list.page?.total ?? 0;
  const [tick, setTick] = useState(0);
  const integrity = useQuery('audit.integrity', {}, [tick]);
  const [verification, setVerification] = useState<AuditVerification | 'busy' | null>(null);
  const [receiptSeq, setReceiptSeq] = useState('');
  const [receiptHash, setReceiptHash] = useState('');
  const [error, setError] = useState<AppErrorDto>();
  const anchorText = useAnchorText();

  const verify = async () => {
    setVerification('busy');
    const seq = Number(receiptSeq);
    const receipt = receiptSeq.trim() || receiptHash.trim() ? { receipt: { seq: Number.isInteger(seq) ? seq : -1, hash: receiptHash.trim().toLowerCase() } } : {};
    const r = await api.call('audit.verify', receipt);
    setVerification(r.ok ? r.value : null);
    setError(r.ok ? undefined : r.error);
    setTick((n) => n + 1);
    list.reload();
  };

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <button className="primary" disabled={verification === 'busy'} onClick={() => void verify()}>
            {verification === 'busy' ? t('verifying') : t('verify')}
          </button>
        }
      />
      <IntegrityBanner integrity={integrity.data} onChanged={() => { setTick((n) => n + 1); list.reload(); }} />
      {verification && verification !== 'busy' ? (
        <div className={`banner ${verification.ok ? 'banner--ok' : 'banner--error'}`} role="status">
          <p>
            {verification.firstBroken
              ? t('verifiedBroken', { seq: verification.firstBroken.seq, reason: t(`reason_${verification.firstBroken.reason}` as 'reason_hash') })
              : t('verifiedOk', { n: verification.entries, head: (verification.head ?? '').slice(0, 16) })}
          </p>
          <p>{anchorText(verification.anchor)}</p>
          {verification.receipt ? <p>{t(`receipt_${verification.receipt}` as 'receipt_found')}</p> : null}
        </div>
      ) : null}
      <ErrorBanner error={error?.fields ? undefined : error} />
      <div className="audit-tools no-print">
        <ExportButton register="audit" filter={{}} what={tx('whatAudit')} baseName="audit-log" disabled={total === 0} />
        <EvidenceExport />
        <VerifyExport />
        <Receipt />
      </div>
      <details className="audit-receipt-check">
        <summary>{t('checkReceipt')}</summary>
        <div className="form-grid">
          <TextField label={t('receiptSeq')} value={receiptSeq} onChange={setReceiptSeq} error={fieldError(error, 'receipt.seq')} />
          <TextField label={t('receiptHash')} value={receiptHash} onChange={setReceiptHash} error={fieldError(error, 'receipt.hash')} />
        </div>
      </details>
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
                <span>{t(`entity_${e.entity}` as 'entity_incident')}{e.ref ? <span className="mono"> {e.ref}</span> : null}</span>
                <span>{renderActivity(e, language)}</span>
              </div>
            )}
          />
        </>
      )}
    </div>
  );
}
