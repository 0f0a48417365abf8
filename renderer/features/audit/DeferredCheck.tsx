import { useEffect } from 'react';
import type { AuditIntegrity } from '../../../preload/contract/audit';
import { api } from '../../app/api';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/useJob';
import { useT } from '../../i18n';
import { auditText } from './i18n';

type Deferred = NonNullable<NonNullable<AuditIntegrity['atOpen']>['deferredCheck']>;

/**
 * The full check of a long log the unlock found without an anchor, which runs as a job after the
 * unlock: its progress (with Stop) while it runs, and a broken chain or a stop once it ended.
 * `onEnded` re-reads the integrity report.
 */
export function DeferredCheckNote({ check, onEnded, className = '' }: { check: Deferred | null | undefined; onEnded(): void; className?: string }) {
  const t = useT(auditText);
  const job = useJob(500);
  const running = check?.state === 'running' ? check.jobId : null;
  useEffect(() => {
    if (!running) return;
    void api.call('jobs.status', { jobId: running }).then((r) => (r.ok ? job.follow(r.value) : onEnded()));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running]);
  const ended = job.job && job.job.state !== 'running';
  useEffect(() => {
    if (ended) onEnded();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ended]);
  if (!check) return null;
  if (check.state === 'running') {
    return (
      <div className={`banner deferred-check ${className}`} role="status">
        <p>{t('deferredRunning', { seq: check.throughSeq })}</p>
        {job.job?.state === 'running' ? <JobProgress job={job.job} onCancel={() => void job.cancel()} /> : null}
      </div>
    );
  }
  if (check.state === 'broken') return <div className={`banner banner--error deferred-check ${className}`} role="alert">{t('deferredBroken', { seq: check.firstBroken ?? '?' })}</div>;
  if (check.state === 'stopped') return <div className={`banner banner--warn deferred-check ${className}`} role="status">{t('deferredStopped')}</div>;
  return null;
}
