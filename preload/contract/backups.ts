import { z } from 'zod';
import { Empty, Id } from './common';
import { JobInfo } from './jobs';

/** What the manifest of a backup counts. */
export const BackupCounts = z.object({
  incidents: z.number().int(),
  notices: z.number().int(),
  transfers: z.number().int(),
  inbox: z.number().int(),
  attachments: z.number().int(),
  attachmentBytes: z.number().int(),
  auditEntries: z.number().int(),
});
export type BackupCounts = z.infer<typeof BackupCounts>;

/** The result of a backup job: the verified file and what the audit entry recorded. */
export const BackupResult = z.object({
  name: z.string(),
  path: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  auditHead: z.string().nullable(),
  createdAt: z.string(),
  verifiedAt: z.string(),
  counts: BackupCounts,
});
export type BackupResult = z.infer<typeof BackupResult>;

/** What a backup holds, read with its own passphrase or recovery code before anything changes. */
export const BackupPreview = z.object({
  inspectionId: z.string(),
  file: z.object({ name: z.string(), size: z.number().int() }),
  createdAt: z.string(),
  app: z.object({ version: z.string(), schemaVersion: z.number().int(), buildId: z.string() }),
  schemaVersion: z.number().int(),
  counts: BackupCounts,
  auditHead: z.string().nullable(),
  /** False with a reason when this app cannot restore it (a newer schema). */
  restorable: z.boolean(),
  problem: z.string().nullable(),
  /** A vault exists here now and will be kept as vault.before-restore-<time>. */
  replacesVault: z.boolean(),
});
export type BackupPreview = z.infer<typeof BackupPreview>;

export const BackupSchedule = z.object({
  /** The folder automatic backups go to (chosen through a grant); null = automatic backups off. */
  folder: z.string().nullable(),
  intervalHours: z.number().int().min(1).max(24 * 30),
  /** How many automatic backups the folder keeps (older ones are deleted). */
  keep: z.number().int().min(1).max(365),
  /** The board warns when the last verified backup is older than this. */
  warnAfterDays: z.number().int().min(1).max(365),
});
export type BackupSchedule = z.infer<typeof BackupSchedule>;

export const BackupStatus = z.object({
  schedule: BackupSchedule,
  lastVerified: z.object({ at: z.string(), name: z.string(), size: z.number().int(), sha256: z.string(), automatic: z.boolean() }).nullable(),
  /** No verified backup within warnAfterDays (or never). */
  warning: z.boolean(),
  nextDueAt: z.string().nullable(),
  running: JobInfo.nullable(),
  /** The last automatic run's failure, e.g. the folder no longer exists. */
  lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

const SecretChoice = z
  .object({
    grantId: Id,
    passphrase: z.string().min(1, 'Required').max(1024).optional(),
    recoveryCode: z.string().min(1, 'Required').max(200).optional(),
  })
  .strict()
  .refine((v) => (v.passphrase === undefined) !== (v.recoveryCode === undefined), {
    message: 'Give either the passphrase or the recovery code of the backup',
    path: ['passphrase'],
  });

export const backupsChannels = {
  /** Backs up to a grant (purpose 'backup', mode 'save'); the job's result is a BackupResult. */
  'vault.backup': { input: z.object({ grantId: Id }).strict(), output: JobInfo },
  /** Works while locked or before any vault exists (first run on a new laptop). */
  'vault.inspectBackup': { input: SecretChoice, output: BackupPreview },
  /** Only after inspectBackup and an explicit confirmation; the job's result is a BackupPreview of what was restored. */
  'vault.restore': { input: z.object({ inspectionId: Id, confirm: z.literal(true) }).strict(), output: JobInfo },
  'vault.restoreStatus': { input: z.object({ jobId: Id }).strict(), output: JobInfo },
  'backups.get': { input: Empty, output: BackupStatus },
  'backups.configure': {
    input: z
      .object({
        /** A grant of purpose 'backup', mode 'directory'; null turns automatic backups off; absent keeps the folder. */
        folderGrantId: Id.nullable().optional(),
        intervalHours: BackupSchedule.shape.intervalHours.optional(),
        keep: BackupSchedule.shape.keep.optional(),
        warnAfterDays: BackupSchedule.shape.warnAfterDays.optional(),
      })
      .strict(),
    output: BackupStatus,
  },
  /** Runs an automatic backup now (to the configured folder). */
  'backups.runNow': { input: Empty, output: JobInfo },
} as const;
