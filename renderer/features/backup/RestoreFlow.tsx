import { useState } from 'react';
import type { BackupPreview } from '../../../preload/contract/backups';
import type { FileGrant } from '../../../preload/contract/files';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner, fieldError, TextField } from '../../components/Field';
import { FileChooser } from '../../components/FileChooser';
import { formatInstant, formatNumber } from '../../components/format';
import { formatBytes, useJobStatus as useJob } from '../../components/jobStatus';
import { useT } from '../../i18n';
import { backupText } from './i18n';
import { jobErrorText } from '../../components/problems';

/**
 * Restore: choose the file → open it with its secret → see what it holds → confirm → restore.
 * Works with no vault unlocked (first run on a new laptop, or from the lock screen).
 */
export function RestoreFlow({ onBack }: { onBack?(): void }) {
  const t = useT(backupText);
  const language = useApp((s) => s.language);
  const setVaultState = useApp((s) => s.setVaultState);
  const setRecoveryPending = useApp((s) => s.setRecoveryPending);
  const toast = useApp((s) => s.toast);
  const [grant, setGrant] = useState<FileGrant | null>(null);
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [preview, setPreview] = useState<BackupPreview>();
  const [error, setError] = useState<AppErrorDto>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const restore = useJob(null, 'vault.restoreStatus');
  const job = restore.job;

  if (job && job.state === 'done') {
    queueMicrotask(async () => {
      restore.setJob(null);
      const s = await api.call('vault.status', {});
      toast(t('restored', { at: formatInstant(preview?.createdAt ?? '', language) }));
      if (s.ok) {
        setRecoveryPending(Boolean(s.value.recoveryPending));
        setVaultState(s.value.state);
      }
    });
  }

  const inspect = async () => {
    if (!grant) return;
    setBusy(true);
    const r = await api.call('vault.inspectBackup', mode === 'passphrase' ? { grantId: grant.grantId, passphrase: secret } : { grantId: grant.grantId, recoveryCode: secret });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setSecret('');
    setPreview(r.value);
  };

  const start = async () => {
    setConfirming(false);
    if (!preview) return;
    const r = await api.call('vault.restore', { inspectionId: preview.inspectionId, confirm: true });
    if (!r.ok) return setError(r.error);
    restore.setJob(r.value);
  };

  const n = (x: number) => formatNumber(x, language);
  return (
    <section className="restore-flow" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('restoreTitle')}</h2>
      <p>{t('restoreIntro')}</p>
      <ErrorBanner error={error && !error.fields ? error : undefined} />
      {job?.state === 'failed' ? <p className="banner banner--error" role="alert">{t('failed', { message: jobErrorText(job.error, language) })}</p> : null}
      {!preview ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void inspect();
          }}
        >
          <FileChooser label={t('restoreFile')} purpose="backup" mode="open" value={grant} onChange={setGrant} error={fieldError(error, 'grantId')} />
          <TextField
            key={mode}
            label={mode === 'passphrase' ? t('backupPassphrase') : t('backupRecovery')}
            type={mode === 'passphrase' ? 'password' : 'text'}
            autoComplete="off"
            value={secret}
            onChange={setSecret}
            error={fieldError(error, 'passphrase') ?? fieldError(error, 'recoveryCode') ?? (error?.code === 'WRONG_PASSPHRASE' ? error.message : undefined)}
          />
          <div className="form-actions">
            {onBack ? <button type="button" onClick={onBack}>{t('cancelBack')}</button> : null}
            <button type="button" className="link" onClick={() => setMode(mode === 'passphrase' ? 'recovery' : 'passphrase')}>
              {mode === 'passphrase' ? t('useRecovery') : t('usePassphrase')}
            </button>
            <button type="submit" className="primary" disabled={!grant || !secret || busy}>{busy ? t('inspecting') : t('inspect')}</button>
          </div>
        </form>
      ) : (
        <div>
          <h3>{t('previewTitle')}</h3>
          <dl className="restore-preview">
            <dt>{t('restoreFile')}</dt><dd>{preview.file.name} ({formatBytes(preview.file.size, language)})</dd>
            <dt>{t('createdAt')}</dt><dd>{formatInstant(preview.createdAt, language)}</dd>
            <dt>{t('appVersion')}</dt><dd>{preview.app.version} ({preview.app.buildId})</dd>
            <dt>{t('schema')}</dt><dd>{preview.schemaVersion}</dd>
            <dt>{t('countIncidents')}</dt><dd>{n(preview.counts.incidents)}</dd>
            <dt>{t('countNotices')}</dt><dd>{n(preview.counts.notices)}</dd>
            <dt>{t('countTransfers')}</dt><dd>{n(preview.counts.transfers)}</dd>
            <dt>{t('countInbox')}</dt><dd>{n(preview.counts.inbox)}</dd>
            <dt>{t('countAttachments')}</dt><dd>{n(preview.counts.attachments)} ({formatBytes(preview.counts.attachmentBytes, language)})</dd>
            <dt>{t('countAudit')}</dt><dd>{n(preview.counts.auditEntries)}</dd>
            <dt>{t('auditHead')}</dt><dd className="mono">{preview.auditHead?.slice(0, 16) ?? '—'}…</dd>
          </dl>
          {preview.problem ? <p className="banner banner--error" role="alert">{preview.problem}</p> : null}
          <p className="banner banner--warn">{preview.replacesVault ? t('replaces') : t('freshInstall')}</p>
          {job?.state === 'running' ? (
            <p role="status">
              {t('restoring')} <progress max={1} value={job.progress ?? 0} aria-label={t('restoring')} />
            </p>
          ) : (
            <div className="form-actions">
              <button type="button" onClick={() => setPreview(undefined)}>{t('cancelBack')}</button>
              <button type="button" className="danger" disabled={!preview.restorable} onClick={() => setConfirming(true)}>{t('restore')}</button>
            </div>
          )}
          <ConfirmDialog open={confirming} danger title={t('confirmTitle')} confirmLabel={t('restore')} onCancel={() => setConfirming(false)} onConfirm={() => void start()}>
            <p>{t('confirmBody', { at: formatInstant(preview.createdAt, language) })}</p>
          </ConfirmDialog>
        </div>
      )}
    </section>
  );
}
