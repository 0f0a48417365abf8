import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JobInfo } from '../../preload/contract/jobs';
import type { TestVault } from './vault';

/** A folder of the test vault granted in Settings, where exports may be written. */
export async function exportDir(tv: TestVault): Promise<string> {
  const dir = join(tv.dir, 'exports-out');
  if (!existsSync(dir)) {
    mkdirSync(dir);
    await tv.ok('settings.update', { fileRoots: [dir] });
  }
  return dir;
}

/** A save grant for `name` in the granted folder (as the HTTP host's typed path gives). */
export async function saveGrant(tv: TestVault, name: string): Promise<{ grantId: string; path: string }> {
  const dir = await exportDir(tv);
  const grant = await tv.ok('files.grantPath', { purpose: 'export', mode: 'save', path: join(dir, name) });
  return { grantId: grant.grantId, path: grant.displayPath };
}

export async function openGrant(tv: TestVault, path: string): Promise<string> {
  return (await tv.ok('files.grantPath', { purpose: 'auditExport', mode: 'open', path })).grantId;
}

export async function finished(tv: TestVault, job: JobInfo): Promise<JobInfo> {
  return tv.session.jobs.wait(job.jobId);
}
