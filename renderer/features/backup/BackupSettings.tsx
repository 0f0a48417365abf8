import { useEffect, useState } from 'react';
import type { BackupResult, BackupStatus } from '../../../preload/contract/backups';
import type { FileGrant } from '../../../preload/contract/files';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, fieldError, TextField } from '../../components/Field';
import { FileChooser } from '../../components/FileChooser';
import { formatInstant } from '../../components/format';
import { formatBytes, useJobStatus as useJob } from '../../components/jobStatus';
import { useT } from '../../i18n';
import { backupText } from './i18n';
import { jobErrorText } from '../../components/problems';

const today = () => new Date().toISOString().slice(0, 10);

/** Settings → Backups: back up now to a chosen file, and the automatic schedule. */
export function BackupSettings() {
  const t = useT(backupText);
  const language = useApp((s) => s.language);
  const status = useQuery('backups.get', {}, []);
  const [target, setTarget] = useState<FileGrant | null>(null);
  const [folder, setFolder] = useState<FileGrant | null>(null);
  const [error, setError] = useState<AppErrorDto>();
  const [draft, setDraft] = useState<{ intervalHours: string; keep: string; warnAfterDays: string }>();
  const manual = useJob(null);
  const auto = useJob(null);
  const s: BackupStatus | undefined = status.data;
  useEffect(() => {
    if (s) setDraft({ intervalHours: String(s.schedule.intervalHours), keep: String(s.schedule.keep), warnAfterDays: String(s.schedule.warnAfterDays) });
  }, [s]);
  useEffect(() => {
    if (manual.job && manual.job.state !== 'running') status.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [manual.job?.state, auto.job?.state]);
  if (!s || !draft) return null;

  const backUp = async () => {
    if (!target) return;
    const r = await api.call('vault.backup', { grantId: target.grantId });
    setTarget(null);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    manual.setJob(r.value);
  };
  const configure = async (input: Parameters<typeof api.call<'backups.configure'>>[1]) => {
    const r = await api.call('backups.configure', input);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    status.reload();
  };
  const result = manual.job?.state === 'done' ? (manual.job.result as BackupResult) : null;
  const running = manual.job?.state === 'running' ? manual.job : auto.job?.state === 'running' ? auto.job : s.running;

  return (
    <section className="card" aria-labelledby="settings-backups">
      <h2 id="settings-backups">{t('backupsTitle')}</h2>
      <p className="muted">{t('backupsIntro')}</p>
      <ErrorBanner error={error && !error.fields ? error : undefined} />
      <p>{s.lastVerified ? t('lastVerified', { when: formatInstant(s.lastVerified.at, language) }) : t('lastVerifiedNever')}</p>

      <h3>{t('backupNow')}</h3>
      <FileChooser label={t('backupFile')} purpose="backup" mode="save" suggestedName={`dpo-vault-${today()}.dpobackup`} value={target} onChange={setTarget} error={fieldError(error, 'grantId')} />
      <div className="form-actions">
        <button type="button" className="primary" disabled={!target || Boolean(running)} onClick={() => void backUp()}>{t('backupNow')}</button>
      </div>
      {running ? (
        <p role="status">
          {t('backingUp')} <progress max={1} value={running.progress ?? 0} aria-label={t('backingUp')} />{' '}
          {manual.job?.state === 'running' ? <button type="button" onClick={() => void manual.cancel()}>{t('stop')}</button> : null}
        </p>
      ) : null}
      {result ? <p className="banner banner--ok" role="status">{t('backupDone', { path: result.path, size: formatBytes(result.size, language), sha: `${result.sha256.slice(0, 16)}…` })}</p> : null}
      {manual.job?.state === 'failed' ? <p className="banner banner--error" role="alert">{t('backupFailed', { message: jobErrorText(manual.job.error, language) })}</p> : null}
      {manual.job?.state === 'cancelled' ? <p className="banner banner--warn" role="status">{t('backupCancelled')}</p> : null}

      <h3>{t('automatic')}</h3>
      <p className="muted">{s.schedule.folder ? t('currentFolder', { folder: s.schedule.folder }) : t('automaticOff')}</p>
      {s.lastError ? <p className="banner banner--error">{t('lastError', { at: formatInstant(s.lastError.at, language), message: s.lastError.message })}</p> : null}
      {s.nextDueAt ? <p className="muted">{t('nextDue', { when: formatInstant(s.nextDueAt, language) })}</p> : null}
      <FileChooser
        label={t('automaticFolder')}
        purpose="backup"
        mode="directory"
        value={folder}
        onChange={(g) => {
          setFolder(g);
          if (g) void configure({ folderGrantId: g.grantId }).then(() => setFolder(null));
        }}
        error={fieldError(error, 'folderGrantId')}
      />
      <form
        noValidate
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void configure({ intervalHours: Number(draft.intervalHours), keep: Number(draft.keep), warnAfterDays: Number(draft.warnAfterDays) });
        }}
      >
        <TextField label={t('interval')} type="number" min={1} value={draft.intervalHours} onChange={(v) => setDraft({ ...draft, intervalHours: v })} error={fieldError(error, 'intervalHours')} />
        <TextField label={t('keep')} type="number" min={1} value={draft.keep} onChange={(v) => setDraft({ ...draft, keep: v })} error={fieldError(error, 'keep')} />
        <TextField label={t('warnAfter')} type="number" min={1} value={draft.warnAfterDays} onChange={(v) => setDraft({ ...draft, warnAfterDays: v })} error={fieldError(error, 'warnAfterDays')} />
        <div className="form-actions">
          {s.schedule.folder ? <button type="button" onClick={() => void configure({ folderGrantId: null })}>{t('turnOff')}</button> : null}
          {s.schedule.folder ? (
            <button type="button" disabled={Boolean(running)} onClick={async () => {
              const r = await api.call('backups.runNow', {});
              if (!r.ok) return setError(r.error);
              auto.setJob(r.value);
            }}>{t('runNow')}</button>
          ) : null}
          <button type="submit">{t('saveSchedule')}</button>
        </div>
      </form>
    </section>
  );
}
