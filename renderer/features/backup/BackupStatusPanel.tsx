import { useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { formatInstant } from '../../components/format';
import { useJobStatus as useJob } from '../../components/jobStatus';
import { useT } from '../../i18n';
import { backupText } from './i18n';

/** On the deadline board: "last verified backup: <when>", and a warning when none for warnAfterDays. */
export function BackupStatusPanel() {
  const t = useT(backupText);
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const q = useQuery('backups.get', {}, []);
  const s = q.data;
  // An automatic backup in the background: its progress, polled until it ends.
  const live = useJob(s?.running ?? null);
  const running = live.job?.state === 'running' ? live.job : null;
  if (live.job && live.job.state !== 'running' && s?.running) queueMicrotask(q.reload);
  if (!s) return null;
  const progress = running ? (
    <span role="status"> {t('running', { p: running.progress === null ? '…' : `${Math.round(running.progress * 100)} %` })} <progress max={1} value={running.progress ?? 0} aria-label={t('backingUp')} /></span>
  ) : null;
  const last = s.lastVerified ? t('lastVerified', { when: formatInstant(s.lastVerified.at, language) }) : t('lastVerifiedNever');
  if (!s.warning) return <p className="muted backup-status">{last}{progress}</p>;
  return (
    <div className="banner banner--warn backup-status" role="status">
      <strong>{s.lastVerified ? t('warning', { days: String(s.schedule.warnAfterDays) }) : t('warningNever')}</strong>{' '}
      {s.lastVerified ? <span>{last}</span> : null}{' '}
      <button type="button" className="link" onClick={() => navigate({ page: 'settings' })}>{t('openSettings')}</button>
      {progress}
    </div>
  );
}
