import { z } from 'zod';
import { Empty } from './common';
import { OrganisationProfile } from './settings';

export const Passphrase = z
  .string()
  .min(12, 'At least 12 characters')
  .max(1024, 'At most 1024 characters');

export const VaultState = z.enum(['none', 'locked', 'unlocked']);
/** Failed unlock attempts since the previous unlock: times only, never what was typed. */
export const FailedUnlocks = z.object({ count: z.number().int().min(1), firstAt: z.string(), lastAt: z.string() });
export type FailedUnlocks = z.infer<typeof FailedUnlocks>;
export const VaultStatus = z.object({
  state: VaultState,
  /** Unlocked with the recovery code: choose a new passphrase (vault.completeRecovery) before anything else. */
  recoveryPending: z.boolean().optional(),
  /** Said once, by the unlock that follows failed attempts. */
  failedUnlocks: FailedUnlocks.nullable().optional(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const VaultCreate = z
  .object({ passphrase: Passphrase, profile: OrganisationProfile })
  .strict();
export const VaultCreated = z.object({ recoveryCode: z.string() });

/** One of the two secrets: the passphrase, or the one-time recovery code. */
export const VaultUnlock = z
  .object({
    passphrase: z.string().min(1, 'Required').max(1024).optional(),
    recoveryCode: z.string().min(1, 'Required').max(200).optional(),
  })
  .strict()
  .refine((v) => (v.passphrase === undefined) !== (v.recoveryCode === undefined), {
    message: 'Give either the passphrase or the recovery code',
    path: ['passphrase'],
  });
export type VaultUnlock = z.infer<typeof VaultUnlock>;

export const VaultChangePassphrase = z
  .object({ current: z.string().min(1, 'Required').max(1024), next: Passphrase })
  .strict();

export const RecoveryCode = z.object({ recoveryCode: z.string() });

export const PassphraseStrength = z.object({
  score: z.number().int().min(0).max(4),
  /** Stable hint keys the renderer translates. */
  hints: z.array(z.string()),
});

export const vaultChannels = {
  'vault.status': { input: Empty, output: VaultStatus },
  'vault.create': { input: VaultCreate, output: VaultCreated },
  'vault.unlock': { input: VaultUnlock, output: VaultStatus },
  'vault.lock': { input: Empty, output: VaultStatus },
  'vault.changePassphrase': { input: VaultChangePassphrase, output: VaultStatus },
  /** After a recovery-code unlock: the new passphrase; answers the new recovery code, shown once. */
  'vault.completeRecovery': { input: z.object({ next: Passphrase }).strict(), output: RecoveryCode },
  /** Settings: a new recovery code (the old one stops working); needs the passphrase. */
  'vault.newRecoveryCode': { input: z.object({ passphrase: z.string().min(1, 'Required').max(1024) }).strict(), output: RecoveryCode },
  'vault.passphraseStrength': {
    input: z.object({ passphrase: z.string().max(1024) }).strict(),
    output: PassphraseStrength,
  },
} as const;

/** Channels that work while the vault is locked or absent. */
export const UNLOCKED_NOT_REQUIRED = new Set<string>([
  'app.info',
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'vault.passphraseStrength',
  'vault.completeRecovery',
  'vault.inspectBackup',
  'vault.restore',
  'vault.restoreStatus',
  'files.pick',
  'files.grantPath',
  'files.roots',
]);

/** Channels the app polls by itself: they do not count as the DPO's activity for auto-lock. */
// Progress polls (a backup running in the background) are not activity either, or a running job would keep the vault open.
export const BACKGROUND_CHANNELS = new Set<string>(['vault.status', 'deadlines.alerts', 'vault.restoreStatus', 'jobs.status', 'backups.get']);
