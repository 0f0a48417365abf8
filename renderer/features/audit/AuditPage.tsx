import { useEffect, useState } from 'react';
import type { AuditVerification } from '../../../preload/contract/audit';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { EmptyState } from '../../components/EmptyState';
import { ExportButton } from '../../components/ExportButton';
import { exportsText } from '../../components/exports-i18n';
import { ErrorBanner, fieldError, TextField } from '../../components/Field';
import { renderActivity } from '../../components/activity';
import { formatInstant, formatNumber } from '../../components/format';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/useJob';
import { PageHeader } from '../../components/PageHeader';
import { useKeysetList } from '../../components/useKeysetList';
import { VirtualList } from '../../components/VirtualList';
import { useT } from '../../i18n';
import { auditText } from './i18n';
import { IntegrityBanner, useAnchorText } from './Integrity';
import { EvidenceExport, Receipt, VerifyExport } from './Tools';
import { jobErrorText } from '../../components/problems';

export function AuditPage() {
  const t = useT(auditText);
  const tx = useT(exportsText);
  const language = useApp((s) => s.language);
  const list = useKeysetList('audit.list', {}, { limit: 100 });
  const { items, loaded } = list;
  const total = list.page?.total ?? 0;
  const [tick, setTick] = useState(0);
  const integrity = useQuery('audit.integrity', {}, [tick]);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const check = useJob();
  const [receiptSeq, setReceiptSeq] = useState('');
  const [receiptHash, setReceiptHash] = useState('');
  const [error, setError] = useState<AppErrorDto>();
  const anchorText = useAnchorText();

  // A long log is checked as a session job (progress, Stop; lock stops it too).
  const verify = async (scope: 'full' | 'sinceAnchor') => {
    setVerification(null);
    const seq = Number(receiptSeq);
    const receipt = receiptSeq.trim() || receiptHash.trim() ? { receipt: { seq: Number.isInteger(seq) ? seq : -1, hash: receiptHash.trim().toLowerCase() } } : {};
    const r = await api.call('audit.verifyStart', { ...receipt, scope });
    setError(r.ok ? undefined : r.error);
    if (r.ok) check.follow(r.value);
  };
  const finished = check.job && check.job.state !== 'running' ? check.job : null;
  useEffect(() => {
    if (!finished) return;
    setVerification(finished.state === 'done' ? (finished.result as AuditVerification) : null);
    setTick((n) => n + 1);
    list.reload();
    // Once per finished job (its id and end state), not on every poll.
  }, [finished?.jobId, finished?.state]);
  const busy = check.job?.state === 'running';

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <button disabled={busy} onClick={() => void verify('sinceAnchor')} title={t('verifySinceAnchorHint')}>
              {t('verifySinceAnchor')}
            </button>
            <button className="primary" disabled={busy} onClick={() => void verify('full')}>
              {busy ? t('verifying') : t('verify')}
            </button>
          </>
        }
      />
      <IntegrityBanner integrity={integrity.data} onChanged={() => { setTick((n) => n + 1); list.reload(); }} />
      {check.job?.state === 'running' ? (
        <JobProgress
          job={check.job}
          onCancel={() => void check.cancel()}
          runningText={t('verifyingProgress', { done: formatNumber(check.job.done, language), total: formatNumber(check.job.total ?? 0, language) })}
        />
      ) : null}
      {check.job?.state === 'cancelled' ? (
        <div className="banner banner--warn" role="status">{t('verifyStopped')}</div>
      ) : null}
      {check.job?.state === 'failed' ? (
        <div className="banner banner--error" role="alert">{jobErrorText(check.job.error, language)}</div>
      ) : null}
      {verification ? (
        <div className={`banner ${verification.ok ? 'banner--ok' : 'banner--error'}`} role="status">
          <p>
            {verification.firstBroken
              ? t('verifiedBroken', { seq: verification.firstBroken.seq, reason: t(`reason_${verification.firstBroken.reason}` as 'reason_hash') })
              : verification.scope === 'sinceAnchor'
                ? verification.anchor.status === 'matches'
                  ? t('verifiedSinceAnchor', { n: verification.checked, anchored: verification.entries - verification.checked, head: (verification.head ?? '').slice(0, 16) })
                  : t('verifySinceAnchorNeedsFull')
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
