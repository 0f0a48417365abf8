// The job-status hook of the backup, restore and attachment screens (it can follow a restore
// through vault.restoreStatus while locked); components/useJob.ts is the export dialogs' one.
import { useEffect, useState } from 'react';
import type { JobInfo } from '../../preload/contract/jobs';
import { api } from '../app/api';

/**
 * Follows a long job of main until it ends (polled: the renderer shows what main reports).
 * `via` is 'vault.restoreStatus' for a restore, which runs while no vault is unlocked.
 */
export function useJobStatus(initial: JobInfo | null, via: 'jobs.status' | 'vault.restoreStatus' = 'jobs.status', everyMs = 300) {
  const [job, setJob] = useState<JobInfo | null>(initial);
  useEffect(() => setJob(initial), [initial]);
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setInterval(async () => {
      const r = await api.call(via, { jobId: job.jobId });
      if (r.ok) setJob(r.value);
    }, everyMs);
    return () => clearInterval(timer);
  }, [job?.jobId, job?.state, via, everyMs]);
  const cancel = async () => {
    if (!job) return;
    const r = await api.call('jobs.cancel', { jobId: job.jobId });
    if (r.ok) setJob(r.value);
  };
  return { job, setJob, cancel };
}

export function formatBytes(n: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v)} ${units[u]}`;
}
