import type { JobInfo } from '../../preload/contract/jobs';
import { useApp } from '../app/store';
import { useT } from '../i18n';
import { exportsText } from './exports-i18n';
import { jobErrorText } from './problems';

interface Result {
  fileName?: string;
  sha256?: string;
  rows?: number;
  files?: number;
}

/** Where a running export stands, with a Stop button; then what came of it. */
export function JobProgress({ job, onCancel, runningText }: { job: JobInfo; onCancel(): void; runningText?: string }) {
  const t = useT(exportsText);
  const language = useApp((s) => s.language);
  if (job.state === 'running') {
    const label = runningText ?? (job.total ? t('running', { done: job.done, total: job.total }) : t('runningNoTotal', { done: job.done }));
    return (
      <div className="job-progress" role="status">
        <progress max={1} value={job.progress ?? undefined} aria-label={label} />
        <span>{label}</span>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    );
  }
  const r = (job.result ?? {}) as Result;
  if (job.state === 'done') {
    const text = r.files !== undefined ? t('donePack', { file: r.fileName ?? '', files: r.files, sha: r.sha256 ?? '' }) : r.rows !== undefined ? t('done', { file: r.fileName ?? '', rows: r.rows, sha: r.sha256 ?? '' }) : t('doneFile', { file: r.fileName ?? '', sha: r.sha256 ?? '' });
    return <div className="banner banner--ok job-outcome" role="status">{text}</div>;
  }
  if (job.state === 'cancelled') return <div className="banner banner--warn job-outcome" role="status">{job.cancelledBy === 'lock' ? t('cancelledByLock') : t('cancelled')}</div>;
  return <div className="banner banner--error job-outcome" role="alert">{t('failed', { message: jobErrorText(job.error, language) })}</div>;
}
