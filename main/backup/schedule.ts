import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupSchedule, BackupStatus } from '../../preload/contract/backups';
import { BackupSchedule as ScheduleSchema } from '../../preload/contract/backups';
import type { JobInfo } from '../../preload/contract/jobs';
import { AuditRepo } from '../audit/repo';
import { SettingsRepo } from '../settings/repo';
import { AppError, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import type { VaultManager } from '../vault/service';
import { startBackup } from './backup';
import { DEFAULT_SCHEDULE, PARTIAL_PATTERN, SCHEDULE_KEY } from './model';
import { autoBackupName, backupDue, backupsToRotate, backupWarning, nextBackupDue } from './rules';

export function getSchedule(session: Pick<Session, 'db'>): BackupSchedule {
  const stored = new SettingsRepo(session.db).read(SCHEDULE_KEY) as Partial<BackupSchedule> | undefined;
  return ScheduleSchema.parse({ ...DEFAULT_SCHEDULE, ...stored });
}

/** The last entry of an action on backups, read from the audit log (the one record of what happened). */
function lastEntry(session: Pick<Session, 'db'>, action: string): { at: string; details: Record<string, unknown> } | null {
  const row = new AuditRepo(session.db).lastOf('backup', action);
  return row ? { at: row.at, details: JSON.parse(row.details) as Record<string, unknown> } : null;
}

const runningBackup = (session: Session): JobInfo | null =>
  session.jobs.list().find((j) => (j.kind === 'vault.backup' || j.kind === 'backups.auto') && j.state === 'running') ?? null;

export function backupStatus(session: Session): BackupStatus {
  const schedule = getSchedule(session);
  const written = lastEntry(session, 'vault.backup');
  const restored = lastEntry(session, 'vault.restore');
  const failure = lastEntry(session, 'vault.backupFailed');
  const now = session.now();
  // A restored vault does not hold the entry of its own backup (that came after the copy), but
  // the restore verified that file again: it counts as the last verified backup, as of its date.
  const fromWrite = written
    ? { at: String(written.details.verifiedAt ?? written.at), name: String(written.details.name ?? ''), size: Number(written.details.size ?? 0), sha256: String(written.details.sha256 ?? ''), automatic: Boolean(written.details.automatic) }
    : null;
  const backup = (restored?.details.backup ?? {}) as { name?: string; size?: number; sha256?: string | null };
  const fromRestore = restored
    ? { at: String(restored.details.createdAt ?? restored.at), name: String(backup.name ?? ''), size: Number(backup.size ?? 0), sha256: String(backup.sha256 ?? ''), automatic: false }
    : null;
  const lastVerified = [fromWrite, fromRestore].filter((x) => x !== null).sort((a, b) => (a!.at < b!.at ? 1 : -1))[0] ?? null;
  const success = lastVerified;
  const due = nextBackupDue(schedule, lastVerified?.at ?? null, failure?.at ?? null, now);
  return {
    schedule,
    lastVerified,
    warning: backupWarning(lastVerified?.at ?? null, schedule.warnAfterDays, now),
    nextDueAt: due ? due.toISOString() : null,
    running: runningBackup(session),
    lastError: failure && (!success || failure.at > success.at) ? { at: failure.at, message: String(failure.details.message ?? '') } : null,
  };
}

/** Settings → Backups. The folder comes only from a grant (purpose 'backup', mode 'directory'). */
export function configureBackups(
  session: Session,
  input: { folderGrantId?: string | null; intervalHours?: number; keep?: number; warnAfterDays?: number },
): BackupStatus {
  const before = getSchedule(session);
  let folder = before.folder;
  if (input.folderGrantId === null) folder = null;
  else if (input.folderGrantId !== undefined) {
    folder = session.files.resolve(input.folderGrantId, { purpose: 'backup', modes: ['directory'], field: 'folderGrantId' }).path;
  }
  const after = ScheduleSchema.parse({
    folder,
    intervalHours: input.intervalHours ?? before.intervalHours,
    keep: input.keep ?? before.keep,
    warnAfterDays: input.warnAfterDays ?? before.warnAfterDays,
  });
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    session.tx(() => {
      new SettingsRepo(session.db).write(SCHEDULE_KEY, after);
      session.audit.append({ action: 'backups.configure', entity: 'backup', summary: 'Automatic backup settings changed', details: { before, after } });
    });
  }
  return backupStatus(session);
}

/** Starts an automatic backup into the configured folder, re-checked now (it may have gone). */
export function startAutomaticBackup(vault: VaultManager, session: Session): JobInfo {
  const schedule = getSchedule(session);
  if (!schedule.folder) throw new AppError('CONFLICT', problem('backupFolderFirst'));
  const running = runningBackup(session);
  if (running) return running;
  const recordFailure = (message: string) =>
    session.tx(() =>
      session.audit.append({ action: 'vault.backupFailed', entity: 'backup', summary: `Automatic backup failed: ${message}`, details: { folder: schedule.folder, message } }),
    );
  const folder = vault.files.recheckFolder(schedule.folder);
  if (!folder.ok) {
    recordFailure(folder.problem);
    throw new AppError('CONFLICT', problem('backupFolderAgain', { problem: folder.problem }));
  }
  const dir = folder.path;
  return startBackup(vault, session, {
    path: join(dir, autoBackupName(session.now())),
    automatic: true,
    onFailure: (_s, error) => recordFailure(error.message),
    afterWrite: (s) => {
      const names = readdirSync(dir);
      const rotated = backupsToRotate(names, schedule.keep);
      for (const name of rotated) rmSync(join(dir, name), { force: true });
      // What a killed run left (never under a final name).
      const otherRuns = s.jobs.list().filter((j) => j.state === 'running' && (j.kind === 'vault.backup' || j.kind === 'backups.auto')).length - 1;
      if (otherRuns === 0) for (const name of names.filter((n) => PARTIAL_PATTERN.test(n))) rmSync(join(dir, name), { force: true });
      if (rotated.length) {
        s.tx(() => s.audit.append({ action: 'backups.rotate', entity: 'backup', summary: `Rotation deleted ${rotated.length} older automatic backup(s)`, details: { folder: dir, deleted: rotated, keep: schedule.keep } }));
      }
    },
  });
}

/** Runs an automatic backup when one is due; never throws (the board shows the last failure). */
export function runBackupIfDue(vault: VaultManager): JobInfo | null {
  if (vault.status() !== 'unlocked' || vault.recoveryPending()) return null;
  try {
    const session = vault.hostSession();
    const status = backupStatus(session);
    if (status.running) return null;
    if (!backupDue(status.schedule, status.lastVerified?.at ?? null, status.lastError?.at ?? null, session.now())) return null;
    return startAutomaticBackup(vault, session);
  } catch {
    return null;
  }
}

/** Hosts call this once: a due backup starts shortly after each unlock, and the schedule is checked every few minutes. */
export function startAutoBackups(vault: VaultManager, everyMs = 5 * 60_000, afterUnlockMs = 3_000): () => void {
  const off = vault.onUnlock(() => {
    setTimeout(() => runBackupIfDue(vault), afterUnlockMs).unref?.();
  });
  const timer = setInterval(() => runBackupIfDue(vault), everyMs);
  timer.unref?.();
  return () => {
    off();
    clearInterval(timer);
  };
}
