import type { BackupSchedule } from '../../preload/contract/backups';
import { AUTO_PATTERN, AUTO_PREFIX } from './model';

const HOUR = 3_600_000;
/** After a failed automatic run, the next try waits this long (a missing folder is not retried every tick). */
export const RETRY_AFTER_FAILURE_MS = HOUR;

/** When the next automatic backup is due, or null when automatic backups are off. Pure. */
export function nextBackupDue(schedule: BackupSchedule, lastSuccessAt: string | null, lastFailureAt: string | null, now: Date): Date | null {
  if (!schedule.folder) return null;
  const fromSuccess = lastSuccessAt ? Date.parse(lastSuccessAt) + schedule.intervalHours * HOUR : now.getTime();
  const fromFailure = lastFailureAt && (!lastSuccessAt || lastFailureAt > lastSuccessAt) ? Date.parse(lastFailureAt) + RETRY_AFTER_FAILURE_MS : 0;
  return new Date(Math.max(fromSuccess, fromFailure));
}

export function backupDue(schedule: BackupSchedule, lastSuccessAt: string | null, lastFailureAt: string | null, now: Date): boolean {
  const due = nextBackupDue(schedule, lastSuccessAt, lastFailureAt, now);
  return due !== null && due.getTime() <= now.getTime();
}

/** The board warns when no backup has been verified within warnAfterDays (or ever). Pure. */
export function backupWarning(lastVerifiedAt: string | null, warnAfterDays: number, now: Date): boolean {
  return !lastVerifiedAt || now.getTime() - Date.parse(lastVerifiedAt) > warnAfterDays * 24 * HOUR;
}

/** dpo-vault-20261129T020000Z.dpobackup: sortable, and recognisable by rotation. */
export function autoBackupName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `${AUTO_PREFIX}${stamp}.dpobackup`;
}

/** Which automatic backups rotation deletes: all but the newest `keep` (the DPO's own files never). Pure. */
export function backupsToRotate(names: string[], keep: number): string[] {
  const ours = names.filter((n) => AUTO_PATTERN.test(n)).sort().reverse();
  return ours.slice(keep);
}
