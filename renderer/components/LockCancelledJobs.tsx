import { useEffect, useState } from 'react';
import type { JobInfo } from '../../preload/contract/jobs';
import { api } from '../app/api';
import { useT } from '../i18n';
import { jobsText } from './jobs-i18n';

const KIND_KEYS: Record<string, 'kind_notices_mailMerge' | 'kind_backup' | 'kind_autoBackup' | 'kind_attach' | 'kind_saveFile' | 'kind_audit_verify'> = {
  'notices.mailMerge': 'kind_notices_mailMerge',
  'vault.backup': 'kind_backup',
  'backups.auto': 'kind_autoBackup',
  'attachments.upload': 'kind_attach',
  'attachments.add': 'kind_attach',
  'attachments.saveAs': 'kind_saveFile',
  'audit.verify': 'kind_audit_verify',
};

/**
 * After an unlock: the jobs the last lock (or auto-lock) cancelled, so the DPO learns that a
 * mail-merge or backup did not finish. Main keeps them across the lock; dismissing forgets them.
 */
export function LockCancelledJobs() {
  const t = useT(jobsText);
  const [jobs, setJobs] = useState<JobInfo[]>([]);

  useEffect(() => {
    let live = true;
    void api.call('jobs.list', {}).then((r) => {
      if (live && r.ok) setJobs(r.value.filter((j) => j.state === 'cancelled' && j.cancelledBy === 'lock'));
    });
    return () => {
      live = false;
    };
  }, []);

  if (!jobs.length) return null;
  const dismiss = async () => {
    await Promise.all(jobs.map((j) => api.call('jobs.dismiss', { jobId: j.jobId })));
    setJobs([]);
  };
  return (
    <section className="banner banner--warn" role="status" aria-labelledby="lock-cancelled-title">
      <strong id="lock-cancelled-title">{t('cancelledByLockTitle')}</strong>
      <ul>
        {jobs.map((j) => (
          <li key={j.jobId}>{t('cancelledByLockItem', { kind: t(KIND_KEYS[j.kind] ?? 'kind_other'), subject: j.subject ?? '' })}</li>
        ))}
      </ul>
      <button type="button" onClick={() => void dismiss()}>{t('dismiss')}</button>
    </section>
  );
}
