import { useState } from 'react';
import type { AuditExportFormat, AuditReceipt, ExportCheck } from '../../../preload/contract/audit';
import type { FileGrant } from '../../../preload/contract/files';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { exportsText } from '../../components/exports-i18n';
import { ErrorBanner, fieldError, TextField } from '../../components/Field';
import { FileChooser } from '../../components/FileChooser';
import { formatInstant } from '../../components/format';
import { JobProgress } from '../../components/JobProgress';
import { Modal } from '../../components/Modal';
import { useExportJob } from '../../components/useExportJob';
import { useT } from '../../i18n';
import { auditText } from './i18n';

const today = () => new Date().toISOString().slice(0, 10);
/** A date typed in the DPO's zone → the instant its day starts there (the browser knows the zone). */
const dayStart = (date: string) => (date ? new Date(`${date}T00:00`).toISOString() : undefined);
const nextDayStart = (date: string) => {
  if (!date) return undefined;
  const d = new Date(`${date}T00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
};

/** The audit log as evidence: JSON Lines or CSV with every MAC, the head and the anchor. */
export function EvidenceExport() {
  const t = useT(auditText);
  const tx = useT(exportsText);
  const language = useApp((s) => s.language);
  const [format, setFormat] = useState<AuditExportFormat>('jsonl');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const x = useExportJob((grantId) => api.call('audit.export', { format, grantId, language, from: dayStart(from), to: nextDayStart(to) }));
  const { grant, setGrant, error, job, running } = x;
  return (
    <>
      <button type="button" onClick={x.show}>{t('evidenceExport')}</button>
      <Modal open={x.open} title={t('evidenceTitle')} onClose={x.close}>
        <p className="muted">{t('evidenceHint')}</p>
        <fieldset className="field export-format">
          <legend>{tx('format')}</legend>
          {(['jsonl', 'csv'] as const).map((f) => (
            <label key={f} className="export-format__option">
              <input type="radio" name="audit-export-format" value={f} checked={format === f} disabled={running} onChange={() => { setFormat(f); setGrant(null); }} />
              {f === 'jsonl' ? t('formatJsonl') : t('formatCsv')}
            </label>
          ))}
        </fieldset>
        <div className="form-grid">
          <TextField type="date" label={t('from')} value={from} onChange={setFrom} error={fieldError(error, 'from')} />
          <TextField type="date" label={t('to')} value={to} onChange={setTo} error={fieldError(error, 'to')} />
        </div>
        <FileChooser key={format} label={tx('saveTo')} purpose="export" mode="save" value={grant} onChange={setGrant} suggestedName={`audit-log-${today()}.${format}`} error={fieldError(error, 'grantId')} disabled={running} />
        <ErrorBanner error={error?.fields ? undefined : error} />
        {job ? <JobProgress job={job} onCancel={x.cancel} /> : null}
        <div className="dialog__actions">
          <button type="button" onClick={x.close} disabled={running}>{tx('close')}</button>
          <button type="button" className="primary" onClick={() => void x.start()} disabled={!grant || running}>{tx('start')}</button>
        </div>
      </Modal>
    </>
  );
}

/** Checks an exported audit file against the vault. */
export function VerifyExport() {
  const t = useT(auditText);
  const tx = useT(exportsText);
  const [open, setOpen] = useState(false);
  const [grant, setGrant] = useState<FileGrant | null>(null);
  const [result, setResult] = useState<ExportCheck>();
  const [error, setError] = useState<AppErrorDto>();
  const [busy, setBusy] = useState(false);
  const check = async () => {
    if (!grant) return;
    setBusy(true);
    const r = await api.call('audit.verifyExport', { grantId: grant.grantId });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setResult(r.value);
  };
  const close = () => {
    setOpen(false);
    setGrant(null);
    setResult(undefined);
    setError(undefined);
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>{t('verifyExport')}</button>
      <Modal open={open} title={t('verifyExportTitle')} onClose={close}>
        <FileChooser label={t('fileToCheck')} purpose="auditExport" mode="open" value={grant} onChange={(g) => { setGrant(g); setResult(undefined); }} error={fieldError(error, 'grantId')} />
        <ErrorBanner error={error?.fields ? undefined : error} />
        {result ? (
          <div className={`banner ${result.ok ? 'banner--ok' : 'banner--error'}`} role="status">
            {result.ok
              ? t('exportOk', { n: result.entries, seq: result.fileHead?.seq ?? '?' })
              : t('exportBad', { seq: result.firstProblem?.seq ?? '?', line: result.firstProblem?.line ?? '?', reason: t(`bad_${result.firstProblem?.reason ?? 'unreadable'}` as 'bad_badMac') })}
          </div>
        ) : null}
        <div className="dialog__actions">
          <button type="button" onClick={close}>{tx('close')}</button>
          <button type="button" className="primary" onClick={() => void check()} disabled={!grant || busy}>{t('check')}</button>
        </div>
      </Modal>
    </>
  );
}

/** The head, count and time to print and keep outside the computer. */
export function Receipt() {
  const t = useT(auditText);
  const tx = useT(exportsText);
  const language = useApp((s) => s.language);
  const [receipt, setReceipt] = useState<AuditReceipt>();
  const [error, setError] = useState<AppErrorDto>();
  const open = async () => {
    const r = await api.call('audit.receipt', {});
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setReceipt(r.value);
  };
  const print = () => {
    document.body.classList.add('receipt-printing');
    window.addEventListener('afterprint', () => document.body.classList.remove('receipt-printing'), { once: true });
    window.print();
  };
  return (
    <>
      <button type="button" onClick={() => void open()}>{t('receipt')}</button>
      <ErrorBanner error={error} />
      <Modal open={Boolean(receipt)} title={t('receiptTitle')} onClose={() => setReceipt(undefined)}>
        {receipt ? (
          <>
            <p className="muted">{t('receiptHint')}</p>
            <div className="receipt-print" aria-label={t('receiptTitle')}>
              <h3>{t('receiptTitle')}</h3>
              <dl>
                <dt>{t('receiptOrg')}</dt>
                <dd>{receipt.organisation}</dd>
                <dt>{t('receiptDpo')}</dt>
                <dd>{receipt.dpo}</dd>
                <dt>{t('receiptHead')}</dt>
                <dd className="mono">#{receipt.seq} {receipt.hash}</dd>
                <dt>{t('receiptCount')}</dt>
                <dd>{receipt.count}</dd>
                <dt>{t('receiptAt')}</dt>
                <dd>{formatInstant(receipt.at, language)} ({receipt.at})</dd>
                <dt>{t('receiptSignature')}</dt>
                <dd className="mono">{receipt.signature}</dd>
              </dl>
            </div>
            <div className="dialog__actions">
              <button type="button" onClick={() => setReceipt(undefined)}>{tx('close')}</button>
              <button type="button" className="primary" onClick={print}>{t('print')}</button>
            </div>
          </>
        ) : null}
      </Modal>
    </>
  );
}
