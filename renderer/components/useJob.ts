import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobInfo } from '../../preload/contract/jobs';
import type { AppErrorDto } from '../../preload/contract/result';
import { api } from '../app/api';

/** Follows a session job (main/jobs): polls jobs.status until it ends; cancel() asks main to stop it. */
export function useJob(pollMs = 250) {
  const [job, setJob] = useState<JobInfo | null>(null);
  const [error, setError] = useState<AppErrorDto>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const poll = useCallback(
    (jobId: string) => {
      timer.current = setTimeout(async () => {
        const r = await api.call('jobs.status', { jobId });
        if (!r.ok) return setError(r.error);
        setJob(r.value);
        if (r.value.state === 'running') poll(jobId);
      }, pollMs);
    },
    [pollMs],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  const follow = useCallback(
    (started: JobInfo) => {
      clearTimeout(timer.current);
      setError(undefined);
      setJob(started);
      if (started.state === 'running') poll(started.jobId);
    },
    [poll],
  );

  const cancel = useCallback(async () => {
    if (!job) return;
    const r = await api.call('jobs.cancel', { jobId: job.jobId });
    if (r.ok) setJob(r.value);
  }, [job]);

  const reset = useCallback(() => {
    clearTimeout(timer.current);
    setJob(null);
    setError(undefined);
  }, []);

  return { job, error, follow, cancel, reset };
}
