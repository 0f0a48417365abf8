import { useState } from 'react';
import type { FileGrant } from '../../preload/contract/files';
import type { JobInfo } from '../../preload/contract/jobs';
import type { AppErrorDto, Result } from '../../preload/contract/result';
import { useJob } from './useJob';

/**
 * The state every "write a file as a job" dialog needs: the chosen grant, main's error, the job
 * it started and its progress; start() calls the channel with the grant, close() refuses while
 * the job runs (Stop first) and forgets everything otherwise.
 */
export function useExportJob(call: (grantId: string) => Promise<Result<JobInfo>>) {
  const [open, setOpen] = useState(false);
  const [grant, setGrant] = useState<FileGrant | null>(null);
  const [error, setError] = useState<AppErrorDto>();
  const { job, follow, cancel, reset } = useJob();
  const running = job?.state === 'running';

  const start = async () => {
    if (!grant) return;
    const r = await call(grant.grantId);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setGrant(null);
    follow(r.value);
  };
  const close = () => {
    if (running) return;
    setOpen(false);
    reset();
    setGrant(null);
    setError(undefined);
  };
  return { open, show: () => setOpen(true), close, grant, setGrant, error, job, running, start, cancel: () => void cancel() };
}
